/**
 * Data only the page's own world holds (a player's description and length: `player-data`), asked of the
 * page-world helper while the page cannot be read, and where that data is the truth the DOM may contradict until
 * it has answered for this address. At most once a second and MAX_TRIES times per address: after SPA navigation
 * the player may still describe the previous page for a moment. Each answer bumps `version`, so an episode
 * mounted before it is read again.
 */
import type { PageData, PlayerAdapter, PlayerData } from '../../players/types';

const MAX_TRIES = 10;
const MIN_INTERVAL_MS = 1_000;

export interface PageDataHost {
  adapter: PlayerAdapter;
  /** Asks the page-world helper (undefined: no helper, or it refused). */
  ask(): Promise<PlayerData | undefined> | undefined;
  /** Reads the page again (an answer came, or one is worth waiting for). */
  reread(delayMs: number): void;
  now(): number;
  /** The content script is still alive. */
  alive(): boolean;
}

export interface PageDataFeature {
  /** The data read for the page at `url`, when there is some. */
  forUrl(url: URL): PageData | undefined;
  /** Asks when it is worth asking: the episode could not be read, or the data is not yet about this page. */
  request(url: URL, episodeRead: boolean): void;
  /** Counts the answers so far. */
  version(): number;
}

export function createPageData({ adapter, ask, reread, now, alive }: PageDataHost): PageDataFeature {
  let last: { href: string; at: number; data: PageData; pending: boolean; tries: number } | undefined;
  let version = 0;
  const about = (url: URL, data: PageData) => adapter.pageDataFor?.(url, data) ?? !!data.player;

  return {
    forUrl(url) {
      return last?.href === url.href ? last.data : undefined;
    },

    request(url, episodeRead) {
      if (!adapter.bridge?.includes('player-data')) return;
      const answered = last?.href === url.href && about(url, last.data);
      if (episodeRead && answered) return;
      if (last?.href === url.href && (last.pending || now() - last.at < MIN_INTERVAL_MS || last.tries >= MAX_TRIES)) return;
      const asked = ask();
      if (!asked) return;
      const entry = { href: url.href, at: now(), data: {} as PageData, pending: true, tries: last?.href === url.href ? last.tries + 1 : 1 };
      last = entry;
      void asked.then((player) => {
        entry.pending = false;
        entry.at = now();
        if (player) {
          entry.data = { player };
          version++;
        }
        if (last !== entry || !alive()) return;
        // An answer: read the page again. None yet, or one about another page (the player still has the last
        // one): look again a little later, a few times (the page may show no DOM change to wake the runtime).
        if (player) reread(0);
        if (!about(url, entry.data) && entry.tries < MAX_TRIES) reread(MIN_INTERVAL_MS);
      });
    },

    version: () => version,
  };
}
