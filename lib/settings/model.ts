/**
 * The listener's settings: what each one means, its default, and how a stored value is read. Pure (no `browser`):
 * the stored item is in ./store.ts; the options page, the popup and every content script read through here.
 *
 * A stored value is never trusted whole: each field is checked on its own, and a field that is missing or wrong
 * (an older build, a hand-edited profile, a bad sync) falls back to its default while the others are kept.
 */
import * as z from 'zod/mini';

/** The longest "save the last N seconds" a listener can choose (the moments issue uses it). */
export const MAX_SAVE_LAST_SECONDS = 600;

export const SettingsSchema = z.object({
  /** Players (adapter ids) where Earmark does nothing at all. */
  disabledPlayers: z.array(z.string().check(z.minLength(1), z.maxLength(40))).check(z.maxLength(100)),
  /** Earmark stays idle on every page until the listener presses its toolbar button there. */
  onlyWhenAsked: z.boolean(),
  /** Chapter markers on the player's progress bar. */
  chapterMarkers: z.boolean(),
  /** Saved moments marked on the progress bar. */
  momentMarkers: z.boolean(),
  /** Times in the show notes made clickable. */
  noteLinks: z.boolean(),
  /** Guest cards in the panel (the popup still lists guests). */
  guestCards: z.boolean(),
  /** The panel starts collapsed to its header. */
  panelCollapsed: z.boolean(),
  /**
   * Read the podcast's own feed (chapters, guests, fuller notes) for the episode on screen. Off by default: it
   * fetches from the podcast's hosts and Apple's directory, so it needs the all-sites permission, asked when turned on.
   */
  feedLookup: z.boolean(),
  /** "Save the last N seconds": N. */
  saveLastSeconds: z.number().check(z.int(), z.minimum(5), z.maximum(MAX_SAVE_LAST_SECONDS)),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  disabledPlayers: [],
  onlyWhenAsked: false,
  chapterMarkers: true,
  momentMarkers: true,
  noteLinks: true,
  guestCards: true,
  panelCollapsed: false,
  feedLookup: false,
  saveLastSeconds: 30,
}) as Settings;

const FIELDS = Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>;

/** The settings a stored value stands for: each valid field kept, each invalid or missing one at its default. */
export function readSettings(stored: unknown): Settings {
  const source = stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of FIELDS) {
    const field = SettingsSchema.shape[key];
    const parsed = field.safeParse(source[key]);
    out[key] = parsed.success ? parsed.data : DEFAULT_SETTINGS[key];
  }
  // An id listed twice is one switch.
  out.disabledPlayers = [...new Set(out.disabledPlayers as string[])];
  return out as Settings;
}

/** Whether Earmark runs on `player`'s pages at all. */
export const playerEnabled = (settings: Settings, player: string): boolean => !settings.disabledPlayers.includes(player);

/** `settings` with `player` switched on or off. */
export function withPlayer(settings: Settings, player: string, enabled: boolean): Settings {
  const rest = settings.disabledPlayers.filter((p) => p !== player);
  return { ...settings, disabledPlayers: enabled ? rest : [...rest, player] };
}
