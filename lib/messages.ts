/**
 * The extension's messages, one protocol: for each message, who receives it and what its request holds (here),
 * and what it answers (lib/answers-content.ts, lib/answers-background.ts; a test checks the three agree). Both ends
 * check what they get — the receiver the request (`asContentRequest`, `asBackgroundRequest`), the sender the answer
 * (lib/ask-*.ts) — so no call site casts a reply, and a request with a field too many or of the wrong type is not
 * one of ours. The answers live apart so that each bundle carries only the schemas of what it receives.
 *
 * `content` messages go to a tab's content scripts (from the popup and the background); `background` messages to
 * the background (from content scripts, the popup and the library). Content scripts receive only what Earmark's own
 * pages send (pages cannot reach `runtime.onMessage`), the background checks the sender too.
 *
 * Two more channels are declared the same way, each in a map of its own so that each bundle carries only its own
 * schemas: frames, between a page and the embedded players in it (lib/content/frame-protocol.ts, postMessage),
 * and the page bridge, between a content script and the page-world helper (lib/page/bridge-messages.ts). There
 * too each message names its sender and its schema, and every receiver checks with it. zod/mini: this ships in
 * every content script.
 */
import * as z from 'zod/mini';
import { episodeRefSchema } from './moments/model';
import { once } from './once';
import { GUEST_INPUT_LIMITS as LIMIT, MAX_GUEST_NOTES } from './guests/limits';
import type { BackgroundAnswers } from './answers-background';
import type { CONTENT_ANSWERS } from './answers-content';

/**
 * The protocol, built on its first use and kept. Every content script's runtime carries it, and building its schemas
 * (about ninety) when the runtime module is evaluated cost the panel several milliseconds on each player page, before
 * any message was sent or received; the first message builds them instead.
 */
