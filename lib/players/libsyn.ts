/**
 * Libsyn's embedded player (`play.libsyn.com/embed/episode/id/{id}/…`, and the older
 * `html5-player.libsyn.com/embed/…`), always inside a host's iframe. Seen (players.md §10): the page script's
 * `var playlistItem = {…}` (item_title, duration, media_url) and the notes in `p#info_text_body`, the titles in
 * `.episode-title` and `.podcast-title`. Guessed: the media element (the first `<audio>`) and that the data's
 * duration is seconds or a clock ("00:45:12"); no progress bar is known, so there are no markers.
 */
import type * as Zod from 'zod/mini';
import { z } from './zod';
import { once } from '../once';
import { lenient } from './schema';
import { definePlayer, type EpisodeInfo, type PageKind, TESTING, NO_EXAMPLES } from './types';
import { asMedia, probe, query } from './selectors';
import { episodeInfo, fragmentLinkAt, hasText, labelOf, mediaDuration, noProgressBar, withoutHash, withRenderedNotes } from './page-text';
import { assignedObject } from './object-literal';
import { parseTimeValue } from '../timeline/time';

const HOSTS = new Set(['play.libsyn.com', 'html5-player.libsyn.com']);
const EPISODE_PATH = /^\/embed\/episode\/id\/(\d{1,12})(?:\/|$)/;

const PlaylistItem = once(() =>
  z.object({
    item_title: lenient(z.string().check(z.maxLength(2_000))),
    duration: lenient(z.union([z.number().check(z.positive(), z.lte(1e6)), z.string().check(z.maxLength(20))])),
  }),
);

function playlistItem(doc: Document): Zod.infer<ReturnType<typeof PlaylistItem>> | undefined {
  const scripts = doc.querySelectorAll('script:not([src])');
  for (let i = 0; i < scripts.length && i < 100; i++) {
    const source = scripts[i]!.textContent ?? '';
    if (!source.includes('playlistItem')) continue;
    const literal = assignedObject(source, 'playlistItem');
    if (!literal) continue;
    try {
      const parsed = PlaylistItem().safeParse(JSON.parse(literal));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON (a JavaScript literal with unquoted keys): the rendered page still has what we need.
    }
  }
  return undefined;
}

function notes(doc: Document): Element | null {
  return query(doc, ['#info_text_body', '.info_text_body'], 'Libsyn notes');
}

function audio(doc: Document): HTMLMediaElement | null {
  return asMedia(query(doc, 'audio', 'Libsyn audio'));
}

export const libsyn = definePlayer({
  id: 'libsyn',
  label: 'Libsyn',
  matches: ['*://play.libsyn.com/*', '*://html5-player.libsyn.com/*'],
  examples: TESTING
    ? {
      episode: [
        'https://play.libsyn.com/embed/episode/id/31415926/height/192/theme/modern/size/large/thumbnail/yes/custom-color/2d3c4b/time-start/00:00:00/playlist-height/200/direction/backward/download/yes',
        'https://html5-player.libsyn.com/embed/episode/id/27182818/height/90/theme/custom/thumbnail/yes/direction/backward/',
      ],
      show: [],
      other: ['https://play.libsyn.com/', 'https://play.libsyn.com/embed/destination/id/12345', 'https://html5-player.libsyn.com/embed/episode/id/abc'],
    }
    : NO_EXAMPLES,
  fixtures: TESTING ? ['episode.html'] : [],
  embed: true,

  pageKind(url: URL): PageKind {
    return HOSTS.has(url.hostname) && EPISODE_PATH.test(url.pathname) ? 'episode' : 'other';
  },

  readEpisode(doc: Document, url: URL): EpisodeInfo | undefined {
    const block = notes(doc);
    const item = playlistItem(doc);
    const title = item?.item_title || labelOf(probe(doc, '.episode-title'));
    if (!block || !hasText(block) || !title) return undefined;
    const stated = typeof item?.duration === 'string' ? (/^\d+$/.test(item.duration) ? Number(item.duration) : parseTimeValue(item.duration)) : item?.duration;
    const duration = stated !== undefined && stated > 0 ? stated : mediaDuration(audio(doc));
    const show = labelOf(probe(doc, '.podcast-title'));
    return withRenderedNotes(episodeInfo({ title, url: withoutHash(url), notes: '', show, duration }), block);
  },

  notesElement: notes,
  panelAnchor: notes,
  media: audio,

  progressBar: noProgressBar,

  linkAt: fragmentLinkAt,
});
