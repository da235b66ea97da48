/**
 * Moments in `storage.sync` (the browser's own sync, opt-in): the list as JSON cut into chunks that respect its
 * quotas (8,192 bytes per item counting the key, 102,400 in all, 512 items), and read back. Pure: the background
 * writes the items this returns and hands back what it reads.
 */
import { readMoment, sortMoments, type Moment } from './model';

export const SYNC_PREFIX = 'moments:';
const META_KEY = `${SYNC_PREFIX}meta`;
/** Below the browser's 8,192 bytes per item, for the key and the JSON quoting of the value. */
const ITEM_BYTES = 8_000;
/** Below 102,400: room left for the meta item and the sync setting itself. */
export const SYNC_BUDGET_BYTES = 100_000;
/** Tombstones older than this leave the synced copy (they stay in the local one). */
const TOMBSTONE_DAYS = 90;

const bytes = (s: string) => new TextEncoder().encode(s).length;

/**
 * The chunked format stays at version 1 while moments change shape: a browser on an older Earmark reads only
 * version 1 and would otherwise stop merging (and overwrite the copy with its own list). What changes inside is
 * read by each version's moment schema (ranges use fields version 1 knows; see ./model.ts).
 */
export type SyncItems = Record<string, string | { version: 1; chunks: number; bytes: number }>;

export type ToSyncResult = { ok: true; items: SyncItems; stale: string[] } | { ok: false; bytes: number };

/**
 * The items for `list`, and the keys of older chunks to remove. Fails (and nothing should be written) when the
 * list does not fit the sync quota: the local copy stays complete and the listener is told.
 */
export function toSyncItems(list: readonly Moment[], now: number, previousChunks = 0): ToSyncResult {
  const keep = list.filter((m) => !m.deleted || now - m.updatedAt < TOMBSTONE_DAYS * 86_400_000);
  const json = JSON.stringify(keep);
  const total = bytes(json);
  const chunks: string[] = [];
  let rest = json;
  while (rest.length > 0) {
    // Largest prefix whose quoted form fits (escapes and multi-byte characters count), found by halving.
    let lo = 1;
    let hi = rest.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (bytes(JSON.stringify(rest.slice(0, mid))) <= ITEM_BYTES) lo = mid;
      else hi = mid - 1;
    }
    // Never split a surrogate pair between two chunks.
    if (lo < rest.length && /[\uD800-\uDBFF]/.test(rest[lo - 1]!)) lo--;
    chunks.push(rest.slice(0, lo));
    rest = rest.slice(lo);
  }
  const stored = chunks.reduce((sum, c) => sum + bytes(JSON.stringify(c)) + bytes(SYNC_PREFIX) + 4, 0);
  if (stored > SYNC_BUDGET_BYTES || chunks.length > 500) return { ok: false, bytes: stored };
  const items: SyncItems = { [META_KEY]: { version: 1, chunks: chunks.length, bytes: total } };
  chunks.forEach((c, i) => (items[`${SYNC_PREFIX}${i}`] = c));
  const stale: string[] = [];
  for (let i = chunks.length; i < previousChunks; i++) stale.push(`${SYNC_PREFIX}${i}`);
  return { ok: true, items, stale };
}

/** The number of chunks the stored meta item announces (0 when there is none). */
export function syncedChunkCount(items: Record<string, unknown>): number {
  const meta = items[META_KEY] as { chunks?: unknown } | undefined;
  return typeof meta?.chunks === 'number' && Number.isInteger(meta.chunks) && meta.chunks >= 0 ? meta.chunks : 0;
}

/**
 * The moments held in sync items, or undefined while they are incomplete or inconsistent (another browser is
 * mid-write: its next change brings the rest). Each moment is validated; invalid ones are dropped.
 */
export function fromSyncItems(items: Record<string, unknown>): Moment[] | undefined {
  const meta = items[META_KEY] as { version?: unknown; chunks?: unknown; bytes?: unknown } | undefined;
  if (!meta || meta.version !== 1) return undefined;
  const count = syncedChunkCount(items);
  let json = '';
  for (let i = 0; i < count; i++) {
    const chunk = items[`${SYNC_PREFIX}${i}`];
    if (typeof chunk !== 'string') return undefined;
    json += chunk;
  }
  if (bytes(json) !== meta.bytes) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!Array.isArray(data)) return undefined;
  const out: Moment[] = [];
  for (const entry of data) {
    const moment = readMoment(entry);
    if (moment) out.push(moment);
  }
  return sortMoments(out);
}
