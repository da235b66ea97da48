/**
 * The settings as content scripts read them: straight from `storage.local`, through `readSettings` (each field
 * checked on its own), without WXT's storage layer, which would add its code to every player's runtime. The item
 * is written only by the options page and the popup (lib/settings/store.ts); a later version that migrates the
 * stored shape must keep `readSettings` able to read the old one, as it does for a corrupt value now.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from './key';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './model';

export function readPageSettings(): Promise<Settings> {
  return browser.storage.local.get(SETTINGS_KEY).then(
    (stored) => readSettings(stored[SETTINGS_KEY]),
    () => DEFAULT_SETTINGS,
  );
}

/** Calls `listener` with the settings each time they change; returns the unsubscribe. */
export function watchPageSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(readSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
