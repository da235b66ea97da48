/**
 * Property tests for the timeline parser (fast-check): the formats it writes read back to the same chapters, a
 * timeline with its line breaks gone reads back the same, and no input makes it throw or return malformed chapters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChapters, parseTimeline } from '../../lib/timeline';
import type { Chapter, ParseOptions, ParseResult } from '../../lib/timeline/types';

const RUNS = 300;

// ---------------------------------------------------------------------------------------------------------------
// Chapter lists
// ---------------------------------------------------------------------------------------------------------------

const LETTERS = [
  ...'abcdefghijklmnopqrstuvwxyz',
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'éèüöäßøåñçłšžœæ',
  ...'жяшдлкПРФ',
  ...'ωλΣ',
  ...'日本語あかさ',
];

/**
 * Words that, right after a time, say the time is not a position in the episode (`0:00 pm`, `12:30 h`,
 * `1:00 CET`, `45:00 minutes`): a title starting with one of them would be time-like text, which the
 * generated titles must not contain.
 */
// Words that, right after a time, mark a clock time, a duration, a ratio or a score ("10:30 pm", "45:00 long",
// "9:16 video", "21:14 win"): the parser documents them as context, so generated titles do not start with them.
const UNIT_WORDS = new Set(
  (
    'am|pm|h|hr|hrs|uhr|utc|gmt|cet|cest|est|edt|pst|pdt|cst|cdt|bst|jst|ist|aest|et|pt|ct|mez|' +
    'min|mins|minute|minutes|hour|hours|std|stunden|minuten|long|lang|win|victory|defeat|loss|lead|sieg|' +
    'niederlage|monitor|display|screen|aspect|ratio|format|video|vertical|widescreen|bildformat'
  ).split('|'),
);

const letterWord = fc
  .string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 9 })
  .filter((w) => !UNIT_WORDS.has(w.toLowerCase()));

/** Digits inside titles, as in "part 2", "v2", "3D", "2030": never a time (no colon). */
const numberWord = fc.oneof(
  fc.integer({ min: 0, max: 2100 }).map(String),
  fc.tuple(fc.constantFrom('v', 'part', 'No', 'Q'), fc.integer({ min: 1, max: 99 })).map(([w, n]) => `${w} ${n}`),
  fc.integer({ min: 2, max: 9 }).map((n) => `${n}D`),
);

const title = fc
  .tuple(letterWord, fc.array(fc.oneof({ arbitrary: letterWord, weight: 4 }, { arbitrary: numberWord, weight: 1 }), { maxLength: 5 }))
  .map(([first, rest]) => [first, ...rest].join(' '));

const url = fc
  .array(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), minLength: 1, maxLength: 8 }), {
    minLength: 1,
    maxLength: 3,
  })
  .map((parts) => `https://example.com/${parts.join('/')}`);

/** A gap between chapter starts: mostly a few minutes, sometimes much longer, so lists cross the hour. */
const gap = fc.oneof(
  { arbitrary: fc.integer({ min: 10, max: 300 }), weight: 3 },
  { arbitrary: fc.integer({ min: 301, max: 2400 }), weight: 1 },
);

function chapterList(minLength: number, maxLength: number, withUrls: boolean): fc.Arbitrary<Chapter[]> {
  return fc
    .array(fc.tuple(gap, title, withUrls ? fc.option(url, { nil: undefined }) : fc.constant(undefined)), {
      minLength,
      maxLength,
    })
    .map((items) => {
      let t = 0;
      return items.map(([g, tt, u], i): Chapter => {
        if (i > 0) t += g;
        const c: Chapter = { startTime: t, title: tt };
        if (u !== undefined) c.url = u;
        return c;
      });
    })
    // Real episodes are shorter than ten hours.
    .filter((cs) => cs[cs.length - 1]!.startTime < 10 * 3600);
}

const startsAndTitles = (cs: readonly Chapter[]) => cs.map((c) => [c.startTime, c.title]);

/** endTime is the next chapter's start; the last one has none when the duration is unknown. */
function expectEndTimesChain(cs: readonly Chapter[]): void {
  cs.forEach((c, i) => expect(c.endTime).toBe(cs[i + 1]?.startTime));
}

