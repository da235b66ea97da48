/**
 * The background's side of Wikipedia look-ups: permission first, then the cache, then the network. Browser APIs
 * come in as parameters so tests drive it with a fake server and an in-memory store.
 */
import type { WikiAnswer } from '../messages';
import { cachedResult, lookupWikipedia, rememberResult, type LookupOptions, type WikiCache, type WikiResult } from '../guests/wikipedia';

export interface WikipediaServiceDeps {
  /** Whether the optional Wikipedia host permission is granted. */
  hasPermission: () => Promise<boolean>;
  /** Shows the listener where to grant it (a content script cannot ask for permissions itself). */
  askPermission: () => Promise<void>;
  fetch: LookupOptions['fetch'];
  origin?: string;
  loadCache: () => Promise<WikiCache>;
  saveCache: (cache: WikiCache) => Promise<void>;
  now: () => number;
}

export function createWikipediaService(deps: WikipediaServiceDeps): (name: string) => Promise<WikiAnswer> {
  // One look-up per name at a time: the panel and the popup may ask together.
  const pending = new Map<string, Promise<WikiAnswer>>();
  // Saves run one after another: two look-ups finishing together must not drop each other's entry.
  let saving: Promise<void> = Promise.resolve();
  const remember = (name: string, result: WikiResult) => {
    saving = saving.then(async () => {
      // Revoked meanwhile: the cache was just cleared, and stays so.
      if (!(await deps.hasPermission())) return;
      await deps.saveCache(rememberResult(await deps.loadCache(), name, result, deps.now()));
    }).catch(() => undefined); // a failed save costs a repeat look-up later, nothing more
    return saving;
  };
  const run = async (name: string): Promise<WikiAnswer> => {
    if (!(await deps.hasPermission())) {
      await deps.askPermission().catch(() => undefined);
      return {
        ok: false,
        reason: 'permission',
        message: 'Earmark needs your permission to ask Wikipedia. Allow it in the window that opened, then look up again.',
      };
    }
    const cache = await deps.loadCache().catch(() => ({}) as WikiCache);
    const hit = cachedResult(cache, name, deps.now());
    if (hit) return { ok: true, result: hit };
    try {
      const result = await lookupWikipedia(name, { fetch: deps.fetch, ...(deps.origin ? { origin: deps.origin } : {}) });
      await remember(name, result);
      return { ok: true, result };
    } catch (error) {
      return { ok: false, reason: 'error', message: error instanceof Error ? error.message : 'Wikipedia look-up failed.' };
    }
  };
  return (name) => {
    const key = name.trim().toLowerCase();
    let answer = pending.get(key);
    if (!answer) {
      answer = run(name).finally(() => pending.delete(key));
      pending.set(key, answer);
    }
    return answer;
  };
}
