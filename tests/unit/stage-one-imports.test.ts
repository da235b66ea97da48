// Stage 1 (each player's content script, lib/content/stage.ts) runs on every page of a player (Spotify's before the
// page is parsed, the others once it is). Its module graph must hold the detector and the adapters only: an import
// that reaches an engine's module brings that module's top-level tables into every player page (the timeline
// engine's once rode in on `looksLikeHtml`: ~6 KB and a few milliseconds on every Apple page, in its parse).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const rel = (file: string) => relative(ROOT, file).split(sep).join('/');

/** Packages stage 1 may bundle: WXT's content-script helpers and the polyfill behind `wxt/browser`, and zod/mini. */
const PACKAGES = [/^wxt\/(?:utils\/|browser$)/, /^zod\/mini$/];

interface Graph {
  files: Set<string>;
  packages: Set<string>;
  unresolved: string[];
}

/** A relative specifier as the bundler resolves it: with or without an extension (`./x.js` names `./x.ts`). */
function resolveFile(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  const stem = base.replace(/\.(?:js|mjs|ts|mts|tsx)$/, '');
  const tries = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return tries.find((f) => existsSync(f) && statSync(f).isFile());
}

/**
 * What one file imports at run time: static `import`/`export … from` (not `import type`/`export type`), bare
 * `import './x'`, and `import('./x')`, which the bundler inlines into the content script. Comments are dropped
 * first, so a quote in one does not hide the import after it.
 */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specs: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) if (!m[1]) specs.push(m[2]!);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs;
}

function graph(entry: string): Graph {
  const out: Graph = { files: new Set(), packages: new Set(), unresolved: [] };
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    const name = rel(file);
    if (out.files.has(name)) continue;
    out.files.add(name);
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) {
        out.packages.add(spec);
        continue;
      }
      const found = resolveFile(file, spec);
      if (found) todo.push(found);
      else out.unresolved.push(`${name}: ${spec}`);
    }
  }
  return out;
}

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
    const apple = graph(entries.find((e) => e.includes('apple.content'))!);
    expect(apple.files.has('lib/content/stage.ts')).toBe(true);
    expect(apple.files.has('lib/players/page-text.ts')).toBe(true);
    expect(apple.packages.has('zod/mini')).toBe(true);
  });

  it.each(entries.map((e) => [rel(e), e]))('%s reaches no engine, UI or runtime module', (_, entry) => {
    const g = graph(entry);
    expect(g.unresolved).toEqual([]);
    expect([...g.files].filter((f) => FORBIDDEN.some((re) => re.test(f)) && !ALLOWED.has(f))).toEqual([]);
    expect([...g.packages].filter((p) => !PACKAGES.some((re) => re.test(p)))).toEqual([]);
  });
});
