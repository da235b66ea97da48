/**
 * Hosts as a show's episodes reveal them. On a page that lists several episodes of one show (a show page), a
 * name the engine finds in most of them is the show's own voice, not a guest ("Ada Byron talks with …" on every
 * card): those names become the hosts each episode is read with (the runtime does so for the cards it annotates). Pure.
 */
import { foldName } from './candidates';
import { extractGuests, type GuestInput } from './extract';

/** Fewer episodes than this say nothing about who recurs (of three, a two-part episode's guest would be on two). */
export const MIN_EPISODES = 4;

/** Names found in more than half of the episodes (of at least MIN_EPISODES), in their first spelling. */
export function recurringNames(found: ReadonlyArray<readonly string[]>): string[] {
  if (found.length < MIN_EPISODES) return [];
  const counts = new Map<string, { name: string; episodes: number }>();
  for (const names of found) {
    for (const key of new Set(names.map(foldName))) {
      const entry = counts.get(key);
      if (entry) entry.episodes++;
      else counts.set(key, { name: names.find((n) => foldName(n) === key)!, episodes: 1 });
    }
  }
  return [...counts.values()].filter((e) => e.episodes * 2 > found.length).map((e) => e.name);
}

/**
 * Episodes read to find who recurs. Reading one costs about a millisecond on a slow laptop, and a show page may
 * list a hundred: the first dozen tell a host as well as all of them.
 */
export const RECURRENCE_SAMPLE = 12;

/** The show's recurring names (hosts), from its first RECURRENCE_SAMPLE episodes. */
export function recurringHosts(episodes: readonly GuestInput[]): string[] {
  return recurringNames(episodes.slice(0, RECURRENCE_SAMPLE).map((e) => extractGuests(e).map((g) => g.name)));
}
