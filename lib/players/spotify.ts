/**
 * Spotify's web player (open.spotify.com): a React SPA whose media element is created in the page's JavaScript
 * and never attached to the document. Seeking and reading the time go through Earmark's page-world helper
 * (`bridge: ['media']`), which captures that element and the page's media-session `seekto` handler.
 *
 * Notes come from the server-rendered state (`script#initialState`, base64 JSON, trusted only for the episode in
 * the address bar) or from the rendered "Episode Description" block, which has no test id: it is the block after
 * the heading that says so. The bar at the bottom plays whatever was started last, so markers and seeks apply
 * only while it plays this page's episode (`playingThis`).
 */
import type * as Zod from 'zod/mini';
import { z } from './zod';
import { once } from '../once';
import { lenient, text } from './schema';
import { definePlayer, type EpisodeCard, type EpisodeInfo, type PageKind, TESTING, NO_EXAMPLES } from './types';
import { probe, query, queryAll, reportMissing } from './selectors';
import { asNotesHtml, episodeInfo, fragmentLinkAt, guessedTimeLink, hasText, labelOf, textToHtml, wholeSeconds } from './page-text';

const HOST = 'open.spotify.com';
// Logged-out visitors may get a locale prefix (`/intl-de/episode/…`).
const EPISODE_PATH = /^\/(?:intl-[a-z]{2}(?:-[a-zA-Z]{2,4})?\/)?episode\/([A-Za-z0-9]{22})\/?$/;
const SHOW_PATH = /^\/(?:intl-[a-z]{2}(?:-[a-zA-Z]{2,4})?\/)?show\/[A-Za-z0-9]{22}\/?$/;

const PROGRESS_BARS = [
  '[data-testid="playback-progressbar"] [data-testid="progress-bar-background"]',
  '[data-testid="now-playing-bar"] [data-testid="player-controls"] [data-testid="progress-bar-background"]',
];

function episodeId(url: URL): string | undefined {
  return url.hostname === HOST ? EPISODE_PATH.exec(url.pathname)?.[1] : undefined;
}

// ---- server-rendered state ----------------------------------------------------------------------------------

const InitialEpisode = once(() =>
  z.object({
    name: lenient(text(2_000)),
    description: lenient(text(1_000_000)),
    htmlDescription: lenient(text(1_000_000)),
    duration: lenient(z.object({ totalMilliseconds: z.number().check(z.nonnegative(), z.lte(1e10)) })),
    showOrAudiobook: lenient(z.object({ data: z.object({ name: lenient(text(2_000)) }) })),
  }),
);
const InitialState = once(() => z.object({ entities: z.object({ items: z.record(z.string(), z.unknown()) }) }));
type InitialEpisode = Zod.infer<ReturnType<typeof InitialEpisode>>;

/** Real states are tens of kB; past this the script is not decoded. */
const MAX_STATE = 8_000_000;
const decoded = new WeakMap<Element, { text: string; state: Record<string, unknown> | null }>();

function decodeState(source: string): Record<string, unknown> | null {
  if (source.length > MAX_STATE) return null;
  try {
    const binary = atob(source.trim());
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const parsed = InitialState().safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data.entities.items : null;
  } catch {
    return null;
  }
}

/** The server-rendered state's record of episode `id`, only when the page's state has one for it. */
export function initialEpisode(doc: Document, id: string): InitialEpisode | undefined {
  const script = probe(doc, 'script#initialState');
  if (!script) return undefined;
  const source = script.textContent ?? '';
  let entry = decoded.get(script);
  if (entry?.text !== source) {
    entry = { text: source, state: decodeState(source) };
    decoded.set(script, entry);
  }
  const item = entry.state?.[`spotify:episode:${id}`];
  if (item === undefined) return undefined;
  const parsed = InitialEpisode().safeParse(item);
  return parsed.success ? parsed.data : undefined;
}

// ---- rendered page --------------------------------------------------------------------------------------------

const DESCRIPTION_HEADING = /^episode description$/i;

/** The rendered description: the block after the "Episode Description" heading, or the mobile page's block. */
function description(doc: Document): Element | null {
  const mobile = probe(doc, '[data-testid="expandable-description"]');
  if (mobile) return mobile;
  const headings = doc.querySelectorAll('h2');
  for (let i = 0; i < headings.length && i < 50; i++) {
    const h = headings[i]!;
    if (DESCRIPTION_HEADING.test(labelOf(h))) return h.nextElementSibling;
  }
  reportMissing('Spotify description', 'h2 "Episode Description" + div');
  return null;
}

function nowPlayingHref(doc: Document): string | null | undefined {
  const link = probe(doc, ['[data-testid="now-playing-bar"] [data-testid="context-item-link"]', '[data-testid="context-item-link"]']);
  return link ? link.getAttribute('href') : undefined;
}

const PLAY_BUTTONS = ['[data-testid="action-bar-row"] [data-testid="play-button"]', '[data-testid="episode-entity-header"] [data-testid="play-button"]'];

