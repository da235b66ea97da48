/**
 * Overcast (overcast.fm): classic server-rendered pages, no SPA. The episode page ships `audio#audioplayer`
 * with its source, the notes in `#episode_body` and a progress bar (`#progressbar`) built from a range input.
 * Titles are read from both known layouts: the 2019 `.titlestack` and the later `.pure-u-1 h2/h3`. A logged-out
 * episode page saved in 2024 has no notes at all (no `#episode_body`, an empty `og:description`): the episode
 * is read with empty notes, and the popup says the page shows none.
 */
import { definePlayer, type EpisodeInfo, type FeedClues, type PageKind, TESTING, NO_EXAMPLES } from './types';
import { asMedia, probe, query } from './selectors';
import { episodeInfo, fragmentLinkAt, labelOf, mediaDuration, wholeSeconds, withRenderedNotes } from './page-text';
import { formatTimestamp, parseTimeValue } from '../timeline/time';

const HOST = 'overcast.fm';
// `/+{shareId}`, optionally followed by a time (`/+{shareId}/12:30`: Overcast's own "Share link with timestamp").
const EPISODE_PATH = /^\/\+([A-Za-z0-9_-]{1,40})(?:\/[0-9:]{1,12})?\/?$/;
const SHOW_PATH = /^\/itunes\d{1,20}(?:\/[^/]+)?\/?$/;

/**
 * The episode's length as the player shows it (elapsed + remaining, e.g. "0:00" and "-30:00"). The audio element
 * is `preload="none"`, so before the first play this is the only duration on the page. (Guessed from the
 * player's markup; the live page may fill these only once playback starts.)
 */
function shownDuration(doc: Document): number | undefined {
  const elapsed = parseTimeValue(probe(doc, '#timeelapsed')?.textContent?.trim() ?? '');
  const remaining = parseTimeValue((probe(doc, '#timeremaining')?.textContent ?? '').trim().replace(/^[-−]/, ''));
  const total = elapsed !== undefined && remaining !== undefined ? elapsed + remaining : undefined;
  return total !== undefined && total > 0 ? total : undefined;
}

function shareId(url: URL): string | undefined {
  if (url.hostname !== HOST) return undefined;
  return EPISODE_PATH.exec(url.pathname)?.[1];
}

function audio(doc: Document): HTMLMediaElement | null {
  return asMedia(query(doc, 'audio#audioplayer', 'Overcast audio'));
}

/**
 * Where the page points at the show's feed: the logged-out 2024 page's "listen elsewhere" badges link Apple
 * Podcasts (`podcasts.apple.com/podcast/id…`) and the RSS feed itself (the link around `badge-rss.svg`).
 */
function feedClues(doc: Document): FeedClues {
  const clues: FeedClues = {};
  const badges = probe(doc, '.externalbadges');
  for (const a of badges?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? []) {
    const href = a.getAttribute('href') ?? '';
    const apple = /^https:\/\/podcasts\.apple\.com\/(?:[a-z]{2}\/)?podcast\/(?:[^/]+\/)?id(\d{1,15})/.exec(href);
    if (apple) clues.appleId = apple[1]!;
    else if (a.querySelector('img[src*="badge-rss"]') && /^https?:\/\//.test(href)) clues.rss = href;
  }
  const source = audio(doc)?.querySelector('source[src]')?.getAttribute('src') ?? audio(doc)?.getAttribute('src');
  if (source && /^https?:\/\//.test(source)) clues.enclosure = source.replace(/#.*$/, '');
  return clues;
}

function notes(doc: Document): Element | null {
  return query(doc, '#episode_body', 'Overcast show notes');
}

export const overcast = definePlayer({
  id: 'overcast',
  label: 'Overcast',
  matches: ['*://overcast.fm/*'],
  examples: TESTING
    ? {
      episode: ['https://overcast.fm/+AbCdEfGh1', 'https://overcast.fm/+HoStIlE01', 'https://overcast.fm/+NoNoTeS01', 'https://overcast.fm/+AbCdEfGh1/12:30'],
      show: ['https://overcast.fm/itunes1234567890/the-tiny-harbour', 'https://overcast.fm/itunes1234567890'],
      other: [
        'https://overcast.fm/',
        'https://overcast.fm/podcasts',
        'https://overcast.fm/login',
        'https://overcast.fm/+',
        'https://overcast.fm/itunes/the-tiny-harbour',
      ],
    }
    : NO_EXAMPLES,
  fixtures: TESTING ? ['episode.html', 'episode-no-notes.html', 'show.html', 'hostile-notes.html'] : [],

  pageKind(url: URL): PageKind {
    if (url.hostname !== HOST) return 'other';
    if (EPISODE_PATH.test(url.pathname)) return 'episode';
    return SHOW_PATH.test(url.pathname) ? 'show' : 'other';
  },

  readEpisode(doc: Document, url: URL): EpisodeInfo | undefined {
    const id = shareId(url);
    if (!id) return undefined;
    const title = labelOf(query(doc, ['.titlestack .title', '.pure-u-1 h2'], 'Overcast episode title'));
    if (!title) return undefined;
    const show = labelOf(probe(doc, ['.titlestack .caption2 a', '.pure-u-1 h3']));
    const duration = mediaDuration(audio(doc)) ?? shownDuration(doc);
    // A server-rendered page without the notes block has no notes: there is nothing left to wait for.
    return withRenderedNotes({ ...episodeInfo({ title, url: `https://${HOST}/+${id}`, notes: '', show, duration }), feed: feedClues(doc) }, notes(doc));
  },

  notesElement: notes,
  // After the notes; on a page without them (logged out, 2024), after the play controls both layouts have, so that
  // chapters from the podcast's feed have a place.
  panelAnchor: (doc) => notes(doc) ?? probe(doc, '#playcontrols_container'),
  media: audio,

  progressBar(doc: Document): HTMLElement | null {
    // The slider's own box: `#progressbar` is a row that also holds the elapsed and remaining times, so
    // positions measured on it would be off.
    return (query(doc, '#progressslidercontainer', 'Overcast slider') ?? probe(doc, '#progressbar')) as HTMLElement | null;
  },

  /**
   * Overcast's own "Share link with timestamp": the episode's share address, `/` and the time in Overcast's form
   * (`m:ss`, `h:mm:ss` from an hour on: formatTimestamp's form; none at 0:00). Seen in the saved 2024 episode page: its player script sets the link's href from
   * `data-share-url` and the playing time as it plays. That Overcast's server then starts there is inferred (it
   * hands out the link); the page's script also reads a `#t=` fragment as its start time.
   */
  linkAt(episodeUrl: string, seconds: number): string {
    const id = shareId(new URL(episodeUrl));
    if (!id) return fragmentLinkAt(episodeUrl, seconds);
    const t = wholeSeconds(seconds);
    return `https://${HOST}/+${id}${t > 0 ? `/${formatTimestamp(t)}` : ''}`;
  },
});
