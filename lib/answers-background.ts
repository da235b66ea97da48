/**
 * What the background answers, checked where the answers arrive (content scripts, the popup, the library): the
 * answer half of the protocol in lib/messages.ts. zod/mini: this ships in every content script.
 *
 * Each answer's schema is made when the first answer of its type arrives: a player page asks for its guests and
 * little else, and making all of them (some fifty zod/mini schemas) cost it several milliseconds of main thread.
 */
import * as z from 'zod/mini';
import { wikiResultSchema } from './guests/wikipedia';
import { momentSchema } from './moments/model';

/** A list whose items are checked one by one: a malformed one is dropped, not the whole list. */
const validItems = <T extends z.ZodMiniType>(item: T) =>
  z.pipe(
    z.array(z.unknown()),
    z.transform((items) =>
      items.flatMap((value) => {
        const parsed = item.safeParse(value);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      }),
    ),
  );

const message = () => z.string().check(z.maxLength(2_000));

const short = (max: number) => z.string().check(z.maxLength(max));
/** A guest as the panel shows it (links are checked again where they are shown: lib/guest-links.ts). */
const guestView = () =>
  z.object({
    name: short(200).check(z.minLength(1)),
    affiliations: z.array(short(200)).check(z.maxLength(10)),
    summary: short(1_000),
    evidence: z.array(short(2_000)).check(z.maxLength(20)),
    links: z.array(z.object({ url: short(2_048), host: short(253) })).check(z.maxLength(10)),
  });

const chapter = () =>
  z.object({
    startTime: z.number().check(z.nonnegative()),
    endTime: z.optional(z.number()),
    title: short(1_000),
    url: z.optional(short(2_048)),
  });
/** A person the feed names (`podcast:person`); the img and link are checked again where shown (https only). */
const feedPerson = () =>
  z.object({
    name: short(200).check(z.minLength(1)),
    role: short(40),
    group: z.optional(short(40)),
    img: z.optional(short(2_048)),
    href: z.optional(short(2_048)),
  });

/** Each answer's schema, by message type: made on first use (see `answerSchema`). */
export const BACKGROUND_ANSWERS = {
  /** The episode as its podcast's feed has it, or why not (lib/background/feed-service.ts). */
  'earmark:feed': () =>
    z.union([
      z.object({ state: z.enum(['off', 'no-access']) }),
      z.object({ state: z.enum(['none', 'error']), message: message() }),
      z.object({
        state: z.literal('found'),
        feed: z.object({ url: short(2_048), title: short(1_000) }),
        episode: short(1_000),
        chapters: z.optional(z.array(chapter()).check(z.maxLength(1_000))),
        source: z.optional(z.enum(['feed', 'audio', 'feed-notes'])),
        guests: validItems(feedPerson()),
      }),
    ]),
  /** The episode's guests, as the guests engine finds them (each checked on its own). */
  'earmark:guests': () => validItems(guestView()),
  /** A Wikipedia look-up: the result, or why there is none. */
  'earmark:wikipedia': () =>
    z.union([
      z.object({ ok: z.literal(true), result: wikiResultSchema() }),
      z.object({ ok: z.literal(false), reason: z.enum(['permission', 'error']), message: message() }),
    ]),
  'earmark:moment-save': () => momentSchema(),
  'earmark:moment-change': () => z.boolean(),
  'earmark:moments': () => validItems(momentSchema()),
  'earmark:moments-import': () =>
    z.union([
      z.object({ ok: z.literal(true), moments: z.array(momentSchema()), added: z.number(), updated: z.number() }),
      z.object({ ok: z.literal(false), error: message() }),
    ]),
  /** Sync's state, after switching it on or off when `enabled` is given. */
  'earmark:moments-sync': () => z.object({ enabled: z.boolean(), problem: z.optional(message()) }),
  /** The save command's key as the browser writes it ("Alt+Shift+M", "⌥⇧M"); '' when none is set. */
  'earmark:save-shortcut': () => short(100),
  /** Whether the frame was taken (it must be a frame inside a tab, not the top one). */
  'earmark:frame': () => z.boolean(),
  /** Frame ids, in the order the frames said they were there. */
  'earmark:frames': () => z.array(z.number().check(z.int(), z.positive())).check(z.maxLength(64)),
} as const;

export type BackgroundAnswerType = keyof typeof BACKGROUND_ANSWERS;
/** The schema of each answer, by message type. */
export type BackgroundAnswers = { [K in BackgroundAnswerType]: ReturnType<(typeof BACKGROUND_ANSWERS)[K]> };

const made = new Map<BackgroundAnswerType, z.ZodMiniType>();
/** The schema of `type`'s answer, made once. */
const answerSchema = <K extends BackgroundAnswerType>(type: K): BackgroundAnswers[K] => {
  let schema = made.get(type);
  if (!schema) made.set(type, (schema = BACKGROUND_ANSWERS[type]()));
  return schema as BackgroundAnswers[K];
};

/** The answer to a background request of type `type` when it has the promised shape; undefined otherwise. */
export function asBackgroundAnswer<K extends BackgroundAnswerType>(type: K, value: unknown): z.output<BackgroundAnswers[K]> | undefined {
  const parsed = answerSchema(type).safeParse(value);
  return parsed.success ? (parsed.data as z.output<BackgroundAnswers[K]>) : undefined;
}
