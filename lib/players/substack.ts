/**
 * Substack podcast posts: `{publication}.substack.com/p/{slug}`, and the same pages on publications' own domains.
 * The page's own data says what it is: `window._preloads = JSON.parse("…")` in an inline script, whose `post`
 * has `type: "podcast"`, the title, the slug and `podcast_duration`. That is read from the script's text (the
 * content script cannot see page variables), validated, and trusted only for the post in the address bar.
 * Notes are the rendered post body (`.available-content .body.markup`), else the data's `body_html`.
 *
 * Guessed (players.md §9: not found): the audio player's markup. The first `<audio>` of the page is taken; its
 * progress bar is not known, so the panel shows its own timeline.
 */
import type * as Zod from 'zod/mini';
import { z } from './zod';
import { once } from '../once';
import { lenient, text } from './schema';
import { definePlayer, type EpisodeInfo, type PageKind, TESTING, NO_EXAMPLES } from './types';
import { asMedia, probe, query } from './selectors';
import { episodeInfo, fragmentLinkAt, hasText, labelOf, mediaDuration, noProgressBar, withoutHash } from './page-text';

const POST_PATH = /^\/p\/([a-z0-9][a-z0-9-]{0,200})\/?$/i;

const Preloads = once(() =>
  z.object({
    post: z.object({
      type: z.string().check(z.maxLength(50)),
      slug: lenient(text(300)),
      title: lenient(text(2_000)),
      podcast_duration: lenient(z.number().check(z.positive(), z.lte(1e6))),
      body_html: lenient(text(2_000_000)),
    }),
    pub: lenient(z.object({ name: lenient(text(500)) })),
  }),
);
type Preloads = Zod.infer<ReturnType<typeof Preloads>>;

const MAX_SCRIPTS = 200;
const MAX_PRELOADS = 8_000_000;
const parsed = new WeakMap<Element, { text: string; data: Preloads | null }>();

/** The string literal's contents after `JSON.parse(` at `from`, decoded, or undefined. */
function jsonParseArgument(source: string, from: number): string | undefined {
  const open = source.indexOf('JSON.parse("', from);
  if (open < 0 || open - from > 40) return undefined;
  const start = open + 'JSON.parse('.length;
  const end = Math.min(source.length, start + MAX_PRELOADS);
  for (let i = start + 1; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) {
      try {
        // The page writes the literal with JSON.stringify: it is a JSON string too.
        const value: unknown = JSON.parse(source.slice(start, i + 1));
        return typeof value === 'string' ? value : undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function readScript(source: string): Preloads | null {
  const at = source.indexOf('window._preloads');
  if (at < 0) return null;
  const literal = jsonParseArgument(source, at);
  if (literal === undefined) return null;
  try {
    const data = Preloads().safeParse(JSON.parse(literal));
    return data.success ? data.data : null;
  } catch {
    return null;
  }
}

/** The page's `_preloads`, parsed once per script text. */
export function preloads(doc: Document): Preloads | undefined {
  const scripts = doc.querySelectorAll('script:not([src])');
  for (let i = 0; i < scripts.length && i < MAX_SCRIPTS; i++) {
    const script = scripts[i]!;
    const source = script.textContent ?? '';
    let entry = parsed.get(script);
    if (entry?.text !== source) {
      entry = { text: source, data: source.includes('_preloads') ? readScript(source) : null };
      parsed.set(script, entry);
    }
    if (entry.data) return entry.data;
  }
  return undefined;
}

function body(doc: Document): Element | null {
  return query(doc, ['.available-content .body.markup', '.body.markup'], 'Substack post body');
}

function audio(doc: Document): HTMLMediaElement | null {
  return asMedia(query(doc, ['.player-wrapper audio', 'audio'], 'Substack audio'));
}

export const substack = definePlayer({
  id: 'substack',
  label: 'Substack',
  matches: ['*://*.substack.com/*'],
  examples: TESTING
    ? {
      episode: [
        'https://tinyharbour.substack.com/p/fog-week-the-audio-edition',
        'https://tinyharbour.substack.com/p/episode-42?utm_source=podcast',
        'https://tinyharbour.substack.com/p/knots-in-writing',
      ],
      show: [],
      other: [
        'https://tinyharbour.substack.com/',
        'https://tinyharbour.substack.com/archive',
        'https://tinyharbour.substack.com/podcast',
        'https://substack.com/inbox',
        'https://tinyharbour.substack.com/p/',
      ],
    }
    : NO_EXAMPLES,
  fixtures: TESTING ? ['episode.html', 'newsletter-embed.html'] : [],

  pageKind(url: URL): PageKind {
    return url.hostname.endsWith('.substack.com') && POST_PATH.test(url.pathname) ? 'episode' : 'other';
  },

  detect(doc: Document): boolean {
    return preloads(doc)?.post.type === 'podcast';
  },

  readEpisode(doc: Document, url: URL): EpisodeInfo | undefined {
    const data = preloads(doc);
    const slug = POST_PATH.exec(url.pathname)?.[1];
    // Only podcast posts, and only the post in the address bar (a stale preload after in-app navigation is not).
    if (!data || data.post.type !== 'podcast' || (data.post.slug && slug && data.post.slug !== slug)) return undefined;
    const shown = body(doc);
    const notes = shown && hasText(shown) ? shown.innerHTML : data.post.body_html;
    const title = data.post.title || labelOf(probe(doc, ['h1.post-title', 'article h1']));
    if (notes === undefined || !title) return undefined;
    const duration = data.post.podcast_duration ?? mediaDuration(audio(doc));
    const show = data.pub?.name;
    return episodeInfo({ title, url: withoutHash(url).split('?')[0]!, notes, show, duration });
  },

  notesElement: body,

  panelAnchor(doc: Document): Element | null {
    // Under the player, above the post: where a listener looks while it plays.
    const player = audio(doc);
    return player?.closest('.player-wrapper, [class*="player"]') ?? player ?? body(doc);
  },

  media: audio,

  progressBar: noProgressBar,

  linkAt: fragmentLinkAt,
});
