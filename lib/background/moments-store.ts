/**
 * Where the moments live: `storage.local` (no quota worth speaking of with unlimitedStorage absent: 10 MB), one
 * versioned item read through `readMoments`. Version 1 is the first stored shape; later shapes add migrations
 * here, each pure and idempotent.
 */
import { storage } from 'wxt/utils/storage';
import { createMomentsService, type MomentsDeps } from './moments-service';

export const momentsItem = storage.defineItem<unknown[]>('local:moments', { fallback: [], version: 1 });

/** Sync between the listener's browsers: off until they turn it on. */
export const syncEnabledItem = storage.defineItem<boolean>('local:moments-sync', { fallback: false, version: 1 });

export function createStoredMoments(extra: Pick<MomentsDeps, 'changed'> = {}) {
  return createMomentsService({
    load: () => momentsItem.getValue(),
    save: (list) => momentsItem.setValue(list),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    ...extra,
  });
}
