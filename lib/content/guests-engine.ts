/**
 * The guests engine as the runtime uses it: its own chunk of the runtime module, loaded apart (`import()`) so that
 * the panel's path does not wait for it. The background runs it for episode pages (lib/messages.ts,
 * `earmark:guests`); the page loads it for show pages' chips, and for an episode when the background does not
 * answer. Pure (no DOM, no `browser`).
 */
import type { GuestView } from '../../components/ChapterPanel';
import { extractGuests, type GuestInput } from '../guests';
import type { EpisodeInfo } from '../players/types';
import { guestInput, timelineOf, type EpisodeView } from './episode-view';

export { extractGuests, recurringHosts } from '../guests';
export { RECURRENCE_SAMPLE } from '../guests/recurring';

/** The guests engine's findings, as the panel and the popup show them. */
export const guestViews = (input: GuestInput): GuestView[] =>
  extractGuests(input).map(({ name, affiliations, summary, evidence, links }) => ({ name, affiliations, summary, evidence, links }));

/** Who is on the episode. */
export const guestsOf = (episode: EpisodeInfo): GuestView[] => guestViews(guestInput(episode));

/** Everything the features show of an episode at once (the runtime builds it in slices; tests and tools whole). */
export function viewOf(episode: EpisodeInfo): EpisodeView {
  return { ...timelineOf(episode), guests: guestsOf(episode) };
}
