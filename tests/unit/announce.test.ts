import { describe, expect, it } from 'vitest';
import { nextAnnouncement, type Announcement } from '../../lib/content/announce';

const CHAPTERS = [
  { startTime: 0, title: 'Intro' },
  { startTime: 70, title: 'Finding the tin' },
  { startTime: 405, title: 'Reading aloud' },
];

/** The region's text after each chapter index in turn, as the panel's renders would feed them. */
function texts(indices: number[], chapters = CHAPTERS): string[] {
  let state: Announcement | undefined;
  return indices.map((i) => (state = nextAnnouncement(state, chapters, i)).text);
}

describe('the chapter live region', () => {
  it('says nothing when the panel first renders, whatever is playing', () => {
    expect(nextAnnouncement(undefined, CHAPTERS, 2).text).toBe('');
    expect(nextAnnouncement(undefined, CHAPTERS, -1).text).toBe('');
  });

  it('says the chapter, its place and its title when it changes', () => {
    expect(texts([0, 1])).toEqual(['', 'Chapter 2 of 3: Finding the tin']);
    // Backwards (a seek) is a change too.
    expect(texts([2, 0])).toEqual(['', 'Chapter 1 of 3: Intro']);
  });

  it('keeps the same state object through every render within a chapter, so the text node is not touched', () => {
    const first = nextAnnouncement(undefined, CHAPTERS, 0);
    const changed = nextAnnouncement(first, CHAPTERS, 1);
    expect(nextAnnouncement(changed, CHAPTERS, 1)).toBe(changed);
    // A copy of the list (a re-render with new arrays) with the same chapter is still no change.
    expect(nextAnnouncement(changed, CHAPTERS.map((c) => ({ ...c })), 1)).toBe(changed);
  });

  it('falls silent before the first chapter and speaks again after it', () => {
    const chapters = CHAPTERS.slice(1);
    expect(texts([0, -1, -1, 0], chapters)).toEqual(['', '', '', 'Chapter 1 of 2: Finding the tin']);
  });

  it('speaks when a new list renames the chapter under the same time, and only then', () => {
    const start = nextAnnouncement(nextAnnouncement(undefined, CHAPTERS, 0), CHAPTERS, 1);
    const renamed = CHAPTERS.map((c, i) => (i === 1 ? { ...c, title: 'The biscuit tin' } : c));
    expect(nextAnnouncement(start, renamed, 1).text).toBe('Chapter 2 of 3: The biscuit tin');
    const moreChapters = [...CHAPTERS, { startTime: 900, title: 'Outro' }];
    // Same chapter, longer list: nothing new to say (its place out of four would only repeat the title).
    expect(nextAnnouncement(start, moreChapters, 1)).toBe(start);
  });
});
