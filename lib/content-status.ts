/**
 * The check on a content script's `earmark:status` answer, where the popup reads it. The answer is built from the
 * page (its title, chapter titles, the guests its notes name, their links), so it is checked like any page data:
 * the frame's fields strictly, and each chapter, guest and guest link on its own, a bad one dropped rather than
 * the whole answer. Guest links must be https (see guest-links.ts). zod/mini: this ships in the popup bundle.
 */
import * as z from 'zod/mini';
import { MAX_GUEST_LINKS, safeGuestLink } from './guest-links';
import type { ContentStatus } from './messages';
import { lenient, text } from './players/schema';

const MAX_GUESTS = 20;
const MAX_AFFILIATIONS = 3;
const MAX_CHAPTERS = 5_000;

/** An array whose items are checked one by one: the valid ones kept (at most `max`), the rest dropped. */
const eachValid = <T extends z.ZodMiniType>(item: T, max: number) =>
  z.pipe(
    z.catch(z.array(z.unknown()), []),
    z.transform((items) => {
      const out: Array<z.output<T>> = [];
      for (const value of items) {
        if (out.length === max) break;
        const parsed = item.safeParse(value);
        if (parsed.success) out.push(parsed.data as z.output<T>);
      }
      return out;
    }),
  );

const Link = z.pipe(
  z
    .object({ url: text(2_048), host: text(253).check(z.minLength(1)) })
    .check(z.refine((link) => safeGuestLink(link) !== undefined, 'not an https link showing its own host')),
  z.transform((link) => safeGuestLink(link)!),
);

const Guest = z.object({
  name: text(200).check(z.minLength(1)),
  affiliations: eachValid(text(200).check(z.minLength(1)), MAX_AFFILIATIONS),
  summary: z.catch(text(1_000), ''),
  links: eachValid(Link, MAX_GUEST_LINKS),
  namedBy: lenient(z.literal('podcast')),
});

const FeedStatus = z.union([
  z.object({ state: z.literal('found'), title: text(1_000) }),
  z.object({ state: z.enum(['off', 'no-access', 'none', 'error']), message: z.optional(text(2_000)) }),
]);

const Chapter = z.object({ startTime: z.number().check(z.nonnegative(), z.lte(1e7)), title: text(2_000) });

const StatusFields = z.object({
  instance: text(64).check(z.minLength(1)),
  owner: z.boolean(),
  playing: z.boolean(),
  player: text(200),
  label: text(200),
  notice: z.optional(text(2_000)),
  kind: z.enum(['episode', 'show', 'other']),
  waiting: lenient(z.enum(['ask', 'off'])),
  emptyNotes: lenient(z.boolean()),
  /** The page's episode title: one too long is dropped, not the answer. */
  title: lenient(text(2_000)),
  chapters: eachValid(Chapter, MAX_CHAPTERS),
  source: lenient(z.enum(['feed', 'audio', 'feed-notes'])),
  feed: lenient(FeedStatus),
  guests: eachValid(Guest, MAX_GUESTS),
});

/** The status as the popup and the background read it: unknown fields and bad items dropped, absent fields absent. */
export const StatusSchema = z.pipe(
  StatusFields,
  z.transform(({ notice, title, emptyNotes, source, feed, guests, ...status }): ContentStatus => ({
    ...status,
    guests: guests.map(({ namedBy, ...g }) => ({ ...g, ...(namedBy ? { namedBy } : {}) })),
    ...(source !== undefined ? { source } : {}),
    ...(feed !== undefined ? { feed: feed as ContentStatus['feed'] & object } : {}),
    ...(notice !== undefined ? { notice } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(emptyNotes ? { emptyNotes } : {}),
  })),
);

/** The status when `value` is one (unknown fields dropped, bad items dropped); undefined for anything else. */
export function asContentStatus(value: unknown): ContentStatus | undefined {
  const parsed = StatusSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
