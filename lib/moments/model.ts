/**
 * Saved moments: the record, the changes made to a list of them, search and merge. Pure (no DOM, no `browser`):
 * the background owns the stored list and applies these; tests drive them directly.
 *
 * Deletes are tombstones (`deleted: true` with a newer `updatedAt`) so that a merge (import, sync between
 * browsers) cannot bring back what the listener removed; `updatedAt` decides between two versions of a moment.
 */
// zod/mini: the moment schema also checks the background's answers where content scripts and pages receive them.
import * as z from 'zod/mini';

const text = (max: number) => z.string().check(z.maxLength(max));
const seconds = () => z.number().check(z.nonnegative());

export const EpisodeRefSchema = z.object({
  url: z.url().check(z.maxLength(2048), z.refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) address')),
  title: text(500),
  show: z.optional(text(500)),
  player: text(40),
});

export const MomentSchema = z
  .object({
    id: z.string().check(z.minLength(1), z.maxLength(100)),
    episode: EpisodeRefSchema,
    time: seconds(),
    /** A range ("the last 30 s"): `start` ≤ `time` ≤ `end`. */
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
  );

export type Moment = z.infer<typeof MomentSchema>;
export type EpisodeRef = z.infer<typeof EpisodeRefSchema>;

/** What a save needs from the page; the rest (id, dates, note) is filled in here. */
export interface NewMoment {
  episode: EpisodeRef;
  time: number;
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
  | { kind: 'restore'; id: string };

export function createMoment(input: NewMoment, id: string, now: number): Moment {
  const time = Math.max(0, input.time);
  return MomentSchema.parse({
    id,
    episode: input.episode,
    time,
    ...(input.start !== undefined ? { start: Math.max(0, Math.min(input.start, time)) } : {}),
    ...(input.end !== undefined ? { end: Math.max(input.end, time) } : {}),
    ...(input.chapterTitle ? { chapterTitle: input.chapterTitle } : {}),
    ...(input.guests?.length ? { guests: input.guests } : {}),
    note: input.note ?? '',
    createdAt: now,
    updatedAt: now,
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
