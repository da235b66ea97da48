/**
 * YouTube watch pages (www.youtube.com): a Polymer SPA that reuses its `<video>` and re-renders the description
 * on navigation (`yt-navigate-finish`). The rendered description is the source: its timestamps are already links
 * whose `t=` is the truth. The inline `ytInitialPlayerResponse` is a fallback, trusted only when it names the
 * video in the address bar, since it describes the first page load. Only `/watch` pages are episodes: channels
 * and playlists list videos without notes worth reading, so they are 'other'.
 */
// zod/mini: the same validation, tree-shaken to what is used (content scripts have a 25 KB budget).
import type * as Zod from 'zod/mini';
import { z } from './zod';
import { once } from '../once';
import { digitSeconds, lenient, VIDEO_ID } from './schema';
import { definePlayer, type EpisodeInfo, type PageKind, TESTING, NO_EXAMPLES } from './types';
import { asMedia, hasLayoutBox, probe, query, reportMissing } from './selectors';
import { episodeInfo, hasText, labelOf, mediaDuration, preWrapHtml, textToHtml, wholeSeconds } from './page-text';
import { assignedObject } from './object-literal';

const HOST = 'www.youtube.com';

function videoIdOf(url: URL): string | undefined {
  if (url.hostname !== HOST || url.pathname !== '/watch') return undefined;
  const v = url.searchParams.get('v');
  return v !== null && VIDEO_ID.test(v) ? v : undefined;
}

// ---- ytInitialPlayerResponse ------------------------------------------------------------------------------

const PlayerResponse = once(() =>
  z.object({
    videoDetails: z.object({
      videoId: z.string().check(z.regex(VIDEO_ID)),
      title: lenient(z.string().check(z.maxLength(2_000))),
      author: lenient(z.string().check(z.maxLength(2_000))),
      lengthSeconds: lenient(digitSeconds()),
      shortDescription: lenient(z.string().check(z.maxLength(1_000_000))),
    }),
  }),
);
type VideoDetails = Zod.infer<ReturnType<typeof PlayerResponse>>['videoDetails'];

/** Parsed once per script text: the inline script never changes, it only goes stale. */
const parsedScripts = new WeakMap<Element, { text: string; details: VideoDetails | null }>();
const RESPONSE_NAME = 'ytInitialPlayerResponse';
/** Watch pages carry a few dozen inline scripts; a page with far more is not scanned past this. */
const MAX_SCRIPTS = 200;

function readScript(text: string): VideoDetails | null {
  // Cheap test first: most inline scripts are not the player response.
  const literal = text.includes(RESPONSE_NAME) ? assignedObject(text, RESPONSE_NAME) : undefined;
  if (!literal) return null;
  let json: unknown;
  try {
    json = JSON.parse(literal);
  } catch {
    return null;
  }
  const response = PlayerResponse().safeParse(json);
  return response.success ? response.data.videoDetails : null;
}

/** The inline player response's video details, only when they describe `videoId`. */
export function initialVideoDetails(doc: Document, videoId: string): VideoDetails | undefined {
  const scripts = doc.querySelectorAll('script:not([src])');
  for (let i = 0; i < scripts.length && i < MAX_SCRIPTS; i++) {
    const script = scripts[i]!;
    const text = script.textContent ?? '';
    let entry = parsedScripts.get(script);
    if (entry?.text !== text) {
      entry = { text, details: readScript(text) };
      parsedScripts.set(script, entry);
    }
    const { details } = entry;
    if (details) return details.videoId === videoId ? details : undefined;
  }
  return undefined;
}

// ---- rendered page ----------------------------------------------------------------------------------------

const EXPANDER = 'ytd-watch-metadata #description-inline-expander';

/** The description as shown: the expanded text when it is there, else the collapsed snippet. */
function description(doc: Document): Element | null {
  const expander = query(doc, EXPANDER, 'YouTube description');
  if (!expander) return null;
  const expanded = expander.querySelector('#expanded');
  if (hasText(expanded)) return expanded;
  const snippet = expander.querySelector('#snippet');
  if (hasText(snippet)) return snippet;
  // An empty pair means the text is not rendered yet; the expander alone would read as its "…more" button.
  return expanded ?? snippet ?? expander;
}

/**
 * False while the watch page still shows the previous video (SPA navigation in flight). `ytd-watch-flexy`
 * carries the rendered video's id; where it does not, the DOM gets the benefit of the doubt.
 */
