// Saved moments: the record, changes, merge, search, export/import and the sync chunks, on invented moments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyChange,
  createMoment,
  groupByEpisode,
  liveMoments,
  mergeMoments,
  searchMoments,
  type Moment,
  type NewMoment,
} from '../../lib/moments/model';
import { fromSyncItems, syncedChunkCount, toSyncItems } from '../../lib/moments/sync';
import { importJson, toCsv, toJson, toMarkdown } from '../../lib/moments/transfer';

const HARBOUR = { url: 'https://overcast.fm/+AbCdEfGh1', title: 'The ferryman’s logbook', show: 'The Tiny Harbour', player: 'overcast' };
const TIDES = { url: 'https://www.youtube.com/watch?v=abcDEF12345', title: 'Tides, explained', player: 'youtube' };

const save = (input: Partial<NewMoment> & { time: number }, id: string, now = 1_000) =>
  createMoment({ episode: HARBOUR, ...input }, id, now);

const linkAt = (m: Moment) => `${m.episode.url}#earmark-t=${Math.floor(m.time)}`;

describe('moments', () => {
  it('creates a valid moment with an empty note; a range that would end before it starts is a point', () => {
    const m = save({ time: 95, start: 120, end: 10, chapterTitle: 'Finding the tin', guests: ['Ada Byron'] }, 'a');
    expect(m).toEqual({
      id: 'a',
      episode: HARBOUR,
      time: 95,
      chapterTitle: 'Finding the tin',
      guests: ['Ada Byron'],
      note: '',
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    expect(() => createMoment({ episode: { ...HARBOUR, url: 'javascript:alert(1)' }, time: 1 }, 'b', 1)).toThrow();
  });

  it('edits, deletes and restores with a strictly newer updatedAt, even when the clock went back', () => {
    let list = [save({ time: 10 }, 'a', 5_000)];
    list = applyChange(list, { kind: 'note', id: 'a', note: 'the tin!' }, 4_000);
    expect(list[0]).toMatchObject({ note: 'the tin!', updatedAt: 5_001 });
    list = applyChange(list, { kind: 'delete', id: 'a' }, 6_000);
    expect(liveMoments(list)).toEqual([]);
    expect(list[0]).toMatchObject({ deleted: true, updatedAt: 6_000 });
    list = applyChange(list, { kind: 'restore', id: 'a' }, 7_000);
    expect(liveMoments(list)).toHaveLength(1);
    expect(list[0]).not.toHaveProperty('deleted');
    expect(applyChange(list, { kind: 'add', moment: save({ time: 99 }, 'a') }, 8_000)).toEqual(list);
  });

  it('merges by id, the later version winning and deletes never undone by an older copy', () => {
    const mine = [save({ time: 10 }, 'a', 1_000), save({ time: 20 }, 'b', 2_000)];
    const deleted = applyChange(mine, { kind: 'delete', id: 'a' }, 3_000);
    const theirs = [{ ...mine[0]!, note: 'old edit', updatedAt: 2_500 }, save({ time: 30 }, 'c', 2_500)];
    const merged = mergeMoments(deleted, theirs);
    expect(merged.map((m) => [m.id, m.deleted ?? false])).toEqual([
      ['a', true],
      ['b', false],
      ['c', false],
    ]);
    expect(mergeMoments(merged, theirs)).toEqual(merged);
  });

  it('merge is idempotent and does not depend on the order lists arrive in', () => {
    const arb = fc.array(
      fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), time: fc.nat(5000), at: fc.nat(100), note: fc.string({ maxLength: 5 }) }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(arb, arb, (xs, ys) => {
        const mk = (r: { id: string; time: number; at: number; note: string }) => ({ ...save({ time: r.time, note: r.note }, r.id, r.at) });
        // One version per (id, updatedAt): two different moments can never share both.
        const uniq = (rs: typeof xs) => [...new Map(rs.map((r) => [`${r.id}@${r.at}`, r])).values()];
        const all = uniq([...xs, ...ys]);
        const a = mergeMoments([], all.filter((r) => xs.includes(r)).map(mk));
        const b = mergeMoments([], all.filter((r) => !xs.includes(r)).map(mk));
        const ab = mergeMoments(a, b);
        expect(mergeMoments(ab, b)).toEqual(ab);
        expect(mergeMoments(b, a).map((m) => [m.id, m.updatedAt])).toEqual(ab.map((m) => [m.id, m.updatedAt]));
      }),
    );
  });

  it('searches titles, shows, notes, chapters and guests, all words, accents ignored', () => {
    const list = [
      save({ time: 10, note: 'Ink dating trick', chapterTitle: 'Finding the tin', guests: ['Ada Byron'] }, 'a'),
      createMoment({ episode: TIDES, time: 300, note: 'Spring tides vs neap' }, 'b', 2_000),
    ];
    const ids = (q: string) => searchMoments(list, q).map((m) => m.id);
    expect(ids('')).toEqual(['a', 'b']);
    expect(ids('byron')).toEqual(['a']);
    expect(ids('tiny harbour tin')).toEqual(['a']);
    expect(ids('NEAP tides')).toEqual(['b']);
    expect(ids('fêrryman')).toEqual(['a']);
    expect(ids('ink neap')).toEqual([]);
  });

  it('groups live moments by episode, latest episode first, moments in playback order', () => {
    const list = [save({ time: 300 }, 'a', 1), save({ time: 10 }, 'b', 2), createMoment({ episode: TIDES, time: 5 }, 'c', 3)];
    const groups = groupByEpisode(applyChange(list, { kind: 'delete', id: 'a' }, 9));
    expect(groups.map((g) => [g.episode.title, g.moments.map((m) => m.id)])).toEqual([
      ['Tides, explained', ['c']],
      ['The ferryman’s logbook', ['b']],
    ]);
  });
});

