/**
 * The messages between a page and the embedded players in it (lib/content/frames.ts), declared once: for each
 * kind, which side sends it and the schema its receiver checks it with. The runtime messages have the same shape
 * in lib/messages.ts; the page bridge in lib/page/bridge-messages.ts.
 *
 *   page → embed   hello                              "who are you?"
 *   embed → page   episode { label, episode? }        its episode, when it can read one
 *   embed → page   time { time, duration, playing }   as it plays
 *   page → embed   seek { id, seconds }
 *   embed → page   seek-result { id, ok }
 *
 * On the wire each message is `{ earmark: FRAME_PROTOCOL, kind, ...fields }`. Any script in either window can
 * post to the other, so the receiver checks who sent it (lib/content/frames.ts: the source window, and the
 * iframe's origin where it is known) and, here, exactly what it holds: a field too many, a string too long or a
 * number out of range is not one of ours. zod/mini: this ships only in the scripts that carry embed support.
 */
import * as z from 'zod/mini';
import { once } from '../once';
import { isKindOf, type KindFrom as MapKindFrom, type MessageFrom, type MessageOf } from '../message-map';

export const FRAME_PROTOCOL = 'earmark-frame/1';
/** Longest show notes an embed sends: a long episode's notes with every link, and then some. */
export const MAX_FRAME_NOTES = 256 * 1024;

/**
 * The frame messages' schemas, built on the first message and kept (see `protocol` in lib/messages.ts: the runtime
 * of every player page carries them, most pages never see one).
 */
export const frameMessages = once(() => {
  const seconds = z.number().check(z.nonnegative(), z.lte(1e7));
  const short = z.string().check(z.maxLength(2_000));
  /** Matches a seek to its result: the page counts up from 1. */
  const requestId = z.number().check(z.int(), z.positive(), z.lte(Number.MAX_SAFE_INTEGER));

  return {
    hello: { from: 'page', fields: z.strictObject({}) },
    seek: { from: 'page', fields: z.strictObject({ id: requestId, seconds }) },
    episode: {
      from: 'embed',
      fields: z.strictObject({
        label: short,
        episode: z.optional(
          z.strictObject({
            title: short.check(z.minLength(1)),
            url: z.string().check(z.maxLength(4_000), z.regex(/^https?:\/\//)),
            notes: z.string().check(z.maxLength(MAX_FRAME_NOTES)),
            show: z.optional(short),
            duration: z.optional(seconds),
          }),
        ),
      }),
    },
    time: { from: 'embed', fields: z.strictObject({ time: seconds, duration: z.nullable(seconds), playing: z.boolean() }) },
    'seek-result': { from: 'embed', fields: z.strictObject({ id: requestId, ok: z.boolean() }) },
  } as const;
});

type FrameMessages = ReturnType<typeof frameMessages>;
export type FrameKind = keyof FrameMessages;
export type FrameSide = FrameMessages[FrameKind]['from'];
/** The kinds `side` sends. */
export type KindFrom<S extends FrameSide> = MapKindFrom<FrameMessages, S>;
/** A message of kind `K`, as sent and as checked on arrival. */
export type FrameMessage<K extends FrameKind> = MessageOf<FrameMessages, K>;
/** Any message `side` sends: a union discriminated by `kind`. */
export type FrameMessageFrom<S extends FrameSide> = MessageFrom<FrameMessages, S>;


/**
 * The message when `data` is exactly one that `side` sends; undefined for anything else (another script's
 * message, another version's, a forged or oversized one).
 */
export function asFrameMessage(side: 'page', data: unknown): FrameMessageFrom<'page'> | undefined;
export function asFrameMessage(side: 'embed', data: unknown): FrameMessageFrom<'embed'> | undefined;
export function asFrameMessage(side: FrameSide, data: unknown): FrameMessageFrom<FrameSide> | undefined;
export function asFrameMessage(side: FrameSide, data: unknown): FrameMessageFrom<FrameSide> | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const { earmark, kind, ...fields } = data as Record<string, unknown>;
  if (earmark !== FRAME_PROTOCOL) return undefined;
  const messages = frameMessages();
  if (!isKindOf(messages, kind) || messages[kind].from !== side) return undefined;
  const parsed = messages[kind].fields.safeParse(fields);
  if (!parsed.success) return undefined;
  // Absent optional fields stay absent (not `key: undefined`), as they were sent.
  const checked = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  return { kind, ...checked } as FrameMessageFrom<FrameSide>;
}

/**
 * Posts `message` to `target`. The target origin is `*`: the page does not know which of a player's hosts its
 * iframe ended on (an old embed address redirects), nor the embed which site embeds it; nothing sent is more
 * than the receiving window shows or asked for.
 */
export function postFrame<S extends FrameSide>(target: Window, _from: S, message: FrameMessageFrom<S>): void {
  target.postMessage({ earmark: FRAME_PROTOCOL, ...message }, '*');
}
