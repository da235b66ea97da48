/** The `storage.local` key that holds the listener's settings (lib/settings/store.ts defines the item on it). */
export const SETTINGS_KEY = 'settings';
