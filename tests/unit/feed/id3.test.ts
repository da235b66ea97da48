/**
 * The ID3v2 chapter reader (lib/feed/id3.ts) against the test writer (tests/feed/id3-writer.ts): round trips over
 * the versions and their options, tables of contents, links, and hostile bytes. Every chapter here is invented.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { id3TagLength, readId3Chapters, type AudioChapter } from '../../../lib/feed/id3';
import {
  chapBody,
  concat,
  ctocBody,
  id3Frame,
  id3Tag,
  textBody,
  unsynchronise,
  wxxxBody,
  writeMp3WithChapters,
  type ChapterToWrite,
  type Id3TextEncoding,
  type Id3Version,
  type WriteOptions,
} from '../../feed/id3-writer';

const RUNS = 200;

/** What the reader should give for chapters the writer wrote (no CTOC exclusions, distinct starts). */
function expected(chapters: readonly ChapterToWrite[]): AudioChapter[] {
  return [...chapters]
    .sort((a, b) => a.startTime - b.startTime)
    .map((c) => {
      const out: AudioChapter = { startTime: c.startTime };
      if (c.endTime !== undefined && c.endTime > c.startTime) out.endTime = c.endTime;
      if (c.title !== undefined && c.title.trim() !== '') out.title = c.title.trim();
      if (c.url !== undefined) out.url = c.url;
      return out;
    });
}

// Times chosen so that their milliseconds hold 0xFF bytes (65.535 s is 0x0000FFFF ms, 130.815 s is 0x0001FEFF),
// and titles with ÿ (0xFF in latin1): with the UTF-16 mark FF FE and the all-ones byte offsets, the
// unsynchronisation scheme has plenty to do.
const SAMPLE: ChapterToWrite[] = [
  { startTime: 0, endTime: 65.535, title: 'Cold open: the ÿ-shaped bridge', url: 'https://example.test/bridge' },
  { startTime: 65.535, endTime: 130.815, title: 'Tea with Æsa Þórsdóttir' },
  { startTime: 130.815, endTime: 1800, title: 'Listener mail ÿÿ', url: 'http://example.test/mail?q=1' },
];

const WIDE_SAMPLE: ChapterToWrite[] = [
  ...SAMPLE,
  { startTime: 1800, endTime: 2400.5, title: 'Naïve café — 日本語のタイトル 🎧' },
];

const ALL_ENCODINGS: Id3TextEncoding[] = ['latin1', 'utf16le-bom', 'utf16be-bom', 'utf16be', 'utf8'];

describe('id3TagLength', () => {
  it('is undefined when the file does not start with a tag', () => {
    expect(id3TagLength(new Uint8Array())).toBeUndefined();
    expect(id3TagLength(Uint8Array.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 1]))).toBeUndefined(); // 9 bytes
    expect(id3TagLength(Uint8Array.from([0xff, 0xf3, 0x18, 0xc0, 0, 0, 0, 0, 0, 0]))).toBeUndefined();
    expect(id3TagLength(new TextEncoder().encode('RIFF....WAVEfmt '))).toBeUndefined();
    // A size byte with its top bit set is not sync-safe, a 0xFF version or revision is never valid.
    expect(id3TagLength(Uint8Array.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0x80, 0]))).toBeUndefined();
    expect(id3TagLength(Uint8Array.from([0x49, 0x44, 0x33, 0xff, 0, 0, 0, 0, 1, 0]))).toBeUndefined();
    expect(id3TagLength(Uint8Array.from([0x49, 0x44, 0x33, 3, 0xff, 0, 0, 0, 1, 0]))).toBeUndefined();
    expect(id3TagLength(Uint8Array.from([0x49, 0x44, 0x33, 5, 0, 0, 0, 0, 1, 0]))).toBeUndefined();
  });

  it('reads the sync-safe size and adds the header', () => {
    // 0x01 0x02 0x03 0x04 sync-safe = (1 << 21) + (2 << 14) + (3 << 7) + 4.
    const head = Uint8Array.from([0x49, 0x44, 0x33, 3, 0, 0, 1, 2, 3, 4]);
    expect(id3TagLength(head)).toBe(10 + (1 << 21) + (2 << 14) + (3 << 7) + 4);
    expect(id3TagLength(Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0, 0x7f, 0x7f, 0x7f, 0x7f]))).toBe(10 + 2 ** 28 - 1);
  });

  it('adds the footer for v2.4 only', () => {
    expect(id3TagLength(Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0x10, 0, 0, 1, 0]))).toBe(10 + 128 + 10);
    // The footer flag means nothing in v2.3.
    expect(id3TagLength(Uint8Array.from([0x49, 0x44, 0x33, 3, 0, 0x10, 0, 0, 1, 0]))).toBe(10 + 128);
  });

  it("points at the writer's first audio frame", () => {
    for (const options of [
      { version: 3 },
      { version: 3, unsync: true, extendedHeader: true },
      { version: 4, footer: true },
      { version: 4, unsync: true, extendedHeader: true, footer: true },
    ] satisfies WriteOptions[]) {
      const file = writeMp3WithChapters(SAMPLE, { ...options, audioSeconds: 0.1 });
      const length = id3TagLength(file.subarray(0, 10))!;
      expect([...file.subarray(length, length + 4)]).toEqual([0xff, 0xf3, 0x18, 0xc0]);
      expect(file.length - length).toBe(3 * 36);
    }
  });
});

