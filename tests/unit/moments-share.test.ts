// Sharing and the exports people use: "Copy as text", Readwise's CSV import columns and an Obsidian note, each
// read back by a parser of its documented format (RFC 4180 CSV; YAML front matter and CommonMark). Invented moments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange, createMoment, type Moment } from '../../lib/moments/model';
import { momentClock, momentLinkWith, momentText, savedBefore, savedLabel } from '../../lib/moments/share';
import { READWISE_COLUMNS, toObsidian, toReadwiseCsv } from '../../lib/moments/transfer';
import { youtube } from '../../lib/players/youtube';
import { overcast } from '../../lib/players/overcast';

const HARBOUR = { url: 'https://overcast.fm/+AbCdEfGh1', title: 'The ferryman’s logbook', show: 'The Tiny Harbour', player: 'overcast' };
const TIDES = { url: 'https://www.youtube.com/watch?v=abcDEF12345', title: 'Tides, explained', player: 'youtube' };
const linkAt = (m: Moment) => `${m.episode.url}#earmark-t=${Math.floor(m.time)}`;

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('copy as text', () => {
  it('says “Episode” (Show) at the time — note — link, leaving out what a moment has not', () => {
    const m = createMoment({ episode: HARBOUR, time: 754.6, note: 'the tin,\nfound' }, 'a', 1);
    expect(momentText(m, 'https://overcast.fm/+AbCdEfGh1/12:34')).toBe(
      '“The ferryman’s logbook” (The Tiny Harbour) at 12:34 — the tin, found — https://overcast.fm/+AbCdEfGh1/12:34',
    );
    const bare = createMoment({ episode: TIDES, time: 3725 }, 'b', 1);
    expect(momentText(bare, 'L')).toBe('“Tides, explained” at 1:02:05 — L');
    const range = createMoment({ episode: TIDES, time: 60, end: 90.7, note: '  ' }, 'c', 1);
    expect(momentClock(range)).toBe('1:00–1:30');
    expect(momentText(range, 'L')).toBe('“Tides, explained” at 1:00–1:30 — L');
  });

  it('the link is the player’s own at where the moment starts', () => {
    const range = createMoment({ episode: TIDES, time: 60, end: 90 }, 'c', 1);
    expect(momentLinkWith(youtube.linkAt!)(range)).toBe('https://www.youtube.com/watch?v=abcDEF12345&t=60s');
    expect(momentLinkWith(overcast.linkAt!)(createMoment({ episode: HARBOUR, time: 754 }, 'd', 1))).toBe('https://overcast.fm/+AbCdEfGh1/12:34');
  });

  it('is always one line, whatever the page and the listener wrote', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (title, show, note) => {
        const m = createMoment({ episode: { ...HARBOUR, title, show }, time: 5, note }, 'a', 1);
        expect(momentText(m, 'L')).not.toMatch(/[\r\n]/);
        expect(momentText(m, 'L').endsWith(' — L')).toBe(true);
      }),
    );
  });
});

describe('Readwise CSV', () => {
  const list = [
    createMoment({ episode: HARBOUR, time: 70.4, chapterTitle: 'Finding the tin', guests: ['Ada Byron'], note: 'Ink "dating",\nsecond line' }, 'a', Date.UTC(2026, 10, 2, 8, 30)),
    createMoment({ episode: TIDES, time: 3695.5, end: 3725.5, note: '=HYPERLINK("x")' }, 'b', Date.UTC(2026, 10, 3)),
    createMoment({ episode: HARBOUR, time: 9 }, 'c', Date.UTC(2026, 10, 4)),
  ];

  it('has Readwise’s columns, a highlight per live moment, Location in whole seconds and an ISO 8601 Date', () => {
    const rows = parseCsv(toReadwiseCsv(applyChange(list, { kind: 'delete', id: 'c' }, 9), linkAt));
    expect(rows[0]).toEqual(['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date']);
    expect(rows).toHaveLength(3);
    const byTitle = Object.fromEntries(rows.slice(1).map((r) => [r[1], Object.fromEntries(READWISE_COLUMNS.map((c, i) => [c, r[i]]))]));
    expect(byTitle['The ferryman’s logbook']).toEqual({
      Highlight: '1:10 · Finding the tin · with Ada Byron',
      Title: 'The ferryman’s logbook',
      Author: 'The Tiny Harbour',
      URL: 'https://overcast.fm/+AbCdEfGh1',
      Note: 'Ink "dating",\nsecond line\n\nhttps://overcast.fm/+AbCdEfGh1#earmark-t=70',
      Location: '70',
      Date: '2026-11-02T08:30:00.000Z',
    });
    // A range: its span as the highlight, where it starts as the location; a formula is defused.
    expect(byTitle['Tides, explained']).toMatchObject({ Highlight: '1:01:35–1:02:05', Author: '', Location: '3695' });
    expect(byTitle['Tides, explained']!.Note!.startsWith(`'=HYPERLINK`)).toBe(true);
  });

  it('reads back as written for any text: seven fields a row, a non-empty highlight, integer locations', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.record({ title: text, show: text, note: text, time: fc.double({ min: 0, max: 1e5, noNaN: true }) }), { maxLength: 6 }), (specs) => {
        const moments = specs.map((s, i) => createMoment({ episode: { ...HARBOUR, title: s.title, show: s.show }, time: s.time, note: s.note }, `m${i}`, i));
        const rows = parseCsv(toReadwiseCsv(moments, linkAt));
        expect(rows).toHaveLength(moments.length + 1);
        for (const row of rows.slice(1)) {
          expect(row).toHaveLength(7);
          expect(row[0]!.length).toBeGreaterThan(0);
          expect(row[5]).toMatch(/^\d+$/);
          expect(new Date(row[6]!).toISOString()).toBe(row[6]);
        }
        // Titles come back exactly, or with the apostrophe that keeps a spreadsheet from running them.
        const titles = rows.slice(1).map((r) => r[1]!.replace(/^'(?=[=+\-@\t\r])/, ''));
        expect(titles.sort()).toEqual(moments.map((m) => m.episode.title).sort());
      }),
      { numRuns: 60 },
    );
  });
});

