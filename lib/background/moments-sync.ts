/**
 * Opt-in sync of moments between the listener's browsers through `storage.sync` (the browser's own sync engine,
 * not a server of ours). The local list stays the complete copy; sync carries what fits its quota, and a full
 * quota is reported, never silently truncated.
 */
import { mergeMoments, type Moment } from '../moments/model';
import { fromSyncItems, SYNC_BUDGET_BYTES, SYNC_PREFIX, syncedChunkCount, toSyncItems } from '../moments/sync';

export interface SyncStatus {
  enabled: boolean;
  /** What the listener should know: the last sync problem, if any. */
  problem?: string;
}

export interface SyncDeps {
  enabled: () => Promise<boolean>;
  setEnabled: (on: boolean) => Promise<void>;
  syncGet: () => Promise<Record<string, unknown>>;
  syncSet: (items: Record<string, unknown>) => Promise<void>;
  syncRemove: (keys: string[]) => Promise<void>;
  /** Merges moments from elsewhere into the local list (the moments service's `merge`). */
  mergeLocal: (incoming: Moment[]) => Promise<unknown>;
  localMoments: () => Promise<Moment[]>;
  now: () => number;
}

export function createMomentsSync(deps: SyncDeps) {
  let problem: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn);
    queue = next.catch(() => undefined);
    return next;
  };

  const push = (list: Moment[]) =>
    serial(async () => {
      if (!(await deps.enabled())) return;
      const stored = await deps.syncGet();
      // Another browser may have written since our last pull: its moments join ours before we overwrite the copy.
      const remote = fromSyncItems(stored);
      if (remote) await deps.mergeLocal(remote);
      const merged = remote ? mergeMoments(list, remote) : list;
      const result = toSyncItems(merged, deps.now(), syncedChunkCount(stored));
      if (!result.ok) {
        problem = `Sync is full: your moments need ${Math.ceil(result.bytes / 1024)} KB and the browser syncs ${Math.floor(SYNC_BUDGET_BYTES / 1024)} KB. Every moment is still kept in this browser; export or delete some to sync again.`;
        return;
      }
      try {
        await deps.syncSet(result.items);
        if (result.stale.length) await deps.syncRemove(result.stale);
        problem = undefined;
      } catch (error) {
        problem = `Sync failed (${error instanceof Error ? error.message : 'unknown error'}). Every moment is still kept in this browser.`;
      }
    });

  /**
   * Another browser changed the synced copy: merge it in (incomplete copies are waited out). `written` is what the
   * change itself carried (the new values of its keys). It is read first because by the time this runs, a push of
   * ours that read the copy before that write may have overwritten it: storage no longer holds the other browser's
   * moments, the change still does.
   */
  const pull = (written?: Record<string, unknown>) =>
    serial(async () => {
      if (!(await deps.enabled())) return;
      const carried = written ? fromSyncItems(written) : undefined;
      if (carried) await deps.mergeLocal(carried);
      const remote = fromSyncItems(await deps.syncGet());
      if (remote) await deps.mergeLocal(remote);
    });

  return {
    push,
    pull,
    isSyncKey: (key: string) => key.startsWith(SYNC_PREFIX),
    async setEnabled(on: boolean): Promise<SyncStatus> {
      await deps.setEnabled(on);
      problem = undefined;
      if (on) {
        await pull();
        await push(await deps.localMoments());
      }
      return this.status();
    },
    async status(): Promise<SyncStatus> {
      await queue;
      return { enabled: await deps.enabled(), ...(problem ? { problem } : {}) };
    },
  };
}
