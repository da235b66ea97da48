/**
 * `./zod.ts` in the content scripts of players with a page-world helper (put in its place by wxt.config.ts): their
 * detector checks the helper's messages with zod before the runtime runs, so it carries zod anyway, and the adapters
 * use that copy. The module namespace itself, so that the bundle keeps only the functions it uses (`./zod.ts`'s object
 * would keep all of them); nothing is provided.
 */
export * as z from 'zod/mini';

export function provideZod(_zod: unknown): void {}
