/**
 * Buzzsprout episode pages (`www.buzzsprout.com/{podcast}/{episode}-{slug}`), which are also what hosts embed:
 * the embed script writes an iframe of the same page with `?iframe=true&client_source=small_player`. Seen
 * (players.md §10): `audio[data-episode-id][data-duration][src]`, `.episode__title`, `.episode__podcast-title`,
 * og tags. Guessed: where the notes are (a few plausible hooks, then the block holding the page's timeline, then
 * the page's description meta, which may be cut short); the progress bar (none known: no markers).
 */
import { definePlayer, type EpisodeInfo, type PageKind, TESTING, NO_EXAMPLES } from './types';
import { asMedia, probe, query } from './selectors';
import { episodeInfo, fragmentLinkAt, hasText, labelOf, noProgressBar, statedDuration, textToHtml, timelineContainer } from './page-text';

const HOST = 'www.buzzsprout.com';
const EPISODE_PATH = /^\/(\d{1,12})\/(?:episodes\/)?(\d{1,12})(?:-[^/]{0,300})?\/?$/;

function audio(doc: Document): HTMLMediaElement | null {
  return asMedia(query(doc, ['audio[data-episode-id]', 'audio'], 'Buzzsprout audio'));
}

function notes(doc: Document): Element | null {
  const hooked = probe(doc, ['.episode__description', '.episode-description', '.episode__notes']);
  if (hooked && hasText(hooked)) return hooked;
  return doc.body ? timelineContainer(doc.body, 'audio, nav, header, footer, .player, .window__info-details') : null;
}

export const buzzsprout = definePlayer({
  id: 'buzzsprout',
  label: 'Buzzsprout',
  matches: ['*://www.buzzsprout.com/*'],
  examples: TESTING
    ? {
      episode: [
        'https://www.buzzsprout.com/1234567/16180339-fog-week',
        'https://www.buzzsprout.com/1234567/16180339-fog-week?client_source=small_player&iframe=true&referrer=https://tinyharbour.example/',
        'https://www.buzzsprout.com/1234567/episodes/16180339',
      ],
      show: [],
      other: ['https://www.buzzsprout.com/', 'https://www.buzzsprout.com/1234567', 'https://www.buzzsprout.com/1234567/16180339-fog-week.js', 'https://www.buzzsprout.com/pricing'],
    }
    : NO_EXAMPLES,
  fixtures: TESTING ? ['episode.html'] : [],
  embed: true,

  pageKind(url: URL): PageKind {
    return url.hostname === HOST && EPISODE_PATH.test(url.pathname) && !url.pathname.endsWith('.js') ? 'episode' : 'other';
  },

  readEpisode(doc: Document, url: URL): EpisodeInfo | undefined {
    const m = EPISODE_PATH.exec(url.pathname);
    if (!m) return undefined;
    const title = labelOf(query(doc, '.episode__title', 'Buzzsprout episode title')) || probe(doc, 'meta[property="og:title"]')?.getAttribute('content')?.trim();
    const block = notes(doc);
    const described = probe(doc, ['meta[property="og:description"]', 'meta[name="description"]'])?.getAttribute('content') ?? '';
    const text = block && hasText(block) ? block.innerHTML : described.trim() ? textToHtml(described) : undefined;
    if (!title || text === undefined) return undefined;
    const show = labelOf(probe(doc, '.episode__podcast-title'));
    return episodeInfo({ title, url: `https://${HOST}/${m[1]}/${m[2]}`, notes: text, show, duration: statedDuration(audio(doc)) });
  },

  notesElement: notes,

  panelAnchor(doc: Document): Element | null {
    return notes(doc) ?? audio(doc);
  },

  media: audio,

  progressBar: noProgressBar,

  linkAt: fragmentLinkAt,
});
