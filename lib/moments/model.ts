/**
 * Saved moments: the record, the changes made to a list of them, search and merge. Pure (no DOM, no `browser`):
 * the background owns the stored list and applies these; tests drive them directly.
 *
 * Deletes are tombstones (`deleted: true` with a newer `updatedAt`) so that a merge (import, sync between
 * browsers) cannot bring back what the listener removed; `updatedAt` decides between two versions of a moment.
 *
 * A moment is a point (`time`) or a range (`time` = `start` < `end`: "the last 30 s", or two presses of the save
 * command). Ranges use only fields that the first stored shape (version 1) already read, so a browser still on
 * that version keeps them whole when it merges and rewrites the synced copy (it strips fields it does not know).
 * From version 2 on, fields this version does not know are kept as they are, for the versions after it.
 */
// zod/mini: the moment schema also checks the background's answers where content scripts and pages receive them.
import * as z from 'zod/mini';
import { once } from '../once';

const text = (max: number) => z.string().check(z.maxLength(max));
const seconds = () => z.number().check(z.nonnegative());

// The schemas are built on first use: the runtime loads this module on every episode page for its helpers (isRange,
// MAX_RANGE_SECONDS), before the panel, and saved moments are asked for only after the panel has painted.
export const episodeRefSchema = once(() =>
  z.object({
    url: z.url().check(z.maxLength(2048), z.refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) address')),
    title: text(500),
    show: z.optional(text(500)),
    player: text(40),
  }),
);

/**
 * A moment as stored, synced, imported and answered. Loose: a field added by a later version passes through
 * untouched (zod drops `__proto__`), so this version rewriting the synced copy does not lose it.
 */
export const momentSchema = once(() =>
  z
    .looseObject({
      id: z.string().check(z.minLength(1), z.maxLength(100)),
      episode: episodeRefSchema(),
      time: seconds(),
      /**
       * A range: `start` = `time` < `end` once normalised (normalizeMoment). Version 1 accepted any `start` ≤
       * `time` ≤ `end`, and so does this schema, so that both versions read each other's moments.
       */
      start: z.optional(seconds()),
      end: z.optional(seconds()),
      chapterTitle: z.optional(text(500)),
      guests: z.optional(z.array(text(200)).check(z.maxLength(20))),
      note: text(10_000),
      createdAt: z.number().check(z.int(), z.nonnegative()),
      updatedAt: z.number().check(z.int(), z.nonnegative()),
      deleted: z.optional(z.literal(true)),
    })
    .check(
      z.refine((m) => m.start === undefined || m.start <= m.time, { message: 'start is after the moment', path: ['start'] }),
      z.refine((m) => m.end === undefined || m.end >= m.time, { message: 'end is before the moment', path: ['end'] }),
    ),
);

export type Moment = z.infer<ReturnType<typeof momentSchema>>;
export type EpisodeRef = z.infer<ReturnType<typeof episodeRefSchema>>;

/** What a save needs from the page; the rest (id, dates, note) is filled in here. A range: `time` to `end`. */
export interface NewMoment {
  episode: EpisodeRef;
  time: number;
  /** Version 1's way to say where a range starts; read as the range's start when before `time`. */
  start?: number;
  end?: number;
  chapterTitle?: string;
  guests?: string[];
  note?: string;
}

export type MomentChange =
  | { kind: 'add'; moment: Moment }
  | { kind: 'note'; id: string; note: string }
  | { kind: 'delete'; id: string }
  | { kind: 'restore'; id: string }
  /** The save command pressed a second time: the moment becomes a range that ends at `end`. */
  | { kind: 'end-range'; id: string; end: number };

/** Seconds a range may last at most: longer is a slip (a second press an hour later), saved as a new moment. */
export const MAX_RANGE_SECONDS = 3_600;

/** A range is a moment with an end after its time. */
export const isRange = (m: Pick<Moment, 'time' | 'end'>): boolean => m.end !== undefined && m.end > m.time;

/** Where the moment starts and ends (a point: both at its time). */
export const spanOf = (m: Pick<Moment, 'time' | 'end'>): { start: number; end: number } => ({ start: m.time, end: isRange(m) ? m.end! : m.time });

/**
 * The one shape of each moment: a range opens at its start (`time` = `start` < `end`), a point has neither `start`
 * nor `end`. Version 1 allowed `start` < `time` and either end alone; read here as the range they describe, so
 * that seeking, sorting and links all go to where it starts. Pure and idempotent; every other field is kept.
 */
export function normalizeMoment<M extends Moment>(m: M): M {
  const start = Math.min(m.start ?? m.time, m.time);
  const end = Math.max(m.end ?? m.time, m.time);
  const { start: _s, end: _e, ...rest } = m;
  if (end > start) return { ...rest, time: start, start, end } as M;
  return { ...rest, time: start } as M;
}

/** A value as stored: the moment it holds (normalised), or undefined when it is not one. */
export function readMoment(value: unknown): Moment | undefined {
  const parsed = momentSchema().safeParse(value);
  return parsed.success ? normalizeMoment(parsed.data) : undefined;
}

