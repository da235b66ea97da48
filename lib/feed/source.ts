/**
 * What the page side of "read the podcast's feed" needs, apart from the feed reader (which stays in the background
 * and the CLI): the names of the places chapters come from, and how much of the notes the page shows. Pure.
 */

/** Where a chapter list came from: the panel and the popup name it. */
export type ChapterSource = 'notes' | 'feed' | 'audio' | 'feed-notes';

/** "Chapters <label>", as the panel and the popup say it. */
export const SOURCE_LABEL: Record<ChapterSource, string> = {
  notes: 'from the show notes',
  feed: "from the podcast's feed",
  audio: 'from the audio file',
  'feed-notes': "from the notes in the podcast's feed",
};

/** What the page shows of the notes, as the feed's are compared with it. */
export interface PageNotes {
  /** Characters of text. */
  length: number;
  /** The text ends in an ellipsis: the player cut it. */
  cut: boolean;
}

export const pageNotesOf = (text: string): PageNotes => {
  const t = text.trim();
  return { length: t.length, cut: /(?:…|\.\.\.)$/.test(t) };
};

/** Whether the feed's notes say more than the page shows: the page has none, or a cut of them. */
export function feedNotesFuller(page: PageNotes, feedNotesText: string): boolean {
  const feed = feedNotesText.trim().length;
  if (page.length === 0) return feed > 0;
  return page.cut || feed > page.length + 20;
}

/**
 * An absolute http(s) URL without credentials, or nothing: feeds and pages hold relative paths, `javascript:` and
 * worse. `httpsOnly` for what is loaded as is (photos).
 */
export function webUrl(v: unknown, httpsOnly = false): string | undefined {
  if (typeof v !== 'string' || v.length > 2_048) return undefined;
  try {
    const url = new URL(v.trim());
    if (url.username || url.password) return undefined;
    if (url.protocol === 'https:' || (!httpsOnly && url.protocol === 'http:')) return url.href;
  } catch {
    // not a URL
  }
  return undefined;
}
