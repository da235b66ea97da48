/**
 * Size breakdown of built scripts by module group, from their source maps (build with EARMARK_SOURCEMAP=1).
 * Raw = minified bytes mapped to the group's sources; gz = gzip of the whole file × the group's raw share
 * (the "share" column), and "alone" = the group's bytes gzipped on their own (an upper bound).
 * Usage: tsx tests/bench/size-breakdown.ts .output/chrome-mv3/content-scripts/overcast.js [...]
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

const GROUPS: [string, RegExp][] = [
  ['guests model + weights.json', /lib\/guests\/(weights\.json|model\.ts)/],
  ['guests lexicon (role words)', /lib\/guests\/lexicon/],
  ['guests engine (rest)', /lib\/guests\//],
  ['timeline engine', /lib\/timeline\//],
  ['zod / zod-mini', /node_modules\/zod/],
  ['webextension-polyfill', /webextension-polyfill/],
  ['preact (+hooks)', /node_modules\/preact/],
  ['components (tsx)', /components\/.*\.tsx?$/],
  ['CSS strings', /\.css/],
  ['adapters / registry (lib/players)', /lib\/players\//],
  ['runtime + features (lib/content)', /lib\/content\//],
  ['messages / moments / misc lib', /lib\//],
  ['WXT runtime', /node_modules\/(wxt|@wxt-dev)|wxt\/|virtual:|\0/],
  ['entrypoint', /entrypoints\//],
];
const groupOf = (src: string | null) => {
  if (!src) return '(unmapped: wrappers, helpers)';
  for (const [name, re] of GROUPS) if (re.test(src)) return name;
  return 'other: ' + src.replace(/.*node_modules\//, '');
};

for (const file of process.argv.slice(2)) {
  const code = readFileSync(file, 'utf8');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(file + '.map', 'utf8')));
  const lines = code.split('\n');
  const lineStart: number[] = [];
  let off = 0;
  for (const l of lines) { lineStart.push(off); off += l.length + 1; }
  const owner = new Array<string>(code.length).fill('(unmapped: wrappers, helpers)');
  const ms: { pos: number; src: string | null }[] = [];
  map.eachMapping((m) => ms.push({ pos: lineStart[m.generatedLine - 1]! + m.generatedColumn, src: m.source }), null, SourceMapConsumer.GENERATED_ORDER);
  for (let i = 0; i < ms.length; i++) {
    const end = i + 1 < ms.length ? ms[i + 1]!.pos : code.length;
    const g = groupOf(ms[i]!.src);
    for (let p = ms[i]!.pos; p < end; p++) owner[p] = g;
  }
  if (process.env.BY_FILE) {
    const per = new Map<string, number>();
    for (let i = 0; i < ms.length; i++) { const end = i + 1 < ms.length ? ms[i + 1]!.pos : code.length; const k = ms[i]!.src ?? '?'; per.set(k, (per.get(k) ?? 0) + end - ms[i]!.pos); }
    for (const [k, v] of [...per].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((v / 1024).toFixed(1).padStart(6), k.replace(/^(\.\.\/)+/, ''));
  }
  const parts = new Map<string, string[]>();
  for (let p = 0; p < code.length; p++) { const g = owner[p]!; if (!parts.has(g)) parts.set(g, []); parts.get(g)!.push(code[p]!); }
  const totalRaw = Buffer.byteLength(code);
  const totalGz = gzipSync(code, { level: 9 }).length;
  console.log(`\n${file}: ${(totalRaw / 1024).toFixed(1)} KB raw, ${(totalGz / 1024).toFixed(1)} KB gzip`);
  console.log('group'.padEnd(40), 'raw KB'.padStart(7), 'gz share'.padStart(9), 'gz alone'.padStart(9));
  const rows = [...parts].map(([g, cs]) => { const s = cs.join(''); return { g, raw: Buffer.byteLength(s), alone: gzipSync(s, { level: 9 }).length }; });
  rows.sort((a, b) => b.raw - a.raw);
  for (const r of rows) console.log(r.g.padEnd(40), (r.raw / 1024).toFixed(1).padStart(7), ((r.raw / totalRaw) * totalGz / 1024).toFixed(1).padStart(9), (r.alone / 1024).toFixed(1).padStart(9));
}
