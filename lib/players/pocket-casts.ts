/**
 * Pocket Casts' web player (pocketcasts.com, formerly play.pocketcasts.com): a React SPA with a real
 * `audio.audio` in the player bar and styled-components class names (hashes) everywhere else.
 *
 * Guessed, not seen (players.md §5 found no source for them): where the episode page shows its notes, its
 * title and its play button. Notes are found by what they hold: the smallest block of the page holding every
 * timestamped line, outside the player bar (`timelineContainer`), after any of a few plausible hooks. The player
 * bar plays whatever was started last; it names its episode, so markers and seeks wait until it is this one.
 */
import { definePlayer, type EpisodeInfo, type PageKind, TESTING, NO_EXAMPLES } from './types';
import { asMedia, probe, query } from './selectors';
import { episodeInfo, fragmentLinkAt, guessedTimeLink, hasText, labelOf, mediaDuration, timelineContainer, wholeSeconds, withRenderedNotes } from './page-text';

const HOSTS = new Set(['pocketcasts.com', 'play.pocketcasts.com']);
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SLUG = '[^/]{1,200}';
// Public pages: /podcast/{show-slug}/{show-uuid}/{episode-slug}/{episode-uuid}; the player's own routes:
// /podcasts/{show-uuid}/{episode-uuid} (the latter guessed).
const EPISODE_PATH = new RegExp(`^/(?:podcast/${SLUG}/${UUID}/${SLUG}/(${UUID})|podcasts/${UUID}/(${UUID}))/?$`, 'i');

function episodeUuid(url: URL): string | undefined {
  if (!HOSTS.has(url.hostname)) return undefined;
  const m = EPISODE_PATH.exec(url.pathname);
  return m?.[1] ?? m?.[2];
}

/** The player bar: its controls, times and now-playing titles are never the page's notes. */
const PLAYER = '.player-controls, [class*="PlayerControls"], footer[class*="player" i], [aria-label="Player"]';
const NOTES_HOOKS = ['[data-testid="episode-notes"]', '.episode-notes', '.show-notes', '[class*="ShowNotes"]', '[class*="show-notes"]'];
const MAIN = ['main', '[role="main"]', '#root', 'body'];

function notes(doc: Document): Element | null {
  const hooked = probe(doc, NOTES_HOOKS);
  if (hooked && hasText(hooked)) return hooked;
  const main = probe(doc, MAIN);
  return main ? timelineContainer(main, `${PLAYER}, h1, nav`) : null;
}

function pageTitle(doc: Document): string {
  for (const h1 of Array.from(doc.querySelectorAll('main h1, [role="main"] h1, h1')).slice(0, 10)) {
    if (!h1.closest(PLAYER)) return labelOf(h1);
  }
  return '';
}

/** The episode the player bar has loaded, by its title there (empty when nothing is loaded). */
function playerTitle(doc: Document): string | undefined {
  const bar = probe(doc, PLAYER);
  if (!bar) return undefined;
  return labelOf(bar.querySelector('.episode-title, [class*="EpisodeTitle"]'));
}

export const pocketCasts = definePlayer({
  id: 'pocket-casts',
  label: 'Pocket Casts',
  matches: ['*://pocketcasts.com/*', '*://play.pocketcasts.com/*'],
  examples: TESTING
    ? {
      episode: [
        'https://pocketcasts.com/podcast/the-tiny-harbour/3f2a6c1e-9b7d-4e2a-8c11-5d0f6a7b8c9d/fog-week/0e4b1d2c-7a6f-4c3b-9e8d-1f2a3b4c5d6e',
        'https://play.pocketcasts.com/podcasts/3f2a6c1e-9b7d-4e2a-8c11-5d0f6a7b8c9d/0e4b1d2c-7a6f-4c3b-9e8d-1f2a3b4c5d6e',
      ],
      show: [],
      other: [
        'https://pocketcasts.com/',
        'https://pocketcasts.com/podcast/the-tiny-harbour/3f2a6c1e-9b7d-4e2a-8c11-5d0f6a7b8c9d',
        'https://play.pocketcasts.com/podcasts/3f2a6c1e-9b7d-4e2a-8c11-5d0f6a7b8c9d',
        'https://pocketcasts.com/starred',
        'https://pocketcasts.com/search?q=harbour',
        'https://pocketcasts.com/podcast/x/not-a-uuid/y/also-not',
      ],
    }
    : NO_EXAMPLES,
  fixtures: TESTING ? ['episode.html'] : [],

  pageKind(url: URL): PageKind {
    return episodeUuid(url) ? 'episode' : 'other';
  },

  readEpisode(doc: Document, url: URL): EpisodeInfo | undefined {
    if (!episodeUuid(url)) return undefined;
    const block = notes(doc);
    const title = pageTitle(doc);
    if (!block || !title) return undefined;
    const show = labelOf(probe(doc, ['main a[href*="/podcast/"]', 'main h2']));
    const media = audio(doc);
    const duration = playerTitle(doc) === title ? mediaDuration(media) : undefined;
    const u = new URL(url.href);
    u.hash = '';
    u.search = '';
    return withRenderedNotes(episodeInfo({ title, url: u.href, notes: '', show, duration }), block);
  },

  notesElement: notes,
  panelAnchor: notes,
  media: audio,

  startPlayback(doc: Document): boolean {
    // The episode page's own play button (guessed hooks), never the bar's: that one resumes whatever it holds.
    const buttons = Array.from(doc.querySelectorAll('main button[aria-label], [role="main"] button[aria-label]')).slice(0, 50);
    const play = buttons.find((b) => !b.closest(PLAYER) && /^play( episode)?$/i.test(b.getAttribute('aria-label') ?? '')) as HTMLElement | undefined;
    if (!play) {
      query(doc, 'main button[aria-label="Play"]', 'Pocket Casts episode play button');
      return false;
    }
    play.click();
    return true;
  },

  playingThis(doc: Document, _url: URL): boolean | undefined {
    const loaded = playerTitle(doc);
    if (loaded === undefined) return undefined;
    return loaded !== '' && loaded === pageTitle(doc);
  },

  progressBar(doc: Document): HTMLElement | null {
    return query(doc, ['.seek-bar .tracks', '.seek-bar', '[class*="SeekBar"]'], 'Pocket Casts seek bar') as HTMLElement | null;
  },

  /**
   * Pocket Casts' own "share at this position" link: its short host, the episode's id and `?t=` whole seconds, as
   * the Android app builds it (pocket-casts-android, SharingClient: `{short host}/episode/{uuid}?t={seconds}`; the
   * short host is pca.st, the address its share links use). Guessed: that the web player, where pca.st leads,
   * starts there. Earmark's fragment comes with it (guessedTimeLink).
   */
  linkAt(episodeUrl: string, seconds: number): string {
    const uuid = episodeUuid(new URL(episodeUrl));
    if (!uuid) return fragmentLinkAt(episodeUrl, seconds);
    return guessedTimeLink(`https://pca.st/episode/${uuid.toLowerCase()}?t=${wholeSeconds(seconds)}`, seconds);
  },
});

function audio(doc: Document): HTMLMediaElement | null {
  return asMedia(query(doc, ['audio.audio', 'audio'], 'Pocket Casts audio'));
}
