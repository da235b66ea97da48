// Asking the page-world helper for the player's data: when it asks, how often, and when it reads the page again.
// A fake clock and helper: no DOM, no browser.
import { describe, expect, it } from 'vitest';
import { createPageData } from '../../lib/content/features/page-data';
import type { PageData, PlayerAdapter, PlayerData } from '../../lib/players/types';

const adapter = {
  bridge: ['player-data'],
  pageDataFor: (url: URL, page: PageData) => page.player?.videoId === url.searchParams.get('v'),
} as unknown as PlayerAdapter;

function setup(answer: () => PlayerData | undefined, over: Partial<PlayerAdapter> = {}) {
  let now = 0;
  let asks = 0;
  const rereads: number[] = [];
  const feature = createPageData({
    adapter: { ...adapter, ...over } as PlayerAdapter,
    ask: () => {
      asks++;
      return Promise.resolve(answer());
    },
    reread: (ms) => rereads.push(ms),
    now: () => now,
    alive: () => true,
  });
  return { feature, asks: () => asks, rereads, tick: (ms: number) => (now += ms), settle: () => new Promise((r) => setTimeout(r, 0)) };
}

const PAGE = new URL('https://music.example/watch?v=abcDEF12345');
const data = (videoId: string): PlayerData => ({ videoId, description: '0:00 A' });

describe('feature: page-world data', () => {
  it('asks while the episode cannot be read, keeps the answer for its address, and reads the page again', async () => {
    const s = setup(() => data('abcDEF12345'));
    s.feature.request(PAGE, false);
    await s.settle();
    expect(s.asks()).toBe(1);
    expect(s.feature.forUrl(PAGE)?.player?.videoId).toBe('abcDEF12345');
    expect(s.feature.forUrl(new URL('https://music.example/watch?v=other000000'))).toBeUndefined();
    expect(s.feature.version()).toBe(1);
    expect(s.rereads).toEqual([0]);
    // Read and answered for this address: nothing more to ask.
    s.tick(5_000);
    s.feature.request(PAGE, true);
    expect(s.asks()).toBe(1);
  });

  it('asks again, at most once a second and ten times, while the player still describes the last page', async () => {
    const s = setup(() => data('stale000000'));
    for (let i = 0; i < 30; i++) {
      s.feature.request(PAGE, true);
      await s.settle();
      s.feature.request(PAGE, true); // within the second: not asked
      s.tick(1_000);
    }
    expect(s.asks()).toBe(10);
    expect(s.rereads.filter((ms) => ms > 0)).toHaveLength(9);
  });

  it('asks nothing for players without page-world data, or without a helper', async () => {
    const none = setup(() => data('abcDEF12345'), { bridge: [] } as Partial<PlayerAdapter>);
    none.feature.request(PAGE, false);
    expect(none.asks()).toBe(0);
  });
});
