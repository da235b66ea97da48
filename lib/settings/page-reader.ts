/**
 * The settings as content scripts read them: the stored value (./stored.ts) through `readSettings`, each field
 * checked on its own, without WXT's storage layer, which would add its code to every player's runtime. The item is
 * written only by the options page and the popup (./store.ts); a later version that migrates the stored shape must
 * keep `readSettings` able to read the old one, as it does for a corrupt value now.
 */
import { readSettings, type Settings } from './model';
import { readStoredSettings, watchStoredSettings } from './stored';

export const readPageSettings = (): Promise<Settings> => readStoredSettings().then(readSettings);

/** Calls `listener` with the settings each time they change; returns the unsubscribe. */
export const watchPageSettings = (listener: (settings: Settings) => void): (() => void) =>
  watchStoredSettings((stored) => listener(readSettings(stored)));
