/**
 * The feed cache in `storage.local`: one key per entry (a feed, a chapters file, an audio file's chapters, a show's
 * feed address) and an index of their sizes, so the whole stays under a cap by dropping the entries used longest
 * ago. Saved moments share this storage area: the cap keeps feeds from ever crowding them out.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface CacheEntry<T> {
  /** When it was fetched (ms). */
  at: number;
  value: T;
}

/** All feed caching together stays under this (storage.local holds 10 MB without the unlimited permission). */
export const FEED_CACHE_BYTES = 3 * 1024 * 1024;
const INDEX_KEY = 'feed-cache:index';
const PREFIX = 'feed-cache:';

type Index = Record<string, { used: number; size: number }>;

export interface FeedCache {
  get<T>(key: string): Promise<CacheEntry<T> | undefined>;
  put<T>(key: string, entry: CacheEntry<T>): Promise<void>;
  /** Everything gone (the listener turned the feature off). */
  clear(): Promise<void>;
}

export function createFeedCache(store: KeyValueStore, now: () => number, maxBytes = FEED_CACHE_BYTES): FeedCache {
  // Index writes run one after another: two entries saved together must not drop each other's line.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const readIndex = async (): Promise<Index> => {
    const raw = await store.get(INDEX_KEY);
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {};
    const out: Index = {};
    for (const [key, v] of Object.entries(raw as Record<string, unknown>)) {
      const { used, size } = (v ?? {}) as { used?: unknown; size?: unknown };
      if (typeof used === 'number' && typeof size === 'number') out[key] = { used, size };
    }
    return out;
  };
  return {
    async get<T>(key: string) {
      const raw = (await store.get(PREFIX + key)) as CacheEntry<T> | undefined;
      if (raw === null || typeof raw !== 'object' || typeof raw.at !== 'number' || !('value' in raw)) return undefined;
      return raw;
    },
    put<T>(key: string, entry: CacheEntry<T>) {
      return serial(async () => {
        const size = JSON.stringify(entry).length;
        if (size > maxBytes) return; // never kept: it would push out everything else
        const index = await readIndex();
        index[key] = { used: now(), size };
        const drop: string[] = [];
        let total = Object.values(index).reduce((sum, e) => sum + e.size, 0);
        for (const [k, e] of Object.entries(index).sort((a, b) => a[1].used - b[1].used)) {
          if (total <= maxBytes || k === key) continue;
          drop.push(k);
          total -= e.size;
          delete index[k];
        }
        if (drop.length) await store.remove(drop.map((k) => PREFIX + k));
        await store.set(PREFIX + key, entry);
        await store.set(INDEX_KEY, index);
      });
    },
    clear() {
      return serial(async () => {
        const index = await readIndex();
        await store.remove([...Object.keys(index).map((k) => PREFIX + k), INDEX_KEY]);
      });
    },
  };
}