function domShowsVideo(doc: Document, videoId: string): boolean {
  const rendered = probe(doc, 'ytd-watch-flexy[video-id]')?.getAttribute('video-id');
  return !rendered || rendered === videoId;
}

function video(doc: Document): HTMLMediaElement | null {
  return asMedia(query(doc, ['#movie_player video.html5-main-video', 'video.html5-main-video'], 'YouTube video'));
}

const PROGRESS_BARS = ['#movie_player .ytp-progress-bar', '.ytp-progress-bar'];

/**
 * The main player's progress bar: the first shown candidate, never the hover preview's (`#video-preview`).
 * `isShown` is a parameter because "shown" needs layout, which tests on parsed pages do not have.
 */
export function findProgressBar(doc: Document, isShown: (el: Element) => boolean = hasLayoutBox): HTMLElement | null {
  for (const selector of PROGRESS_BARS) {
    for (const bar of Array.from(doc.querySelectorAll(selector))) {
      if (!bar.closest('#video-preview') && isShown(bar)) return bar as HTMLElement;
    }
  }
  reportMissing('YouTube progress bar', PROGRESS_BARS);
  return null;
}

export const youtube = definePlayer({
  id: 'youtube',
  label: 'YouTube',
  matches: ['*://www.youtube.com/*'],
  examples: TESTING
    ? {
      episode: [
        'https://www.youtube.com/watch?v=abcDEF12345',
        'https://www.youtube.com/watch?v=ghiJKL67890&t=35s',
        'https://www.youtube.com/watch?v=a_b-C1d2E3f&list=PLtinyharbour0001&index=2',
      ],
      show: [],
      other: [
        'https://www.youtube.com/',
        'https://www.youtube.com/@tinyharbour',
        'https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv',
        'https://www.youtube.com/playlist?list=PLtinyharbour0001',
        'https://www.youtube.com/results?search_query=tiny+harbour',
        'https://www.youtube.com/shorts/abcDEF12345',
        'https://www.youtube.com/watch?v=short',
      ],
    }
    : NO_EXAMPLES,
  fixtures: TESTING ? ['watch.html', 'own-chapters.html', 'watch-server.html'] : [],
  navigationEvents: ['yt-navigate-finish'],

  pageKind(url: URL): PageKind {
    return videoIdOf(url) ? 'episode' : 'other';
  },

  readEpisode(doc: Document, url: URL): EpisodeInfo | undefined {
    const videoId = videoIdOf(url);
    if (!videoId) return undefined;
    const current = domShowsVideo(doc, videoId);
    const shown = current ? description(doc) : null;
    const data = initialVideoDetails(doc, videoId);
    let notes: string | undefined;
    if (shown && hasText(shown)) notes = preWrapHtml(shown);
    else if (data?.shortDescription !== undefined) notes = textToHtml(data.shortDescription);
    const title = (current ? labelOf(query(doc, 'ytd-watch-metadata h1', 'YouTube title')) : '') || data?.title;
    if (notes === undefined || !title) return undefined;
    const show = (current ? labelOf(probe(doc, 'ytd-watch-metadata #channel-name a')) : '') || data?.author;
    const duration = data?.lengthSeconds || (current ? mediaDuration(video(doc)) : undefined);
    return episodeInfo({ title, url: `https://${HOST}/watch?v=${videoId}`, notes, show, duration });
  },

  notesElement: description,

  panelAnchor(doc: Document): Element | null {
    return query(doc, ['ytd-watch-metadata', EXPANDER], 'YouTube metadata block');
  },

  media: video,

  progressBar(doc: Document): HTMLElement | null {
    return findProgressBar(doc);
  },

  hasOwnChapters(doc: Document): boolean {
    // Both are absent on most videos, so neither lookup is reported.
    if (labelOf(probe(doc, '#movie_player .ytp-chapter-title-content'))) return true;
    return !!probe(doc, 'ytd-engagement-panel-section-list-renderer ytd-macro-markers-list-renderer ytd-macro-markers-list-item-renderer');
  },

  linkAt(episodeUrl: string, seconds: number): string {
    const url = new URL(episodeUrl);
    const v = url.searchParams.get('v');
    if (v !== null && VIDEO_ID.test(v)) return `https://${HOST}/watch?v=${v}&t=${wholeSeconds(seconds)}s`;
    url.searchParams.set('t', `${wholeSeconds(seconds)}s`);
    return url.href;
  },
});
