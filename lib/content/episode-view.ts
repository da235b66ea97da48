/**
 * The step from an episode as the adapter read it to what the features show: its chapters, the times worth a link
 * in the notes, whether there were notes at all, and what the guests engine reads (which runs apart:
 * ./guests-engine.ts). Pure (no DOM, no `browser`).
 */
import type { GuestView } from '../../components/ChapterPanel';
import type { GuestInput } from '../guests/extract';
import { MAX_GUEST_NOTES } from '../guests/limits';
import type { EpisodeInfo } from '../players/types';
import { chapterAt, parseNormalized, parseTimeline, type Chapter, type Mention, type NormalizedText } from '../timeline';

/** Notes longer than this are not show notes (a transcript, or hostile): only their start is read. */
export const MAX_NOTES = 256 * 1024;

export interface EpisodeView {
  chapters: Chapter[];
  guests: GuestView[];
  /** Chapter starts and the other times the notes mention: the times the notes' links may seek to. */
  seekable: Set<number>;
  /** The page shows the episode but no notes at all: nothing to read. */
  emptyNotes: boolean;
}

/** Text a reader would see in notes given as HTML: anything outside tags but whitespace. */
const hasVisibleText = (html: string): boolean => !/^(?:\s|&nbsp;|<[^>]*>)*$/.test(html);

/** The notes as read: at most MAX_NOTES characters. */
export const readNotes = (episode: EpisodeInfo): string =>
  episode.notes.length > MAX_NOTES ? episode.notes.slice(0, MAX_NOTES) : episode.notes;

/** The episode's timeline: chapters, the times worth a link, and whether there were notes at all. */
export function timelineOf(episode: EpisodeInfo, rendered?: NormalizedText): Omit<EpisodeView, 'guests'> {
  const duration = episode.duration !== undefined ? { duration: episode.duration } : {};
  if (rendered) {
    // The notes as the page rendered them, read by the content script (lib/content/notes-text.ts).
    const { chapters, mentions } = parseNormalized(rendered, duration);
    return { chapters, seekable: seekableOf(chapters, mentions), emptyNotes: !rendered.text.trim() };
  }
  const notes = readNotes(episode);
  const { chapters, mentions } = parseTimeline(notes, { html: true, ...duration });
  return { chapters, seekable: seekableOf(chapters, mentions), emptyNotes: !hasVisibleText(notes) };
}

const seekableOf = (chapters: readonly Chapter[], mentions: readonly Mention[]) =>
  new Set([...chapters.map((c) => c.startTime), ...mentions.map((m) => m.time)]);

export { MAX_GUEST_NOTES };

/** What the guests engine reads of an episode (also what the runtime sends the background to read there). */
export function guestInput(episode: EpisodeInfo): GuestInput {
  return {
    title: episode.title,
    notes: readNotes(episode).slice(0, MAX_GUEST_NOTES),
    ...(episode.show !== undefined ? { show: episode.show } : {}),
    ...(episode.hosts !== undefined ? { hosts: episode.hosts } : {}),
    ...(episode.persons !== undefined ? { persons: episode.persons } : {}),
  };
}


/**
 * What identifies an episode as mounted: its address, length, title and notes (their length and both ends, a cheap
 * stand-in for the whole text). Our links do not change the notes' text, so the key stays the same after we link
 * times. The title counts too: a page may show one text and read its episode elsewhere (YouTube Music's checked
 * player data beside a stale shelf).
 */
export const episodeKey = (href: string, episode: EpisodeInfo, text: string): string =>
  `${href}\u0000${episode.duration ?? ''}\u0000${episode.title}\u0000${text.length}\u0000${text.slice(0, 200)}\u0000${text.slice(-200)}`;

const chapterIndexAt = (chapters: readonly Chapter[], time: number) =>
  chapterAt(
    chapters.map((c) => c.startTime),
    time,
  );

/**
 * Where "next" (+1) or "previous" (-1) chapter goes from `now`: undefined after the last chapter. "Previous" a few
 * seconds into a chapter restarts it, as media players do; before the first chapter it goes to 0.
 */
export function stepTarget(chapters: readonly Chapter[], now: number, delta: 1 | -1): number | undefined {
  if (chapters.length === 0) return undefined;
  const at = chapterIndexAt(chapters, now);
  if (delta > 0) return chapters[at + 1]?.startTime;
  const target = at >= 0 && now - chapters[at]!.startTime > RESTART_WITHIN_S ? at : at - 1;
  return target >= 0 ? chapters[target]!.startTime : 0;
}
const RESTART_WITHIN_S = 3;

/** A moment saved at `time`: rounded to a tenth, with the chapter playing and the episode's guests. */
export function momentAt(view: Pick<EpisodeView, 'chapters' | 'guests'>, time: number): { time: number; chapterTitle?: string; guests?: string[] } {
  const index = chapterIndexAt(view.chapters, time);
  return {
    time: Math.round(time * 10) / 10,
    ...(index >= 0 ? { chapterTitle: view.chapters[index]!.title } : {}),
    ...(view.guests.length ? { guests: view.guests.map((g) => g.name) } : {}),
  };
}