describe('export and import', () => {
  const list = [
    save({ time: 70, chapterTitle: 'Finding the tin', guests: ['Ada Byron'], note: 'Ink *dating*\nsecond line' }, 'a', 1_000),
    createMoment({ episode: TIDES, time: 3725.5, start: 3695.5, end: 3725.5, note: '=HYPERLINK("x")' }, 'b', 2_000),
  ];

  it('JSON round-trips exactly, tombstones included, and re-importing merges by id', () => {
    const withTombstone = applyChange(list, { kind: 'delete', id: 'b' }, 3_000);
    const file = toJson(withTombstone, new Date(5_000));
    const into = importJson([], file);
    expect(into).toEqual({ ok: true, moments: withTombstone, added: 2, updated: 0 });
    const again = importJson(withTombstone, file);
    expect(again).toEqual({ ok: true, moments: withTombstone, added: 0, updated: 0 });
  });

  it('a bad or foreign file gets a clear error and nothing else', () => {
    const file = JSON.parse(toJson(list, new Date(0)));
    const err = (text: string) => {
      const r = importJson(list, text);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.error;
    };
    expect(err('{"format": "earmark-moments", "version": 1, "moments": [')).toContain('not JSON');
    expect(err(JSON.stringify({ bookmarks: [] }))).toContain('not an Earmark moments file');
    expect(err(JSON.stringify({ ...file, version: 2 }))).toContain('version 2');
    expect(err(JSON.stringify({ ...file, moments: [{ ...file.moments[0], time: -5 }] }))).toContain('moments.0.time');
    expect(err(JSON.stringify({ ...file, moments: [file.moments[0], file.moments[0]] }))).toContain('twice');
  });

  it('Markdown groups by episode, latest first, with deep links and escapes what would be markup', () => {
    expect(toMarkdown(list, linkAt)).toBe(
      [
        '# Saved moments',
        '',
        '## Tides, explained',
        '',
        '- [1:01:35–1:02:05](https://www.youtube.com/watch?v=abcDEF12345#earmark-t=3695)',
        '  > =HYPERLINK("x")',
        '',
        '## The ferryman’s logbook — The Tiny Harbour',
        '',
        '- [1:10](https://overcast.fm/+AbCdEfGh1#earmark-t=70) · Finding the tin · with Ada Byron',
        '  > Ink \\*dating\\*',
        '  > second line',
        '',
      ].join('\n'),
    );
  });

  it('CSV quotes what needs quoting and defuses spreadsheet formulas', () => {
    const lines = toCsv(list, linkAt).split('\r\n');
    expect(lines[0]).toBe('time,seconds,start,end,episode,show,player,chapter,guests,note,link,saved');
    expect(lines[1]).toBe(
      '1:10,70,,,The ferryman’s logbook,The Tiny Harbour,overcast,Finding the tin,Ada Byron,"Ink *dating*\nsecond line",https://overcast.fm/+AbCdEfGh1#earmark-t=70,1970-01-01T00:00:01.000Z',
    );
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('sync chunks', () => {
  const many = (n: number, note = '') =>
    Array.from({ length: n }, (_, i) => save({ time: i * 7, note: `${note}${i}` }, `m${String(i).padStart(4, '0')}`, 1_000 + i));

  it('round-trips through chunks that each fit the per-item quota', () => {
    const list = many(60, 'Ünïcödé 🎧 "quoted" \\ note ');
    const result = toSyncItems(list, 10_000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(syncedChunkCount(result.items)).toBeGreaterThan(1);
    for (const [key, value] of Object.entries(result.items)) {
      expect(new TextEncoder().encode(key + JSON.stringify(value)).length).toBeLessThanOrEqual(8_192);
    }
    expect(fromSyncItems(result.items)).toEqual(list);
  });

  it('says when the list does not fit the sync quota instead of writing part of it', () => {
    const result = toSyncItems(many(400, 'x'.repeat(300)), 10_000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.bytes).toBeGreaterThan(100_000);
  });

  it('reads nothing from incomplete or inconsistent items, and lists chunks left over from a longer list', () => {
    const long = toSyncItems(many(60, 'y'.repeat(200)), 0);
    const short = toSyncItems(many(2), 0, long.ok ? syncedChunkCount(long.items) : 0);
    expect(long.ok && short.ok).toBe(true);
    if (!long.ok || !short.ok) return;
    expect(short.stale.length).toBe(syncedChunkCount(long.items) - 1);
    const { 'moments:1': _missing, ...partial } = long.items;
    expect(fromSyncItems(partial)).toBeUndefined();
    expect(fromSyncItems({ ...long.items, 'moments:0': 'x' })).toBeUndefined();
    expect(fromSyncItems({})).toBeUndefined();
  });

  it('drops tombstones older than 90 days from the synced copy only', () => {
    const list = applyChange(many(2), { kind: 'delete', id: 'm0000' }, 2_000);
    const later = 2_000 + 91 * 86_400_000;
    const result = toSyncItems(list, later);
    expect(result.ok && fromSyncItems(result.items)?.map((m) => m.id)).toEqual(['m0001']);
  });
});
