/**
 * Where Earmark's main-thread time goes on one page: a CDP CPU profile of the visit, self time per original source
 * file and function (through the build's source maps: build with EARMARK_SOURCEMAP=1).
 * Usage: tsx tests/bench/profile-page.mts [hostile|episode]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { extensionPath, fixture, startSession } from '../e2e/harness';

const which = process.argv[2] ?? 'hostile';
const session = await startSession();
const filler = `<p>${'Filler words about harbours. '.repeat(36_000)}</p>`;
await session.serve('https://overcast.fm/**', (url) =>
  url.pathname === '/+HoStIlE01' ? fixture('hostile-notes.html').replace('<!--FILLER-->', filler) : fixture('overcast-episode.html'),
);
const page = await session.context.newPage();
const cdp = await session.context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(which === 'hostile' ? 'https://overcast.fm/+HoStIlE01' : 'https://overcast.fm/+AbCdEfGh1');
await page.waitForFunction(() => document.documentElement.dataset.earmark === 'ready', undefined, { timeout: 30_000 });
await page.waitForTimeout(500);
const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: any[]; samples: number[]; timeDeltas: number[] } };
await session.close();

const maps = new Map<string, SourceMapConsumer | null>();
const mapFor = (url: string) => {
  if (!maps.has(url)) {
    const file = url.replace(/^chrome-extension:\/\/[^/]+\//, '');
    try { maps.set(url, new SourceMapConsumer(JSON.parse(readFileSync(join(extensionPath, file + '.map'), 'utf8')))); } catch { maps.set(url, null); }
  }
  return maps.get(url);
};
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const byKey = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const ms = self.get(node.id) ?? 0;
  const { url, functionName, lineNumber, columnNumber } = node.callFrame;
  if (!url.startsWith('chrome-extension://')) continue;
  total += ms;
  const map = mapFor(url);
  const pos = map?.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
  const key = pos?.source ? `${pos.source.replace(/^(\.\.\/)+(main\/)?/, '')} ${pos.name ?? functionName}:${pos.line}` : `${url.split('/').pop()} ${functionName}`;
  byKey.set(key, (byKey.get(key) ?? 0) + ms);
}
console.log(`Earmark self time (extension scripts, sampled): ${total.toFixed(0)} ms`);
const byFile = new Map<string, number>();
for (const [k, v] of byKey) byFile.set(k.split(' ')[0]!, (byFile.get(k.split(' ')[0]!) ?? 0) + v);
for (const [k, v] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(v.toFixed(1).padStart(7), k);
console.log('--- top functions');
for (const [k, v] of [...byKey].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(v.toFixed(1).padStart(7), k);
