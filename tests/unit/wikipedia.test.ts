// Wikipedia enrichment against a local fake of the REST summary endpoint (never the live site). The fake answers
// the way the real endpoint does: a summary object with `type` standard or disambiguation, 404 for no article.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWikipediaService } from '../../lib/background/wikipedia-service';
import {
  cachedResult,
  lookupWikipedia,
  readWikiCache,
  rememberResult,
  shortBio,
  WIKI_CACHE_DAYS,
  type WikiCache,
} from '../../lib/guests/wikipedia';
import { asBackgroundRequest } from '../../lib/messages';

const ARTICLES: Record<string, { status?: number; body: unknown }> = {
  Ada_Byron: {
    body: {
      type: 'standard',
      title: 'Ada Byron',
      description: 'Fictional harbour archivist',
      extract:
        'Ada Byron (born 1970) is a harbour archivist at the Tiny Harbour Museum. She dated the ferryman’s logbook in 2019. Her other work covers tides, knots and the winter of 1963 in great detail.',
      thumbnail: { source: 'https://upload.wikimedia.org/wikipedia/commons/a/ad/Ada.jpg', width: 200, height: 200 },
    },
  },
  Sam_Reed: { body: { type: 'disambiguation', title: 'Sam Reed', extract: 'Sam Reed may refer to:' } },
  Al_Turing: { body: { type: 'standard', title: 'Alan Turing', extract: 'Alan Turing was a mathematician.' } },
  Odd_Photo: {
    body: { type: 'standard', title: 'Odd Photo', extract: 'Odd Photo is a test.', thumbnail: { source: 'javascript:alert(1)' } },
  },
  Elsewhere_Photo: {
    body: { type: 'standard', title: 'Elsewhere Photo', extract: 'A test.', thumbnail: { source: 'https://tracker.example.test/p.jpg' } },
  },
  Stub_Page: { body: { type: 'no-extract', title: 'Stub Page', description: 'Harbour in Norway' } },
  Bea_Lund: { body: { type: 'standard', title: 'Bea Lund', extract: 'Bea Lund is a sailor.' } },
  Broken: { body: '{"type": "standard", "title": ' },
  Wrong_Shape: { body: { type: 'standard', title: 42 } },
  Busy: { status: 503, body: { error: 'busy' } },
};