describe('round trips', () => {
  const cases: { version: Id3Version; encoding: Id3TextEncoding }[] = [
    ...(['latin1', 'utf16le-bom', 'utf16be-bom'] as const).map((encoding) => ({ version: 3 as const, encoding })),
    ...ALL_ENCODINGS.map((encoding) => ({ version: 4 as const, encoding })),
  ];
  for (const { version, encoding } of cases) {
    for (const unsync of [false, true]) {
      for (const extendedHeader of [false, true]) {
        it(`v2.${version}, ${encoding}, unsync ${unsync}, extended header ${extendedHeader}`, () => {
          const chapters = encoding === 'latin1' ? SAMPLE : WIDE_SAMPLE;
          const file = writeMp3WithChapters(chapters, { version, encoding, unsync, extendedHeader, audioSeconds: 0.1 });
          expect(readId3Chapters(file)).toEqual(expected(chapters));
          // With a table of contents and per-frame extras too.
          const more = writeMp3WithChapters(chapters, {
            version,
            encoding,
            unsync,
            extendedHeader,
            toc: true,
            frameExtras: true,
            footer: version === 4,
            audioSeconds: 0.1,
          });
          expect(readId3Chapters(more)).toEqual(expected(chapters));
        });
      }
    }
  }

  it('the unsynchronised files hold no false sync in the tag, and the plain ones do', () => {
    const hasFalseSync = (b: Uint8Array, end: number) => {
      for (let i = 0; i + 1 < end; i++) if (b[i] === 0xff && b[i + 1]! >= 0xe0) return true;
      return false;
    };
    for (const version of [3, 4] as const) {
      const plain = writeMp3WithChapters(SAMPLE, { version, encoding: 'utf16le-bom', audioSeconds: 0.1 });
      const synced = writeMp3WithChapters(SAMPLE, {
        version,
        encoding: 'utf16le-bom',
        unsync: true,
        audioSeconds: 0.1,
      });
      expect(hasFalseSync(plain, id3TagLength(plain)!)).toBe(true);
      expect(hasFalseSync(synced, id3TagLength(synced)!)).toBe(false);
    }
  });

  it('mixes encodings title by title', () => {
    const chapters: ChapterToWrite[] = WIDE_SAMPLE.map((c, i) => ({
      ...c,
      encoding: i === 0 ? 'latin1' : ALL_ENCODINGS[i % ALL_ENCODINGS.length]!,
    }));
    const file = writeMp3WithChapters(chapters, { version: 4, audioSeconds: 0.1 });
    expect(readId3Chapters(file)).toEqual(expected(chapters));
  });

  it('reads the v2.4-only encodings in a v2.3 tag too', () => {
    const chapters: ChapterToWrite[] = [{ startTime: 5, endTime: 9, title: 'Über die Brücke 🌉' }];
    for (const encoding of ['utf8', 'utf16be'] as const) {
      expect(readId3Chapters(writeMp3WithChapters(chapters, { version: 3, encoding }))).toEqual(expected(chapters));
    }
  });

  it('sorts by start time without a table of contents, keeping equal starts in frame order', () => {
    const chapters: ChapterToWrite[] = [
      { startTime: 300, endTime: 400, title: 'Third' },
      { startTime: 0, endTime: 100, title: 'First' },
      { startTime: 100, endTime: 300, title: 'Second a' },
      { startTime: 100, endTime: 300, title: 'Second b' },
    ];
    expect(readId3Chapters(writeMp3WithChapters(chapters)).map((c) => c.title)).toEqual([
      'First',
      'Second a',
      'Second b',
      'Third',
    ]);
  });

  it('gives an end time only when it is after the start', () => {
    const chapters: ChapterToWrite[] = [
      { startTime: 0, endTime: 0, title: 'Zero length' },
      { startTime: 10, endTime: 5, title: 'Ends before it starts' },
      { startTime: 20, title: 'No end written' },
      { startTime: 30, endTime: 30.001, title: 'One millisecond' },
    ];
    expect(readId3Chapters(writeMp3WithChapters(chapters))).toEqual([
      { startTime: 0, title: 'Zero length' },
      { startTime: 10, title: 'Ends before it starts' },
      { startTime: 20, title: 'No end written' },
      { startTime: 30, endTime: 30.001, title: 'One millisecond' },
    ]);
  });

  it('treats an all-ones end time as not given', () => {
    const title = id3Frame(3, 'TIT2', textBody('Open end', 'latin1'));
    const frame = id3Frame(3, 'CHAP', chapBody('c', 1000, 0xffffffff, [title]));
    expect(readId3Chapters(id3Tag(3, [frame]))).toEqual([{ startTime: 1, title: 'Open end' }]);
  });

  it('drops repeated chapters (same start and title) and keeps ones that differ', () => {
    const chapters: ChapterToWrite[] = [
      { startTime: 0, endTime: 60, title: 'Hello' },
      { startTime: 0, endTime: 90, title: 'Hello' },
      { startTime: 0, endTime: 60, title: 'Hello again' },
      { startTime: 60, endTime: 90 },
      { startTime: 60, endTime: 120 },
    ];
    expect(readId3Chapters(writeMp3WithChapters(chapters))).toEqual([
      { startTime: 0, endTime: 60, title: 'Hello' },
      { startTime: 0, endTime: 60, title: 'Hello again' },
      { startTime: 60, endTime: 90 },
    ]);
  });

  it('takes the first of several values, trims, and counts a blank title as none', () => {
    const twoValues = concat([textBody('Main title', 'utf8'), new TextEncoder().encode('Second value\0')]);
    const tags = [
      id3Frame(4, 'CHAP', chapBody('a', 0, 1000, [id3Frame(4, 'TIT2', twoValues)])),
      id3Frame(4, 'CHAP', chapBody('b', 1000, 2000, [id3Frame(4, 'TIT2', textBody('  padded  ', 'utf16le-bom'))])),
      id3Frame(4, 'CHAP', chapBody('c', 2000, 3000, [id3Frame(4, 'TIT2', textBody('   ', 'latin1'))])),
      // No terminator at all: the text runs to the end of the frame.
      id3Frame(4, 'CHAP', chapBody('d', 3000, 4000, [id3Frame(4, 'TIT2', textBody('Open', 'utf16be').slice(0, -2))])),
    ];
    expect(readId3Chapters(id3Tag(4, tags))).toEqual([
      { startTime: 0, endTime: 1, title: 'Main title' },
      { startTime: 1, endTime: 2, title: 'padded' },
      { startTime: 2, endTime: 3 },
      { startTime: 3, endTime: 4, title: 'Open' },
    ]);
  });

  it('uses the description (TIT3) only when there is no title', () => {
    const chapters: ChapterToWrite[] = [
      { startTime: 0, endTime: 10, title: 'The title', description: 'A longer description' },
      { startTime: 10, endTime: 20, description: 'Only a description' },
    ];
    expect(readId3Chapters(writeMp3WithChapters(chapters, { version: 4 })).map((c) => c.title)).toEqual([
      'The title',
      'Only a description',
    ]);
  });

  it('ignores other frames, inside CHAP and beside it', () => {
    const chap = id3Frame(
      3,
      'CHAP',
      chapBody('a', 0, 5000, [
        id3Frame(3, 'APIC', Uint8Array.from([0, ...new TextEncoder().encode('image/png'), 0, 3, 0, 0x89, 0x50])),
        id3Frame(3, 'TIT2', textBody('After a picture', 'latin1')),
      ]),
    );
    const album = id3Frame(3, 'TALB', textBody('Some album', 'latin1'));
    expect(readId3Chapters(id3Tag(3, [album, chap, album]))).toEqual([
      { startTime: 0, endTime: 5, title: 'After a picture' },
    ]);
  });

  it('returns [] for v2.2 and for tags without chapters', () => {
    // A v2.2 tag with a three-letter TT2 frame: no chapters in that version.
    const v22 = Uint8Array.from([
      ...[0x49, 0x44, 0x33, 2, 0, 0, 0, 0, 0, 12],
      ...[0x54, 0x54, 0x32, 0, 0, 6, 0, 0x48, 0x65, 0x6c, 0x6c, 0x6f],
    ]);
    expect(readId3Chapters(v22)).toEqual([]);
    expect(readId3Chapters(id3Tag(3, [id3Frame(3, 'TIT2', textBody('Episode 12', 'latin1'))]))).toEqual([]);
    expect(readId3Chapters(writeMp3WithChapters([]))).toEqual([]);
  });
});

