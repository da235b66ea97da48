/**
 * The one owner of the saved moments: every save, edit, delete and import from any tab goes through this queue,
 * so concurrent saves never overwrite each other. Storage comes in as parameters (tests use memory).
 */
import { applyChange, createMoment, liveMoments, mergeMoments, readMoment, sameSave, type Moment, type MomentChange, type NewMoment } from '../moments/model';
import { importJson, type ImportResult } from '../moments/transfer';

export interface MomentsDeps {
  load: () => Promise<unknown>;
  save: (list: Moment[]) => Promise<void>;
  now: () => number;
  newId: () => string;
  /** Told after each write (sync, open library pages). */
  changed?: (list: Moment[]) => void;
}

/** Stored moments, each validated and normalised (readMoment): a damaged entry is skipped, the others kept. */
export function readMoments(value: unknown): Moment[] {
  if (!Array.isArray(value)) return [];
  const out: Moment[] = [];
  for (const entry of value) {
    const moment = readMoment(entry);
    if (moment) out.push(moment);
  }
  return out;
}

export function createMomentsService(deps: MomentsDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `step` on the latest list after every earlier step has been written. */
  const serial = <T>(step: (list: Moment[]) => { list?: Moment[]; result: T }): Promise<T> => {
    const next = queue.then(async () => {
      const current = readMoments(await deps.load());
      const { list, result } = step(current);
      if (list) {
        await deps.save(list);
        deps.changed?.(list);
      }
      return result;
    });
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    list: () => serial((list) => ({ result: liveMoments(list) })),
    all: () => serial((list) => ({ result: list })),
    save: (input: NewMoment) =>
      serial((list) => {
        const moment = createMoment(input, deps.newId(), deps.now());
        // Saved already (a double press): that moment is the answer, and nothing is written.
        const already = sameSave(list, moment);
        if (already) return { result: already };
        return { list: applyChange(list, { kind: 'add', moment }, deps.now()), result: moment };
      }),
    change: (change: Exclude<MomentChange, { kind: 'add' }>) =>
      serial((list) => {
        if (!list.some((m) => m.id === change.id)) return { result: false };
        const next = applyChange(list, change, deps.now());
        // A change the moment refused (a range that would end before it starts) is not written.
        if (next.every((m, i) => m === list[i])) return { result: false };
        return { list: next, result: true };
      }),
    import: (fileText: string) =>
      serial((list): { list?: Moment[]; result: ImportResult } => {
        const result = importJson(list, fileText);
        return result.ok ? { list: result.moments, result } : { result };
      }),
    /** Moments from elsewhere (another browser through sync), merged in. */
    merge: (incoming: Moment[]) =>
      serial((list) => {
        // Sync's reader has validated `incoming` already: a plain merge, written only when it changes something.
        const merged = mergeMoments(list, incoming);
        const before = new Map(list.map((m) => [m.id, m]));
        const changed = merged.length !== list.length || merged.some((m) => before.get(m.id) !== m);
        return changed ? { list: merged, result: true } : { result: false };
      }),
  };
}

export type MomentsService = ReturnType<typeof createMomentsService>;
