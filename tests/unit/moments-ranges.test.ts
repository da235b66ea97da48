// Ranges in saved moments: their one shape, the stored list's migration to version 2, the change that ends a range,
// and a browser still on version 1 (tests/fixtures/moments-v1, the released code) reading, editing and rewriting
// the synced copy that holds them. Invented moments only.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  applyChange,
  createMoment,
  isRange,
  MAX_RANGE_SECONDS,
  mergeMoments,
  migrateMomentsToV2,
  normalizeMoment,
  readMoment,
  spanOf,
  type Moment,
} from '../../lib/moments/model';
import { fromSyncItems, toSyncItems } from '../../lib/moments/sync';
import { importJson, toJson } from '../../lib/moments/transfer';
import { createMomentsService } from '../../lib/background/moments-service';
import { createStoredMoments, momentsItem, MOMENTS_VERSION } from '../../lib/background/moments-store';
import * as v1 from '../fixtures/moments-v1/model';
import * as v1Sync from '../fixtures/moments-v1/sync';

const HARBOUR = { url: 'https://overcast.fm/+AbCdEfGh1', title: 'The ferryman’s logbook', show: 'The Tiny Harbour', player: 'overcast' };

/** Moments as version 1 could hold them: a point, or any `start` ≤ `time` ≤ `end` with either end alone. */
const v1Moment = fc
  .record({
    id: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
    time: fc.integer({ min: 0, max: 20_000 }),
    before: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
    after: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
    note: fc.string({ maxLength: 30 }),
    createdAt: fc.integer({ min: 0, max: 1e12 }),
    deleted: fc.boolean(),
  })
  .map(({ id, time, before, after, note, createdAt, deleted }) =>
    v1.MomentSchema.parse({
      id,
      episode: HARBOUR,
      time,
      ...(before !== undefined ? { start: Math.max(0, time - before) } : {}),
      ...(after !== undefined ? { end: time + after } : {}),
      note,
      createdAt,
      updatedAt: createdAt,
      ...(deleted ? { deleted: true } : {}),
    }),
  );

describe('one shape per moment', () => {
  it('a range opens at its start and ends at its end; a point has neither; idempotent; every other field kept', () => {
    fc.assert(
      fc.property(v1Moment, (old) => {
        const m = normalizeMoment(old as Moment);
        const start = Math.min(old.start ?? old.time, old.time);
        const end = Math.max(old.end ?? old.time, old.time);
        expect(spanOf(m)).toEqual({ start, end });
        if (end > start) expect(m).toMatchObject({ time: start, start, end });
        else {
          expect(m).not.toHaveProperty('start');
          expect(m).not.toHaveProperty('end');
        }
        expect(isRange(m)).toBe(end > start);
        expect(normalizeMoment(m)).toEqual(m);
        const { time: _t, start: _s, end: _e, ...rest } = old;
        expect(m).toMatchObject(rest);
        // Still a moment for both versions' schemas.
        expect(v1.MomentSchema.safeParse(m).success).toBe(true);
        expect(readMoment(m)).toEqual(m);
      }),
    );
  });

  it('creates "the last 30 s" as a range from its start, and never longer than the longest range', () => {
    expect(createMoment({ episode: HARBOUR, time: 370, end: 400 }, 'a', 1)).toMatchObject({ time: 370, start: 370, end: 400 });
    expect(createMoment({ episode: HARBOUR, time: 0, end: 12 }, 'b', 1)).toMatchObject({ time: 0, start: 0, end: 12 });
    expect(createMoment({ episode: HARBOUR, time: 10, end: 10 + MAX_RANGE_SECONDS * 2 }, 'c', 1)).toMatchObject({ end: 10 + MAX_RANGE_SECONDS });
    expect(createMoment({ episode: HARBOUR, time: 10 }, 'd', 1)).not.toHaveProperty('end');
  });
});

