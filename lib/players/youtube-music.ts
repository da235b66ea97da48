/**
 * YouTube Music (music.youtube.com): a Polymer SPA with a real `<video>` and a player bar whose slider
 * (`ytmusic-player-bar #progress-bar`, a `tp-yt-paper-slider` counting seconds) takes the markers. Episodes are
 * `/watch?v=ID` and the podcast episode pages `/podcast/ID`.
 *
 * The description is the open question (players.md §4: no source shows where the episode page renders it). Two
 * sources, in order: a description shelf in the page, if one is rendered (guessed selectors); then the page
 * player's own data (`#movie_player`'s player response, read by the page-world helper), trusted only when it
 * names the video in the address bar.
 */
import { definePlayer, type EpisodeInfo, type PageData, type PageKind, TESTING, NO_EXAMPLES } from './types';
import { asMedia, probe, query } from './selectors';
import { VIDEO_ID } from './schema';
import { episodeInfo, fragmentLinkAt, hasText, labelOf, mediaDuration, preWrapHtml, textToHtml } from './page-text';

const HOST = 'music.youtube.com';
const PODCAST_PATH = /^\/podcast\/([A-Za-z0-9_-]{11})\/?$/;

function videoIdOf(url: URL): string | undefined {
  if (url.hostname !== HOST) return undefined;
  if (url.pathname === '/watch') {
    const v = url.searchParams.get('v');
    return v !== null && VIDEO_ID.test(v) ? v : undefined;
  }
  return PODCAST_PATH.exec(url.pathname)?.[1];
}

// Guessed: the shelf YouTube Music uses for long text elsewhere, and its header on browse-like pages.
const DESCRIPTIONS = ['ytmusic-description-shelf-renderer #description', 'ytmusic-description-shelf-renderer .description'];

function description(doc: Document): Element | null {
  const shelf = probe(doc, DESCRIPTIONS);
  return shelf && hasText(shelf) ? shelf : null;
}

function video(doc: Document): HTMLMediaElement | null {
  return asMedia(query(doc, ['#movie_player video', 'ytmusic-player video', 'video'], 'YouTube Music video'));
}

function slider(doc: Document): Element | null {
  return query(doc, 'ytmusic-player-bar #progress-bar', 'YouTube Music progress slider');
}

function sliderDuration(doc: Document): number | undefined {
  const max = Number(slider(doc)?.getAttribute('aria-valuemax'));
  return Number.isFinite(max) && max > 0 ? max : undefined;
}

export const youtubeMusic = definePlayer({
  id: 'youtube-music',
  label: 'YouTube Music',
  matches: ['*://music.youtube.com/*'],
  examples: TESTING
    ? {
      episode: ['https://music.youtube.com/watch?v=yIrU21hoHys', 'https://music.youtube.com/watch?v=yIrU21hoHys&list=PLtinyharbour0001', 'https://music.youtube.com/podcast/yIrU21hoHys'],
      show: [],
      other: [
        'https://music.youtube.com/',
        'https://music.youtube.com/playlist?list=PLtinyharbour0001',
        'https://music.youtube.com/browse/MPSPPLtinyharbour',
        'https://music.youtube.com/search?q=tiny+harbour',
        'https://music.youtube.com/podcast/short',
        'https://music.youtube.com/watch?v=short',
      ],
    }
    : NO_EXAMPLES,
  fixtures: TESTING ? ['watch.html', 'podcast.html'] : [],
  navigationEvents: ['yt-navigate-finish'],
  bridge: ['player-data'],

  pageKind(url: URL): PageKind {
    return videoIdOf(url) ? 'episode' : 'other';
  },

  pageDataFor(url: URL, page: PageData): boolean {
    const videoId = videoIdOf(url);
    return videoId !== undefined && page.player?.videoId === videoId;
  },

  readEpisode(doc: Document, url: URL, page?: PageData): EpisodeInfo | undefined {
    const videoId = videoIdOf(url);
    if (!videoId) return undefined;
    const data = page?.player?.videoId === videoId ? page.player : undefined;
    // A podcast episode page renders its own description; on /watch the player's data (checked against the
    // address) comes first, since a shelf left from the previous page could describe another video.
    const shown = description(doc);
    const onWatch = url.pathname === '/watch';
    let notes: string | undefined;
    if (onWatch && data?.description !== undefined) notes = textToHtml(data.description);
    else if (shown) notes = preWrapHtml(shown);
    else if (data?.description !== undefined) notes = textToHtml(data.description);
    const title = data?.title || labelOf(probe(doc, ['ytmusic-responsive-header-renderer h1', 'ytmusic-responsive-header-renderer .title']));
    if (notes === undefined || !title) return undefined;
    const show = data?.author || labelOf(probe(doc, 'ytmusic-responsive-header-renderer .strapline-text'));
    const duration = data?.lengthSeconds ?? sliderDuration(doc) ?? mediaDuration(video(doc));
    return episodeInfo({ title, url: `https://${HOST}/watch?v=${videoId}`, notes, show, duration });
  },

  notesElement(doc: Document): Element | null {
    // On /watch the episode is read from the player's data: a shelf there may be the last page's.
    return doc.location?.pathname === '/watch' ? null : description(doc);
  },

  panelAnchor(doc: Document): Element | null {
    // Beside the text it indexes where the page shows one; else at the top of the side panel (guessed).
    return description(doc)?.closest('ytmusic-description-shelf-renderer') ?? query(doc, ['ytmusic-player-page #side-panel tp-yt-paper-tabs', 'ytmusic-player-page #side-panel'], 'YouTube Music side panel');
  },

  media: video,

  progressBar(doc: Document): HTMLElement | null {
    // The slider's track (SponsorBlock draws on the same element): positions there match the knob's.
    const bar = slider(doc);
    return (bar?.querySelector('#progressContainer') ?? bar) as HTMLElement | null;
  },

  linkAt: fragmentLinkAt,
});
