/**
 * What a tab's content scripts answer, checked where the answers arrive (the popup, the background): the answer
 * half of the protocol in lib/messages.ts. The status is page data (titles, chapters, guests): lib/content-status.ts
 * checks it item by item.
 */
import * as z from 'zod/mini';
import { StatusSchema } from './content-status';
import { momentSchema } from './moments/model';

export const CONTENT_ANSWERS = {
  'earmark:status': StatusSchema,
  /** The moment saved, or undefined when the page has no episode (or saving failed). */
  'earmark:save-here': z.optional(momentSchema()),
  /** The range saved, or undefined when the page has no episode (or saving failed). */
  'earmark:save-last': z.optional(momentSchema()),
  'earmark:step': z.boolean(),
  'earmark:seek': z.boolean(),
  /** Whether a runtime started (false: none was waiting, or the player is turned off). */
  'earmark:wake': z.boolean(),
} as const;

export type ContentAnswerType = keyof typeof CONTENT_ANSWERS;

/** The answer to a content request of type `type` when it has the promised shape; undefined otherwise. */
export function asContentAnswer<K extends ContentAnswerType>(type: K, value: unknown): z.output<(typeof CONTENT_ANSWERS)[K]> | undefined {
  const parsed = CONTENT_ANSWERS[type].safeParse(value);
  return parsed.success ? (parsed.data as z.output<(typeof CONTENT_ANSWERS)[K]>) : undefined;
}
