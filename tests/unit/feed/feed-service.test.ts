/**
 * The feed service against a local HTTP server (real fetch, real sockets) and an in-memory store: discovery,
 * the order of chapter sources, caching and revalidation, limits, and what happens when the listener has not
 * allowed any of it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeedService, FEED_REFRESH_MS, type FeedRequest } from '../../../lib/background/feed-service';
import { createFeedCache, type KeyValueStore } from '../../../lib/background/feed-cache';
import { chaptersJson, rss, type TestItem } from '../../feed/feeds';
import { serveFeeds, type Served } from '../../feed/server';
import { writeMp3WithChapters } from '../../feed/id3-writer';

const memory = (): KeyValueStore & { data: Map<string, unknown> } => {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (k) => structuredClone(data.get(k)),
    set: async (k, v) => void data.set(k, structuredClone(v)),
    remove: async (keys) => keys.forEach((k) => data.delete(k)),
  };
};

const episode = (over: Partial<FeedRequest> = {}): FeedRequest => ({
  title: 'Slipway repairs, part two',
  show: 'The Tiny Harbour',
  pageNotes: { length: 0, cut: false },
  pageChapters: 0,
  ...over,
});

const item = (over: Partial<TestItem> = {}): TestItem => ({
  title: 'Slipway repairs, part two',
  guid: 'th-0042',
  pubDate: 'Thu, 26 Mar 2026 06:00:00 GMT',
  duration: '3723',
  content: '<p>We finish the slipway.</p><p>00:00 Intro<br>12:30 The winch<br>40:00 Tides</p>',
  persons: [
    { name: 'Ines Varga', role: 'guest', img: 'https://tinyharbour.example/ines.jpg' },
    { name: 'Mara Quill', role: 'host' },
  ],
  ...over,
});
const older = { title: 'Fog week', guid: 'th-0041', content: '<p>00:00 Fog<br>10:00 More fog</p>' };

let server: Served;
let now: number;
let enabled: boolean;
let access: boolean;
let store: ReturnType<typeof memory>;
const service = (over: Partial<Parameters<typeof createFeedService>[0]> = {}) =>
  createFeedService({
    enabled: async () => enabled,
    hasAccess: async () => access,
    fetch: (url, init) => fetch(url, init),
    store,
    now: () => now,
    itunesOrigin: server.origin,
    ...over,
  });
const lookupAnswer = (feedUrl: string) => JSON.stringify({ resultCount: 1, results: [{ wrapperType: 'track', kind: 'podcast', collectionName: 'The Tiny Harbour', feedUrl }] });

beforeEach(async () => {
  server = await serveFeeds();
  now = Date.UTC(2026, 2, 27);
  enabled = true;
  access = true;
  store = memory();
});
afterEach(() => server.close());

describe('the feed service', () => {
  it('fetches nothing while the setting is off or the permission is missing', async () => {
    server.routes.set('/lookup', { body: lookupAnswer(server.url('/feed.xml')), type: 'application/json' });
    enabled = false;
    expect(await service().episode(episode({ appleId: '42' }))).toEqual({ state: 'off' });
    enabled = true;
    access = false;
    expect(await service().episode(episode({ appleId: '42' }))).toEqual({ state: 'no-access' });
    expect(server.requests).toEqual([]);
  });

  it('finds the feed by the Apple id, the episode by its title, and prefers the podcaster’s chapters file', async () => {
    server.routes.set('/lookup', { body: lookupAnswer(server.url('/feed.xml')), type: 'application/json' });
    server.routes.set('/feed.xml', { body: rss({ title: 'The Tiny Harbour', items: [item({ chaptersUrl: server.url('/th-0042.json') }), older] }) });
    server.routes.set('/th-0042.json', {
      type: 'application/json+chapters',
      body: chaptersJson([
        { startTime: 0, title: 'Cold open' },
        { startTime: 95, title: 'Sponsor art', toc: false },
        { startTime: 120, title: 'The slipway' },
      ]),
    });
    const answer = await service().episode(episode({ appleId: '42' }));
    expect(answer).toMatchObject({
      state: 'found',
      feed: { url: server.url('/feed.xml'), title: 'The Tiny Harbour' },
      episode: 'Slipway repairs, part two',
      source: 'feed',
      chapters: [
        { startTime: 0, title: 'Cold open' },
        { startTime: 120, title: 'The slipway' },
      ],
      guests: [{ name: 'Ines Varga', role: 'guest', img: 'https://tinyharbour.example/ines.jpg' }],
    });
    expect(server.requests.map((r) => r.path.split('?')[0])).toEqual(['/lookup', '/feed.xml', '/th-0042.json']);
    // Nothing identifying is sent along.
    for (const r of server.requests) {
      expect(r.headers.cookie).toBeUndefined();
      expect(r.headers.referer).toBeUndefined();
    }
  });

  it('takes Podlove chapters, then the audio file’s, then the timeline in the feed’s notes', async () => {
    server.routes.set('/feed.xml', {
      body: rss({
        title: 'The Tiny Harbour',
        items: [
          item({ psc: [{ start: '00:00:00', title: 'Hello' }, { start: '00:05:00.500', title: 'Ropes' }], chaptersUrl: server.url('/gone.json') }),
          older,
        ],
      }),
    });
    const withPsc = await service().episode(episode({ rss: server.url('/feed.xml') }));
    expect(withPsc).toMatchObject({ source: 'feed', chapters: [{ startTime: 0, title: 'Hello' }, { startTime: 300.5, title: 'Ropes' }] });

    // No chapters in the feed: the audio file's ID3 chapters, read from its first bytes by Range requests.
    store = memory();
    const mp3 = writeMp3WithChapters(
      [
        { startTime: 0, endTime: 200, title: 'On the slip' },
        { startTime: 200, endTime: 500, title: 'Greasing the ways' },
      ],
      { version: 4, toc: true },
    );
    server.routes.set('/th-0042.mp3', { body: mp3, type: 'audio/mpeg' });
    server.routes.set('/feed.xml', { body: rss({ title: 'The Tiny Harbour', items: [item({ enclosure: server.url('/th-0042.mp3') }), older] }) });
    const fromAudio = await service().episode(episode({ rss: server.url('/feed.xml') }));
    expect(fromAudio).toMatchObject({ source: 'audio', chapters: [{ startTime: 0, title: 'On the slip', endTime: 200 }, { startTime: 200, title: 'Greasing the ways', endTime: 500 }] });
    const audioRequests = server.requests.filter((r) => r.path === '/th-0042.mp3');
    expect(audioRequests.length).toBeGreaterThan(0);
    for (const r of audioRequests) expect(r.headers.range).toMatch(/^bytes=0-\d+$/);

    store = memory();
    server.routes.set('/feed.xml', { body: rss({ title: 'The Tiny Harbour', items: [item(), older] }) });
    const fromNotes = await service().episode(episode({ rss: server.url('/feed.xml') }));
    expect(fromNotes).toMatchObject({ source: 'feed-notes', chapters: [{ startTime: 0, title: 'Intro' }, { startTime: 750, title: 'The winch' }, { startTime: 2400, title: 'Tides' }] });

    // The page shows the same notes with their timeline: the feed's notes add nothing.
    store = memory();
    const same = await service().episode(episode({ rss: server.url('/feed.xml'), pageNotes: { length: 60, cut: false }, pageChapters: 3 }));
    expect(same).toMatchObject({ state: 'found' });
    expect(same).not.toHaveProperty('chapters');
  });

  it('fetches a feed at most once an hour, then revalidates it with its ETag', async () => {
    server.routes.set('/feed.xml', { body: rss({ title: 'The Tiny Harbour', items: [item(), older] }), etag: '"v1"' });
    const feeds = service();
    await feeds.episode(episode({ rss: server.url('/feed.xml') }));
    await feeds.episode(episode({ rss: server.url('/feed.xml'), title: 'Fog week' }));
    expect(server.requests.filter((r) => r.path === '/feed.xml')).toHaveLength(1);
    now += FEED_REFRESH_MS + 1;
    const again = await feeds.episode(episode({ rss: server.url('/feed.xml') }));
    expect(again).toMatchObject({ state: 'found', source: 'feed-notes' });
    const feedRequests = server.requests.filter((r) => r.path === '/feed.xml');
    expect(feedRequests).toHaveLength(2);
    expect(feedRequests[1]!.headers['if-none-match']).toBe('"v1"');
  });

  it('finds the show by name when the page gives no feed, trying the directory’s shows named like it', async () => {
    server.routes.set('/search', {
      type: 'application/json',
      body: JSON.stringify({
        results: [
          { collectionName: 'The Tiny Harbour', feedUrl: server.url('/other.xml') },
          { collectionName: 'The Tiny Harbour (Archive)', feedUrl: server.url('/feed.xml') },
          { collectionName: 'Harbour Tales', feedUrl: server.url('/tales.xml') },
        ],
      }),
    });
    server.routes.set('/other.xml', { body: rss({ title: 'The Tiny Harbour', items: [{ title: 'Something else entirely' }] }) });
    server.routes.set('/feed.xml', { body: rss({ title: 'The Tiny Harbour (Archive)', items: [item(), older] }) });
    const answer = await service().episode(episode());
    expect(answer).toMatchObject({ state: 'found', feed: { url: server.url('/feed.xml') } });
    expect(server.requests.some((r) => r.path === '/tales.xml')).toBe(false);
  });

  it('says so when the episode is not in the feed, the feed is broken, slow or huge', async () => {
    server.routes.set('/feed.xml', { body: rss({ title: 'The Tiny Harbour', items: [older] }) });
    expect(await service().episode(episode({ rss: server.url('/feed.xml') }))).toMatchObject({ state: 'none', message: expect.stringContaining('not in the podcast') });

    server.routes.set('/broken.xml', { body: '<html><body>Moved</body></html>', type: 'text/html' });
    expect(await service().episode(episode({ rss: server.url('/broken.xml') }))).toMatchObject({ state: 'error', message: 'This is not an RSS feed.' });

    server.routes.set('/slow.xml', { body: rss({ title: 'x', items: [item()] }), delayMs: 1_500 });
    expect(await service({ timeoutMs: 200 }).episode(episode({ rss: server.url('/slow.xml') }))).toMatchObject({ state: 'error', message: expect.stringContaining('did not answer') });

    server.routes.set('/gone.xml', { body: 'gone', status: 410 });
    expect(await service().episode(episode({ rss: server.url('/gone.xml') }))).toMatchObject({ state: 'error', message: 'The feed answered 410.' });
  });

  it('reads a feed past its size limit up to the last whole episode within it', async () => {
    const filler = Array.from({ length: 60 }, (_, i) => ({ title: `Old episode ${i}`, content: `<p>${'words '.repeat(400)}</p>` }));
    server.routes.set('/big.xml', { body: rss({ title: 'The Tiny Harbour', items: [item(), ...filler] }) });
    const answer = await service({ maxFeedBytes: 64 * 1024 }).episode(episode({ rss: server.url('/big.xml') }));
    expect(answer).toMatchObject({ state: 'found', source: 'feed-notes' });
    server.routes.set('/huge-item.xml', { body: rss({ title: 'x', items: [{ title: 'Slipway repairs, part two', content: 'w'.repeat(100_000) }] }) });
    expect(await service({ maxFeedBytes: 64 * 1024 }).episode(episode({ rss: server.url('/huge-item.xml') }))).toMatchObject({
      state: 'error',
      message: expect.stringContaining('larger than Earmark reads'),
    });
  });

  it('follows redirects and keeps hostile strings as text', async () => {
    server.routes.set('/old.xml', { body: '', redirect: server.url('/feed.xml') });
    server.routes.set('/feed.xml', {
      body: rss({
        title: '<img src=x onerror=alert(1)>',
        items: [item({ persons: [{ name: '<b>Ines</b>', role: 'guest', img: 'javascript:alert(1)', href: 'data:text/html,x' }] })],
      }),
    });
    const answer = await service().episode(episode({ rss: server.url('/old.xml') }));
    expect(answer).toMatchObject({ state: 'found', feed: { title: '<img src=x onerror=alert(1)>' }, guests: [{ name: '<b>Ines</b>', role: 'guest' }] });
    expect(answer.state === 'found' && answer.guests[0]).not.toHaveProperty('img');
  });

  it('forgets everything when cleared', async () => {
    server.routes.set('/feed.xml', { body: rss({ title: 'The Tiny Harbour', items: [item()] }) });
    const feeds = service();
    await feeds.episode(episode({ rss: server.url('/feed.xml') }));
    expect(store.data.size).toBeGreaterThan(0);
    await feeds.clear();
    expect(store.data.size).toBe(0);
  });
});

describe('the feed cache', () => {
  it('stays under its cap by dropping the entries used longest ago', async () => {
    const kv = memory();
    let t = 0;
    const cache = createFeedCache(kv, () => ++t, 1_000);
    await cache.put('a', { at: 1, value: 'x'.repeat(400) });
    await cache.put('b', { at: 2, value: 'y'.repeat(400) });
    await cache.put('c', { at: 3, value: 'z'.repeat(400) });
    expect(await cache.get('a')).toBeUndefined();
    expect((await cache.get<string>('b'))?.value).toHaveLength(400);
    expect((await cache.get<string>('c'))?.value).toHaveLength(400);
    // An entry bigger than the whole cap is not kept at all.
    await cache.put('d', { at: 4, value: 'w'.repeat(2_000) });
    expect(await cache.get('d')).toBeUndefined();
    expect(await cache.get('c')).toBeDefined();
  });
});