describe('ending a range (the save command pressed twice)', () => {
  const point = createMoment({ episode: HARBOUR, time: 100 }, 'a', 1_000);

  it('turns the point into a range that ends there, newer than before', () => {
    const [m] = applyChange([point], { kind: 'end-range', id: 'a', end: 142.5 }, 2_000);
    expect(m).toMatchObject({ time: 100, start: 100, end: 142.5, updatedAt: 2_000 });
  });

  it('refuses an end before the start or past the longest range: the moment stays as it was', () => {
    expect(applyChange([point], { kind: 'end-range', id: 'a', end: 100 }, 2_000)[0]).toBe(point);
    expect(applyChange([point], { kind: 'end-range', id: 'a', end: 40 }, 2_000)[0]).toBe(point);
    expect(applyChange([point], { kind: 'end-range', id: 'a', end: 100 + MAX_RANGE_SECONDS + 1 }, 2_000)[0]).toBe(point);
  });

  it('the background writes nothing for a refused end and says so', async () => {
    let stored: unknown = [point];
    let writes = 0;
    const service = createMomentsService({
      load: async () => stored,
      save: async (list) => void ((stored = list), writes++),
      now: () => 5_000,
      newId: () => 'x',
    });
    expect(await service.change({ kind: 'end-range', id: 'a', end: 20 })).toBe(false);
    expect(writes).toBe(0);
    expect(await service.change({ kind: 'end-range', id: 'a', end: 130 })).toBe(true);
    expect(await service.list()).toEqual([expect.objectContaining({ id: 'a', start: 100, end: 130 })]);
  });
});

describe('stored moments, version 1 → 2', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps every entry: moments normalised, anything else exactly as it was; idempotent', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(v1Moment, fc.anything()), { maxLength: 20 }), (stored) => {
        const migrated = migrateMomentsToV2(stored);
        expect(migrated).toHaveLength(stored.length);
        migrated.forEach((entry, i) => {
          const parsed = v1.MomentSchema.safeParse(stored[i]);
          if (parsed.success) expect(entry).toEqual(normalizeMoment(parsed.data as Moment));
          else expect(entry).toBe(stored[i]);
        });
        expect(migrateMomentsToV2(migrated)).toEqual(migrated);
      }),
    );
    expect(migrateMomentsToV2(undefined)).toEqual([]);
  });

  it('the store migrates a version 1 list it finds, once, and every moment is still listed', async () => {
    const old = [
      v1.createMoment({ episode: HARBOUR, time: 95, start: 80, end: 95, note: 'a v1 range' }, 'r', 1),
      v1.createMoment({ episode: HARBOUR, time: 12 }, 'p', 2),
    ];
    await fakeBrowser.storage.local.set({ moments: old, moments$: { v: 1 } });
    await momentsItem.migrate();
    const { moments: raw, moments$: meta } = await fakeBrowser.storage.local.get(['moments', 'moments$']);
    expect(meta).toEqual({ v: MOMENTS_VERSION });
    expect(raw).toEqual(migrateMomentsToV2(old));
    expect(raw).toContainEqual(expect.objectContaining({ id: 'r', time: 80 }));
    const listed = await createStoredMoments().list();
    expect(listed.map((m) => m.id).sort()).toEqual(['p', 'r']);
    expect(listed.find((m) => m.id === 'r')).toMatchObject({ time: 80, start: 80, end: 95, note: 'a v1 range' });
    expect(listed.find((m) => m.id === 'p')).toEqual(old[1]);
  });
});