export const protocol = once(() => {
  const seconds = z.number().check(z.nonnegative());
  const id = z.string().check(z.minLength(1), z.maxLength(100));
  /** An http(s) address (feeds and audio files live on any host). */
  const webAddress = z.string().check(z.maxLength(2_048), z.regex(/^https?:\/\//i));
  /**
   * A tab may run Earmark in several frames (a page and the embedded players in it): a request sent to the tab
   * reaches them all. `to` names the one that answered `earmark:status` (its `instance`), so a command acts once.
   */
  const to = z.optional(z.string().check(z.maxLength(64)));

  const NewMomentSchema = z.strictObject({
    episode: episodeRefSchema(),
    time: seconds,
    start: z.optional(seconds),
    end: z.optional(seconds),
    chapterTitle: z.optional(z.string().check(z.maxLength(500))),
    guests: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(20))),
    note: z.optional(z.string().check(z.maxLength(10_000))),
  });

  /** Each message: its receiver and its request's fields (besides `type`). What it answers: lib/answers-*.ts. */
  return {
    'earmark:status': { to: 'content', request: z.strictObject({ to }) },
    /**
     * Save the moment playing now. `command`: sent by the save command, where a second press (same episode, later,
     * within the hour) ends a range at that time instead of saving another moment.
     */
    'earmark:save-here': { to: 'content', request: z.strictObject({ to, command: z.optional(z.literal(true)) }) },
    /** Save "the last N seconds" as a range ending now (N: the listener's setting). */
    'earmark:save-last': { to: 'content', request: z.strictObject({ to }) },
    'earmark:step': { to: 'content', request: z.strictObject({ delta: z.union([z.literal(1), z.literal(-1)]), to }) },
    'earmark:seek': { to: 'content', request: z.strictObject({ seconds, to }) },
    /**
     * The listener pressed the toolbar button on this tab (the popup opened): a runtime waiting under "only when I
     * ask" starts now. Unaddressed: every frame of the tab that waits starts.
     */
    'earmark:wake': { to: 'content', request: z.strictObject({}) },

    /**
     * From a content script: who is on this episode. The guests engine runs in the background, off the page's main
     * thread (its first run costs tens of milliseconds of compiling and scoring); the panel shows chapters meanwhile.
     */
    'earmark:guests': {
      to: 'background',
      request: z.strictObject({
        title: z.string().check(z.maxLength(LIMIT.title)),
        notes: z.string().check(z.maxLength(MAX_GUEST_NOTES)),
        show: z.optional(z.string().check(z.maxLength(LIMIT.show))),
        hosts: z.optional(z.array(z.string().check(z.maxLength(LIMIT.name))).check(z.maxLength(LIMIT.hosts))),
        persons: z.optional(
          z
            .array(
              z.strictObject({
                name: z.string().check(z.maxLength(LIMIT.name)),
                role: z.optional(z.string().check(z.maxLength(LIMIT.role))),
                affiliation: z.optional(z.string().check(z.maxLength(LIMIT.affiliation))),
                description: z.optional(z.string().check(z.maxLength(LIMIT.description))),
              }),
            )
            .check(z.maxLength(LIMIT.persons)),
        ),
      }),
    },
    /**
     * From a content script, when the listener turned on "read the podcast's feed": the episode on screen as the page
     * describes it; the background finds it in the show's feed (lib/background/feed-service.ts).
     */
    'earmark:feed': {
      to: 'background',
      request: z.strictObject({
        title: z.string().check(z.minLength(1), z.maxLength(LIMIT.title)),
        show: z.optional(z.string().check(z.maxLength(LIMIT.show))),
        rss: z.optional(webAddress),
        appleId: z.optional(z.string().check(z.regex(/^\d{1,15}$/))),
        enclosure: z.optional(webAddress),
        guid: z.optional(z.string().check(z.maxLength(2_048))),
        published: z.optional(z.number()),
        duration: z.optional(seconds),
        pageNotes: z.strictObject({ length: z.number().check(z.int(), z.nonnegative()), cut: z.boolean() }),
        pageChapters: z.number().check(z.int(), z.nonnegative()),
      }),
    },
    'earmark:wikipedia': {
      to: 'background',
      request: z.strictObject({ name: z.string().check(z.maxLength(200), z.refine((n) => n.trim().length > 0, 'an empty name')) }),
    },
    'earmark:moment-save': { to: 'background', request: z.strictObject({ moment: NewMomentSchema }) },
    'earmark:moment-change': {
      to: 'background',
      request: z.strictObject({
        change: z.union([
          z.strictObject({ kind: z.literal('note'), id, note: z.string().check(z.maxLength(10_000)) }),
          z.strictObject({ kind: z.literal('delete'), id }),
          z.strictObject({ kind: z.literal('restore'), id }),
          z.strictObject({ kind: z.literal('end-range'), id, end: seconds }),
        ]),
      }),
    },
    'earmark:moments': {
      to: 'background',
      request: z.strictObject({ episodeUrl: z.optional(z.string().check(z.maxLength(2048))), includeDeleted: z.optional(z.boolean()) }),
    },
    'earmark:moments-import': { to: 'background', request: z.strictObject({ text: z.string().check(z.maxLength(20_000_000)) }) },
    'earmark:moments-sync': { to: 'background', request: z.strictObject({ enabled: z.optional(z.boolean()) }) },
    /** The save command's key as the browser has it now (the listener may have changed or cleared it). */
    'earmark:save-shortcut': { to: 'background', request: z.strictObject({}) },
    /**
     * From a runtime inside an embedded player: it runs in this frame (`here`), or no longer does. The background
     * reads the tab and frame from the sender and lists it for `earmark:frames` (lib/background/embed-frames.ts).
     */
    'earmark:frame': { to: 'background', request: z.strictObject({ here: z.boolean() }) },
    /** From the popup: the tab's frames that run Earmark in an embed, to ask when the page has no episode. */
    'earmark:frames': { to: 'background', request: z.strictObject({ tabId: z.number().check(z.int(), z.nonnegative()) }) },
  } as const;
});

