// Edge cases found in review: markup and references a browser reads one way and a careless scanner another,
// and list shapes that once fooled the layout rules. Invented notes throughout.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChapters, parseTimeline, toPlainText } from '../../lib/timeline';
import { decodeEntities } from '../../lib/timeline/entities';
import { MAX_CANDIDATES } from '../../lib/timeline/candidates';
import { INVISIBLE_CLASS, OTHER_SPACE_CLASS, isInvisibleCode, isSpaceCode } from '../../lib/timeline/chars';

const rows = (input: string, options = {}) =>
  parseTimeline(input, options).chapters.map((c) => [c.startTime, c.title] as const);

describe('character classes', () => {
  it('the regex classes hold exactly the characters the predicates accept', () => {
    const space = new RegExp(`^[${OTHER_SPACE_CLASS}]$`);
    const invisible = new RegExp(`^[${INVISIBLE_CLASS}]$`);
    const disagree: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isSpaceCode(c) !== (c === 32 || space.test(ch))) disagree.push(`space U+${c.toString(16)}`);
      if (isInvisibleCode(c) !== invisible.test(ch)) disagree.push(`invisible U+${c.toString(16)}`);
    }
    expect(disagree).toEqual([]);
  });
});

describe('character references', () => {
  it('never finds members of Object.prototype by name', () => {
    expect(decodeEntities('a &constructor; b &valueOf; c &toString d')).toBe('a &constructor; b &valueOf; c &toString d');
    expect(rows('<p>00:00 Intro &valueOf;</p><p>05:00 Next</p>', { html: true })).toEqual([
      [0, 'Intro &valueOf'],
      [300, 'Next'],
    ]);
  });

  it('decodes as a browser does', () => {
    expect(decodeEntities('Tom &amp; Jerry, AT&T, &ouml;, &#8211;, &#x2014;')).toBe('Tom & Jerry, AT&T, ö, –, —');
    // Legacy names need no semicolon; others do.
    expect(decodeEntities('&copy2020 &hellip no')).toBe('©2020 &hellip no');
    // 0x80–0x9F are the Windows-1252 characters feeds mean by them.
    expect(decodeEntities('it&#146;s &#150; ok')).toBe('it’s – ok');
    // All digits belong to the reference, even past the last code point.
    expect(decodeEntities('&#12345678;x')).toBe('\ufffdx');
  });

  it('leaves query strings in attributes alone', () => {
    expect(decodeEntities('?a=1&para=2&times=3', true)).toBe('?a=1&para=2&times=3');
    expect(decodeEntities('?a=1&amp;t=30', true)).toBe('?a=1&t=30');
  });
});

describe('HTML scanning', () => {
  it('reads the href attribute itself, not data-href', () => {
    const n = toPlainText('<a data-href="https://a.test" href="https://v.test/?t=90">1:30</a> Topic', true);
    expect(n.links).toEqual([{ start: 0, end: 4, href: 'https://v.test/?t=90' }]);
  });

  it('does not end a tag at a ">" inside a quoted attribute', () => {
    const n = toPlainText('<a title="a>b" href="https://v.test/?t=90">1:30</a> Topic', true);
    expect(n.text).toBe('1:30 Topic');
    expect(n.links[0]?.href).toBe('https://v.test/?t=90');
  });

  it('keeps the text after a self-closing <svg/>', () => {
    expect(toPlainText('<p><svg viewBox="0 0 1 1"/>0:00 Intro</p>', true).text).toBe('0:00 Intro\n');
  });

  it('takes a time link whose href has an entity-encoded query', () => {
    expect(rows('<p><a href="https://v.test/?si=1&amp;t=95">1:35</a> One</p><p><a href="https://v.test/?si=1&amp;t=300">5:00</a> Two</p>')).toEqual([
      [95, 'One'],
      [300, 'Two'],
    ]);
  });

  it('detects HTML from any block tag', () => {
    expect(rows('<pre>00:00 Intro\n05:00 Topic\n10:00 End</pre>')).toEqual([
      [0, 'Intro'],
      [300, 'Topic'],
      [600, 'End'],
    ]);
  });
});