describe('frame flags', () => {
  const titled = (version: Id3Version, id: string, start: number, title: string) =>
    chapBody(id, start * 1000, (start + 1) * 1000, [id3Frame(version, 'TIT2', textBody(title, 'latin1'))]);

  for (const version of [3, 4] as const) {
    it(`v2.${version}: passes over compressed and encrypted CHAP frames`, () => {
      const tag = id3Tag(version, [
        id3Frame(version, 'CHAP', titled(version, 'a', 0, 'Plain')),
        id3Frame(version, 'CHAP', titled(version, 'b', 1, 'Compressed'), { compressed: true }),
        id3Frame(version, 'CHAP', titled(version, 'c', 2, 'Encrypted'), { encrypted: true }),
        id3Frame(version, 'CHAP', titled(version, 'd', 3, 'Grouped'), { extras: true }),
      ]);
      expect(readId3Chapters(tag).map((c) => c.title)).toEqual(['Plain', 'Grouped']);
    });
  }

  it('v2.4: a frame-level unsync flag without the tag-level one', () => {
    const body = titled(4, 'ÿÿ', 65.535, 'ÿ marks the spot');
    const tag = id3Tag(4, [id3Frame(4, 'CHAP', body, { unsync: true })]);
    expect(readId3Chapters(tag)).toEqual([{ startTime: 65.535, endTime: 66.535, title: 'ÿ marks the spot' }]);
  });

  it('v2.4: the tag-level unsync flag covers frames that do not set their own', () => {
    const frame = id3Frame(4, 'CHAP', titled(4, 'ÿ', 65.535, 'ÿ again'), { unsync: true });
    frame[9] = frame[9]! & ~0x02;
    const want = [{ startTime: 65.535, endTime: 66.535, title: 'ÿ again' }];
    expect(readId3Chapters(id3Tag(4, [frame], { unsync: true }))).toEqual(want);
    // Without either flag the stuffed zero bytes are read as data, and the chapter comes out wrong.
    expect(readId3Chapters(id3Tag(4, [frame]))).not.toEqual(want);
  });

  it('v2.4: a frame size written as a plain 32-bit number (not sync-safe) is still read', () => {
    const sub = id3Frame(4, 'TIT2', textBody('x'.repeat(200), 'latin1'));
    const data = chapBody('a', 0, 1000, [sub]);
    const frame = id3Frame(4, 'CHAP', data);
    // Rewrite the size the way a broken writer would: over 127, a plain size has a byte with its top bit set.
    new DataView(frame.buffer, frame.byteOffset).setUint32(4, data.length);
    expect(data.length).toBeGreaterThan(127);
    expect(readId3Chapters(id3Tag(4, [frame]))).toEqual([{ startTime: 0, endTime: 1, title: 'x'.repeat(200) }]);
  });

  it('v2.3: frame sizes count the bytes before unsynchronisation', () => {
    // A title made of 0xFF bytes doubles in the file; the reader must undo the scheme before walking frames.
    const chapters: ChapterToWrite[] = [
      { startTime: 0, endTime: 1, title: 'ÿ'.repeat(50) },
      { startTime: 1, endTime: 2, title: 'after' },
    ];
    const file = writeMp3WithChapters(chapters, { version: 3, unsync: true, audioSeconds: 0.1 });
    expect(readId3Chapters(file)).toEqual(expected(chapters));
  });
});

