/**
 * The extension's messages, one protocol map: each message names its request and its response.
 *
 * A content script receives these only from Earmark's own popup and background (pages cannot reach
 * `runtime.onMessage`); the guard below still checks every field, by hand rather than with zod, because it ships
 * in every content script (25 KB budget). Hostile data (the pages' embedded JSON) is validated with zod.
 */

/**
 * A tab may run Earmark in several frames (a page and the embedded players in it): a request sent to the tab
 * reaches them all. `to` names the one that answered `earmark:status` (its `instance`), so a command acts once.
 */
export type ContentRequest = (
  | { type: 'earmark:status' }
  | { type: 'earmark:save-here' }
  | { type: 'earmark:step'; delta: 1 | -1 }
  | { type: 'earmark:seek'; seconds: number }
) & { to?: string };

export interface ContentStatus {
  /** This runtime, among the tab's frames: later commands name it in `to`. */
  instance: string;
  player: string;
  /** The player's name as the listener knows it ("Spotify"). */
  label: string;
  /** What Earmark cannot do on this page right now, and what the listener can do about it. */
  notice?: string;
  kind: 'episode' | 'show' | 'other';
  /** The page shows this episode without any show notes: there is nothing for Earmark to read. */
  emptyNotes?: boolean;
  title?: string;
  chapters: Array<{ startTime: number; title: string }>;
  /** `links`: https only, at most 5 (checked again where the popup reads the answer: lib/content-status.ts). */
  guests: Array<{ name: string; affiliations: string[]; summary: string; links: Array<import('./guests').GuestLink> }>;
}

/** What each content-script request answers. */
export interface ContentProtocol {
  'earmark:status': ContentStatus;
  'earmark:step': boolean;
  'earmark:seek': boolean;
  /** The moment saved, or undefined when the page has no episode (or saving failed). */
  'earmark:save-here': import('./moments/model').Moment | undefined;
}

/** The request, when `message` is exactly one of ours; undefined for anything else. */
export function asContentRequest(message: unknown): ContentRequest | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { to, ...m } = message as Record<string, unknown>;
  if (to !== undefined && (typeof to !== 'string' || to.length > 64)) return undefined;
  const request = asUntargeted(m);
  return request && typeof to === 'string' ? { ...request, to } : request;
}

function asUntargeted(m: Record<string, unknown>): ContentRequest | undefined {
  const keys = Object.keys(m).sort().join(',');
  if (m.type === 'earmark:status' && keys === 'type') return { type: 'earmark:status' };
  if (m.type === 'earmark:save-here' && keys === 'type') return { type: 'earmark:save-here' };
  if (m.type === 'earmark:step' && keys === 'delta,type' && (m.delta === 1 || m.delta === -1)) {
    return { type: 'earmark:step', delta: m.delta };
  }
  if (
    m.type === 'earmark:seek' &&
    keys === 'seconds,type' &&
    typeof m.seconds === 'number' &&
    Number.isFinite(m.seconds) &&
    m.seconds >= 0
  ) {
    return { type: 'earmark:seek', seconds: m.seconds };
  }
  return undefined;
}

/** Requests the background answers (from content scripts and the popup). */
export type BackgroundRequest = { type: 'earmark:wikipedia'; name: string };

/** A Wikipedia look-up's answer: the result, or why there is none. */
export type WikiAnswer =
  | { ok: true; result: import('./guests/wikipedia').WikiResult }
  | { ok: false; reason: 'permission' | 'error'; message: string };

export interface BackgroundProtocol {
  'earmark:wikipedia': WikiAnswer;
  'earmark:moment-save': import('./moments/model').Moment;
  'earmark:moment-change': boolean;
  'earmark:moments': import('./moments/model').Moment[];
  'earmark:moments-import': import('./moments/transfer').ImportResult;
  /** Sync's state, after switching it on or off when `enabled` is given. */
  'earmark:moments-sync': import('./background/moments-sync').SyncStatus;
}

/** Moment requests (checked in the background by lib/background/moment-requests.ts). */
export type MomentMessage =
  | { type: 'earmark:moment-save'; moment: import('./moments/model').NewMoment }
  | { type: 'earmark:moment-change'; change: Exclude<import('./moments/model').MomentChange, { kind: 'add' }> }
  | { type: 'earmark:moments'; episodeUrl?: string; includeDeleted?: boolean }
  | { type: 'earmark:moments-import'; text: string }
  | { type: 'earmark:moments-sync'; enabled?: boolean };

/** The request, when `message` is exactly one of the background's; undefined for anything else. */
export function asBackgroundRequest(message: unknown): BackgroundRequest | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  if (
    m.type === 'earmark:wikipedia' &&
    Object.keys(m).sort().join(',') === 'name,type' &&
    typeof m.name === 'string' &&
    m.name.trim().length > 0 &&
    m.name.length <= 200
  ) {
    return { type: 'earmark:wikipedia', name: m.name };
  }
  return undefined;
}
