/**
 * `npm run bench:page`: what Earmark costs a player page. The same fixture pages (tests/fixtures/players, served at
 * the real player URLs by a local HTTPS server, offline) are opened in two Chromium profiles, one with the
 * production build loaded and one without, visits alternating between them (which goes first alternates too, so
 * drift falls on both), after one warm-up visit each. Per page, medians of:
 * - script: main-thread script time for the whole visit (DevTools Performance.getMetrics ScriptDuration);
 * - longest task and total blocking time (the part of each long task over 50 ms), from a `longtask` observer
 *   installed before the page's first script. Chromium reports no task that runs no script: a page's own long
 *   first layout (1 MB of notes: ~170 ms on the machine of one earlier run, ~40 ms on another, with or without
 *   Earmark) is not counted;
 * - panel: when Earmark's panel appears after the notes are in the DOM (fixtures are server-rendered: the notes are
 *   there when the document is parsed, at DOMContentLoaded);
 * - after paint: the same, counted from the page's first contentful paint when that comes after DOMContentLoaded
 *   (a Paint Timing entry: nothing of ours runs in the page's rendering for it). The listener sees no notes before
 *   that paint, and a runtime loaded by `import()` cannot run before the page's first layout: on the 1 MB page this
 *   column shows what is left of the panel's latency once the page's own layout is done. The budget is judged on
 *   the first column;
 * - DOM ready and first paint: DOMContentLoaded and the first contentful paint, from the navigation's start, with
 *   and without Earmark: what Earmark costs the page before anything of ours shows. A content script that runs at
 *   document_start is injected while the page is parsed, and the page waits for it: both come later. The panel
 *   columns cannot see that (they count from the page's DOMContentLoaded with Earmark, late as it may be). A
 *   document_end script is injected after DOMContentLoaded, so only the first paint can show what it costs.
 * Budgets (issue 13): the longest task with Earmark under 50 ms on every page, the panel within 100 ms of the notes.
 *
 * Usage: npm run bench:page [-- visits]   (default 5; run with nothing else busy on the machine);
 * BENCH_PAGES='apple,1 mb' runs only the pages whose names contain one of those.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumArgs, chromiumPath, e2eUnavailable, fixture, MEDIA_ORIGIN, MEDIA_SECONDS, silentMp3 } from '../e2e/harness';

const VISITS = Math.max(1, Number(process.argv[2] ?? 5));
const QUIET_MS = 1_000;

const PROBE = `(() => {
  const marks = (window.__earmarkBench = { notes: null, painted: null, panel: null, tasks: [] });
  document.addEventListener('DOMContentLoaded', () => { marks.notes = performance.now(); });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') marks.painted = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) marks.tasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (marks.panel === null && document.querySelector('earmark-panel')) marks.panel = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

/** A transcript-sized page: 1 MB of notes around the fixture's own timeline. */
const oneMegabyte = () => fixture('overcast/hostile-notes.html').replace('<!--FILLER-->', `<p>${'Filler words about harbours. '.repeat(36_000)}</p>`);

const fixtureUrl = (html: string) => /<!-- earmark-fixture-url: (\S+) -->/.exec(html)![1]!;

const ALL_PAGES: Array<{ name: string; html: () => string }> = [
  { name: 'Apple Podcasts episode', html: () => fixture('apple/episode.html') },
  { name: 'Spotify episode', html: () => fixture('spotify/episode.html') },
  { name: 'YouTube watch', html: () => fixture('youtube/watch.html') },
  { name: 'Overcast episode', html: () => fixture('overcast/episode.html') },
  { name: 'Pocket Casts episode', html: () => fixture('pocket-casts/episode.html') },
  { name: 'Overcast, 1 MB of notes', html: oneMegabyte },
];
/** `BENCH_PAGES=1 MB,Apple` runs only the pages whose names contain one of these. */
const only = process.env.BENCH_PAGES?.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
const PAGES = only?.length ? ALL_PAGES.filter((p) => only.some((o) => p.name.toLowerCase().includes(o))) : ALL_PAGES;

interface Visit {
  script: number;
  longest: number;
  tbt: number;
  panel: number | undefined;
  afterPaint: number | undefined;
  /** DOMContentLoaded and the first contentful paint, from the navigation's start. */
  ready: number | undefined;
  painted: number | undefined;
}

/**
 * The player URLs and the media host, answered by a local HTTPS server that Chromium reaches through its host
 * resolver rules. Not Playwright's request routing: that sends every request the page makes through this process,
 * the extension's own `import()` of its runtime included (about 100 ms here), a delay no listener's browser has.
 */
