/**
 * The messages between a content script and Earmark's page-world helper (the page bridge: transport and limits
 * in lib/page/bridge-protocol.ts), declared once: for each kind, which side sends it, the schema its receiver
 * checks it with and, for a command that expects a reply, what the reply's `data` holds. The runtime messages
 * have the same shape in lib/messages.ts, the frames' in lib/content/frame-protocol.ts.
 *
 *   content → page   seek { id, seconds }, timejump { id, seconds }, player-data { id }, report
 *   page → content   state { time, duration, paused, ready, via }     as the page's media plays
 *   page → content   reply { id, ok, data? }                          id 0: the helper's hello
 *
 * The content script checks with these schemas (lib/content/page-bridge.ts). The page-world helper checks the
 * commands it gets with `readCommand` (lib/page/bridge-protocol.ts), a small hand-written twin of the `content`
 * schemas here that a unit test holds to them. With zod the helper grew from under 4 kB to 28 kB (minified), all
 * of it parsed in every page it is injected into, and zod keeps its settings on the global object
 * (`globalThis.__zod_globalConfig`), which in the page's world is the page's to set.
 *
 * zod/mini: this ships only in the content scripts of players that use the helper, never in the page.
 */
import * as z from 'zod/mini';
import { isKindOf, type KindFrom as MapKindFrom, type MessageFrom, type MessageOf } from '../message-map';
import { digitSeconds, lenient, text, VIDEO_ID } from '../players/schema';
import type { PlayerData } from '../players/types';
import { MAX_PAGE_MESSAGE } from './bridge-protocol';
import { once } from '../once';

/**
 * The schemas, built on first use: stage 1 of the Spotify, YouTube Music and Transistor content scripts carries
 * them to every page of those players, and building them when the script loads cost the page a few milliseconds
 * before any message was sent.
 */
export const bridgeMessages = once(() => {
  const seconds = z.number().check(z.nonnegative(), z.lte(1e7));
  /** Matches a reply to its command: the content script counts up from 1 (0 is the helper's hello). */
  const requestId = z.number().check(z.int(), z.positive(), z.lte(Number.MAX_SAFE_INTEGER));

  /** The page player's video details (the same shape as YouTube's, lib/players/youtube.ts): bad fields dropped. */
  const PlayerDataSchema = z.pipe(
    z.object({
      videoId: z.string().check(z.regex(VIDEO_ID)),
      title: lenient(text(2_000)),
      author: lenient(text(2_000)),
      description: lenient(text(MAX_PAGE_MESSAGE)),
      lengthSeconds: lenient(digitSeconds()),
    }),
    z.transform(
      ({ videoId, title, author, description, lengthSeconds }): PlayerData => ({
        videoId,
        ...(title !== undefined ? { title } : {}),
        ...(author !== undefined ? { author } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(lengthSeconds !== undefined && Number.isFinite(lengthSeconds) && lengthSeconds > 0 ? { lengthSeconds } : {}),
      }),
    ),
  );

  return {
    seek: { from: 'content', fields: z.strictObject({ id: requestId, seconds }), data: z.undefined() },
    timejump: { from: 'content', fields: z.strictObject({ id: requestId, seconds }), data: z.undefined() },
    'player-data': { from: 'content', fields: z.strictObject({ id: requestId }), data: PlayerDataSchema },
    /** "Send your state now": no reply but a `state`. */
    report: { from: 'content', fields: z.strictObject({}) },
    state: {
      from: 'page',
      fields: z.strictObject({
        time: seconds,
        duration: z.nullable(seconds),
        paused: z.boolean(),
        /** The element has metadata (readyState ≥ 1). */
        ready: z.boolean(),
        /** How a seek is carried out: the page's media-session handler, or the element itself. */
        via: z.enum(['session', 'element']),
      }),
    },
    reply: {
      from: 'page',
      // `data` is checked by the command that asked for it (`data` above), where the reply arrives.
      fields: z.strictObject({ id: z.number().check(z.int(), z.nonnegative(), z.lte(Number.MAX_SAFE_INTEGER)), ok: z.boolean(), data: z.optional(z.unknown()) }),
    },
  } as const;
});

type BridgeMessages = ReturnType<typeof bridgeMessages>;
export type BridgeKind = keyof BridgeMessages;
export type BridgeSide = BridgeMessages[BridgeKind]['from'];
/** The kinds `side` sends. */
export type KindFrom<S extends BridgeSide> = MapKindFrom<BridgeMessages, S>;
/** A message of kind `K`, as sent and as checked on arrival. */
export type BridgeMessage<K extends BridgeKind> = MessageOf<BridgeMessages, K>;
/** Any message `side` sends: a union discriminated by `kind`. */
export type BridgeMessageFrom<S extends BridgeSide> = MessageFrom<BridgeMessages, S>;
/** The commands that expect a reply, and what the reply's `data` holds. */
export type AskKind = { [K in BridgeKind]: BridgeMessages[K] extends { data: z.ZodMiniType } ? K : never }[BridgeKind];
export type ReplyData<K extends AskKind> = z.output<BridgeMessages[K]['data']>;


/** The message when `value` (already parsed from JSON) is exactly one that `side` sends; undefined otherwise. */
export function asBridgeMessage(side: 'content', value: unknown): BridgeMessageFrom<'content'> | undefined;
export function asBridgeMessage(side: 'page', value: unknown): BridgeMessageFrom<'page'> | undefined;
export function asBridgeMessage(side: BridgeSide, value: unknown): BridgeMessageFrom<BridgeSide> | undefined;
export function asBridgeMessage(side: BridgeSide, value: unknown): BridgeMessageFrom<BridgeSide> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { kind, ...fields } = value as Record<string, unknown>;
  const messages = bridgeMessages();
  if (!isKindOf(messages, kind) || messages[kind].from !== side) return undefined;
  const parsed = messages[kind].fields.safeParse(fields);
  if (!parsed.success) return undefined;
  // Absent optional fields stay absent (not `key: undefined`), as they were sent.
  const checked = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  return { kind, ...checked } as BridgeMessageFrom<BridgeSide>;
}

/** A reply's data when it has the shape the command `kind` promises; undefined otherwise. */
export function asReplyData<K extends AskKind>(kind: K, data: unknown): ReplyData<K> | undefined {
  const parsed = bridgeMessages()[kind].data.safeParse(data);
  return parsed.success ? (parsed.data as ReplyData<K>) : undefined;
}
