/**
 * Where the settings live: one versioned item in `storage.local` (settings are this browser's; nothing goes to the
 * browser's sync unless the listener turns moment sync on). Every read goes through `readSettings`, so a corrupt
 * value costs only its bad fields. Later shapes bump `version` and add a pure, idempotent migration here.
 */
import { storage } from 'wxt/utils/storage';
import { SETTINGS_KEY } from './stored';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './model';

export const settingsItem = storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return readSettings(await settingsItem.getValue().catch(() => undefined));
}

/** Applies `change` to the settings as stored now and saves the result (checked again on the way in). */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = readSettings(change(await loadSettings()));
  await settingsItem.setValue(next);
  return next;
}

/** Calls `listener` with the new settings whenever they change, in any tab or page; returns the unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(readSettings(value)));
}
