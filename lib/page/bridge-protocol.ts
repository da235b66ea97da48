/**
 * The protocol between a content script (isolated world) and Earmark's page-world helper
 * (entrypoints/page-bridge.ts). Both sides talk through DOM events on the helper's own `<script>` element, which
 * the content script created and keeps: a node is shared by both worlds, JavaScript objects are not, so every
 * payload is a JSON string. The page can see and forge these events, so what comes back is checked like any
 * other page data (lib/content/page-bridge.ts).
 */

/** Content script → page: a command. */
export const TO_PAGE = 'earmark:to-page';
/** Page → content script: a reply or a playback report. */
export const FROM_PAGE = 'earmark:from-page';

export type PageCommand =
  | { cmd: 'seek'; id: number; seconds: number }
  | { cmd: 'timejump'; id: number; seconds: number }
  | { cmd: 'player-data'; id: number }
  | { cmd: 'report' };

/** The page-world media's state, as the helper last saw it. */
export interface MediaReport {
  kind: 'state';
  time: number;
  duration: number | null;
  paused: boolean;
  /** The element has metadata (readyState ≥ 1). */
  ready: boolean;
  /** How a seek is carried out: the page's media-session handler, or the element itself. */
  via: 'session' | 'element';
}

export type PageMessage = MediaReport | { kind: 'reply'; id: number; ok: boolean; data?: unknown };

/** Longest JSON a page message may be: the player data carries a description (a few kB, a transcript at worst). */
export const MAX_PAGE_MESSAGE = 1_000_000;