export const spotify = definePlayer({
  id: 'spotify',
  label: 'Spotify',
  matches: ['*://open.spotify.com/*'],
  examples: TESTING
    ? {
      episode: [
        'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk',
        'https://open.spotify.com/intl-de/episode/4rOoJ6Egrf8K2IrywzwOMk',
        'https://open.spotify.com/episode/7makk4oTQel546B0PZlDM5?si=0123456789abcdef',
        'https://open.spotify.com/intl-pt-BR/episode/7makk4oTQel546B0PZlDM5',
      ],
      show: ['https://open.spotify.com/show/5CfCWKI5pZ28U0uOzXkDHe', 'https://open.spotify.com/intl-de/show/5CfCWKI5pZ28U0uOzXkDHe'],
      other: [
        'https://open.spotify.com/',
        'https://open.spotify.com/show/short',
        'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC',
        'https://open.spotify.com/intl-fr/search',
        'https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk',
        'https://open.spotify.com/episode/short',
      ],
    }
    : NO_EXAMPLES,
  fixtures: TESTING ? ['episode.html', 'episode-ssr.html', 'show.html'] : [],
  bridge: ['media'],
  seekWith: 'bridge',

  pageKind(url: URL): PageKind {
    if (episodeId(url)) return 'episode';
    return url.hostname === HOST && SHOW_PATH.test(url.pathname) ? 'show' : 'other';
  },

  showEpisodes(doc: Document, url: URL): EpisodeCard[] {
    // Seen in a saved show page (players.md §14): each card `div[data-testid="episode-N"]` holds the episode's
    // link around its title and the whole description as one paragraph of plain text.
    const list = query(doc, '[data-testid="show-all-episode-list"]', 'Spotify episode list');
    if (!list) return [];
    const cards: EpisodeCard[] = [];
    for (const card of queryAll(list, 'div[data-testid^="episode-"]', 'Spotify episode cards').slice(0, 500)) {
      if (!/^episode-\d+$/.test(card.getAttribute('data-testid') ?? '')) continue;
      const link = card.querySelector('a[href*="/episode/"]');
      const id = link ? EPISODE_PATH.exec(new URL(link.getAttribute('href') ?? '', url).pathname)?.[1] : undefined;
      const title = labelOf(card.querySelector('[data-testid="episodeTitle"]'));
      const text = card.querySelector(':scope > div > p')?.textContent ?? '';
      if (!id || !title || !text.trim()) continue;
      cards.push({ element: card, url: `https://${HOST}/episode/${id}`, title, notes: textToHtml(text) });
    }
    return cards;
  },

  readEpisode(doc: Document, url: URL): EpisodeInfo | undefined {
    const id = episodeId(url);
    if (!id) return undefined;
    const data = initialEpisode(doc, id);
    const shown = description(doc);
    let notes: string | undefined;
    if (data?.htmlDescription) notes = data.htmlDescription;
    else if (shown && hasText(shown)) notes = shown.innerHTML;
    else if (data?.description) notes = asNotesHtml(data.description);
    const title = labelOf(query(doc, ['[data-testid="entityTitle"] [data-testid="episodeTitle"]', 'h1[data-testid="episodeTitle"]', '[data-testid="episodeTitle"]'], 'Spotify episode title')) || data?.name;
    if (notes === undefined || !title) return undefined;
    const show = labelOf(probe(doc, '[data-testid="showTitle"]')) || data?.showOrAudiobook?.data.name;
    const ms = data?.duration?.totalMilliseconds;
    return episodeInfo({ title, url: `https://${HOST}/episode/${id}`, notes, show, duration: ms !== undefined ? ms / 1000 : undefined });
  },

  revealNotes(doc: Document): 'clicked' | 'shown' | 'absent' {
    // The desktop page cuts the description after a few lines behind "… Show more"; the timeline is usually
    // below the cut. Expanding it is what the listener would do to read it.
    const button = description(doc)?.parentElement?.querySelector<HTMLElement>('button[aria-expanded]');
    if (!button) return 'absent';
    if (button.getAttribute('aria-expanded') === 'true') return 'shown';
    if (!/show more/i.test(labelOf(button))) return 'absent';
    button.click();
    return 'clicked';
  },

  notesElement: description,

  panelAnchor(doc: Document): Element | null {
    // After the whole description block (heading, text, "Show more"), not between its parts: the page's code
    // expects the text and its button to stay neighbours.
    const block = description(doc);
    if (!block) return null;
    return block.matches('[data-testid="expandable-description"]') ? block : block.parentElement;
  },

  media(_doc: Document): HTMLMediaElement | null {
    // Never in the document: see `bridge`.
    return null;
  },

  startPlayback(doc: Document): boolean {
    const button = query(doc, PLAY_BUTTONS, 'Spotify play button') as HTMLElement | null;
    // A button that says "Pause" plays this episode already; pressing it would stop it.
    if (!button || /pause/i.test(button.getAttribute('aria-label') ?? '')) return false;
    button.click();
    return true;
  },

  playingThis(doc: Document, url: URL): boolean | undefined {
    const id = episodeId(url);
    const href = nowPlayingHref(doc);
    if (!id || href === undefined) return undefined;
    return href !== null && EPISODE_PATH.exec(new URL(href, `https://${HOST}`).pathname)?.[1] === id;
  },

  progressBar(doc: Document): HTMLElement | null {
    // The bar holds two sliders of one markup, playback then volume: the playback one is told by its container,
    // not by its place (seen in saved desktop pages, 2023 and 2024).
    return query(doc, PROGRESS_BARS, 'Spotify progress bar') as HTMLElement | null;
  },

  /**
   * Guessed: `?t=<seconds>` on the episode's address, as two other projects build Spotify time links (players.md
   * §2; Spotify has shared "from a time" since 2021), never seen honoured in a saved page. Earmark's fragment comes
   * with it (guessedTimeLink).
   */
  linkAt(episodeUrl: string, seconds: number): string {
    const id = episodeId(new URL(episodeUrl));
    if (!id) return fragmentLinkAt(episodeUrl, seconds);
    return guessedTimeLink(`https://${HOST}/episode/${id}?t=${wholeSeconds(seconds)}`, seconds);
  },
});
