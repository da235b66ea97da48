/**
 * The contract every player adapter fulfils. Adapters are declarative where they can be (match patterns, URL
 * examples, selectors beside the pages they must match) and read the page through the `Document` they are
 * given, so tests can pass fixture pages. Nothing here touches `browser`.
 */

import type { PersonRecord } from '../guests/extract';

export type PageKind = 'episode' | 'show' | 'other';

export interface EpisodeInfo {
  /** The show's name, when the page says it. */
  show?: string;
  title: string;
  /** Canonical URL of the episode page (the page's own URL when nothing better is known). */
  url: string;
  /** Seconds, when the page's data says it. */
  duration?: number;
  /** Show notes as HTML (page text: hostile; only ever parsed, never inserted). */
  notes: string;
  hosts?: string[];
  /**
   * People the page lists for the episode with their role (a site's "Creators and Guests"): structured data, so
   * the guests engine takes the page's word over its reading of the notes.
   */
  persons?: PersonRecord[];
  /** What the page says of the episode's feed, for "read the podcast's feed" (lib/feed): page text, checked there. */
  feed?: FeedClues;
}

/** Clues to the show's feed and the episode in it. */
export interface FeedClues {
  /** The feed's address, where the page links it. */
  rss?: string;
  /** The show's Apple Podcasts id. */
  appleId?: string;
  /** The audio file the page plays. */
  enclosure?: string;
  /** Milliseconds since the epoch. */
  published?: number;
}

/** An episode card on a show page. */
export interface EpisodeCard {
  /** The card element the chip goes into. */
  element: Element;
  /** Absolute URL of the episode page. */
  url: string;
  title: string;
  /** Notes or summary as HTML. */
  notes: string;
}

/**
 * What a page-world helper (entrypoints/page-bridge.ts) is asked to do on a player whose page keeps what we need
 * out of reach of the content script's isolated world:
 * - `media`: find the media element the player never attaches (Spotify) and the page's media-session `seekto`
 *   handler, report its time and seek it;
 * - `timejump`: seek through the page's own `timejump` window event (Transistor sites);
 * - `player-data`: read the page player's description and length (YouTube Music's `#movie_player`).
 */
export type BridgeFeature = 'media' | 'timejump' | 'player-data';

/** What the page-world helper read from the page's player (`player-data`): page data, hostile, validated. */
export interface PlayerData {
  videoId: string;
  title?: string;
  author?: string;
  description?: string;
  lengthSeconds?: number;
}

/** Data only the page-world helper can reach, passed to `readEpisode` when the adapter asked for it. */
export interface PageData {
  player?: PlayerData;
}

export interface PlayerAdapter {
  /** Stable id (persisted with saved moments later): lowercase, no spaces. */
  readonly id: string;
  readonly label: string;
  /** Manifest match patterns for this player's content script; empty for the on-demand generic adapter. */
  readonly matches: readonly string[];
  /** URL examples the page-kind detector must classify exactly so (checked by the registry test). */
  readonly examples: { readonly episode: readonly string[]; readonly show: readonly string[]; readonly other: readonly string[] };
  /**
   * Fixture pages that mirror this player's real markup: file names in tests/fixtures/players/<id>/, at least one of
   * them an episode page (checked by the registry test).
   */
  readonly fixtures: readonly string[];
  /** Match patterns inside `matches` where this player's content script must not run (another adapter's pages). */
  readonly excludeMatches?: readonly string[];
  /** Page events the player fires on SPA navigation (`yt-navigate-finish`), listened to on `document`. */
  readonly navigationEvents?: readonly string[];

  /** Page-world help this player needs (see BridgeFeature); none for most. */
  readonly bridge?: readonly BridgeFeature[];
  /**
   * How a seek reaches the player: `element` (the default) sets the media element's time; `bridge` asks the
   * page-world helper to seek the element the page keeps to itself; `timejump` fires the page's own jump event
   * and follows the media element it then plays.
   */
  readonly seekWith?: 'element' | 'bridge' | 'timejump';
  /** For players embedded in other sites (an iframe): the content script also runs inside frames. */
  readonly embed?: boolean;

  pageKind(url: URL): PageKind;
  /**
   * For players that live on any domain (Substack publications, Transistor sites): whether this page is one of
   * theirs, from the page's own data. Used when the listener asks Earmark to look at a page no match pattern
   * covers.
   */
  detect?(doc: Document): boolean;
  /**
   * Whether page-world data (`player-data`) describes the page at `url`: the player may still hold the last
   * page's. Until it does, the runtime keeps asking (a few times). Players without page-world data leave it out.
   */
  pageDataFor?(url: URL, page: PageData): boolean;
  /** Undefined while the page has not rendered the episode yet (SPA) or when it is not an episode page. */
  readEpisode(doc: Document, url: URL, page?: PageData): EpisodeInfo | undefined;
  /**
   * False when the player is playing another episode than the page's (Spotify's bar plays whatever was started
   * last): markers and seeks then wait. Undefined when the page cannot tell.
   */
  playingThis?(doc: Document, url: URL): boolean | undefined;
  /** The element that shows the notes (timestamps in it become seek links), if rendered. */
  notesElement(doc: Document): Element | null;
  /** The panel is inserted right after this element. */
  panelAnchor(doc: Document): Element | null;
  /** The media element, once it exists (Apple's appears only after the first play). */
  media(doc: Document): HTMLMediaElement | null;
  /**
   * Shows notes the page keeps collapsed (Spotify's "… Show more"), as the listener would with a click:
   * `clicked` when it pressed the page's button, `shown` when the notes are expanded already, `absent` when there
   * is nothing to press (yet). Once `shown`, it is not called again for the page: the listener may collapse them.
   */
  revealNotes?(doc: Document): 'clicked' | 'shown' | 'absent';
  /** Starts playback through the page's own controls, for players whose media element does not exist yet. */
  startPlayback?(doc: Document): boolean;
  /** The player's progress bar, where chapter markers go; null when the player has none we can decorate. */
  progressBar(doc: Document): HTMLElement | null;
  /**
   * True when the player already shows chapters of its own for this episode (YouTube's chapter markers):
   * Earmark then adds no markers, so nothing is drawn twice.
   */
  hasOwnChapters?(doc: Document): boolean;
  /** Episode cards on a show page. */
  showEpisodes?(doc: Document, url: URL): EpisodeCard[];
  /** A link that opens the episode at a time, using the player's own time parameter where it has one. */
  linkAt?(episodeUrl: string, seconds: number): string;
}

/**
 * True under the test runner only. URL examples and fixture names are test data: they stay beside the detectors
 * they check, and builds leave them out (the bundler sees `import.meta.env.MODE` as a constant and drops the
 * branch). Where nothing defines `import.meta.env` (a script run directly), there are no examples either.
 */
export const TESTING: boolean = typeof import.meta.env !== 'undefined' && import.meta.env.MODE === 'test';
/** An adapter's `examples` outside tests. */
export const NO_EXAMPLES: PlayerAdapter['examples'] = { episode: [], show: [], other: [] };

/** Identity helper that keeps an adapter's literal types (and checks it against the contract). */
export const definePlayer = <const A extends PlayerAdapter>(adapter: A): A => adapter;
