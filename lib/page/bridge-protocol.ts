/**
 * The transport between a content script (isolated world) and Earmark's page-world helper
 * (entrypoints/page-bridge.ts). Both sides talk through DOM events on the helper's own `<script>` element, which
 * the content script created and keeps: a node is shared by both worlds, JavaScript objects are not, so every
 * payload is a JSON string, of bounded length. The messages themselves are declared in
 * lib/page/bridge-messages.ts. The page can see and forge these events on either side, so each receiver checks
 * what it gets: the content script with those schemas (lib/content/page-bridge.ts), the helper with
 * `readCommand` here.
 *
 * Nothing here may import zod: this module is part of the helper that runs in the page (only types come from
 * bridge-messages.ts).
 */
import type { BridgeMessage, BridgeMessageFrom, KindFrom } from './bridge-messages';

/** Content script → page: a command. */
export const TO_PAGE = 'earmark:to-page';
/** Page → content script: a reply or a playback report. */
export const FROM_PAGE = 'earmark:from-page';

/** Longest JSON a page message may be: the player data carries a description (a few kB, a transcript at worst). */
export const MAX_PAGE_MESSAGE = 1_000_000;
/** Longest JSON a command may be: the longest is a seek, well under a hundred characters. */
export const MAX_COMMAND = 1_000;

export type PageCommand = BridgeMessageFrom<'content'>;
export type PageMessage = BridgeMessageFrom<'page'>;
/** The page-world media's state, as the helper last saw it. */
export type MediaReport = BridgeMessage<'state'>;

const isId = (v: unknown): boolean => Number.isInteger(v) && (v as number) > 0 && (v as number) <= Number.MAX_SAFE_INTEGER;
// NaN fails both comparisons.
const isSeconds = (v: unknown): boolean => typeof v === 'number' && v >= 0 && v <= 1e7;

/**
 * Each command's fields and their checks, as bridge-messages.ts declares them for the `content` side (a unit test
 * compares the two on many messages, good and bad); `satisfies` makes a command added there fail to compile
 * until it is added here too.
 */
const COMMANDS = {
  seek: { id: isId, seconds: isSeconds },
  timejump: { id: isId, seconds: isSeconds },
  'player-data': { id: isId },
  report: {},
} satisfies Record<KindFrom<'content'>, Record<string, (v: unknown) => boolean>>;

/**
 * The page-world helper's check of what arrives on its element: the command when `detail` is the JSON of exactly
 * one of ours (every field, no other, each in range); undefined for anything else.
 */
export function readCommand(detail: unknown): PageCommand | undefined {
  if (typeof detail !== 'string' || detail.length > MAX_COMMAND) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const message = value as Record<string, unknown>;
  const kind = message.kind;
  if (typeof kind !== 'string' || !Object.prototype.hasOwnProperty.call(COMMANDS, kind)) return undefined;
  const fields: Record<string, (v: unknown) => boolean> = COMMANDS[kind as keyof typeof COMMANDS];
  const keys = Object.keys(message).filter((k) => k !== 'kind');
  if (keys.length !== Object.keys(fields).length) return undefined;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(fields, key) || !fields[key]!(message[key])) return undefined;
  }
  return message as PageCommand;
}
