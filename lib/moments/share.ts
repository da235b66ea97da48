/**
 * Sharing one moment: the link that opens its episode there, and the line of text "Copy as text" puts on the
 * clipboard. Pure (no DOM, no `browser`): each player's own time link is built beside its adapter (`linkAt` in
 * lib/players/), and the UI copies what these return.
 */
import type { LinkAt } from './transfer';
import { isRange, spanOf, type Moment } from './model';
import { formatTimestamp } from '../timeline/time';

/** Whole seconds for people to read (the JSON keeps the exact time). */
export const clock = (seconds: number) => formatTimestamp(Math.floor(seconds));

/** `12:34`, or `12:04–12:34` for a range. */
export const momentClock = (m: Pick<Moment, 'time' | 'end'>): string => {
  const { start, end } = spanOf(m);
  return isRange(m) ? `${clock(start)}–${clock(end)}` : clock(start);
};

/**
 * What a save says: `Saved at 12:34`, or `Saved 12:04–12:34` for a range; "Already saved at 12:34" when the listener
 * had saved that moment before.
 */
export const savedLabel = (m: Pick<Moment, 'time' | 'end'>, again = false): string => `${again ? 'Already saved' : 'Saved'} ${isRange(m) ? '' : 'at '}${momentClock(m)}`;

/** The saved moment answered a save asked for at `asked` (ms since the epoch) but was made before it: a repeat. */
export const savedBefore = (m: Pick<Moment, 'createdAt'>, asked: number): boolean => m.createdAt < asked;

/** A player's link builder (PlayerAdapter.linkAt): the episode's address and a time in seconds. */
export type PlayerLinkAt = (episodeUrl: string, seconds: number) => string;

/** The moment's link: the player's own, at the moment's start (a range opens where it begins). */
export const momentLinkWith =
  (linkAt: PlayerLinkAt): LinkAt =>
  (m) =>
    linkAt(m.episode.url, m.time);

/** Page text on one line: titles and notes may hold line breaks and runs of spaces. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * `“Episode” (Show) at 12:34 — note — link`: the show in brackets when known, a range as `12:04–12:34`, the note
 * on one line and left out (with its dash) when empty.
 */
export function momentText(m: Moment, link: string): string {
  const show = m.episode.show ? ` (${oneLine(m.episode.show)})` : '';
  const note = oneLine(m.note);
  return [`“${oneLine(m.episode.title)}”${show} at ${momentClock(m)}`, ...(note ? [note] : []), link].join(' — ');
}
