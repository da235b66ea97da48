// The background's moments store on WXT's fake browser storage: one owner, nothing lost under concurrency.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { momentsItem, createStoredMoments } from '../../lib/background/moments-store';
import { toJson } from '../../lib/moments/transfer';

const EPISODE = { url: 'https://overcast.fm/+AbCdEfGh1', title: 'The ferryman’s logbook', player: 'overcast' };

describe('moments store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('two tabs saving 50 moments each at once leave exactly 100', async () => {
    const store = createStoredMoments();
    const tab = (offset: number) => Array.from({ length: 50 }, (_, i) => store.save({ episode: EPISODE, time: offset + i }));
    const saved = await Promise.all([...tab(0), ...tab(1000)]);
    expect(new Set(saved.map((m) => m.id)).size).toBe(100);
    const stored = await store.list();
    expect(stored).toHaveLength(100);
    expect(stored.map((m) => m.time).sort((a, b) => a - b)).toEqual([...Array.from({ length: 50 }, (_, i) => i), ...Array.from({ length: 50 }, (_, i) => 1000 + i)]);
  });

  it('survives a restart: a new owner reads what the old one wrote', async () => {
    await createStoredMoments().save({ episode: EPISODE, time: 42, note: 'tin' });
    const [moment] = await createStoredMoments().list();
    expect(moment).toMatchObject({ time: 42, note: 'tin', episode: EPISODE });
  });

  it('drops a damaged stored entry and keeps the rest', async () => {
    const store = createStoredMoments();
    const good = await store.save({ episode: EPISODE, time: 1 });
    await momentsItem.setValue([good, { id: 'x', time: 'soon' }, null]);
    expect(await store.list()).toEqual([good]);
  });

  it('a failed import changes nothing; a good one merges by id', async () => {
    const store = createStoredMoments();
    const first = await store.save({ episode: EPISODE, time: 1 });
    const before = await momentsItem.getValue();
    const bad = await store.import('{"format":"earmark-moments","version":1,"exportedAt":"","moments":[{"id":1}]}');
    expect(bad.ok).toBe(false);
    expect(await momentsItem.getValue()).toEqual(before);
    const other = { ...first, id: 'from-elsewhere', time: 99 };
    const good = await store.import(toJson([first, other], new Date(0)));
    expect(good).toMatchObject({ ok: true, added: 1, updated: 0 });
    expect((await store.list()).map((m) => m.id).sort()).toEqual([first.id, 'from-elsewhere'].sort());
  });

  it('edits and deletes by id, and says when the id is unknown', async () => {
    const store = createStoredMoments();
    const m = await store.save({ episode: EPISODE, time: 5 });
    expect(await store.change({ kind: 'note', id: m.id, note: 'hello' })).toBe(true);
    expect((await store.list())[0]?.note).toBe('hello');
    expect(await store.change({ kind: 'delete', id: m.id })).toBe(true);
    expect(await store.list()).toEqual([]);
    expect(await store.change({ kind: 'restore', id: m.id })).toBe(true);
    expect(await store.list()).toHaveLength(1);
    expect(await store.change({ kind: 'delete', id: 'nope' })).toBe(false);
  });
  it('a save repeated at the same second answers the moment saved before and writes nothing', async () => {
    const store = createStoredMoments();
    const first = await store.save({ episode: EPISODE, time: 61.2 });
    const written = await momentsItem.getValue();
    expect(await store.save({ episode: EPISODE, time: 61.9 })).toEqual(first);
    expect(await momentsItem.getValue()).toEqual(written);
    // A range over the same seconds twice is one range; a point at its start is another moment.
    const range = await store.save({ episode: EPISODE, time: 31, end: 61 });
    expect(await store.save({ episode: EPISODE, time: 31.5, end: 61.4 })).toEqual(range);
    expect((await store.save({ episode: EPISODE, time: 31 })).id).not.toBe(range.id);
    // Another second, another episode, a note of its own, or after a delete: a new moment each time.
    expect((await store.save({ episode: EPISODE, time: 62 })).id).not.toBe(first.id);
    expect((await store.save({ episode: { ...EPISODE, url: 'https://overcast.fm/+Other1' }, time: 61 })).id).not.toBe(first.id);
    expect((await store.save({ episode: EPISODE, time: 61, note: 'the bell' })).id).not.toBe(first.id);
    await store.change({ kind: 'delete', id: first.id });
    const again = await store.save({ episode: EPISODE, time: 61 });
    expect(again.id).not.toBe(first.id);
    expect((await store.list()).filter((m) => Math.floor(m.time) === 61 && m.end === undefined)).toHaveLength(2);
  });
});