/**
 * The stored list, version 1 → version 2: every moment kept, normalised. An entry that is no moment (damaged) is
 * left exactly as it was: the migration itself drops nothing; the list's reader skips such an entry, as version
 * 1's did. Pure and idempotent.
 */
export function migrateMomentsToV2(stored: unknown): unknown[] {
  if (!Array.isArray(stored)) return [];
  return stored.map((entry) => readMoment(entry) ?? entry);
}

export function createMoment(input: NewMoment, id: string, now: number): Moment {
  const time = Math.max(0, Math.min(input.time, input.start ?? input.time));
  const end = input.end !== undefined ? Math.min(input.end, time + MAX_RANGE_SECONDS) : undefined;
  return momentSchema().parse({
    id,
    episode: input.episode,
    time,
    ...(end !== undefined && end > time ? { start: time, end } : {}),
    ...(input.chapterTitle ? { chapterTitle: input.chapterTitle } : {}),
    ...(input.guests?.length ? { guests: input.guests } : {}),
    note: input.note ?? '',
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * The live moment of `list` that `moment` (just made by createMoment, not stored yet) would repeat: the same episode,
 * the same span to the second, and no note that differs. A second press of Save while the episode is paused, or a
 * double click, then finds the moment already saved instead of adding its twin; a save that says something new (its
 * own note) is still a moment of its own.
 */
export function sameSave(list: readonly Moment[], moment: Moment): Moment | undefined {
  const span = spanOf(moment);
  return list.find((m) => {
    if (m.deleted || m.episode.url !== moment.episode.url) return false;
    const other = spanOf(m);
    return Math.floor(other.start) === Math.floor(span.start) && Math.floor(other.end) === Math.floor(span.end) && (moment.note === '' || moment.note === m.note);
  });
}

/** The list after one change, as a new array (the old one is left as it was). Unknown ids change nothing. */
export function applyChange(list: readonly Moment[], change: MomentChange, now: number): Moment[] {
  if (change.kind === 'add') {
    return list.some((m) => m.id === change.moment.id) ? [...list] : [...list, change.moment];
  }
  return list.map((m) => {
    if (m.id !== change.id) return m;
    // Strictly newer than the version it replaces, even when the clock went back: merges compare updatedAt.
    const updatedAt = Math.max(now, m.updatedAt + 1);
    switch (change.kind) {
      case 'note':
        return { ...m, note: change.note.slice(0, 10_000), updatedAt };
      case 'delete':
        return { ...m, deleted: true as const, updatedAt };
      case 'restore': {
        const { deleted: _gone, ...rest } = m;
        return { ...rest, updatedAt };
      }
      case 'end-range': {
        // Only forward, and not past the longest range: otherwise the moment stays as it was.
        if (!(change.end > m.time) || change.end - m.time > MAX_RANGE_SECONDS) return m;
        return { ...m, start: m.time, end: change.end, updatedAt };
      }
    }
  });
}

/**
 * Both lists joined by id, the later `updatedAt` winning (ties: the copy already here stays, so merging the
 * same file twice changes nothing). Order: by creation, then id, so every browser shows the same list.
 */
export function mergeMoments(current: readonly Moment[], incoming: readonly Moment[]): Moment[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) {
    const here = byId.get(m.id);
    if (!here || m.updatedAt > here.updatedAt) byId.set(m.id, m);
  }
  return sortMoments([...byId.values()]);
}

export function sortMoments(list: Moment[]): Moment[] {
  return list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The moments a listener sees (tombstones are kept only for merging). */
export const liveMoments = (list: readonly Moment[]) => list.filter((m) => !m.deleted);

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Moments whose episode title, show, note, chapter or guests hold every word of `query` (accents ignored). */
export function searchMoments(list: readonly Moment[], query: string): Moment[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const live = liveMoments(list);
  if (words.length === 0) return live;
  return live.filter((m) => {
    const haystack = fold([m.episode.title, m.episode.show ?? '', m.note, m.chapterTitle ?? '', ...(m.guests ?? [])].join('\n'));
    return words.every((w) => haystack.includes(w));
  });
}

export interface EpisodeGroup {
  episode: EpisodeRef;
  moments: Moment[];
}

/** Live moments grouped by episode URL, groups in order of their latest moment, moments in playback order. */
export function groupByEpisode(list: readonly Moment[]): EpisodeGroup[] {
  const groups = new Map<string, EpisodeGroup>();
  for (const m of liveMoments(list)) {
    const group = groups.get(m.episode.url) ?? { episode: m.episode, moments: [] };
    group.moments.push(m);
    groups.set(m.episode.url, group);
  }
  const latest = (g: EpisodeGroup) => Math.max(...g.moments.map((m) => m.createdAt));
  return [...groups.values()]
    .map((g) => ({ ...g, moments: g.moments.sort((a, b) => a.time - b.time) }))
    .sort((a, b) => latest(b) - latest(a));
}
