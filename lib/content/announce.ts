/**
 * What the chapter panel's live region says. A screen reader reads a polite live region each time its text
 * changes, and the panel re-renders on every time update (several a second while playing): the text may change
 * only when the playing chapter does, or the listener would hear the same title again and again.
 */
export interface Announcement {
  /** The chapter the text is about (its start and title), or undefined before the first chapter. */
  key: string | undefined;
  text: string;
}

interface ChapterLike {
  startTime: number;
  title: string;
}

/**
 * The region's next state for chapter index `current` of `chapters` (-1: before the first one).
 * - Nothing said yet (`previous` undefined): the chapter is remembered and nothing is said: the page just loaded
 *   and the listener asked for nothing.
 * - The same chapter (same start and title) as before: `previous` itself, so the text node is left alone.
 * - Another chapter: "Chapter 3 of 5: Title" (a seek, a chapter click or playback crossing a boundary).
 * - Before the first chapter: empty (emptying a region is not announced).
 * A chapter list replaced under the same time (the feed's chapters after the notes') counts as a change only when
 * the chapter's start or title differs.
 */
export function nextAnnouncement(previous: Announcement | undefined, chapters: readonly ChapterLike[], current: number): Announcement {
  const chapter = current >= 0 ? chapters[current] : undefined;
  const key = chapter ? `${chapter.startTime}\u0000${chapter.title}` : undefined;
  if (previous === undefined) return { key, text: '' };
  if (previous.key === key) return previous;
  return { key, text: chapter ? `Chapter ${current + 1} of ${chapters.length}: ${chapter.title}` : '' };
}
