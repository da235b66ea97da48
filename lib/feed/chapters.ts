/**
 * The podcaster's own chapters, from whichever place they publish them, in the order Earmark trusts them: a
 * Podcasting 2.0 JSON chapters file, Podlove Simple Chapters in the feed, the audio file's ID3 `CHAP` frames; else
 * the timeline written in the notes. Pure: the fetching is the caller's (the background, the CLI).
 */
import * as z from 'zod/mini';
import type { Chapter } from '../timeline';
import { FEED_LIMITS, webUrl, type InlineChapter } from './read';

/** Largest chapters file read (a JSON file of a thousand chapters with long titles is well under this). */
export const MAX_CHAPTERS_FILE = 1024 * 1024;

const JsonChapter = z.object({
  startTime: z.number(),
  endTime: z.optional(z.unknown()),
  title: z.optional(z.unknown()),
  url: z.optional(z.unknown()),
  img: z.optional(z.unknown()),
  toc: z.optional(z.unknown()),
});
const JsonChapters = z.object({ chapters: z.array(z.unknown()) });

/**
 * A Podcasting 2.0 chapters file (`application/json+chapters`). Entries marked `toc: false` are there for the
 * artwork or link they carry while playing, not as chapters: they are left out of the list. Entries without a
 * title are left out too (a list of times tells the listener nothing). Undefined when the file is not one.
 */
export function readJsonChapters(json: string): Chapter[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return undefined;
  }
  const doc = JsonChapters.safeParse(data);
  if (!doc.success) return undefined;
  const out: Chapter[] = [];
  for (const raw of doc.data.chapters.slice(0, FEED_LIMITS.chapters)) {
    const c = JsonChapter.safeParse(raw);
    if (!c.success || c.data.toc === false) continue;
    const { startTime } = c.data;
    const title = typeof c.data.title === 'string' ? c.data.title.trim().slice(0, FEED_LIMITS.title) : '';
    if (!Number.isFinite(startTime) || startTime < 0 || !title) continue;
    const chapter: Chapter = { startTime, title };
    const end = c.data.endTime;
    if (typeof end === 'number' && Number.isFinite(end) && end > startTime) chapter.endTime = end;
    const url = webUrl(c.data.url);
    if (url) chapter.url = url;
    out.push(chapter);
  }
  return ordered(out);
}

/** Sorted by start, one chapter per start time (the first listed wins). */
export function ordered<C extends { startTime: number }>(chapters: C[]): C[] {
  const seen = new Set<number>();
  return [...chapters]
    .sort((a, b) => a.startTime - b.startTime)
    .filter((c) => {
      if (seen.has(c.startTime)) return false;
      seen.add(c.startTime);
      return true;
    });
}

export const fromInline = (chapters: readonly InlineChapter[]): Chapter[] => ordered(chapters.map((c) => ({ ...c })));

/** Two or more chapters make a list worth showing; one is an episode's start, not a timeline. */
export const isTimeline = (chapters: readonly Chapter[] | undefined): chapters is Chapter[] => (chapters?.length ?? 0) >= 2;
