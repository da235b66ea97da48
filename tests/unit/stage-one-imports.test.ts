// Stage 1 (each player's content script, lib/content/stage.ts) runs on every page of a player, before the page is
// parsed. Its module graph must hold the detector and the adapters only: an import that reaches an engine's module
// brings that module's top-level tables into every player page, built before the DOM is (the timeline engine's once
// rode in on `looksLikeHtml`: ~6 KB and a few milliseconds of the page's parser on every Apple page).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** Runtime (not `import type`) imports of one TypeScript file, resolved to files of the project. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    if (m[1] || !m[2]!.startsWith('.')) continue;
    const base = resolve(dirname(file), m[2]!);
    const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f));
    if (found) out.push(found);
  }
  return out;
}

function graph(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    todo.push(...importsOf(file));
  }
  return new Set([...seen].map((f) => relative(ROOT, f)));
}

const entries = readdirSync(join(ROOT, 'entrypoints'))
  .filter((d) => d.endsWith('.content'))
  .map((d) => join(ROOT, 'entrypoints', d, 'index.ts'));

/** What stage 1 may take from the engines' folders: small modules with no tables worth the name. */
const ALLOWED = new Set(['lib/timeline/html-hint.ts', 'lib/timeline/time.ts']);

describe('stage 1 module graph', () => {
  it('finds the player content scripts and follows their imports', () => {
    expect(entries.length).toBeGreaterThan(5);
    const apple = graph(entries.find((e) => e.includes('apple.content'))!);
    expect(apple.has('lib/content/stage.ts')).toBe(true);
    expect(apple.has('lib/players/page-text.ts')).toBe(true);
  });

  it.each(entries.map((e) => [relative(ROOT, e), e]))('%s reaches no engine, UI or runtime module', (_, entry) => {
    const reached = [...graph(entry)].filter(
      (f) => /^lib\/(timeline|guests|moments)\//.test(f) || /^components\//.test(f) || f === 'lib/content/runtime.tsx',
    );
    expect(reached.filter((f) => !ALLOWED.has(f))).toEqual([]);
  });
});