describe('tables of contents (CTOC)', () => {
  const chapters: ChapterToWrite[] = [
    { id: 'intro', startTime: 0, endTime: 60, title: 'Intro' },
    { id: 'main', startTime: 60, endTime: 600, title: 'Main' },
    { id: 'ads', startTime: 600, endTime: 660, title: 'Sponsor' },
    { id: 'outro', startTime: 660, endTime: 700, title: 'Outro' },
  ];
  const titles = (options: WriteOptions) =>
    readId3Chapters(writeMp3WithChapters(chapters, { ...options, audioSeconds: 0.1 })).map((c) => c.title);
  const chapFrames = (version: Id3Version, encoding: Id3TextEncoding) =>
    chapters.map((c) => {
      const title = id3Frame(version, 'TIT2', textBody(c.title!, encoding));
      return id3Frame(version, 'CHAP', chapBody(c.id!, c.startTime * 1000, c.endTime! * 1000, [title]));
    });

  it('gives the order of an ordered top-level table, and leaves out what it does not list', () => {
    expect(titles({ toc: { order: ['outro', 'intro', 'main'] } })).toEqual(['Outro', 'Intro', 'Main']);
    expect(titles({ version: 4, unsync: true, toc: { order: ['main', 'intro'] } })).toEqual(['Main', 'Intro']);
  });

  it('keeps the listed chapters by start time when the top-level table is not ordered', () => {
    expect(titles({ toc: { order: ['outro', 'intro', 'main'], ordered: false } })).toEqual(['Intro', 'Main', 'Outro']);
  });

  it('includes chapters reached through nested tables, in place', () => {
    expect(
      titles({
        toc: { order: ['intro', 'part2', 'outro'] },
        extraTocs: [{ id: 'part2', order: ['ads', 'main'], topLevel: false }],
      }),
    ).toEqual(['Intro', 'Sponsor', 'Main', 'Outro']);
    // An unordered nested table: its own chapters by start time, in its place.
    expect(
      titles({
        toc: { order: ['outro', 'part2'] },
        extraTocs: [{ id: 'part2', order: ['ads', 'main'], topLevel: false, ordered: false }],
      }),
    ).toEqual(['Outro', 'Main', 'Sponsor']);
  });

  it('survives cycles, repeats and ids that name nothing', () => {
    expect(
      titles({
        toc: { order: ['intro', 'loop', 'intro', 'nothing-here', 'toc'] },
        extraTocs: [
          { id: 'loop', order: ['main', 'loop2'], topLevel: false },
          { id: 'loop2', order: ['loop', 'toc', 'outro', 'main'], topLevel: false },
        ],
      }),
    ).toEqual(['Intro', 'Main', 'Outro']);
  });

  it('follows a long chain of nested tables only so far', () => {
    const extraTocs = Array.from({ length: 200 }, (_, i) => ({
      id: `level${i}`,
      order: i === 199 ? ['outro'] : [`level${i + 1}`],
      topLevel: false,
    }));
    // The chain never reaches a chapter within the depth bound: the table reaches nothing and all are kept.
    expect(titles({ toc: { order: ['level0'] }, extraTocs })).toEqual(['Intro', 'Main', 'Sponsor', 'Outro']);
    expect(titles({ toc: { order: ['intro', 'level0'] }, extraTocs })).toEqual(['Intro']);
  });

  it('ignores tables that are not top-level, and uses the first top-level one', () => {
    expect(titles({ extraTocs: [{ id: 'side', order: ['outro'], topLevel: false }] })).toEqual([
      'Intro',
      'Main',
      'Sponsor',
      'Outro',
    ]);
    expect(
      titles({ toc: { order: ['outro', 'intro'] }, extraTocs: [{ id: 'second', order: ['main'], topLevel: true }] }),
    ).toEqual(['Outro', 'Intro']);
  });

  it('keeps every chapter when the top-level table names none of them', () => {
    expect(titles({ toc: { order: ['chapter-1', 'chapter-2'] } })).toEqual(['Intro', 'Main', 'Sponsor', 'Outro']);
    expect(titles({ toc: { order: [] } })).toEqual(['Intro', 'Main', 'Sponsor', 'Outro']);
  });

  it('reads a table written after the chapters', () => {
    const frames = [
      ...chapFrames(4, 'utf8'),
      id3Frame(4, 'CTOC', ctocBody('toc', ['main', 'intro'], { ordered: true, topLevel: true })),
    ];
    expect(readId3Chapters(id3Tag(4, frames)).map((c) => c.title)).toEqual(['Main', 'Intro']);
  });

  it('reads the listed entries of a table whose count runs past its data', () => {
    const ctoc = ctocBody('toc', ['outro', 'intro'], { ordered: true, topLevel: true });
    ctoc[5] = 9; // 'toc\0', flags, count: claims nine entries, holds two.
    const frames = [id3Frame(3, 'CTOC', ctoc), ...chapFrames(3, 'latin1')];
    expect(readId3Chapters(id3Tag(3, frames)).map((c) => c.title)).toEqual(['Outro', 'Intro']);
  });
});

