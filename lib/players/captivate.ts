/**
 * Captivate's player (`player.captivate.fm/episode/{uuid}`): the page hosts use as their embed (an iframe) and
 * that also opens on its own. Seen (players.md §10, one source): `audio.player-audio[data-duration] > source`,
 * the notes in `.player-shownotes`. Guessed: where the title is (the page's heading, else its title tag) and the
 * progress bar (not known: no markers; the panel, when there is room for one, shows its own timeline).
 */
import { definePlayer, type EpisodeInfo, type PageKind, TESTING, NO_EXAMPLES } from './types';
import { asMedia, probe, query } from './selectors';
import { episodeInfo, fragmentLinkAt, hasText, labelOf, noProgressBar, statedDuration, withoutHash, withRenderedNotes } from './page-text';

const HOST = 'player.captivate.fm';
const EPISODE_PATH = /^\/episode\/[0-9a-f-]{8,64}\/?$/i;

function notes(doc: Document): Element | null {
  return query(doc, '.player-shownotes', 'Captivate show notes');
}

function audio(doc: Document): HTMLMediaElement | null {
  return asMedia(query(doc, ['audio.player-audio', 'audio'], 'Captivate audio'));
}

export const captivate = definePlayer({
  id: 'captivate',
  label: 'Captivate',
  matches: ['*://player.captivate.fm/*'],
  examples: TESTING
    ? {
      episode: ['https://player.captivate.fm/episode/5b0f3a2e-8c1d-4f6a-9e7b-2d4c6a8e0f13', 'https://player.captivate.fm/episode/5b0f3a2e-8c1d-4f6a-9e7b-2d4c6a8e0f13/'],
      show: [],
      other: ['https://player.captivate.fm/', 'https://player.captivate.fm/show/7c1e9a3b-2f4d-4b6a-8e0c-1a3c5e7f9b24', 'https://player.captivate.fm/episode/'],
    }
    : NO_EXAMPLES,
  fixtures: TESTING ? ['episode.html'] : [],
  embed: true,

  pageKind(url: URL): PageKind {
    return url.hostname === HOST && EPISODE_PATH.test(url.pathname) ? 'episode' : 'other';
  },

  readEpisode(doc: Document, url: URL): EpisodeInfo | undefined {
    const block = notes(doc);
    const title =
      labelOf(probe(doc, ['.player-episode-title', '.episode-title', 'h1'])) ||
      probe(doc, 'meta[property="og:title"]')?.getAttribute('content')?.trim() ||
      labelOf(probe(doc, 'title'));
    if (!block || !hasText(block) || !title) return undefined;
    const show = labelOf(probe(doc, ['.player-show-title', '.show-title']));
    return withRenderedNotes(episodeInfo({ title, url: withoutHash(url), notes: '', show, duration: statedDuration(audio(doc)) }), block);
  },

  notesElement: notes,
  panelAnchor: notes,
  media: audio,

  progressBar: noProgressBar,

  linkAt: fragmentLinkAt,
});