describe('layout', () => {
  it('keeps a timeline set between two --- rules (it is not front matter)', () => {
    expect(rows('---\n00:00 Intro\n05:00 Topic\n10:00 End\n---\n')).toEqual([
      [0, 'Intro'],
      [300, 'Topic'],
      [600, 'End'],
    ]);
  });

  it('reads a flattened list even when a far-off line starts with a time', () => {
    const notes = 'Chapters: 00:00 Intro 05:00 Topic 10:00 End\n\nSome words.\n\nMore words.\n\nStill more.\n\n12:30 is when the live show starts.';
    expect(rows(notes)).toEqual([
      [0, 'Intro'],
      [300, 'Topic'],
      [600, 'End'],
    ]);
  });

  it('strips list numbers from flattened title-first entries', () => {
    expect(rows('Chapters: 1. Intro 00:00 2. Topic one 05:00 3. Wrap up 10:00')).toEqual([
      [0, 'Intro'],
      [300, 'Topic one'],
      [600, 'Wrap up'],
    ]);
  });

  it('reads a duration written with a colon and no space as context, not a chapter', () => {
    const r = parseTimeline('Dauer:2:40:19\nDuration="1:00:00"');
    expect(r.chapters).toEqual([]);
    expect(r.mentions).toEqual([]);
  });

  it('does not take a capitalised word after a time for a unit', () => {
    expect(rows('00:00 Intro\n12:30 H. P. Lovecraft\n20:00 Et voilà')).toEqual([
      [0, 'Intro'],
      [750, 'H. P. Lovecraft'],
      [1200, 'Et voilà'],
    ]);
  });

  it('ends a URL at CJK punctuation', () => {
    // No space between the URL and the time: the ideographic full stop ends the URL.
    expect(parseTimeline('资料：https://x.test/a。00:30开场').mentions.map((m) => m.text)).toEqual(['00:30']);
  });

  it('warns about truncation only when times were left unread', () => {
    const exactly = Array.from({ length: MAX_CANDIDATES }, (_, i) => `${Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}`).join(' ');
    expect(parseTimeline(exactly).warnings.map((w) => w.code)).not.toContain('truncated');
    expect(parseTimeline(`${exactly} 999:00`).warnings.map((w) => w.code)).toContain('truncated');
  });
});

describe('formats', () => {
  it('never writes an empty WebVTT cue for chapters that share a start', () => {
    const vtt = formatChapters(
      [
        { startTime: 0, title: 'A' },
        { startTime: 0, title: 'B' },
        { startTime: 60, title: 'C' },
      ],
      'vtt',
    );
    expect(vtt).toContain('00:00:00.000 --> 00:00:00.001\nA');
  });

  it('ignores a duration that is not a finite number', () => {
    const vtt = formatChapters([{ startTime: 0, title: 'A' }], 'vtt', { duration: Number.POSITIVE_INFINITY });
    expect(vtt).toContain('00:00:00.000 --> 00:01:00.000\nA');
  });
});

describe('the HTML reader’s text', () => {
  // Pieces of text are written two ways (short ones character by character, long ones as slices): where a tag
  // that changes nothing cuts the text must not change what comes out.
  it('is the same wherever inline tags cut the text', () => {
    const token = fc.constantFrom('ab', 'cdefghijklmnopqrstuvwxyz', 'é', '0:00', '.', ' ', ' ', '  ', '\n', '\t', '\u00a0');
    const piece = fc.array(token, { maxLength: 40 }).map((t) => t.join(''));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 4 }), (pieces, cuts) => {
        const text = pieces.join('<br>');
        let cut = text;
        for (const c of cuts) {
          // Never inside a tag.
          const at = c % (cut.length + 1);
          if (/<[^>]*$/.test(cut.slice(0, at))) continue;
          cut = `${cut.slice(0, at)}<span></span>${cut.slice(at)}`;
        }
        expect(toPlainText(`<p>${cut}</p>`, true).text).toBe(toPlainText(`<p>${text}</p>`, true).text);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a note the same after a longer one (the reader and the parser keep their buffers between calls)', () => {
    const short = '<p>0:00 Intro</p><p>1:30 Tides</p>';
    const alone = { text: toPlainText(short, true).text, parsed: parseTimeline(short) };
    expect(alone.parsed.chapters.map((c) => c.title)).toEqual(['Intro', 'Tides']);
    // Longer notes fill more of both buffers; the last, past what is kept between calls (70,000 short lines).
    for (const n of [50, 5000, 70000]) {
      const clock = (t: number) => `${Math.floor(t / 3600)}:${String(Math.floor(t / 60) % 60).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
      const long = Array.from({ length: n }, (_, i) => `<li>${clock(i * 13)} E${i}</li>`).join('');
      const { chapters } = parseTimeline(`<ul>${long}</ul>`);
      if (n === 50) expect(chapters).toHaveLength(50);
      expect(toPlainText(short, true).text).toBe(alone.text);
      expect(parseTimeline(short)).toEqual(alone.parsed);
    }
  });

  it('collapses layout whitespace in long and short pieces alike', () => {
    const long = 'Intro\n  to the\tshow,\u00a0with  guests and more words than a short piece holds';
    expect(toPlainText(`<p>  ${long}  <b>x</b>\n y </p><p>\t00:00   Start</p>`, true).text).toBe(
      'Intro to the show, with guests and more words than a short piece holds x y\n00:00 Start\n',
    );
    // A space before a tag that changes nothing stays before the long piece after it.
    expect(toPlainText(`<p>Ada <i></i>Byron and a long enough run of words to be kept as one slice</p>`, true).text).toBe(
      'Ada Byron and a long enough run of words to be kept as one slice\n',
    );
  });

  it('writes a lone surrogate as U+FFFD in short and long pieces, and keeps pairs', () => {
    const lone = '\ud83d';
    const long = `A long enough piece of text to be kept as a slice ${lone} end`;
    const { text } = toPlainText(`<p>a${lone}b</p><p>${long}</p><p>😀 ok</p>`, true);
    expect(text).toBe(`a\ufffdb\n${long.replace(lone, '\ufffd')}\n😀 ok\n`);
  });
});
