/**
 * The background's side of "read the podcast's feed" (off until the listener turns it on and grants access to all
 * sites): find the show's feed, read it (cached, at most one fetch per feed per hour, conditional after that), find
 * the episode in it, and gather the podcaster's chapters and guests. Nothing is fetched while the setting is off or
 * the permission is missing. Browser APIs come in as parameters, so tests drive it with a fake server and an
 * in-memory store.
 */
import type { Chapter } from '../timeline';
import { looksLikeHtml, toPlainText } from '../timeline';
import { MAX_CHAPTERS_FILE } from '../feed/chapters';
import { feedFromLookup, feedsFromSearch, ITUNES_ORIGIN, lookupUrl, searchUrl } from '../feed/discover';
import { feedGuests, notesChapters, publishedChapters, readAudioChapters, type ChapterSources } from '../feed/episode';
import { feedNotesFuller } from '../feed/source';
import type { FeedAnswer, Request } from '../messages';
import type { AudioChapter } from '../feed/id3';
import { fetchHead, fetchText, type Fetch } from '../feed/fetch';
import { findItem, titleKey } from '../feed/match';
import { closeTruncatedFeed, FEED_LIMITS, FeedError, readFeed, type FeedDocument, type FeedItem } from '../feed/read';
import { createFeedCache, type FeedCache, type KeyValueStore } from './feed-cache';

/** A feed is fetched at most once an hour per browser; after that, a conditional request. */
export const FEED_REFRESH_MS = 60 * 60 * 1000;
/** A show's feed address, once found, is looked up again after a week. */
const ADDRESS_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Chapters files and audio tags change rarely: a day. */
const CHAPTERS_TTL_MS = 24 * 60 * 60 * 1000;
/** What of a feed is cached: the newest episodes' notes first, until this much. */
const CACHED_FEED_BYTES = 1024 * 1024;

/** The episode on screen, as the content script describes it (the `earmark:feed` message, checked on arrival). */
export type FeedRequest = Omit<Request<'earmark:feed'>, 'type'>;

export type { FeedAnswer };

export interface FeedServiceDeps {
  /** The listener's setting. */
  enabled: () => Promise<boolean>;
  /** Whether the optional all-sites permission is granted. */
  hasAccess: () => Promise<boolean>;
  fetch: Fetch;
  store: KeyValueStore;
  now: () => number;
  itunesOrigin?: string;
  /** Per request (default 20 s). */
  timeoutMs?: number;
  /** Default FEED_LIMITS.feedBytes. */
  maxFeedBytes?: number;
}

export interface FeedService {
  episode(request: FeedRequest): Promise<FeedAnswer>;
  /** Forgets every cached feed (the feature was turned off). */
  clear(): Promise<void>;
}

interface CachedFeed {
  etag?: string;
  lastModified?: string;
  doc?: FeedDocument;
  /** Why the last fetch failed (kept for the hour, so a broken feed is not asked again and again). */
  error?: string;
}

/** The newest items' notes are kept whole until the budget; older items keep their identity only. */
function forCache(doc: FeedDocument): FeedDocument {
  let budget = CACHED_FEED_BYTES;
  const items = doc.items.map((item): FeedItem => {
    const size = item.notes.length + item.title.length + 200;
    if (budget - size < 0) return { ...item, notes: '' };
    budget -= size;
    return item;
  });
  return { ...doc, items };
}

