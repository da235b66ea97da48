/**
 * The background's moment messages, checked with zod (the background has no size budget): a content script or
 * an extension page asks, the store answers.
 */
import { z } from 'zod';
import { EpisodeRefSchema } from '../moments/model';

const NewMomentSchema = z.object({
  episode: EpisodeRefSchema,
  time: z.number().finite().nonnegative(),
  start: z.number().finite().nonnegative().optional(),
  end: z.number().finite().nonnegative().optional(),
  chapterTitle: z.string().max(500).optional(),
  guests: z.array(z.string().max(200)).max(20).optional(),
  note: z.string().max(10_000).optional(),
});

export const MomentRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('earmark:moment-save'), moment: NewMomentSchema }),
  z.object({
    type: z.literal('earmark:moment-change'),
    change: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('note'), id: z.string().min(1).max(100), note: z.string().max(10_000) }),
      z.object({ kind: z.literal('delete'), id: z.string().min(1).max(100) }),
      z.object({ kind: z.literal('restore'), id: z.string().min(1).max(100) }),
    ]),
  }),
  z.object({ type: z.literal('earmark:moments'), episodeUrl: z.string().max(2048).optional(), includeDeleted: z.boolean().optional() }),
  z.object({ type: z.literal('earmark:moments-import'), text: z.string().max(20_000_000) }),
  z.object({ type: z.literal('earmark:moments-sync'), enabled: z.boolean().optional() }),
]);

export type MomentRequest = z.infer<typeof MomentRequestSchema>;

export function asMomentRequest(message: unknown): MomentRequest | undefined {
  const parsed = MomentRequestSchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}
