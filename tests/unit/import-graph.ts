/**
 * The run-time module graph of a source file, as the bundler will see it: static `import`/`export … from` (not
 * `import type`/`export type`), bare `import './x'`, and `import('./x')` with a literal path (bundled too). For the
 * tests that hold a bundle to what it may carry (stage 1, the page-world helper).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
/** A path from the project's root, with `/` on every system. */
export const rel = (file: string): string => relative(ROOT, file).split(sep).join('/');

export interface ImportGraph {
  /** Every project file reached, the entry included (paths from the root). */
  files: Set<string>;
  /** Every package named (`zod/mini`, `wxt/browser`, …). */
  packages: Set<string>;
  /** Relative imports that name no file: `importer: specifier`. */
  unresolved: string[];
}

/** A relative specifier as the bundler resolves it: with or without an extension (`./x.js` names `./x.ts`). */
function resolveFile(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  const stem = base.replace(/\.(?:js|mjs|ts|mts|tsx)$/, '');
  const tries = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return tries.find((f) => existsSync(f) && statSync(f).isFile());
}

/** The specifiers one file imports at run time. Comments go first, so a quote in one does not hide an import. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specs: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) if (!m[1]) specs.push(m[2]!);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs;
}

export function importGraph(entry: string): ImportGraph {
  const out: ImportGraph = { files: new Set(), packages: new Set(), unresolved: [] };
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
