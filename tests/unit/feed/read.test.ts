import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closeTruncatedFeed, FeedError, readFeed, webUrl } from '../../../lib/feed/read';
import { readJsonChapters, fromInline } from '../../../lib/feed/chapters';
import { feedFromLookup, feedsFromSearch, lookupUrl, searchUrl } from '../../../lib/feed/discover';
import { enclosureKey, findItem, titleKey } from '../../../lib/feed/match';
import { feedNotesFuller, pageNotesOf } from '../../../lib/feed/source';
import { mergeFeedGuests } from '../../../lib/feed/guests';
import { chaptersJson, rss } from '../../feed/feeds';
import { writeMp3WithChapters } from '../../feed/id3-writer';
import { ID3_FIRST_READ, MAX_ID3_TAG, readAudioChapters } from '../../../lib/feed/episode';
import { id3TagLength } from '../../../lib/feed/id3';

const harbour = () =>
  rss({
    title: 'The Tiny Harbour',
    persons: [{ name: 'Mara Quill', role: 'host' }],
    items: [
      {
        title: 'Slipway repairs, part two',
        guid: 'th-0042',
        pubDate: 'Thu, 26 Mar 2026 06:00:00 GMT',
        duration: '01:02:03',
        enclosure: 'https://measure.example/track/abc/cdn.tinyharbour.example/audio/th-0042.mp3?src=rss',
        content: '<p>We finish the slipway.</p><p>00:00 Intro<br>12:30 The winch<br>40:00 Tides</p>',
        description: 'We finish the slipway.',
        chaptersUrl: 'https://tinyharbour.example/chapters/th-0042.json',
        persons: [
          { name: 'Ines Varga', role: 'guest', img: 'https://tinyharbour.example/ines.jpg', href: 'https://ines.example/' },
          { name: 'Mara Quill' },
          { name: 'Tom Keel', role: 'Guest', img: 'http://insecure.example/tom.jpg', href: 'javascript:alert(1)' },
        ],
        psc: [
          { start: '00:00:00.000', title: 'Intro' },
          { start: '12:30', title: 'The winch', href: 'https://winch.example/' },
        ],
      },
      { title: 'Slipway repairs, part one', guid: 'th-0041', pubDate: 'Thu, 19 Mar 2026 06:00:00 GMT', duration: '3000', enclosure: 'https://cdn.tinyharbour.example/audio/th-0041.mp3' },
    ],
  });

