/**
 * Sites made with Transistor (`{show}.transistor.fm`, and shows' own domains on demand): server-rendered pages
 * with Hotwire Turbo navigation and an Alpine sticky player (`footer#site-sticky-player`) whose `<audio>` has no
 * source until the site's code loads one. The site seeks through its own window event,
 * `timejump` (`@timejump.window="seekToSeconds($event.detail.timestamp)"`); Earmark fires it from the page's
 * world, so the player loads, seeks and keeps its own display right, then follows the `<audio>`.
 *
 * Seen in saved pages (players.md §10, ../shared/real-pages): the notes `.site-episode-show-notes`, the player,
 * `#default-audio`, the episode title `h2.site-episode-title` (the page has no `h1`; some themes may use one).
 * The sticky player's progress bar is not known, so no markers (the panel shows its own timeline).
 */
import { definePlayer, type EpisodeInfo, type PageKind, TESTING, NO_EXAMPLES } from './types';
import { asMedia, probe, query } from './selectors';
import { episodeInfo, fragmentLinkAt, hasText, labelOf, noProgressBar, withoutHash, withRenderedNotes } from './page-text';
import { parseTimeValue } from '../timeline/time';
import type { PersonRecord } from '../guests/extract';

const EPISODE_PATH = /^\/episodes\/[a-z0-9][a-z0-9-]{0,200}\/?$/i;
const PLAYER = 'footer#site-sticky-player';

function notes(doc: Document): Element | null {
  return query(doc, ['.site-episode-show-notes', '.site-content-text'], 'Transistor show notes');
}

function audio(doc: Document): HTMLMediaElement | null {
  return asMedia(query(doc, [`${PLAYER} audio[x-ref="audio"]`, `${PLAYER} audio`], 'Transistor audio'));
}

/** Seconds from `#default-audio`'s duration ("2400" or "40:00"). */
function defaultDuration(doc: Document, title: string): number | undefined {
  const el = probe(doc, '#default-audio[data-default-audio-duration]');
  // The default audio is the page's episode only when it says so by name.
  if (!el || (el.getAttribute('data-default-audio-title') ?? '').trim() !== title) return undefined;
  const raw = (el.getAttribute('data-default-audio-duration') ?? '').trim();
  const seconds = /^\d{1,7}(?:\.\d+)?$/.test(raw) ? Number(raw) : parseTimeValue(raw);
  return seconds !== undefined && seconds > 0 ? seconds : undefined;
}

/** A site lists a few people per episode; a page with more is not read past this. */
const MAX_PEOPLE = 30;
/** Roles as a site's people list words them, in lower case; other roles (editor, producer) are credits. */
const ROLES = new Set(['host', 'co-host', 'guest']);

/**
 * The episode's "Creators and Guests" (`.site-episode-people .site-person`): each person's name, role and bio as
 * the site lists them. Seen in a saved page: roles "Host", "Editor", "Guest"; the bio a short line.
 */
function people(doc: Document): PersonRecord[] {
  const out: PersonRecord[] = [];
  const listed = doc.querySelectorAll('.site-episode-people .site-person');
  for (let i = 0; i < listed.length && i < MAX_PEOPLE; i++) {
    const person = listed[i]!;
    const name = labelOf(person.querySelector('.site-person-name')).slice(0, 200);
    const role = labelOf(person.querySelector('.site-person-role')).toLowerCase();
    if (!name || !ROLES.has(role)) continue;
    const bio = labelOf(person.querySelector('.site-person-bio')).slice(0, 300);
    out.push({ name, role: role === 'co-host' ? 'host' : role, ...(bio ? { description: bio } : {}) });
  }
  return out;
}

function absolute(href: string, doc: Document): string {
  try {
    return new URL(href, doc.baseURI).href;
  } catch {
    return href;
  }
}

export const transistor = definePlayer({
  id: 'transistor',
  label: 'Transistor',
  matches: ['*://*.transistor.fm/*'],
  // Share and embed pages belong to the embed adapter (transistor-embed).
  excludeMatches: ['*://share.transistor.fm/*'],
  examples: TESTING
    ? {
      episode: ['https://tinyharbour.transistor.fm/episodes/fog-week', 'https://tinyharbour.transistor.fm/episodes/42-the-ferrymans-logbook/'],
      show: [],
      other: [
        'https://tinyharbour.transistor.fm/',
        'https://tinyharbour.transistor.fm/episodes',
        'https://tinyharbour.transistor.fm/subscribe',
        'https://tinyharbour.transistor.fm/people',
        'https://transistor.fm/pricing',
      ],
    }
    : NO_EXAMPLES,
  fixtures: TESTING ? ['episode.html'] : [],
  bridge: ['timejump'],
  seekWith: 'timejump',

  pageKind(url: URL): PageKind {
    return url.hostname.endsWith('.transistor.fm') && url.hostname !== 'share.transistor.fm' && EPISODE_PATH.test(url.pathname) ? 'episode' : 'other';
  },

  detect(doc: Document): boolean {
    return !!probe(doc, `${PLAYER} audio`) && !!probe(doc, '.site-episode-show-notes');
  },

  readEpisode(doc: Document, url: URL): EpisodeInfo | undefined {
    const block = notes(doc);
    const title = labelOf(query(doc, ['.site-episode-title', 'main h1', 'h1'], 'Transistor episode title'));
    if (!block || !hasText(block) || !title) return undefined;
    const show = probe(doc, 'meta[property="og:site_name"]')?.getAttribute('content')?.trim();
    const duration = defaultDuration(doc, title);
    return withRenderedNotes(episodeInfo({ title, url: withoutHash(url), notes: '', show, duration, persons: people(doc) }), block);
  },

  notesElement: notes,
  panelAnchor: notes,
  media: audio,

  playingThis(doc: Document, _url: URL): boolean | undefined {
    // The sticky player survives Turbo navigation: after another episode played, it still holds that one. With
    // nothing loaded, a jump loads the page's default audio, which is this episode's.
    const loaded = audio(doc)?.getAttribute('src');
    const own = probe(doc, '#default-audio')?.getAttribute('data-default-audio-url');
    if (!loaded) return true;
    if (!own) return undefined;
    return absolute(loaded, doc) === absolute(own, doc);
  },

  progressBar: noProgressBar,

  linkAt: fragmentLinkAt,
});