describe('a browser still on version 1, through the synced copy', () => {
  /** Version 1's sync step: read the copy, merge into its list, change it, write the copy back (moments-sync.ts). */
  const v1Browser = (items: Record<string, unknown>, local: v1.Moment[], edit: (list: v1.Moment[]) => v1.Moment[]) => {
    const remote = v1Sync.fromSyncItems(items);
    expect(remote).toBeDefined();
    const merged = edit(v1.mergeMoments(local, remote!));
    const out = v1Sync.toSyncItems(merged, 10_000);
    if (!out.ok) throw new Error('does not fit');
    return { items: out.items as Record<string, unknown>, local: merged };
  };

  it('reads, edits and rewrites ranges without losing their ends; this version reads them back whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ time: fc.integer({ min: 0, max: 10_000 }), length: fc.integer({ min: 1, max: MAX_RANGE_SECONDS }) }), { minLength: 1, maxLength: 8 }),
        (spans) => {
          const ranges = spans.map(({ time, length }, i) => createMoment({ episode: HARBOUR, time, end: time + length }, `r${i}`, 1_000 + i));
          const written = toSyncItems(ranges, 2_000);
          if (!written.ok) throw new Error('does not fit');
          // The old browser adds a note to the first range and saves a point of its own.
          const { items } = v1Browser(written.items, [], (list) => [
            ...v1.applyChange(list, { kind: 'note', id: 'r0', note: 'noted in the old browser' }, 3_000),
            v1.createMoment({ episode: HARBOUR, time: 7 }, 'old', 3_000),
          ]);
          const back = fromSyncItems(items)!;
          for (const r of ranges) {
            expect(back.find((m) => m.id === r.id)).toMatchObject({ time: r.time, start: r.start, end: r.end });
          }
          expect(back.find((m) => m.id === 'r0')?.note).toBe('noted in the old browser');
          expect(back.find((m) => m.id === 'old')).not.toHaveProperty('end');
          // Merged here, the old browser's edit wins (it is newer) and the range keeps its end.
          const here = mergeMoments(ranges, back);
          expect(here.find((m) => m.id === 'r0')).toMatchObject({ end: ranges[0]!.end, note: 'noted in the old browser' });
        },
      ),
    );
  });

  it('why ranges use only fields version 1 knows: it drops any other one when it rewrites the copy', () => {
    const withExtra = { ...createMoment({ episode: HARBOUR, time: 10, end: 40 }, 'x', 1), clip: { audio: true } };
    const written = toSyncItems([withExtra as Moment], 2_000);
    if (!written.ok) throw new Error('does not fit');
    const { items } = v1Browser(written.items, [], (list) => list);
    const back = fromSyncItems(items)![0]!;
    expect(back).not.toHaveProperty('clip');
    expect(back).toMatchObject({ start: 10, end: 40 });
  });

  it('this version keeps a field a later one adds, through its own read, merge, note edit and rewrite', () => {
    const later = { ...createMoment({ episode: HARBOUR, time: 10, end: 40 }, 'x', 1), clip: { audio: true, label: 'gulls' } };
    const written = toSyncItems([later as Moment], 2_000);
    if (!written.ok) throw new Error('does not fit');
    const read = fromSyncItems(written.items as Record<string, unknown>)!;
    const edited = applyChange(mergeMoments([], read), { kind: 'note', id: 'x', note: 'n' }, 3_000);
    const rewritten = toSyncItems(edited, 4_000);
    if (!rewritten.ok) throw new Error('does not fit');
    expect(fromSyncItems(rewritten.items as Record<string, unknown>)![0]).toMatchObject({ clip: { audio: true, label: 'gulls' }, note: 'n', end: 40 });
  });

  it('an export with ranges imports whole into version 1 (the file format stays version 1)', () => {
    const ranges = [createMoment({ episode: HARBOUR, time: 60, end: 90 }, 'a', 1), createMoment({ episode: HARBOUR, time: 5 }, 'b', 2)];
    const file = toJson(ranges, new Date(0));
    // Version 1's import is this module's at that commit: the same schema check, then a merge by id.
    const parsed = JSON.parse(file) as { version: number; moments: unknown[] };
    expect(parsed.version).toBe(1);
    const asV1 = parsed.moments.map((m) => v1.MomentSchema.parse(m));
    expect(asV1).toEqual(ranges);
    // And this version reads a version 1 file whose range was written the older way, as the same range.
    const older = JSON.stringify({ ...parsed, moments: [{ ...ranges[0], time: 90, start: 60, end: 90 }] });
    const result = importJson([], older);
    expect(result.ok && result.moments[0]).toMatchObject({ time: 60, start: 60, end: 90 });
  });
});