type Protocol = ReturnType<typeof protocol>;
export type MessageType = keyof Protocol;
export type Receiver = Protocol[MessageType]['to'];
/** The messages `receiver` takes. */
export type TypeFor<R extends Receiver> = { [K in MessageType]: Protocol[K]['to'] extends R ? K : never }[MessageType];
/** A schema's fields as a type: an empty strict object (`Record<string, never>`) holds none. */
type Fields<T> = string extends keyof T ? unknown : T;
/** A request of type `K`, as sent and as checked on arrival. */
export type Request<K extends MessageType> = { type: K } & Fields<z.output<Protocol[K]['request']>>;
/** Any request `receiver` takes: a union discriminated by `type`. */
export type RequestFor<R extends Receiver> = { [K in TypeFor<R>]: Request<K> }[TypeFor<R>];
type Answers = typeof CONTENT_ANSWERS & BackgroundAnswers;
/** What a request of type `K` answers. */
export type Response<K extends MessageType> = z.output<Answers[K]>;

export type ContentRequest = RequestFor<'content'>;
export type BackgroundRequest = RequestFor<'background'>;

const isType = (type: unknown): type is MessageType => typeof type === 'string' && Object.prototype.hasOwnProperty.call(protocol(), type);

/** The request when `message` is exactly one of those `receiver` takes; undefined for anything else. */
function checkRequest(receiver: Receiver, message: unknown): { type: MessageType } | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, ...fields } = message as Record<string, unknown>;
  if (!isType(type)) return undefined;
  const entry = protocol()[type];
  if (entry.to !== receiver) return undefined;
  const parsed = entry.request.safeParse(fields);
  if (!parsed.success) return undefined;
  // Absent optional fields stay absent (not `key: undefined`), as they were sent.
  const checked = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  return { type, ...checked };
}

export const asContentRequest = (message: unknown) => checkRequest('content', message) as ContentRequest | undefined;
export const asBackgroundRequest = (message: unknown) => checkRequest('background', message) as BackgroundRequest | undefined;

export interface ContentStatus {
  /** This runtime, among the tab's frames: later commands name it in `to`. */
  instance: string;
  /**
   * This frame speaks for an episode: the page its own or an embed's it shows; an embed its own, unless the page
   * around it shows it. The popup and the commands pick the frame by it (lib/find-runtime.ts).
   */
  owner: boolean;
  /** That episode is playing now. */
  playing: boolean;
  player: string;
  /** The player's name as the listener knows it ("Spotify"). */
  label: string;
  /** What Earmark cannot do on this page right now, and what the listener can do about it. */
  notice?: string;
  kind: 'episode' | 'show' | 'other';
  /**
   * Earmark has not touched this page: it waits for the toolbar button ("only when I ask", `ask`), or the listener
   * turned it off for this player (`off`). Chapters and guests are then empty.
   */
  waiting?: 'ask' | 'off';
  /** The page shows this episode without any show notes: there is nothing for Earmark to read. */
  emptyNotes?: boolean;
  title?: string;
  chapters: Array<{ startTime: number; title: string }>;
  /** Where the chapters came from (absent: the page's notes, or no chapters). */
  source?: Exclude<import('./feed/source').ChapterSource, 'notes'>;
  /** What the podcast's feed said, when the listener has Earmark read it. */
  feed?: FeedStatus;
  /**
   * `links`: https only, at most 5 (checked again where the popup reads the answer: lib/content-status.ts).
   * `namedBy`: the podcast's feed names this guest.
   */
  guests: Array<{ name: string; affiliations: string[]; summary: string; links: Array<import('./guests').GuestLink>; namedBy?: 'podcast' }>;
}

/** The feed's answer for the episode on screen, as the popup explains it. */
export type FeedStatus = { state: 'found'; title: string } | { state: 'off' | 'no-access' | 'none' | 'error'; message?: string };

/** The background's answer to `earmark:feed`. */
export type FeedAnswer = Response<'earmark:feed'>;

/** A Wikipedia look-up's answer: the result, or why there is none. */
export type WikiAnswer = Response<'earmark:wikipedia'>;
