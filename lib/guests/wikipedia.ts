/**
 * Optional guest enrichment from Wikipedia's REST summary endpoint (off until the listener asks, per guest).
 *
 * Pure apart from the `fetch` it is given: the background passes the browser's, tests a local fake server's.
 * Wikipedia's answer is untrusted data: validated with zod, text kept as text, links rebuilt from its origin.
 * A disambiguation page is reported as such, never resolved by guessing one of its entries.
 */
import * as z from 'zod/mini';
import { once } from '../once';

export const WIKIPEDIA_ORIGIN = 'https://en.wikipedia.org';
/** The optional host permission a look-up needs (manifest `optional_host_permissions`). */
export const WIKIPEDIA_PERMISSION = `${WIKIPEDIA_ORIGIN}/*`;

export type WikiResult =
  | {
      kind: 'found';
      /** The article's title: may differ from the name looked up (a redirect), and the UI shows it. */
      title: string;
      /** Wikidata's short description ("British oceanographer"), when there is one. */
      description?: string;
      /** A short bio: the extract's first one or two sentences, at most 300 characters. */
      bio: string;
      /** The article's thumbnail (https only). */
      photo?: string;
      url: string;
    }
  | { kind: 'ambiguous'; title: string; url: string }
  | { kind: 'missing'; name: string };

const Summary = z.object({
  type: z.string(),
  title: z.string(),
  extract: z.optional(z.string()),
  description: z.optional(z.string()),
  thumbnail: z.optional(z.object({ source: z.string() })),
});

/** The article path for a title, as Wikipedia writes it (spaces as underscores). */
export function articlePath(title: string): string {
  return encodeURIComponent(title.trim().replace(/\s+/g, '_'));
}

/** The extract's first one or two sentences, up to `max` characters (a short bio, not the article). */
export function shortBio(extract: string, max = 300): string {
  const text = extract.replace(/\s+/g, ' ').trim();
  // A sentence ends at ". " before a capital, digit or quote, but not after a title ("Dr.") or a lone capital
  // (initials: "J. S. Bach", "George W. Bush"). A regnal numeral ("Henry V.") reads as an initial too: the
  // bio then runs on into the next sentence, which costs length, never meaning.
  const ends = [
    ...text.matchAll(/(?<!(?:^|[\s(])(?:\p{Lu}|Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|Inc|Ltd|No|vs|ca|c))[.!?]["”’)]?(?=\s+[\p{Lu}\d"“(‘]|$)/gu),
  ].map((m) => m.index + m[0].length);
  // Two sentences at most: who they are and what they are known for; the article link has the rest.
  let cut = ends[0] ?? text.length;
  for (const e of ends.slice(0, 2)) if (e <= max) cut = e;
  if (cut > max) {
    const space = text.lastIndexOf(' ', max - 1);
    return `${text.slice(0, space > 0 ? space : max - 1)}…`;
  }
  return text.slice(0, cut);
}

/** Photos come from Wikimedia's media host only: anything else in the answer is not loaded into a page. */
export const PHOTO_HOST = 'upload.wikimedia.org';

export function photoUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname === PHOTO_HOST ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export interface LookupOptions {
  fetch: (url: string, init?: { headers?: Record<string, string>; signal?: AbortSignal }) => Promise<Response>;
  origin?: string;
  signal?: AbortSignal;
}

/**
 * Looks `name` up. Resolves to found / ambiguous / missing; rejects with a message a listener can read when
 * Wikipedia cannot be reached or answers with something else than a summary.
 */
export async function lookupWikipedia(name: string, options: LookupOptions): Promise<WikiResult> {
  const origin = options.origin ?? WIKIPEDIA_ORIGIN;
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean || clean.length > 200) return { kind: 'missing', name: clean };
  let response: Response;
  try {
    response = await options.fetch(`${origin}/api/rest_v1/page/summary/${articlePath(clean)}?redirect=true`, {
      headers: { accept: 'application/json' },
      signal: options.signal,
    });
  } catch {
    throw new Error('Wikipedia could not be reached.');
  }
  if (response.status === 404) return { kind: 'missing', name: clean };
  if (!response.ok) throw new Error(`Wikipedia answered ${response.status}.`);
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new Error('Wikipedia sent something that is not a summary.');
  }
  const parsed = Summary.safeParse(data);
  if (!parsed.success) throw new Error('Wikipedia sent something that is not a summary.');
  const summary = parsed.data;
  const url = `${origin}/wiki/${articlePath(summary.title)}`;
  if (summary.type === 'disambiguation') return { kind: 'ambiguous', title: summary.title, url };
  // "no-extract": the article exists but Wikipedia offers no summary text; the link and description still help.
  if (summary.type !== 'standard' && summary.type !== 'no-extract') return { kind: 'missing', name: clean };
  const photo = photoUrl(summary.thumbnail?.source);
  return {
    kind: 'found',
    title: summary.title,
    ...(summary.description?.trim() ? { description: summary.description.trim() } : {}),
    bio: summary.extract ? shortBio(summary.extract) : '',
    ...(photo ? { photo } : {}),
    url,
  };
}

/** Cached answers by name; an entry older than `WIKI_CACHE_DAYS` is looked up again. */
export type WikiCache = Record<string, { at: number; result: WikiResult }>;
export const WIKI_CACHE_DAYS = 30;
const WIKI_CACHE_MAX = 300;

const cacheKey = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();

export function cachedResult(cache: WikiCache, name: string, now: number): WikiResult | undefined {
  const entry = Object.hasOwn(cache, cacheKey(name)) ? cache[cacheKey(name)] : undefined;
  return entry && now - entry.at < WIKI_CACHE_DAYS * 86_400_000 ? entry.result : undefined;
}

/** A new cache with `result` remembered; the oldest entries go beyond WIKI_CACHE_MAX. */
export function rememberResult(cache: WikiCache, name: string, result: WikiResult, now: number): WikiCache {
  const entries = Object.entries({ ...cache, [cacheKey(name)]: { at: now, result } });
  entries.sort((a, b) => b[1].at - a[1].at);
  return Object.fromEntries(entries.slice(0, WIKI_CACHE_MAX));
}

/**
 * A look-up's result as stored and as sent to the pages that asked (checked again where it arrives): made on first
 * use, as the answers' schemas are (lib/answers-background.ts).
 */
export const wikiResultSchema = once(() =>
  z.union([
    z.object({
      kind: z.literal('found'),
      title: z.string(),
      description: z.optional(z.string()),
      bio: z.string(),
      photo: z.optional(z.string()),
      url: z.string(),
    }),
    z.object({ kind: z.literal('ambiguous'), title: z.string(), url: z.string() }),
    z.object({ kind: z.literal('missing'), name: z.string() }),
  ]),
);

/** One stored entry: when it was looked up, and its result. */
const wikiCacheEntry = once(() => z.object({ at: z.number(), result: wikiResultSchema() }));

/** The cache as read back from storage: anything malformed is dropped, entry by entry. */
export function readWikiCache(value: unknown): WikiCache {
  const out: WikiCache = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, entry] of Object.entries(value)) {
    const parsed = wikiCacheEntry().safeParse(entry);
    if (!parsed.success) continue;
    const stored = parsed.data as { at: number; result: WikiResult };
    // Stored data is re-checked like the network's: only Wikimedia photos are shown.
    if (stored.result.kind === 'found' && stored.result.photo !== undefined) {
      const photo = photoUrl(stored.result.photo);
      const { photo: _dropped, ...rest } = stored.result;
      stored.result = photo ? { ...rest, photo } : rest;
    }
    out[key] = stored;
  }
  return out;
}
