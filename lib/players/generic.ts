/**
 * Any page with an `<audio>` or `<video>`, run only when the listener asks (no match patterns). A URL alone
 * cannot tell whether a page plays an episode, so every http(s) page classifies as 'episode' and `readEpisode`
 * decides from the document: no playable media or no notes, no episode. For the same reason there are no
 * 'show' or 'other' examples: any web page may turn out to be an episode page.
 */
import { definePlayer, type EpisodeInfo, type PageKind, TESTING, NO_EXAMPLES } from './types';
import { probe } from './selectors';
import { episodeInfo, fragmentLinkAt, hasText, labelOf, mediaDuration, noProgressBar, withoutHash, withRenderedNotes } from './page-text';

/** Pages with more media elements than this are galleries, not episode pages; the rest are not checked. */
const MAX_MEDIA = 50;
const NOTES = ['main', 'article', '[role=main]', 'body'];

/** The first media element that has something to play: a `src` or a `<source>` child. */
function playable(doc: Document): HTMLMediaElement | null {
  const all = doc.querySelectorAll('audio, video');
  for (let i = 0; i < all.length && i < MAX_MEDIA; i++) {
    const el = all[i]!;
    if (el.getAttribute('src') || el.querySelector('source[src]')) return el as HTMLMediaElement;
  }
  return null;
}

function notesContainer(doc: Document): Element | null {
  return probe(doc, NOTES);
}

function titleOf(doc: Document, url: URL): string {
  const og = probe(doc, 'meta[property="og:title"]')?.getAttribute('content')?.replace(/\s+/g, ' ').trim();
  return og || labelOf(probe(doc, 'title')) || labelOf(probe(doc, 'h1')) || url.hostname;
}

export const generic = definePlayer({
  id: 'generic',
  label: 'This page',
  matches: [],
  examples: TESTING
    ? {
      episode: ['https://example.com/episodes/42-the-tiny-harbour', 'http://radio.example.org/shows/harbour?ep=7'],
      show: [],
      other: [],
    }
    : NO_EXAMPLES,
  fixtures: TESTING ? ['episode.html'] : [],

  pageKind(url: URL): PageKind {
    return url.protocol === 'https:' || url.protocol === 'http:' ? 'episode' : 'other';
  },

  readEpisode(doc: Document, url: URL): EpisodeInfo | undefined {
    const media = playable(doc);
    const container = notesContainer(doc);
    if (!media || !container || !hasText(container)) return undefined;
    return withRenderedNotes(episodeInfo({ title: titleOf(doc, url), url: withoutHash(url), notes: '', duration: mediaDuration(media) }), container);
  },

  notesElement: notesContainer,

  panelAnchor(doc: Document): Element | null {
    return playable(doc) ?? notesContainer(doc);
  },

  media: playable,

  progressBar: noProgressBar,

  linkAt: fragmentLinkAt,
});