describe('format → parse round trips', () => {
  it.each(['youtube', 'vtt'] as const)('%s: the same starts and titles come back (2–40 chapters)', (format) => {
    fc.assert(
      fc.property(chapterList(2, 40, false), (chapters) => {
        const text = formatChapters(chapters, format);
        const parsed = parseTimeline(text).chapters;
        expect(startsAndTitles(parsed)).toEqual(startsAndTitles(chapters));
        expectEndTimesChain(parsed);
      }),
      { numRuns: RUNS },
    );
  });

  it('md: the same starts, titles and urls come back (2–40 chapters)', () => {
    fc.assert(
      fc.property(chapterList(2, 40, true), (chapters) => {
        const parsed = parseTimeline(formatChapters(chapters, 'md')).chapters;
        expect(parsed.map((c) => [c.startTime, c.title, c.url])).toEqual(chapters.map((c) => [c.startTime, c.title, c.url]));
        expectEndTimesChain(parsed);
      }),
      { numRuns: RUNS },
    );
  });

  // A single timed line is not a table of contents: no chapters, but its time stays a seekable mention.
  it.each(['youtube', 'md', 'vtt'] as const)('%s: a lone chapter is a mention, not a timeline', (format) => {
    fc.assert(
      fc.property(chapterList(1, 1, false), (chapters) => {
        const result = parseTimeline(formatChapters(chapters, format));
        expect(result.chapters).toEqual([]);
        expect(result.mentions.map((m) => m.time)).toEqual([chapters[0]!.startTime]);
      }),
      { numRuns: 50 },
    );
  });

  it('the last chapter ends at the duration when it is given', () => {
    fc.assert(
      fc.property(chapterList(2, 40, false), fc.integer({ min: 1, max: 3600 }), (chapters, extra) => {
        const duration = chapters[chapters.length - 1]!.startTime + extra;
        const parsed = parseTimeline(formatChapters(chapters, 'youtube'), { duration }).chapters;
        expect(startsAndTitles(parsed)).toEqual(startsAndTitles(chapters));
        expect(parsed[parsed.length - 1]!.endTime).toBe(duration);
      }),
      { numRuns: 100 },
    );
  });
});

describe('flattened timelines', () => {
  it('a list rendered as one line ("Chapters 0:00 Title 3:10 Title …") reads back the same', () => {
    fc.assert(
      fc.property(chapterList(2, 40, false), (chapters) => {
        const oneLine = `Chapters ${formatChapters(chapters, 'youtube').trim().split('\n').join(' ')}`;
        const parsed = parseTimeline(oneLine).chapters;
        expect(startsAndTitles(parsed)).toEqual(startsAndTitles(chapters));
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Arbitrary input
// ---------------------------------------------------------------------------------------------------------------

const FRAGMENTS = [
  '0', '1', '2', '5', '9', '00', '12', '59', '60', '99', '123', ':', ':', ':', '：', '.', '.500', ' ', ' ', '  ', '\n',
  '\n\n', '\r\n', '\t', '\u00a0', '\u200b', '<br>', '<br/>', '<p>', '</p>', '<li>', '</li>', '<ul>', '<h2>', '</h2>',
  '<span>', '<a href="https://e.com/?t=75">', '</a>', '<script>', '</script>', '<!--', '-->', '[', ']', '(', ')', '[@',
  '【', '】', '（', '）', '*', '**', '_', '`', '#', '- ', '– ', '— ', '|', '~', '•', '1. ', '[x](', '](https://e.com/#t=1:00)',
  ')', 'https://e.com/', 'www.', '?t=', '#t=', '&amp;', '&#8211;', '&#x1F600;', '&nbsp;', '&', ';', '"', "'", '“', '”',
  '🎙', '👍🏽', 'Chapters', 'Timestamps:', 'Sponsors:', 'Tracklist', 'Transcript', 'Music:', 'Links:', 'Credits', 'Intro',
  'part 2', 'at', 'pm', 'am', 'John', 'ratio', 'won', 'Duration:', 'runs', 'long', 'video', '---\n', 'duration: ',
  '\u2028', '\ud800', 'é', '日本', '\u0301',
];

/** `12:05`, `1:02:03`, `00:07.250`, and out-of-range ones such as `7:75`. */
const timeToken = fc
  .tuple(fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 99 }), fc.boolean())
  .map(([h, m, s, frac]) => `${h === undefined ? '' : `${h}:`}${h === undefined ? m : String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${frac ? '.250' : ''}`);

const timeish = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...FRAGMENTS), weight: 4 },
      { arbitrary: timeToken, weight: 2 },
      { arbitrary: fc.constantFrom(' Intro', ' Q&A part 2', ' Wrap-up', ' 日本語', ' \n'), weight: 2 },
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

/** Lines shaped like entries (decoration, a time, a separator, a title) in random order, mixed with noise. */
const noisyLines = fc
  .tuple(
    fc.array(
      fc.oneof(
        {
          arbitrary: fc
            .tuple(
              fc.constantFrom('', '- ', '* ', '1. ', '[', '(', '**', '🎙 ', '<li>'),
              timeToken,
              fc.constantFrom(' ', ' - ', ' — ', ': ', '] ', ') ', '** ', '', ' | ', '–05:30 '),
              fc.constantFrom('Intro', 'Q&A', 'The 24:00 rule', 'Part 2', '"Quoted"', '&amp; more', '日本語', '', '   ', '👍'),
            )
            .map((parts) => parts.join('')),
          weight: 4,
        },
        { arbitrary: timeish, weight: 1 },
      ),
      { maxLength: 30 },
    ),
    fc.constantFrom('\n', '<br>', ' ', '\r\n', '\n\n'),
  )
  .map(([lines, sep]) => lines.join(sep));

/** Plausible timelines with random damage: times and titles, some lines cut, glued or shuffled. */
const damagedTimeline = fc
  .tuple(chapterList(1, 12, true), fc.constantFrom('youtube', 'md', 'vtt', 'psc', 'json') , fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...FRAGMENTS)), { maxLength: 6 }))
  .map(([chapters, format, edits]) => {
    let s = formatChapters(chapters, format);
    for (const [at, len, insert] of edits) {
      const i = s.length === 0 ? 0 : at % s.length;
      s = s.slice(0, i) + insert + s.slice(i + (len % 4));
    }
    return s;
  });

