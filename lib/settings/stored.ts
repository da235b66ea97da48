/**
 * The listener's settings as `storage.local` holds them, unchecked: one key, read and watched here for the content
 * scripts. The detector (lib/content/stage.ts) reads the raw value by hand to stay small; the runtime reads it
 * through `readSettings` (./page-reader.ts); the options page and the popup go through WXT's item (./store.ts),
 * which is defined on the same key.
 */
import { browser } from 'wxt/browser';

export const SETTINGS_KEY = 'settings';

/** The stored value (undefined when there is none or storage cannot be read). */
export function readStoredSettings(): Promise<unknown> {
  return browser.storage.local.get(SETTINGS_KEY).then(
    (stored) => stored[SETTINGS_KEY],
    () => undefined,
  );
}

/** Calls `listener` with the new stored value each time the settings change; returns the unsubscribe. */
export function watchStoredSettings(listener: (stored: unknown) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(changes[SETTINGS_KEY]!.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
