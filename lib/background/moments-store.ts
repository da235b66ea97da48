/**
 * Where the moments live: `storage.local` (no quota worth speaking of with unlimitedStorage absent: 10 MB), one
 * versioned item read through `readMoments`. Version 1 is the first stored shape; version 2 gives each range one
 * shape (it opens at its start) and keeps the fields it does not know. Each migration is pure and idempotent and
 * keeps every entry, a damaged one included (lib/moments/model.ts).
 */
import { storage } from 'wxt/utils/storage';
import { migrateMomentsToV2 } from '../moments/model';
import { createMomentsService, type MomentsDeps } from './moments-service';

export const MOMENTS_VERSION = 2;

export const momentsItem = storage.defineItem<unknown[]>('local:moments', {
  fallback: [],
  version: MOMENTS_VERSION,
  migrations: { 2: migrateMomentsToV2 },
});

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
