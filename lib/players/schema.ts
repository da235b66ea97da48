/**
 * Building blocks for the zod schemas that check page data (embedded JSON, page-world answers). Page data is
 * hostile and drifts: a field missing or of the wrong type is dropped (`lenient`), not fatal to the record.
 * zod/mini's functions through ./zod.ts. Adapters build their schemas on first use (`once`), never at module level, and
 * nothing stage 1 calls before the runtime starts (`pageKind`, `matches`, the embeds' lookup) may build one: in most
 * players' content scripts `z` is the runtime's, handed over when it starts, and a schema built before throws
 * (./zod-provided.ts; tests/unit/stage-one-zod.test.ts). Module-level schemas also cost up to ~8 ms (Apple) on every
 * page of the player, on the page's main thread while it is being shown.
 */
import type * as Zod from 'zod/mini';
import { z } from './zod';

/** A field that is dropped, not fatal, when it is missing or of the wrong type. */
export const lenient = <T extends Zod.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

/** A string of at most `max` characters. */
export const text = (max: number) => z.string().check(z.maxLength(max));

/** A YouTube video id (watch pages, YouTube Music). */
export const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/**
 * Whole seconds written as digits or as a number (YouTube's `lengthSeconds`). A function, not a constant: a
 * module-level schema would be built (and bundled) in every content script that imports this file.
 */
export const digitSeconds = () => z.pipe(z.union([z.string().check(z.regex(/^\d{1,9}$/)), z.number().check(z.int(), z.nonnegative())]), z.transform(Number));