const anyInput = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  timeish,
  noisyLines,
  damagedTimeline,
);

const anyOptions: fc.Arbitrary<ParseOptions> = fc
  .tuple(
    fc.constantFrom<boolean | undefined>(undefined, true, false),
    fc.option(
      fc.oneof(
        fc.integer({ min: 1, max: 40_000 }),
        fc.double(),
        fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, 0.5),
      ),
      { nil: undefined },
    ),
  )
  .map(([html, duration]) => {
    const o: ParseOptions = {};
    if (html !== undefined) o.html = html;
    if (duration !== undefined) o.duration = duration;
    return o;
  });

function checkShape(r: ParseResult, options: ParseOptions): void {
  expect(Array.isArray(r.chapters) && Array.isArray(r.mentions) && Array.isArray(r.warnings)).toBe(true);
  const d = options.duration;
  const validDuration = d !== undefined && Number.isFinite(d) && d > 0 ? d : undefined;
  r.chapters.forEach((c, i) => {
    expect(Number.isFinite(c.startTime)).toBe(true);
    expect(c.startTime).toBeGreaterThanOrEqual(0);
    if (i > 0) expect(c.startTime).toBeGreaterThanOrEqual(r.chapters[i - 1]!.startTime);
    expect(typeof c.title).toBe('string');
    expect(c.title.trim()).not.toBe('');
    if (c.endTime !== undefined) {
      expect(Number.isFinite(c.endTime)).toBe(true);
      expect(c.endTime).toBeGreaterThanOrEqual(c.startTime);
    }
    if (validDuration !== undefined) expect(c.startTime).toBeLessThan(validDuration);
  });
  for (const m of r.mentions) {
    expect(Number.isFinite(m.time)).toBe(true);
    expect(m.time).toBeGreaterThanOrEqual(0);
    expect(m.text).not.toBe('');
  }
}

describe('arbitrary input', () => {
  it('never throws and returns well-formed, sorted chapters', () => {
    fc.assert(
      fc.property(anyInput, anyOptions, (input, options) => {
        checkShape(parseTimeline(input, options), options);
      }),
      { numRuns: 500 },
    );
  });

  it('returns titles without leading or trailing whitespace', () => {
    fc.assert(
      fc.property(anyInput, anyOptions, (input, options) => {
        for (const c of parseTimeline(input, options).chapters) expect(c.title).toBe(c.title.trim());
      }),
      { numRuns: 500 },
    );
  });
});