describe('Obsidian Markdown', () => {
  const list = [
    createMoment({ episode: { ...HARBOUR, title: 'Logbook #3: [[tins]] and %%secrets%%' }, time: 70, chapterTitle: 'Ink ==bright==', note: 'see ^block\nand $x$' }, 'a', 1),
    createMoment({ episode: TIDES, time: 3695, end: 3725 }, 'b', 2),
    createMoment({ episode: { ...HARBOUR, title: 'Logbook #3: [[tins]] and %%secrets%%' }, time: 10 }, 'c', 3),
  ];
  const note = toObsidian(list, linkAt, new Date(Date.UTC(2026, 11, 5, 9)));
  const lines = note.split('\n');

  it('opens with YAML front matter (Obsidian’s properties)', () => {
    expect(lines[0]).toBe('---');
    const close = lines.indexOf('---', 1);
    expect(close).toBeGreaterThan(0);
    const yaml = lines.slice(1, close);
    expect(yaml).toContain('title: "Podcast moments"');
    expect(yaml).toContain('exported: "2026-12-05T09:00:00.000Z"');
    expect(yaml).toContain('episodes: 2');
    expect(yaml.slice(yaml.indexOf('tags:'))).toEqual(['tags:', '  - podcast', '  - earmark']);
  });

  it('one section per episode, its metadata as key:: value lines, a line per moment with its time link', () => {
    const sections = note.split(/^## /m).slice(1);
    expect(sections).toHaveLength(2);
    // Latest saved first (as the library shows them): the harbour's last moment is the newest.
    const [harbour, tides] = sections as [string, string];
    expect(tides.split('\n')).toEqual([
      'Tides, explained',
      '',
      'episode:: <https://www.youtube.com/watch?v=abcDEF12345>',
      'player:: youtube',
      'moments:: 1',
      '',
      '- [1:01:35–1:02:05](<https://www.youtube.com/watch?v=abcDEF12345#earmark-t=3695>)',
      '',
    ]);
    expect(note.endsWith('#earmark-t=3695>)\n')).toBe(true);
    const moments = harbour.split('\n').filter((l) => l.startsWith('- '));
    expect(moments).toEqual([
      '- [0:10](<https://overcast.fm/+AbCdEfGh1#earmark-t=10>)',
      '- [1:10](<https://overcast.fm/+AbCdEfGh1#earmark-t=70>) · Ink \\=\\=bright\\=\\= — see \\^block and \\$x\\$',
    ]);
    expect(harbour).toContain('show:: The Tiny Harbour');
  });

  it('page text never becomes a tag, a wikilink, a comment, a highlight or a link', () => {
    const heading = lines.find((l) => l.startsWith('## Logbook'))!;
    expect(heading).toBe('## Logbook \\#3: \\[\\[tins\\]\\] and \\%\\%secrets\\%\\%');
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (title, text) => {
        const out = toObsidian([createMoment({ episode: { ...HARBOUR, title }, time: 1, note: text, chapterTitle: text }, 'x', 1)], linkAt, new Date(0));
        const body = out.slice(out.indexOf('\n---\n') + 5);
        // Without the escaped characters, what is left of the page's text holds no markup character at all.
        const unescaped = body
          .split('\n')
          .map((l) => l.replace(/^episode:: <[^>]*>$/, '').replace(/^## |^[a-z]+:: |^- \[[0-9:–]+\]\(<[^>]*>\)/, '').replace(/\\./g, ''))
          .join('\n');
        expect(unescaped).not.toMatch(/[#[\]*_`<>|^%=$~!\\]/);
        expect(body.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(1);
      }),
    );
  });
});

describe('what a save says', () => {
  it('says where it saved, and "Already saved" when the answer was made before the save was asked', () => {
    const point = createMoment({ episode: HARBOUR, time: 405.6 }, 'p', 5_000);
    const range = createMoment({ episode: HARBOUR, time: 375, end: 405 }, 'r', 5_000);
    expect(savedLabel(point)).toBe('Saved at 6:45');
    expect(savedLabel(range)).toBe('Saved 6:15–6:45');
    expect(savedLabel(point, true)).toBe('Already saved at 6:45');
    expect(savedBefore(point, 5_001)).toBe(true);
    expect(savedBefore(point, 5_000)).toBe(false);
  });
});
