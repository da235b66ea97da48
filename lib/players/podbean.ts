/**
 * Podbean: show sites (`{show}.podbean.com`, episodes at `/e/{slug}/`) whose player is Podbean's own embed, an
 * iframe of `www.podbean.com/player-v2/…` (cross-origin). The episode page's notes are read here; its audio is
 * inside the embed, reached through Earmark's script there (lib/content/frames.ts). Seen (players.md §7, Low to
 * Medium): the embed's address, the episode JSON-LD. Guessed: the notes' hooks (`.e-description`,
 * `.episode-description`) and everything inside the embed but its `<audio>`.
 */
import type * as Zod from 'zod/mini';
import { z } from './zod';
import { once } from '../once';
import { definePlayer, type EpisodeInfo, type PageKind, TESTING, NO_EXAMPLES } from './types';
import { asMedia, probe, query } from './selectors';
import { asNotesHtml, episodeInfo, fragmentLinkAt, hasText, labelOf, noProgressBar, withoutHash } from './page-text';

const EPISODE_PATH = /^\/e\/[a-z0-9][a-z0-9-]{0,300}\/?$/i;
const PLAYER_HOST = 'www.podbean.com';

const LdEpisode = once(() =>
  z.object({
    '@type': z.string(),
    name: z.catch(z.optional(z.string().check(z.maxLength(2_000))), undefined),
    description: z.catch(z.optional(z.string().check(z.maxLength(1_000_000))), undefined),
  }),
);

function ldEpisode(doc: Document): Zod.infer<ReturnType<typeof LdEpisode>> | undefined {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < 20; i++) {
    try {
      const parsed = LdEpisode().safeParse(JSON.parse(scripts[i]!.textContent ?? ''));
      if (parsed.success && /episode/i.test(parsed.data['@type'])) return parsed.data;
    } catch {
      // Not JSON: skip it.
    }
  }
  return undefined;
}

function notes(doc: Document): Element | null {
  const el = probe(doc, ['.e-description', '.episode-description', '.episode-content .description']);
  return el && hasText(el) ? el : null;
}

function isPlayer(url: URL): boolean {
  return url.hostname === PLAYER_HOST && url.pathname.startsWith('/player-v2');
}

export const podbean = definePlayer({
  id: 'podbean',
  label: 'Podbean',
  matches: ['*://*.podbean.com/*'],
  examples: TESTING
    ? {
      episode: ['https://tinyharbour.podbean.com/e/fog-week/', 'https://www.podbean.com/player-v2/?from=embed&i=a1b2c-3d4e5f-pb&square=1&share=1'],
      show: [],
      other: ['https://tinyharbour.podbean.com/', 'https://www.podbean.com/', 'https://tinyharbour.podbean.com/category/episodes/', 'https://www.podbean.com/podcast-detail/abc12-3de45/The-Tiny-Harbour'],
    }
    : NO_EXAMPLES,
  fixtures: TESTING ? ['episode.html', 'player.html'] : [],
  embed: true,

  pageKind(url: URL): PageKind {
    if (!url.hostname.endsWith('.podbean.com')) return 'other';
    return isPlayer(url) || (url.hostname !== PLAYER_HOST && EPISODE_PATH.test(url.pathname)) ? 'episode' : 'other';
  },

  readEpisode(doc: Document, url: URL): EpisodeInfo | undefined {
    // The player itself shows no notes that are known: it only plays (see serveParent).
    if (isPlayer(url)) return undefined;
    const data = ldEpisode(doc);
    const shown = notes(doc);
    const text = shown ? shown.innerHTML : data?.description ? asNotesHtml(data.description) : undefined;
    const title = labelOf(probe(doc, ['h1.e-title', '.episode-title h1', 'h1'])) || data?.name;
    if (text === undefined || !title) return undefined;
    const show = probe(doc, 'meta[property="og:site_name"]')?.getAttribute('content')?.trim();
    return episodeInfo({ title, url: withoutHash(url), notes: text, show });
  },

  notesElement: notes,

  panelAnchor(doc: Document): Element | null {
    return notes(doc) ?? probe(doc, 'iframe[src*="podbean.com/player-v2"]');
  },

  media(doc: Document): HTMLMediaElement | null {
    return asMedia(query(doc, 'audio', 'Podbean audio'));
  },

  progressBar: noProgressBar,

  linkAt: fragmentLinkAt,
});
