// Sync between browsers, two "browsers" sharing one storage.sync area: the fake browser's sync storage.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMomentsService } from '../../lib/background/moments-service';
import { createMomentsSync } from '../../lib/background/moments-sync';
import type { Moment } from '../../lib/moments/model';
import { fromSyncItems } from '../../lib/moments/sync';

const EPISODE = { url: 'https://overcast.fm/+AbCdEfGh1', title: 'The ferryman’s logbook', player: 'overcast' };

/** A browser: its own local list and sync switch, the shared sync area. */
function browserProfile(name: string, clock: { now: number }, afterRead?: { next?: () => Promise<void> }) {
  let local: unknown = [];
  let enabled = false;
  let n = 0;
  let sync: ReturnType<typeof createMomentsSync>;
  const moments = createMomentsService({
    load: async () => local,
    save: async (list) => void (local = list),
    now: () => clock.now++,
    newId: () => `${name}-${n++}`,
    changed: (list) => void sync.push(list),
  });
  sync = createMomentsSync({
    enabled: async () => enabled,
    setEnabled: async (on) => void (enabled = on),
    syncGet: async () => {
      const items = await fakeBrowser.storage.sync.get(null);
      const hook = afterRead?.next;
      if (hook) {
        afterRead.next = undefined;
        await hook();
      }
      return items;
    },
    syncSet: (items) => fakeBrowser.storage.sync.set(items),
    syncRemove: (keys) => fakeBrowser.storage.sync.remove(keys),
    mergeLocal: (incoming: Moment[]) => moments.merge(incoming),
    localMoments: () => moments.all(),
    now: () => clock.now,
  });
  return { moments, sync };
}

describe('moments sync', () => {
  beforeEach(() => fakeBrowser.reset());

  it('does nothing until switched on, then carries saves, notes and deletes both ways', async () => {
    const clock = { now: 1_000 };
    const a = browserProfile('a', clock);
    const b = browserProfile('b', clock);
    const first = await a.moments.save({ episode: EPISODE, time: 10 });
    await a.sync.status();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});

    await a.sync.setEnabled(true);
    await b.sync.setEnabled(true);
    expect((await b.moments.list()).map((m) => m.id)).toEqual([first.id]);

    await b.moments.change({ kind: 'note', id: first.id, note: 'from b' });
    await b.sync.status();
    await a.sync.pull();
    expect((await a.moments.list())[0]?.note).toBe('from b');

    await a.moments.change({ kind: 'delete', id: first.id });
    await a.sync.status();
    await b.sync.pull();
    expect(await b.moments.list()).toEqual([]);
  });

  it('a push first takes in what another browser synced meanwhile, so neither overwrites the other', async () => {
    const clock = { now: 1_000 };
    const a = browserProfile('a', clock);
    const b = browserProfile('b', clock);
    await a.sync.setEnabled(true);
    await b.sync.setEnabled(true);
    const fromB = await b.moments.save({ episode: EPISODE, time: 20 });
    await b.sync.status();
    // A has not pulled B's save when it saves its own.
    const fromA = await a.moments.save({ episode: EPISODE, time: 30 });
    await a.sync.status();
    await b.sync.pull();
    const ids = [fromA.id, fromB.id].sort();
    expect((await a.moments.list()).map((m) => m.id).sort()).toEqual(ids);
    expect((await b.moments.list()).map((m) => m.id).sort()).toEqual(ids);
  });

  it('a copy written by another browser while this one pushes is merged from the change itself, though the push overwrote it', async () => {
    const clock = { now: 1_000 };
    const b = browserProfile('b', clock);
    await b.sync.setEnabled(true);
    const fromB = await b.moments.save({ episode: EPISODE, time: 20 });
    await b.sync.status();
    const written = await fakeBrowser.storage.sync.get(null);
    await fakeBrowser.storage.sync.clear();

    // A switches sync on; its push reads the (empty) copy, then B's copy lands before A writes its own.
    const between: { next?: () => Promise<void> } = {};
    const a = browserProfile('a', clock, between);
    // setEnabled reads the copy twice (its pull, then its push): B's copy lands after the second read.
    between.next = async () => {
      between.next = () => fakeBrowser.storage.sync.set(written);
    };
    await a.sync.setEnabled(true);
    // A's push has overwritten B's copy with A's (empty) list.
    expect(fromSyncItems(await fakeBrowser.storage.sync.get(null))).toEqual([]);
    expect(await a.moments.list()).toEqual([]);
    // What storage.onChanged hands the background for B's write.
    await a.sync.pull(written);
    expect((await a.moments.list()).map((m) => m.id)).toEqual([fromB.id]);
    await a.sync.status();
    await b.sync.pull();
    expect((await b.moments.list()).map((m) => m.id)).toEqual([fromB.id]);
  });

  it('reports a full quota and keeps every moment locally', async () => {
    const clock = { now: 1_000 };
    const a = browserProfile('a', clock);
    await a.sync.setEnabled(true);
    for (let i = 0; i < 150; i++) await a.moments.save({ episode: EPISODE, time: i, note: 'x'.repeat(800) });
    const status = await a.sync.status();
    expect(status.enabled).toBe(true);
    expect(status.problem).toMatch(/Sync is full.*still kept in this browser/);
    expect(await a.moments.list()).toHaveLength(150);
  });
});
