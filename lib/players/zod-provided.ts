/**
 * `./zod.ts` in the players' content scripts (stage 1; put in its place by wxt.config.ts): the runtime's zod
 * functions, provided by the runtime when it starts (entrypoints/content-runtime.ts), before any adapter reads page
 * data. ES module bindings are live: the adapters' `z` is the runtime's from then on. Reading page data before that is
 * a bug in the stage split, and says so rather than failing somewhere inside a schema.
 */
import type { PlayersZod } from './zod';

const notYet = new Proxy({} as PlayersZod, {
  get(_target, name) {
    throw new Error(`[earmark] zod's ${String(name)} used in a content script before the runtime provided zod`);
  },
});

export let z: PlayersZod = notYet;

export function provideZod(zod: PlayersZod): void {
  z = zod;
}