describe('chapter links (WXXX)', () => {
  const withUrl = (url: string, encoding: Id3TextEncoding = 'latin1') => {
    const file = writeMp3WithChapters([{ startTime: 0, endTime: 1, title: 'Linked', url, encoding }], { version: 4 });
    return readId3Chapters(file)[0]?.url;
  };

  it('keeps http and https links, whatever the description encoding', () => {
    for (const encoding of ALL_ENCODINGS) {
      expect(withUrl('https://example.test/notes#part-2', encoding)).toBe('https://example.test/notes#part-2');
      expect(withUrl('HTTP://EXAMPLE.TEST/', encoding)).toBe('HTTP://EXAMPLE.TEST/');
    }
    expect(withUrl('  https://example.test/padded ')).toBe('https://example.test/padded');
  });

  it('drops other schemes and malformed links', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<b>hi</b>',
      'file:///etc/passwd',
      'ftp://example.test/file',
      'example.test/no-scheme',
      'https://',
      'https:///path-only',
      'https://exa mple.test/',
      'https://example.test/\u0085next',
      '',
    ]) {
      expect(withUrl(url), url).toBeUndefined();
    }
  });

  it('takes the first web link when a chapter has several WXXX frames', () => {
    const sub = [
      id3Frame(3, 'WXXX', wxxxBody('shop', 'javascript:void(0)', 'latin1')),
      id3Frame(3, 'WXXX', wxxxBody('notes', 'https://example.test/first', 'utf16le-bom')),
      id3Frame(3, 'WXXX', wxxxBody('more', 'https://example.test/second', 'latin1')),
    ];
    const tag = id3Tag(3, [id3Frame(3, 'CHAP', chapBody('a', 0, 1000, sub))]);
    expect(readId3Chapters(tag)).toEqual([{ startTime: 0, endTime: 1, url: 'https://example.test/first' }]);
  });
});

