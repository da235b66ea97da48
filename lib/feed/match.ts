/**
 * Which item of a feed is the episode on screen. A page rarely says the feed's guid; it says a title (players
 * trim or restyle it), often a date or a length, sometimes the audio URL (behind measurement redirects). Each
 * clue is weighed; an item is taken only when the clues agree well enough, because the wrong episode's chapters
 * are worse than none. Pure.
 */
import type { FeedItem } from './read';

export interface EpisodeClues {
  guid?: string;
  title?: string;
  /** The audio URL the page plays. */
  enclosure?: string;
  /** Milliseconds since the epoch. */
  published?: number;
  /** Seconds. */
  duration?: number;
}

/** Letters and digits only, lowercased, accents dropped: how two spellings of one title are compared. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The audio file an enclosure URL ends at: measurement services prefix the host's URL (`…/track/X/podtrac.com/
 * pts/redirect.mp3/host.example/file.mp3`) and add query strings, so the last path segments are compared.
 */
export function enclosureKey(url: string): string | undefined {
  try {
    const { pathname } = new URL(url);
    const parts = pathname.split('/').filter(Boolean);
    if (parts.length === 0) return undefined;
    return parts.slice(-2).join('/').toLowerCase();
  } catch {
    return undefined;
  }
}

const words = (key: string) => new Set(key.split(' ').filter((w) => w.length > 1));

/** Share of the shorter title's words the other has: players add or drop a show name, an episode number. */
function titleOverlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size);
}

const DAY = 86_400_000;

/** How well `item` fits the clues: 0 is no evidence; 1 or more is a match. */
export function matchScore(item: FeedItem, clues: EpisodeClues): number {
  if (clues.guid && item.guid === clues.guid) return 10;
  const a = clues.enclosure && enclosureKey(clues.enclosure);
  if (a && item.enclosure && enclosureKey(item.enclosure) === a) return 5;
  let score = 0;
  if (clues.title) {
    const want = titleKey(clues.title);
    const have = titleKey(item.title);
    // Equal, or one holds the other whole (players add a number, a guest, the show's name); a title several
    // episodes share makes a tie, which is no answer.
    if (want && want === have) score += 1.2;
    else if (want && have && (want.includes(have) || have.includes(want)) && Math.min(want.length, have.length) >= 12) score += 1;
    else score += Math.max(0, titleOverlap(want, have) - 0.5) * 1.2; // at most 0.6 from partial overlap
  }
  if (clues.published !== undefined && item.published !== undefined) {
    const days = Math.abs(clues.published - item.published) / DAY;
    score += days <= 1.5 ? 0.4 : days > 7 ? -0.5 : 0;
  }
  if (clues.duration !== undefined && item.duration !== undefined) {
    const off = Math.abs(clues.duration - item.duration);
    score += off <= 5 ? 0.4 : off > 120 ? -0.5 : 0;
  }
  return score;
}

/** The item the clues point at, when one clearly does (ties between items are no answer). */
export function findItem(items: readonly FeedItem[], clues: EpisodeClues): FeedItem | undefined {
  let best: FeedItem | undefined;
  let bestScore = 0;
  let tie = false;
  for (const item of items) {
    const s = matchScore(item, clues);
    if (s > bestScore) {
      best = item;
      bestScore = s;
      tie = false;
    } else if (s === bestScore && s > 0) {
      tie = true;
    }
  }
  return best && bestScore >= 1 && !tie ? best : undefined;
}
