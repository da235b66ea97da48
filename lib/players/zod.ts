/**
 * The zod/mini functions the players' page-data schemas use (./schema.ts and the adapters): import `z` from here, not
 * from 'zod/mini' (types come from 'zod/mini' itself). In the players' content scripts (stage 1,
 * lib/content/stage.ts) the build puts ./zod-provided.ts in this module's place (wxt.config.ts): there the schemas are
 * built and used only by the runtime (stage 2), which carries zod anyway and hands this object over before it starts,
 * so a player page that is never an episode does not download, compile and run a copy of its own (about half of
 * Apple's or YouTube's detector). An object of named functions, not the module namespace: a namespace handed over as
 * a value would keep all of zod in the runtime. Everywhere else (the runtime, the on-request script, the CLI, tests)
 * this is used as it is, and `provideZod` has nothing to do.
 */
import * as zod from 'zod/mini';

// Each function by name (the bundler keeps only these, and a new one is one line here).
export const z = {
  array: zod.array,
  catch: zod.catch,
  extend: zod.extend,
  int: zod.int,
  literal: zod.literal,
  lte: zod.lte,
  maxLength: zod.maxLength,
  nonnegative: zod.nonnegative,
  number: zod.number,
  object: zod.object,
  optional: zod.optional,
  pipe: zod.pipe,
  positive: zod.positive,
  record: zod.record,
  regex: zod.regex,
  string: zod.string,
  transform: zod.transform,
  tuple: zod.tuple,
  union: zod.union,
  unknown: zod.unknown,
};
export type PlayersZod = typeof z;

export function provideZod(_zod: PlayersZod): void {}
