// Stage 1 (each player's content script, lib/content/stage.ts) runs on every page of a player (Spotify's before the
// page is parsed, the others once it is). Its module graph must hold the detector and the adapters only: an import
// that reaches an engine's module brings that module's top-level tables into every player page (the timeline
// engine's once rode in on `looksLikeHtml`: ~6 KB and a few milliseconds on every Apple page, in its parse).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, rel, ROOT } from './import-graph';

/** Packages stage 1 may bundle: WXT's content-script helpers and the polyfill behind `wxt/browser`, and zod/mini. */
const PACKAGES = [/^wxt\/(?:utils\/|browser$)/, /^zod\/mini$/];

const ENTRYPOINTS = join(ROOT, 'entrypoints');
const entries = readdirSync(ENTRYPOINTS)
  .filter((d) => /\.content(?:\.tsx?)?$/.test(d))
  .map((d) => (/\.tsx?$/.test(d) ? join(ENTRYPOINTS, d) : join(ENTRYPOINTS, d, 'index.ts')));

/** What stage 1 may take from the engines' folders: small modules with no tables worth the name. */
const ALLOWED = new Set(['lib/timeline/html-hint.ts', 'lib/timeline/time.ts']);
/** The engines, the UI and what only the runtime or the background needs. */
const FORBIDDEN = [/^lib\/(?:timeline|guests|moments|feed|background)\//, /^components\//, /^lib\/content\/runtime\.tsx$/, /^lib\/messages\.ts$/, /^lib\/settings\/model\.ts$/];

describe('stage 1 module graph', () => {
  it('finds the player content scripts and follows their imports', () => {
    expect(entries.length).toBeGreaterThan(5);
    const apple = importGraph(entries.find((e) => e.includes('apple.content'))!);
    expect(apple.files.has('lib/content/stage.ts')).toBe(true);
    expect(apple.files.has('lib/players/page-text.ts')).toBe(true);
    expect(apple.packages.has('zod/mini')).toBe(true);
  });

  it.each(entries.map((e) => [rel(e), e]))('%s reaches no engine, UI or runtime module', (_, entry) => {
    const g = importGraph(entry);
    expect(g.unresolved).toEqual([]);
    expect([...g.files].filter((f) => FORBIDDEN.some((re) => re.test(f)) && !ALLOWED.has(f))).toEqual([]);
    expect([...g.packages].filter((p) => !PACKAGES.some((re) => re.test(p)))).toEqual([]);
  });
});