export function createFeedService(deps: FeedServiceDeps): FeedService {
  const cache: FeedCache = createFeedCache(deps.store, deps.now);
  const origin = deps.itunesOrigin ?? ITUNES_ORIGIN;
  const maxFeed = deps.maxFeedBytes ?? FEED_LIMITS.feedBytes;
  const timeout = deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {};
  const inFlight = new Map<string, Promise<unknown>>();
  /** One fetch of a resource at a time: two tabs of one show ask together. */
  const once = <T>(key: string, run: () => Promise<T>): Promise<T> => {
    let p = inFlight.get(key) as Promise<T> | undefined;
    if (!p) {
      p = run().finally(() => inFlight.delete(key));
      inFlight.set(key, p);
    }
    return p;
  };

  const loadFeed = (url: string): Promise<FeedDocument> =>
    once(`feed:${url}`, async () => {
      const cached = await cache.get<CachedFeed>(`feed:${url}`);
      const fresh = cached && deps.now() - cached.at < FEED_REFRESH_MS;
      if (fresh && cached.value.doc) return cached.value.doc;
      if (fresh && cached.value.error) throw new FeedError(cached.value.error, 'http');
      const headers: Record<string, string> = { accept: 'application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1' };
      if (cached?.value.doc && cached.value.etag) headers['if-none-match'] = cached.value.etag;
      if (cached?.value.doc && cached.value.lastModified) headers['if-modified-since'] = cached.value.lastModified;
      let result: CachedFeed;
      try {
        const got = await fetchText(deps.fetch, url, { maxBytes: maxFeed, headers, ...timeout });
        if (got.status === 304 && cached?.value.doc) {
          result = { ...cached.value };
        } else if (got.status < 200 || got.status >= 300) {
          throw new FeedError(`The feed answered ${got.status}.`, 'http');
        } else {
          const xml = got.truncated ? closeTruncatedFeed(got.text) : got.text;
          if (xml === undefined) throw new FeedError(`The feed is larger than Earmark reads (${Math.round(maxFeed / 1024 / 1024)} MB) and has no whole episode within that.`, 'too-large');
          result = { doc: forCache(readFeed(xml)) };
          if (got.etag) result.etag = got.etag;
          if (got.lastModified) result.lastModified = got.lastModified;
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : 'Reading the feed failed.';
        await cache.put<CachedFeed>(`feed:${url}`, { at: deps.now(), value: { ...(cached?.value ?? {}), error: message } }).catch(() => undefined);
        // A feed read before stays usable while its host is down.
        if (cached?.value.doc) return cached.value.doc;
        throw error;
      }
      delete result.error;
      await cache.put(`feed:${url}`, { at: deps.now(), value: result }).catch(() => undefined);
      return result.doc!;
    });

  /** A JSON answer from the iTunes endpoints, cached with the address it gave. */
  const itunes = async (url: string): Promise<string> => {
    const got = await fetchText(deps.fetch, url, { maxBytes: 512 * 1024, ...timeout });
    if (got.status !== 200) throw new FeedError(`Apple's podcast directory answered ${got.status}.`, 'http');
    return got.text;
  };

  /** The feeds Apple's directory gives for the show (by its id, else its name), asked once a week at most. */
  const directory = async (request: FeedRequest): Promise<string[]> => {
    const key = request.appleId ? `address:apple:${request.appleId}` : request.show ? `address:show:${titleKey(request.show)}` : undefined;
    if (!key) return [];
    const known = await cache.get<string[]>(key);
    if (known && deps.now() - known.at < ADDRESS_TTL_MS && Array.isArray(known.value)) return known.value;
    return once(key, async () => {
      const list = request.appleId
        ? [feedFromLookup(await itunes(lookupUrl(request.appleId, origin)))].filter((u): u is string => !!u)
        : feedsFromSearch(await itunes(searchUrl(request.show!, origin)), request.show!);
      await cache.put(key, { at: deps.now(), value: list }).catch(() => undefined);
      return list;
    });
  };

  const cachedChapters = async (key: string, read: () => Promise<unknown>) => {
    const hit = await cache.get<unknown>(key);
    if (hit && deps.now() - hit.at < CHAPTERS_TTL_MS) return hit.value;
    const value = await once(key, read);
    await cache.put(key, { at: deps.now(), value }).catch(() => undefined);
    return value;
  };

  const sources: ChapterSources = {
    chaptersFile: async (url) => {
      const text = await cachedChapters(`chapters:${url}`, async () => {
        const got = await fetchText(deps.fetch, url, { maxBytes: MAX_CHAPTERS_FILE, ...timeout });
        return got.status === 200 && !got.truncated ? got.text : null;
      });
      return typeof text === 'string' ? text : undefined;
    },
    audioChapters: async (url) => {
      const list = await cachedChapters(`audio:${url}`, () => readAudioChapters(url, (u, length) => fetchHead(deps.fetch, u, length, deps.timeoutMs)));
      return Array.isArray(list) ? (list as AudioChapter[]) : [];
    },
  };

  /** The episode in the feed at `url`, with what the podcaster published for it. */
  const fromFeed = async (url: string, request: FeedRequest): Promise<FeedAnswer | undefined> => {
    const doc = await loadFeed(url);
    const item = findItem(doc.items, request);
    if (!item) return undefined;
    const answer: FeedAnswer = { state: 'found', feed: { url, title: doc.title }, episode: item.title, guests: feedGuests(item) };
    const published = await publishedChapters(item, sources);
    if (published) {
      answer.chapters = published.chapters;
      answer.source = published.source;
    } else if (request.pageChapters === 0 || feedNotesFuller(request.pageNotes, toPlainText(item.notes, looksLikeHtml(item.notes)).text)) {
      const chapters = notesChapters(item);
      if (chapters.length > request.pageChapters) {
        answer.chapters = chapters;
        answer.source = 'feed-notes';
      }
    }
    return answer;
  };

  const run = async (request: FeedRequest): Promise<FeedAnswer> => {
    if (!(await deps.enabled())) return { state: 'off' };
    if (!(await deps.hasAccess())) return { state: 'no-access' };
    const tried = new Set<string>();
    /** A feed was read (the episode was not in it). */
    let read = false;
    let problem: string | undefined;
    const attempt = async (url: string) => {
      if (tried.has(url)) return undefined;
      tried.add(url);
      try {
        const found = await fromFeed(url, request);
        read = true;
        return found;
      } catch (error) {
        problem = error instanceof Error ? error.message : 'Reading the feed failed.';
        return undefined;
      }
    };
    // The page's own word for its feed first; Apple's directory only when that does not have the episode.
    if (request.rss) {
      const found = await attempt(request.rss);
      if (found) return found;
    }
    let listed: string[] = [];
    try {
      listed = await directory(request);
    } catch (error) {
      problem ??= error instanceof Error ? error.message : "Apple's podcast directory could not be asked.";
    }
    for (const url of listed) {
      const found = await attempt(url);
      if (found) return found;
    }
    if (read) return { state: 'none', message: "This episode is not in the podcast's feed." };
    if (problem) return { state: 'error', message: problem };
    if (tried.size === 0) return { state: 'none', message: request.show ? `No feed found for “${request.show}”.` : 'This page does not say which show it is.' };
    return { state: 'none', message: 'The podcast’s feed could not be found.' };
  };

  return {
    episode: run,
    clear: () => cache.clear(),
  };
}
