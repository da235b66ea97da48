/**
 * Transistor's embedded player and share page (`share.transistor.fm/e/{id}`, `/s/{id}`). Seen (players.md §10):
 * `div#embed-player[x-data]` carries the episode as JSON (`episodes[0]`: title, description, duration…); the
 * object is read from the attribute and validated. Guessed: the media element (the first `<audio>`); no progress
 * bar is known, so no markers.
 */
import { z } from './zod';
import { once } from '../once';
import { lenient } from './schema';
import { definePlayer, type EpisodeInfo, type PageKind, TESTING, NO_EXAMPLES } from './types';
import { asMedia, probe, query } from './selectors';
import { asNotesHtml, episodeInfo, fragmentLinkAt, noProgressBar, withoutHash } from './page-text';
import { balancedObject } from './object-literal';

const HOST = 'share.transistor.fm';
const PATH = /^\/[es]\/[A-Za-z0-9]{4,40}\/?(?:dark\/?)?$/;

const EmbedData = once(() =>
  z.object({
    episodes: z.array(
      z.object({
        title: lenient(z.string().check(z.maxLength(2_000))),
        description: lenient(z.string().check(z.maxLength(1_000_000))),
        formatted_summary: lenient(z.string().check(z.maxLength(1_000_000))),
        duration: lenient(z.number().check(z.positive(), z.lte(1e6))),
        share_url: lenient(z.string().check(z.maxLength(2_000), z.regex(/^https:\/\//))),
      }),
    ),
    show_title: lenient(z.string().check(z.maxLength(2_000))),
  }),
);

function embedData(doc: Document) {
  const raw = probe(doc, '#embed-player[x-data]')?.getAttribute('x-data') ?? '';
  const open = raw.indexOf('{');
  const literal = open >= 0 ? balancedObject(raw, open) : undefined;
  if (!literal) return undefined;
  try {
    const parsed = EmbedData().safeParse(JSON.parse(literal));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const transistorEmbed = definePlayer({
  id: 'transistor-embed',
  label: 'Transistor',
  matches: ['*://share.transistor.fm/*'],
  examples: TESTING
    ? {
      episode: ['https://share.transistor.fm/e/4f2c9a1b', 'https://share.transistor.fm/s/4f2c9a1b', 'https://share.transistor.fm/e/4f2c9a1b/dark'],
      show: [],
      other: ['https://share.transistor.fm/', 'https://share.transistor.fm/e/tiny-harbour/playlist', 'https://share.transistor.fm/e/tiny-harbour/latest/extra'],
    }
    : NO_EXAMPLES,
  fixtures: TESTING ? ['episode.html'] : [],
  embed: true,

  pageKind(url: URL): PageKind {
    return url.hostname === HOST && PATH.test(url.pathname) ? 'episode' : 'other';
  },

  readEpisode(doc: Document, url: URL): EpisodeInfo | undefined {
    const episode = embedData(doc)?.episodes[0];
    const notes = episode?.description ?? episode?.formatted_summary;
    if (!episode?.title || notes === undefined) return undefined;
    const show = embedData(doc)?.show_title;
    return episodeInfo({ title: episode.title, url: episode.share_url ?? withoutHash(url), notes: asNotesHtml(notes), show, duration: episode.duration });
  },

  notesElement(_doc: Document): Element | null {
    return null;
  },

  panelAnchor(doc: Document): Element | null {
    return query(doc, '#embed-player', 'Transistor embed player');
  },

  media(doc: Document): HTMLMediaElement | null {
    return asMedia(query(doc, 'audio', 'Transistor embed audio'));
  },

  progressBar: noProgressBar,

  linkAt: fragmentLinkAt,
});