describe('broken and hostile tags', () => {
  it('never throws on a tag cut at any byte, and gives a prefix of the full result', () => {
    for (const options of [
      { version: 3 },
      { version: 3, unsync: true, extendedHeader: true, encoding: 'utf16le-bom', toc: true },
      { version: 4, unsync: true, extendedHeader: true, frameExtras: true, toc: true },
      { version: 4, encoding: 'utf16be', footer: true },
    ] satisfies WriteOptions[]) {
      // Latin1 titles (the v2.3 default) cannot hold every character of the wide sample.
      const chapters = WIDE_SAMPLE.map((c) => ({ ...c, title: c.title!.replace(/[^\u0000-\u00ff]/g, '?') }));
      const file = writeMp3WithChapters(chapters, { ...options, audioSeconds: 0.1 });
      const full = readId3Chapters(file);
      expect(full).toHaveLength(WIDE_SAMPLE.length);
      let previous = 0;
      for (let n = 0; n <= file.length; n++) {
        const got = readId3Chapters(file.subarray(0, n));
        expect(full.slice(0, got.length), `cut at ${n}`).toEqual(got);
        expect(got.length, `cut at ${n}`).toBeGreaterThanOrEqual(previous);
        previous = got.length;
      }
      expect(previous).toBe(full.length);
    }
  });

  it('gives [] for an extended header larger than the tag', () => {
    const v3 = Uint8Array.from([0x49, 0x44, 0x33, 3, 0, 0x40, 0, 0, 0, 8, 0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
    const v4 = Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0x40, 0, 0, 0, 8, 0x7f, 0x7f, 0x7f, 0x7f, 1, 0, 0, 0]);
    const v4Small = Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0x40, 0, 0, 0, 8, 0, 0, 0, 2, 1, 0, 0, 0]);
    for (const tag of [v3, v4, v4Small]) expect(readId3Chapters(tag)).toEqual([]);
  });

  it('stops at a frame that claims more bytes than the tag holds, keeping what came before', () => {
    const title = id3Frame(3, 'TIT2', textBody('Before the damage', 'latin1'));
    const good = id3Frame(3, 'CHAP', chapBody('a', 0, 1000, [title]));
    const liar = id3Frame(3, 'CHAP', chapBody('b', 1000, 2000));
    new DataView(liar.buffer, liar.byteOffset).setUint32(4, 0xfffffff0);
    const after = id3Frame(3, 'CHAP', chapBody('c', 2000, 3000));
    expect(readId3Chapters(id3Tag(3, [good, liar, after]))).toEqual([
      { startTime: 0, endTime: 1, title: 'Before the damage' },
    ]);
  });

  it('stops at a frame id that is not one', () => {
    const good = id3Frame(4, 'CHAP', chapBody('a', 0, 1000));
    // A lower-case 'chap': not a frame id.
    const junk = Uint8Array.from([0x63, 0x68, 0x61, 0x70, 0, 0, 0, 20, 0, 0, ...new Uint8Array(20)]);
    expect(readId3Chapters(id3Tag(4, [good, junk, good]))).toEqual([{ startTime: 0, endTime: 1 }]);
  });

  it('passes over CHAP frames too short for their fields', () => {
    const frames = [
      id3Frame(3, 'CHAP', new Uint8Array()),
      id3Frame(3, 'CHAP', Uint8Array.from([0x61, 0x62])), // no terminator
      id3Frame(3, 'CHAP', chapBody('a', 0, 1000).subarray(0, 2 + 15)), // one byte short of the times and offsets
      id3Frame(3, 'CTOC', Uint8Array.from([0x74, 0])), // no flags or count
      id3Frame(3, 'CHAP', chapBody('b', 2000, 3000)),
    ];
    expect(readId3Chapters(id3Tag(3, frames))).toEqual([{ startTime: 2, endTime: 3 }]);
  });

  it('caps the chapters at 1,000', () => {
    const many: ChapterToWrite[] = Array.from({ length: 1100 }, (_, i) => ({
      startTime: i,
      endTime: i + 1,
      title: `Part ${i}`,
    }));
    const read = readId3Chapters(writeMp3WithChapters(many, { audioSeconds: 0.1 }));
    expect(read).toHaveLength(1000);
    expect(read[999]).toEqual({ startTime: 999, endTime: 1000, title: 'Part 999' });
  });

  it('reads the first 1,000 CHAP frames only', () => {
    const many: ChapterToWrite[] = Array.from({ length: 1100 }, (_, i) => ({ startTime: i, endTime: i + 1 }));
    const file = writeMp3WithChapters(many, { toc: { order: ['chp1050', 'chp0'] }, audioSeconds: 0.1 });
    const read = readId3Chapters(file);
    expect(read).toEqual([{ startTime: 0, endTime: 1 }]);
  });

  it('caps a string at 64 KB', () => {
    const long = 'a'.repeat(100_000);
    const [latin] = readId3Chapters(
      writeMp3WithChapters([{ startTime: 0, endTime: 1, title: long }], { audioSeconds: 0.1 }),
    );
    expect(latin!.title).toBe('a'.repeat(65_536));
    const [wide] = readId3Chapters(
      writeMp3WithChapters([{ startTime: 0, endTime: 1, title: long, encoding: 'utf16le-bom' }], {
        version: 4,
        audioSeconds: 0.1,
      }),
    );
    expect(wide!.title).toBe('a'.repeat(32_768));
  });

  it('decodes unsynchronisation exactly: FF 00 00 is FF 00, and FF followed by anything else stays', () => {
    expect([...unsynchronise(Uint8Array.from([0xff, 0x00, 0xff, 0xe0, 0xff, 0x12, 0xff]))]).toEqual([
      0xff, 0x00, 0x00, 0xff, 0x00, 0xe0, 0xff, 0x12, 0xff, 0x00,
    ]);
    // A v2.4 CHAP whose start time is FF 00 12 34 ms: stored as FF 00 00 12 34 once unsynchronised.
    const tag = id3Tag(4, [id3Frame(4, 'CHAP', chapBody('a', 0xff001234, 0xff001235), { unsync: true })]);
    expect(readId3Chapters(tag)).toEqual([{ startTime: 0xff001234 / 1000, endTime: 0xff001235 / 1000 }]);
  });

  it('never throws on random bytes after a valid-looking header, and gives well-formed chapters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(2, 3, 4),
        fc.integer({ min: 0, max: 255 }),
        fc.uint8Array({ maxLength: 600 }),
        fc.boolean(),
        (version, flags, rest, honestSize) => {
          const size = honestSize ? rest.length : 0x0fffffff;
          const sizeBytes = [21, 14, 7, 0].map((shift) => (size >> shift) & 0x7f);
          const header = Uint8Array.from([0x49, 0x44, 0x33, version, 0, flags, ...sizeBytes]);
          wellFormed(readId3Chapters(concat([header, rest])));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on random frames (valid ids, random sizes and contents), nested in CHAP too', () => {
    const frameArb = (version: Id3Version) =>
      fc
        .record({
          id: fc.constantFrom('CHAP', 'CTOC', 'TIT2', 'TIT3', 'WXXX', 'APIC'),
          body: fc.uint8Array({ maxLength: 80 }),
          flags: fc.integer({ min: 0, max: 0xffff }),
          sizeDelta: fc.integer({ min: -3, max: 3 }),
        })
        .map(({ id, body, flags, sizeDelta }) => {
          const frame = id3Frame(version, id, body);
          frame[8] = flags >> 8;
          frame[9] = flags & 0xff;
          if (sizeDelta !== 0) frame[7] = (frame[7]! + sizeDelta) & (version === 4 ? 0x7f : 0xff);
          return frame;
        });
    fc.assert(
      fc.property(
        fc.constantFrom(3, 4).chain((version) =>
          fc.tuple(
            fc.constant(version as Id3Version),
            fc.array(frameArb(version as Id3Version), { maxLength: 6 }),
            fc.array(frameArb(version as Id3Version), { maxLength: 4 }),
            fc.record({ unsync: fc.boolean(), extendedHeader: fc.boolean() }),
            fc.integer({ min: 0, max: 0xffff }),
          ),
        ),
        ([version, subFrames, topFrames, tagOptions, times]) => {
          const chap = id3Frame(version, 'CHAP', chapBody('x', times, times + 1000, subFrames));
          const tag = id3Tag(version, [...topFrames, chap], tagOptions);
          wellFormed(readId3Chapters(tag));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws when bytes of a real tag are overwritten at random', () => {
    const file = writeMp3WithChapters(WIDE_SAMPLE, { version: 4, toc: true, frameExtras: true, audioSeconds: 0.1 });
    const tagEnd = id3TagLength(file)!;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: tagEnd - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 }),
        (edits) => {
          const copy = file.slice();
          for (const [at, value] of edits) copy[at] = value;
          wellFormed(readId3Chapters(copy));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('round trips (fast-check)', () => {
  const textArb = fc
    .string({ unit: fc.constantFrom(...Array.from('abcxyzÆÿé ‐—“”日本🎧-:')), maxLength: 30 })
    .filter((s) => s.trim() !== '');
  const chapterListArb = fc
    .uniqueArray(fc.integer({ min: 0, max: 36_000_000 }), { minLength: 0, maxLength: 40 })
    .chain((starts) =>
      fc.tuple(
        ...starts.map((startMs) =>
          fc.record(
            {
              startTime: fc.constant(startMs / 1000),
              length: fc.integer({ min: -1000, max: 3_600_000 }),
              title: textArb,
              url: fc.constantFrom('https://example.test/a', 'http://example.test/b?x=1', 'javascript:alert(1)'),
              encoding: fc.constantFrom(...ALL_ENCODINGS),
            },
            { requiredKeys: ['startTime', 'length'] },
          ),
        ),
      ),
    );

  it('reads back what the writer wrote, in every shape', () => {
    fc.assert(
      fc.property(
        chapterListArb,
        fc.record({
          version: fc.constantFrom<Id3Version>(3, 4),
          unsync: fc.boolean(),
          extendedHeader: fc.boolean(),
          toc: fc.boolean(),
          frameExtras: fc.boolean(),
          footer: fc.boolean(),
        }),
        (list, options) => {
          const chapters: ChapterToWrite[] = list.map(({ startTime, length, title, url, encoding }) => ({
            startTime,
            endTime: Math.max(0, Math.round(startTime * 1000) + length) / 1000,
            ...(title !== undefined && { title }),
            ...(url !== undefined && { url }),
            // Latin1 cannot hold every generated title.
            encoding: encoding === 'latin1' && /[^\u0000-\u00ff]/.test(title ?? '') ? 'utf8' : (encoding ?? 'utf8'),
          }));
          const got = readId3Chapters(writeMp3WithChapters(chapters, { ...options, audioSeconds: 0.04 }));
          const want = expected(chapters).map((c) => {
            if (c.url?.startsWith('javascript:')) delete c.url;
            return c;
          });
          // With a table of contents (listing every chapter as written) the order is the writing order.
          expect(got).toEqual(options.toc ? inWritingOrder(chapters, want) : want);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/** The expected chapters (sorted by start, starts distinct) put back in the order they were written. */
function inWritingOrder(chapters: readonly ChapterToWrite[], sortedWant: AudioChapter[]): AudioChapter[] {
  return chapters.map((c) => sortedWant.find((w) => w.startTime === c.startTime)!);
}

function wellFormed(chapters: AudioChapter[]): void {
  expect(chapters.length).toBeLessThanOrEqual(1000);
  const keys = new Set<string>();
  for (const c of chapters) {
    expect(Number.isFinite(c.startTime) && c.startTime >= 0).toBe(true);
    if (c.endTime !== undefined) expect(c.endTime).toBeGreaterThan(c.startTime);
    if (c.title !== undefined) {
      expect(c.title.length).toBeGreaterThan(0);
      expect(c.title.length).toBeLessThanOrEqual(65_536);
    }
    if (c.url !== undefined) expect(c.url).toMatch(/^https?:\/\/\S+$/i);
    const key = JSON.stringify([c.startTime, c.title ?? null]);
    expect(keys.has(key)).toBe(false);
    keys.add(key);
  }
}

