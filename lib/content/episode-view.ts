/**
 * The step from an episode as the adapter read it to what the features show: its chapters, its guests, the times
 * worth a link in the notes, and whether there were notes at all. Pure (no DOM, no `browser`): the engines run
 * here and nowhere else in the runtime.
 */
import type { GuestView } from '../../components/ChapterPanel';
import { extractGuests } from '../guests';
import type { EpisodeInfo } from '../players/types';
import { parseTimeline, type Chapter } from '../timeline';

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

export function viewOf(episode: EpisodeInfo): EpisodeView {
  const notes = readNotes(episode);
  const { chapters, mentions } = parseTimeline(notes, {
    html: true,
    ...(episode.duration !== undefined ? { duration: episode.duration } : {}),
  });
  const guests: GuestView[] = extractGuests({
    title: episode.title,
    notes,
    ...(episode.show !== undefined ? { show: episode.show } : {}),
    ...(episode.hosts !== undefined ? { hosts: episode.hosts } : {}),
    ...(episode.persons !== undefined ? { persons: episode.persons } : {}),
  }).map(({ name, affiliations, summary, evidence, links }) => ({ name, affiliations, summary, evidence, links }));
  const seekable = new Set([...chapters.map((c) => c.startTime), ...mentions.map((m) => m.time)]);
  return { chapters, guests, seekable, emptyNotes: !hasVisibleText(notes) };
}
