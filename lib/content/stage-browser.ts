/**
 * `wxt/browser` inside the staged runtime (entrypoints/content-runtime.ts; aliased in wxt.config.ts): the polyfilled
 * `browser` the detector already made, handed over before the runtime starts, so stage 2 carries no second copy of
 * webextension-polyfill. ES module bindings are live: importers see the value once provided.
 */
import type { browser as polyfilled } from 'wxt/browser';

type Browser = typeof polyfilled;

export let browser: Browser = undefined as unknown as Browser;
export type { Browser };
export function provideBrowser(b: Browser): void {
  browser = b;
}