async function serve(dir: string): Promise<{ server: Server; port: number }> {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=earmark-bench', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const mp3 = silentMp3(MEDIA_SECONDS);
  const bodies = new Map(PAGES.map((p) => { const body = p.html(); return [fixtureUrl(body), body] as const; }));
  const mediaHost = new URL(MEDIA_ORIGIN).host;
  const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
    const url = `https://${req.headers.host}${req.url}`;
    const body = bodies.get(url);
    if (body !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    } else if (req.headers.host === mediaHost) {
      // A Range request answered as a file server would, so Chromium reads the duration and seeks.
      const range = /bytes=(\d*)-(\d*)/.exec(req.headers.range ?? '');
      if (!range) {
        res.writeHead(200, { 'content-type': 'audio/mpeg', 'accept-ranges': 'bytes', 'content-length': mp3.length }).end(mp3);
        return;
      }
      const start = range[1] ? Number(range[1]) : 0;
      const end = range[2] ? Math.min(Number(range[2]), mp3.length - 1) : mp3.length - 1;
      res
        .writeHead(206, { 'content-type': 'audio/mpeg', 'accept-ranges': 'bytes', 'content-range': `bytes ${start}-${end}/${mp3.length}`, 'content-length': end - start + 1 })
        .end(mp3.subarray(start, end + 1));
    } else {
      // Everything else a fixture names (images, scripts of the real page) is absent offline.
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

async function launch(withEarmark: boolean, port: number): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'earmark-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      ...(withEarmark ? chromiumArgs() : ['--disable-extensions', '--no-first-run', '--disable-background-networking', '--disable-component-update']),
      '--no-sandbox',
      '--disable-gpu',
      `--host-resolver-rules=MAP * 127.0.0.1:${port}`,
      '--ignore-certificate-errors',
    ],
  });
  await context.addInitScript({ content: PROBE });
  return { context, profile };
}

async function visit(context: BrowserContext, url: string, withEarmark: boolean): Promise<Visit> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  if (withEarmark) await page.waitForFunction(() => document.documentElement.dataset.earmark !== undefined, undefined, { timeout: 30_000 }).catch(() => undefined);
  // Late slices, idle callbacks and the page's own timers land in this quiet period.
  await page.waitForTimeout(QUIET_MS);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const marks = await page.evaluate(() => (window as unknown as { __earmarkBench: { notes: number | null; painted: number | null; panel: number | null; tasks: number[] } }).__earmarkBench);
  await page.close();
  return {
    script: (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000,
    longest: Math.max(0, ...marks.tasks),
    tbt: marks.tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    panel: marks.notes !== null && marks.panel !== null ? marks.panel - marks.notes : undefined,
    // A panel in before that paint counts as 0: it was there when the notes were first shown.
    afterPaint: marks.notes !== null && marks.panel !== null ? Math.max(0, marks.panel - Math.max(marks.notes, marks.painted ?? 0)) : undefined,
    ready: marks.notes ?? undefined,
    painted: marks.painted ?? undefined,
  };
}

const median = (xs: number[]): number => {
  const sorted = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return sorted.length ? sorted[(sorted.length - 1) >> 1]! : NaN;
};
const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)}` : '–').padStart(5);

const unavailable = e2eUnavailable();
if (unavailable) {
  console.error(`bench:page needs Chromium and a build: ${unavailable}`);
  process.exit(1);
}
const certs = mkdtempSync(join(tmpdir(), 'earmark-bench-tls-'));
const { server, port } = await serve(certs);
const on = await launch(true, port);
const off = await launch(false, port);
const rows: string[] = [];
const problems: string[] = [];
try {
  for (const page of PAGES) {
    const url = fixtureUrl(page.html());
    const runs: Record<'on' | 'off', Visit[]> = { on: [], off: [] };
    // Warm-up: the first visit compiles and caches; not counted.
    await visit(on.context, url, true);
    await visit(off.context, url, false);
    for (let i = 0; i < VISITS; i++) {
      for (const side of i % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        runs[side].push(await visit(side === 'on' ? on.context : off.context, url, side === 'on'));
      }
    }
    const m = (side: 'on' | 'off', key: keyof Visit) => median(runs[side].map((v) => v[key] ?? NaN));
    const longest = m('on', 'longest');
    const panel = m('on', 'panel');
    if (!(longest < 50)) problems.push(`${page.name}: longest task ${Math.round(longest)} ms with Earmark (budget < 50)`);
    if (!(panel <= 100)) problems.push(`${page.name}: panel ${Number.isFinite(panel) ? `${Math.round(panel)} ms` : 'not shown'} after the notes (budget 100)`);
    rows.push(
      `| ${page.name.padEnd(24)} | ${ms(m('off', 'script'))} | ${ms(m('on', 'script'))} | ${ms(m('off', 'longest'))} | ${ms(longest)} | ${ms(m('off', 'tbt'))} | ${ms(m('on', 'tbt'))} | ${ms(panel)} | ${ms(m('on', 'afterPaint'))} | ${ms(m('off', 'ready'))} | ${ms(m('on', 'ready'))} | ${ms(m('off', 'painted'))} | ${ms(m('on', 'painted'))} |`,
    );
  }
} finally {
  await on.context.close();
  await off.context.close();
  rmSync(on.profile, { recursive: true, force: true });
  rmSync(off.profile, { recursive: true, force: true });
  server.closeAllConnections();
  server.close();
  rmSync(certs, { recursive: true, force: true });
}
console.log(`bench:page — ${VISITS} visits each, medians in ms (without / with Earmark)\n`);
console.log('| page                     | script w/o | with | longest w/o | with | TBT w/o | with | panel after notes | after paint | DOM ready w/o | with | first paint w/o | with |');
console.log('|--------------------------|-----:|-----:|-----:|-----:|-----:|-----:|-----:|-----:|-----:|-----:|-----:|-----:|');
console.log(rows.join('\n'));
console.log(problems.length ? `\nOver budget:\n- ${problems.join('\n- ')}` : '\nAll pages within budget.');