describe('readFeed', () => {
  it('reads the episode identity, notes, chapter references and people of an RSS feed with its namespaces', () => {
    const doc = readFeed(harbour());
    expect(doc.title).toBe('The Tiny Harbour');
    expect(doc.persons).toEqual([{ name: 'Mara Quill', role: 'host' }]);
    const [item, older] = doc.items;
    expect(item).toMatchObject({
      title: 'Slipway repairs, part two',
      guid: 'th-0042',
      published: Date.UTC(2026, 2, 26, 6),
      duration: 3723,
      chaptersUrl: 'https://tinyharbour.example/chapters/th-0042.json',
    });
    // content:encoded is the fuller notes.
    expect(item!.notes).toContain('12:30 The winch');
    expect(item!.inlineChapters).toEqual([
      { startTime: 0, title: 'Intro' },
      { startTime: 750, title: 'The winch', url: 'https://winch.example/' },
    ]);
    // The namespace's default role is host; roles are lowercased; photos https only; links http(s) only.
    expect(item!.persons).toEqual([
      { name: 'Ines Varga', role: 'guest', img: 'https://tinyharbour.example/ines.jpg', href: 'https://ines.example/' },
      { name: 'Mara Quill', role: 'host' },
      { name: 'Tom Keel', role: 'guest' },
    ]);
    expect(older).toMatchObject({ duration: 3000, notes: '' });
  });

  it('keeps hostile strings as text', () => {
    const doc = readFeed(
      rss({ title: '<img src=x onerror=alert(1)>', items: [{ title: '"><script>alert(1)</script>', content: '<script>alert(2)</script>', enclosure: 'javascript:alert(3)' }] }),
    );
    expect(doc.title).toBe('<img src=x onerror=alert(1)>');
    expect(doc.items[0]!.title).toBe('"><script>alert(1)</script>');
    expect(doc.items[0]!.enclosure).toBeUndefined();
  });

  it('refuses what is not an RSS feed', () => {
    expect(() => readFeed('<html><body>Not a feed</body></html>')).toThrow(FeedError);
    expect(() => readFeed('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title></feed>')).toThrow(FeedError);
    expect(() => readFeed('')).toThrow(FeedError);
  });

  it('never throws anything but a FeedError, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (tail) => {
        try {
          readFeed(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>${tail}`);
        } catch (error) {
          expect(error).toBeInstanceOf(FeedError);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('makes a feed cut at a size limit readable up to its last whole item', () => {
    const full = harbour();
    const cut = full.slice(0, full.indexOf('Slipway repairs, part one') + 5);
    const closed = closeTruncatedFeed(cut)!;
    expect(readFeed(closed).items.map((i) => i.title)).toEqual(['Slipway repairs, part two']);
    expect(closeTruncatedFeed(full.slice(0, 300))).toBeUndefined();
  });

  it('takes only absolute http(s) addresses', () => {
    expect(webUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(webUrl('http://a.example/x', true)).toBeUndefined();
    expect(webUrl('/relative')).toBeUndefined();
    expect(webUrl('data:text/html,hi')).toBeUndefined();
  });
});

describe('chapters files', () => {
  it('reads a Podcasting 2.0 JSON chapters file, leaving out toc: false entries and untitled ones', () => {
    const chapters = readJsonChapters(
      chaptersJson([
        { startTime: 600, title: 'Second', url: 'https://second.example/', img: 'https://img.example/2.jpg' },
        { startTime: 0, title: 'First', endTime: 600 },
        { startTime: 300, title: 'Artwork only', toc: false, img: 'https://img.example/a.jpg' },
        { startTime: 900 },
        { startTime: -5, title: 'Before the start' },
        { startTime: 1200, title: 'Link', url: 'javascript:alert(1)' },
      ]),
    );
    expect(chapters).toEqual([
      { startTime: 0, title: 'First', endTime: 600 },
      { startTime: 600, title: 'Second', url: 'https://second.example/' },
      { startTime: 1200, title: 'Link' },
    ]);
  });

  it('answers undefined for what is not a chapters file', () => {
    expect(readJsonChapters('not json')).toBeUndefined();
    expect(readJsonChapters('{"version":"1.2.0"}')).toBeUndefined();
    expect(readJsonChapters('[1,2]')).toBeUndefined();
  });

  it('orders inline chapters and keeps one per start', () => {
    expect(fromInline([{ startTime: 60, title: 'B' }, { startTime: 0, title: 'A' }, { startTime: 60, title: 'B again' }])).toEqual([
      { startTime: 0, title: 'A' },
      { startTime: 60, title: 'B' },
    ]);
  });
});

describe('finding the episode in the feed', () => {
  const items = readFeed(harbour()).items;

  it('by guid, by the audio file behind measurement prefixes, or by title', () => {
    expect(findItem(items, { guid: 'th-0041' })?.guid).toBe('th-0041');
    expect(findItem(items, { enclosure: 'https://cdn.tinyharbour.example/audio/th-0042.mp3' })?.guid).toBe('th-0042');
    expect(findItem(items, { title: 'Slipway Repairs – Part Two' })?.guid).toBe('th-0042');
    expect(findItem(items, { title: '42: Slipway repairs, part two (with Ines Varga)' })?.guid).toBe('th-0042');
  });

  it('takes nothing when the clues do not point at one item', () => {
    expect(findItem(items, { title: 'Lighthouse keepers' })).toBeUndefined();
    // Both items share most words: the title alone cannot tell them apart, and a date far off rules one out.
    expect(findItem(items, { title: 'Slipway repairs' })).toBeUndefined();
    expect(findItem(items, { title: 'Slipway repairs, part two', published: Date.UTC(2024, 0, 1), duration: 100 })).toBeUndefined();
  });

  it('compares titles by their letters and digits', () => {
    expect(titleKey('Épisode 3: Les Phares!')).toBe('episode 3 les phares');
    expect(enclosureKey('https://a.example/track/x/b.example/dir/file.mp3?x=1')).toBe('dir/file.mp3');
  });
});

describe('discovery through Apple’s directory', () => {
  it('asks the lookup and search endpoints with the id or the name', () => {
    expect(lookupUrl('123', 'http://127.0.0.1:9')).toBe('http://127.0.0.1:9/lookup?id=123&entity=podcast');
    expect(searchUrl('The Tiny Harbour & Co')).toBe('https://itunes.apple.com/search?media=podcast&entity=podcast&limit=10&term=The%20Tiny%20Harbour%20%26%20Co');
  });

  it('takes the feed of a lookup answer, and tries only the search answers named like the show', () => {
    expect(feedFromLookup(JSON.stringify({ resultCount: 1, results: [{ collectionName: 'X', feedUrl: 'https://feeds.example/x.xml' }] }))).toBe('https://feeds.example/x.xml');
    expect(feedFromLookup('{"results":[{"feedUrl":"javascript:alert(1)"}]}')).toBeUndefined();
    expect(feedFromLookup('<html>')).toBeUndefined();
    const search = JSON.stringify({
      results: [
        { collectionName: 'Harbour Tales', feedUrl: 'https://feeds.example/tales.xml' },
        { collectionName: 'The Tiny Harbour Podcast', feedUrl: 'https://feeds.example/near.xml' },
        { collectionName: 'The Tiny Harbour', feedUrl: 'https://feeds.example/exact.xml' },
      ],
    });
    expect(feedsFromSearch(search, 'The Tiny Harbour')).toEqual(['https://feeds.example/exact.xml', 'https://feeds.example/near.xml']);
  });
});

describe('what the page shows against the feed', () => {
  it('says the feed is fuller when the page shows no notes, a cut of them, or much less', () => {
    expect(feedNotesFuller(pageNotesOf(''), 'Notes')).toBe(true);
    expect(feedNotesFuller(pageNotesOf('We finish the slip…'), 'We finish the slipway.')).toBe(true);
    expect(feedNotesFuller(pageNotesOf('We finish the slipway.'), 'We finish the slipway.')).toBe(false);
    expect(feedNotesFuller(pageNotesOf('Short.'), `Short. ${'More. '.repeat(10)}`)).toBe(true);
  });
});

describe('guests the feed names', () => {
  const found = [
    { name: 'Ines Varga', affiliations: ['Harbour Trust'], summary: 'Ines Varga, of the Harbour Trust.', evidence: ['notes'], links: [] },
    { name: 'Olu Brandt', affiliations: [], summary: '', evidence: ['notes'], links: [] },
  ];

  it('come first, vouch for the same person found in the notes, and show only https photos and links', () => {
    const merged = mergeFeedGuests(found, [
      { name: 'Ines Varga', role: 'guest', img: 'https://tinyharbour.example/ines.jpg', href: 'https://ines.example/' },
      { name: 'Tom Keel', role: 'guest', href: 'http://tom.example/' },
    ]);
    expect(merged.map((g) => [g.name, g.namedBy])).toEqual([
      ['Ines Varga', 'podcast'],
      ['Tom Keel', 'podcast'],
      ['Olu Brandt', undefined],
    ]);
    expect(merged[0]).toMatchObject({ affiliations: ['Harbour Trust'], photo: 'https://tinyharbour.example/ines.jpg', links: [{ url: 'https://ines.example/', host: 'ines.example' }] });
    expect(merged[1]!.links).toEqual([]);
  });
});

describe('the audio file’s chapters', () => {
  it('reads the tag in one request when it fits the first read, in a second when it is bigger, never past the cap', async () => {
    const chapters = [
      { startTime: 0, endTime: 60, title: 'One' },
      { startTime: 60, endTime: 120, title: 'Two' },
    ];
    const small = writeMp3WithChapters(chapters, { version: 3, audioSeconds: 1 });
    const big = writeMp3WithChapters(chapters, { version: 3, padding: ID3_FIRST_READ + 1000, audioSeconds: 1 });
    const reads: number[] = [];
    const head = (file: Uint8Array) => async (_url: string, length: number) => {
      reads.push(length);
      return file.subarray(0, length);
    };
    expect((await readAudioChapters('https://a.example/1.mp3', head(small))).map((c) => c.title)).toEqual(['One', 'Two']);
    expect(reads).toEqual([ID3_FIRST_READ]);
    reads.length = 0;
    expect((await readAudioChapters('https://a.example/2.mp3', head(big))).map((c) => c.title)).toEqual(['One', 'Two']);
    expect(reads).toEqual([ID3_FIRST_READ, id3TagLength(big.subarray(0, 10))]);
    reads.length = 0;
    const huge = writeMp3WithChapters(chapters, { version: 3, padding: MAX_ID3_TAG + 10, audioSeconds: 1 });
    expect(await readAudioChapters('https://a.example/3.mp3', head(huge))).toEqual([]);
    expect(reads).toEqual([ID3_FIRST_READ]);
  });
});