let server: Server;
let origin: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const match = /^\/api\/rest_v1\/page\/summary\/([^?]+)/.exec(req.url ?? '');
    const article = match ? ARTICLES[decodeURIComponent(match[1]!)] : undefined;
    if (!article) {
      res.writeHead(404, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found', title: 'Not found.' }));
      return;
    }
    res.writeHead(article.status ?? 200, { 'content-type': 'application/json' });
    res.end(typeof article.body === 'string' ? article.body : JSON.stringify(article.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const look = (name: string) => lookupWikipedia(name, { fetch: (url, init) => fetch(url, init), origin });

describe('lookupWikipedia', () => {
  it('returns a short bio, the description, an https photo and the article link', async () => {
    const result = await look('Ada Byron');
    expect(result).toEqual({
      kind: 'found',
      title: 'Ada Byron',
      description: 'Fictional harbour archivist',
      bio: 'Ada Byron (born 1970) is a harbour archivist at the Tiny Harbour Museum. She dated the ferryman’s logbook in 2019.',
      photo: 'https://upload.wikimedia.org/wikipedia/commons/a/ad/Ada.jpg',
      url: `${origin}/wiki/Ada_Byron`,
    });
    expect(requests.at(-1)).toBe('/api/rest_v1/page/summary/Ada_Byron?redirect=true');
  });

  it('reports a disambiguation page instead of guessing one of its people', async () => {
    expect(await look('Sam Reed')).toEqual({ kind: 'ambiguous', title: 'Sam Reed', url: `${origin}/wiki/Sam_Reed` });
  });

  it('keeps the article title of a redirect, so the UI can show it differs from the name', async () => {
    expect(await look('Al Turing')).toMatchObject({ kind: 'found', title: 'Alan Turing', url: `${origin}/wiki/Alan_Turing` });
  });

  it('answers missing for no article, and drops a photo that is not https', async () => {
    expect(await look('Nobody Atall')).toEqual({ kind: 'missing', name: 'Nobody Atall' });
    const odd = await look('Odd Photo');
    expect(odd.kind).toBe('found');
    expect(odd).not.toHaveProperty('photo');
  });

  it('loads photos from Wikimedia only, and keeps an article that has no summary text', async () => {
    expect(await look('Elsewhere Photo')).not.toHaveProperty('photo');
    expect(await look('Stub Page')).toEqual({
      kind: 'found',
      title: 'Stub Page',
      description: 'Harbour in Norway',
      bio: '',
      url: `${origin}/wiki/Stub_Page`,
    });
  });

  it('rejects with a readable message on a server error, bad JSON, a wrong shape or no network', async () => {
    await expect(look('Busy')).rejects.toThrow('Wikipedia answered 503.');
    await expect(look('Broken')).rejects.toThrow('not a summary');
    await expect(look('Wrong Shape')).rejects.toThrow('not a summary');
    await expect(
      lookupWikipedia('Ada Byron', { fetch: () => Promise.reject(new TypeError('Failed to fetch')), origin }),
    ).rejects.toThrow('Wikipedia could not be reached.');
  });

  it('encodes names that are not plain words', async () => {
    await look('Zoë O’Neil/Test?x=1');
    expect(requests.at(-1)).toBe(`/api/rest_v1/page/summary/${encodeURIComponent('Zoë_O’Neil/Test?x=1')}?redirect=true`);
  });
});

describe('shortBio', () => {
  it('keeps whole sentences up to the limit and does not stop at initials or titles', () => {
    expect(shortBio('J. S. Bach was a composer. He wrote a lot.', 30)).toBe('J. S. Bach was a composer.');
    expect(shortBio('Dr. Ada Byron is an archivist. She likes tides.')).toBe('Dr. Ada Byron is an archivist. She likes tides.');
  });

  it('ends sentences before accented capitals, digits and after closing quotes', () => {
    expect(shortBio('Ada is a diver. Élise is her sister. They sail.')).toBe('Ada is a diver. Élise is her sister.');
    expect(shortBio('Ada wrote “Tides.” 2019 saw her second book. More.')).toBe('Ada wrote “Tides.” 2019 saw her second book.');
  });

  it('cuts a single over-long sentence at a word, with an ellipsis', () => {
    const bio = shortBio(`Ada ${'very '.repeat(100)}long.`, 60);
    expect(bio.length).toBeLessThanOrEqual(60);
    expect(bio.endsWith('…')).toBe(true);
  });
});

describe('the cache', () => {
  const found = { kind: 'missing', name: 'Ada Byron' } as const;

  it('returns a fresh entry whatever the case and spacing of the name, and forgets it after the TTL', () => {
    const cache = rememberResult({}, 'Ada Byron', found, 1_000);
    expect(cachedResult(cache, ' ada  byron ', 2_000)).toEqual(found);
    expect(cachedResult(cache, 'Ada Byron', 1_000 + WIKI_CACHE_DAYS * 86_400_000)).toBeUndefined();
    expect(cachedResult(cache, 'constructor', 2_000)).toBeUndefined();
  });

  it('keeps at most 300 names, dropping the oldest', () => {
    let cache: WikiCache = {};
    for (let i = 0; i < 310; i++) cache = rememberResult(cache, `Person ${i}`, { kind: 'missing', name: `Person ${i}` }, i);
    expect(Object.keys(cache)).toHaveLength(300);
    expect(cachedResult(cache, 'Person 9', 400)).toBeUndefined();
    expect(cachedResult(cache, 'Person 10', 400)).toBeDefined();
  });

  it('drops malformed entries read back from storage', () => {
    const good = { at: 5, result: { kind: 'ambiguous', title: 'Sam Reed', url: 'https://en.wikipedia.org/wiki/Sam_Reed' } };
    expect(readWikiCache({ 'sam reed': good, bad: { at: 'x', result: {} }, worse: null })).toEqual({ 'sam reed': good });
    expect(readWikiCache('not an object')).toEqual({});
    const tampered = { at: 5, result: { kind: 'found', title: 'X', bio: 'b', photo: 'https://tracker.example.test/p.jpg', url: 'https://en.wikipedia.org/wiki/X' } };
    expect(readWikiCache({ x: tampered }).x?.result).not.toHaveProperty('photo');
  });
});

describe('the background service', () => {
  function service(initiallyGranted: boolean) {
    let granted = initiallyGranted;
    let store: WikiCache = {};
    let asked = 0;
    let fetches = 0;
    const lookUp = createWikipediaService({
      hasPermission: async () => granted,
      askPermission: async () => void asked++,
      fetch: (url, init) => (fetches++, fetch(url, init)),
      origin,
      loadCache: async () => store,
      saveCache: async (cache) => void (store = cache),
      now: () => 10_000,
    });
    return { lookUp, asked: () => asked, fetches: () => fetches, store: () => store, revoke: () => void (granted = false) };
  }

  it('without the permission sends nothing and asks the listener for it', async () => {
    const s = service(false);
    const answer = await s.lookUp('Ada Byron');
    expect(answer).toMatchObject({ ok: false, reason: 'permission' });
    expect(s.asked()).toBe(1);
    expect(s.fetches()).toBe(0);
  });

  it('with the permission looks up once, then answers from the cache', async () => {
    const s = service(true);
    const [a, b] = await Promise.all([s.lookUp('Ada Byron'), s.lookUp('ada byron')]);
    expect(a).toMatchObject({ ok: true, result: { kind: 'found', title: 'Ada Byron' } });
    expect(b).toEqual(a);
    expect(await s.lookUp('Ada Byron')).toEqual(a);
    expect(s.fetches()).toBe(1);
    expect(Object.keys(s.store())).toEqual(['ada byron']);
  });

  it('keeps both entries when two look-ups finish together, and saves nothing after a revoke', async () => {
    const s = service(true);
    await Promise.all([s.lookUp('Ada Byron'), s.lookUp('Bea Lund')]);
    expect(Object.keys(s.store()).sort()).toEqual(['ada byron', 'bea lund']);
    const late = s.lookUp('Sam Reed');
    s.revoke();
    expect(await late).toMatchObject({ ok: true, result: { kind: 'ambiguous' } });
    expect(Object.keys(s.store())).not.toContain('sam reed');
  });

  it('turns a failure into a message and caches nothing', async () => {
    const s = service(true);
    expect(await s.lookUp('Busy')).toEqual({ ok: false, reason: 'error', message: 'Wikipedia answered 503.' });
    expect(s.store()).toEqual({});
  });
});

describe('background messages', () => {
  it('accepts exactly a look-up request with a name', () => {
    expect(asBackgroundRequest({ type: 'earmark:wikipedia', name: 'Ada Byron' })).toEqual({ type: 'earmark:wikipedia', name: 'Ada Byron' });
    expect(asBackgroundRequest({ type: 'earmark:wikipedia', name: '  ' })).toBeUndefined();
    expect(asBackgroundRequest({ type: 'earmark:wikipedia', name: 'x'.repeat(201) })).toBeUndefined();
    expect(asBackgroundRequest({ type: 'earmark:wikipedia', name: 'Ada', url: 'https://evil.test' })).toBeUndefined();
    expect(asBackgroundRequest({ type: 'earmark:status' })).toBeUndefined();
    expect(asBackgroundRequest(null)).toBeUndefined();
  });
});
