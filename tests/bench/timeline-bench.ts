/**
 * `npm run bench` — timeline parser benchmark.
 *
 * 1. Corpus (both corpora of ../shared/corpus, when present): accuracy of parseTimeline next to get-youtube-chapters
 *    2.0.0 (the baseline of ../shared/research/parsers.md §4), scored with the corpus README rule — per item for the
 *    training split, totals only for validation — and speed over every document. The goal: end to end (notes as
 *    published, our HTML handling included) no slower than get-youtube-chapters on the plain text.
 * 2. Adversarial linearity: parseTimeline on hostile 1 MB inputs, each in a worker with a time limit.
 *    Exit code 1 when a 1 MB input takes ≥ LARGE_LIMIT_MS or grows more than MAX_SCALING× from 256 KB to 1 MB.
 *
 * Environment: BENCH_ROUNDS=n forces the number of timed rounds over the corpus per repeat; BENCH_CASES=a,b runs
 * only those adversarial cases, and skips the corpus part (for working on one case).
 */
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import getYouTubeChapters from 'get-youtube-chapters';
import { parseTimeline, toPlainText } from '../../lib/timeline';
import { corpus2Path, corpusPath, formatTotals, loadTimelineSplit, scoreChapters, type CorpusItem, type CorpusScore, type TimelineSplit } from '../corpus/timeline-corpus';
import { ADVERSARIAL_CASES } from './adversarial-inputs';
import type { AdversarialJob, AdversarialResult } from './adversarial-worker';

const REPEATS = 3;
const MAX_ROUNDS = 300;
const MIN_ROUNDS = 20;
/** Time aimed at per repeat (both parsers together); fewer rounds are run when the parsers are slow. */
const REPEAT_BUDGET_MS = 5000;

const LARGE_SIZE = 1024 * 1024;
const SMALL_SIZE = 256 * 1024;
/** A 1 MB input must parse in less than this. */
const LARGE_LIMIT_MS = 50;
/** time(1 MB) / time(256 KB): ≈4 is linear, 16 quadratic. */
const MAX_SCALING = 8;
/** Below this the 1 MB time is too small for the scaling ratio to mean anything (timer and GC noise). */
const MIN_MS_FOR_SCALING = 10;
/** A case's worker is stopped after this long (start-up and input generation included). */
const CASE_TIMEOUT_MS = 6000;
/** Cases not started within this long after the first one are reported as not run (and fail): keeps the bench short. */
const ADVERSARIAL_BUDGET_MS = 40_000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const f3 = (n: number) => n.toFixed(3);
const us = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));
const heading = (s: string) => console.log(`\n${s}\n${'='.repeat(s.length)}`);

interface Doc {
  item: CorpusItem;
  html: boolean;
  /** What get-youtube-chapters reads: the raw text, or for HTML the plain text from toPlainText (done once, untimed). */
  plain: string;
}

const ours = (d: Doc) => parseTimeline(d.item.raw, { html: d.html }).chapters;
/** parseTimeline on exactly what get-youtube-chapters reads: the like-for-like comparison. */
const oursPlain = (d: Doc) => parseTimeline(d.plain, { html: false }).chapters;
const gyc = (d: Doc) => getYouTubeChapters(d.plain).map((c) => ({ startTime: c.start, title: c.title }));

let sink = 0; // keeps the timed calls observable

function timeOver(docs: readonly Doc[], fn: (d: Doc) => readonly unknown[]): number {
  const t0 = performance.now();
  for (const d of docs) sink += fn(d).length;
  return performance.now() - t0;
}

function cell(found: number, matched: number, titleOk: number): string {
  return `${String(found).padStart(5)} ${String(matched).padStart(7)} ${String(titleOk).padStart(8)}`;
}

function comparisonTable(a: CorpusScore, b: CorpusScore): string {
  const w = Math.max(4, ...a.items.map((r) => r.id.length));
  const lines = [
    `${''.padEnd(w)}            ${'parseTimeline'.padEnd(22)}   get-youtube-chapters`,
    `${'item'.padEnd(w)}  expected  found matched title ok   found matched title ok`,
  ];
  lines.push('-'.repeat(lines[1]!.length));
  a.items.forEach((ra, i) => {
    const rb = b.items[i]!;
    const amb = ra.ambiguousSkipped || rb.ambiguousSkipped ? '  (ambiguous)' : '';
    lines.push(`${ra.id.padEnd(w)}  ${String(ra.expected).padStart(8)}  ${cell(ra.extracted, ra.matched, ra.titleOk)}   ${cell(rb.extracted, rb.matched, rb.titleOk)}${amb}`);
  });
  return lines.join('\n');
}

function corpusSection(split: TimelineSplit): void {
  const items = [...split.training, ...split.validation];
  const plainLooksStubbed = toPlainText('<p>a</p>', true).text.includes('<');
  const docs: Doc[] = items.map((item) => {
    const html = item.format === 'html';
    return { item, html, plain: html ? toPlainText(item.raw, true).text : item.raw };
  });
  const byId = new Map(docs.map((d) => [d.item.id, d]));
  const doc = (item: CorpusItem) => byId.get(item.id)!;

  heading(`Corpus accuracy: training split (${split.training.length} documents)`);
  const scoreOurs = scoreChapters(split.training, (item) => ours(doc(item)));
  const scoreGyc = scoreChapters(split.training, (item) => gyc(doc(item)));
  console.log(comparisonTable(scoreOurs, scoreGyc));
  console.log(`\nparseTimeline:        ${formatTotals(scoreOurs)}`);
  console.log(`get-youtube-chapters: ${formatTotals(scoreGyc)}`);
  heading(`Corpus accuracy: validation split (${split.validation.length} documents, numbers only)`);
  console.log(`parseTimeline:        ${formatTotals(scoreChapters(split.validation, (item) => ours(doc(item))))}`);
  console.log(`get-youtube-chapters: ${formatTotals(scoreChapters(split.validation, (item) => gyc(doc(item))))}`);
  console.log('(match = start within 1 s; title precision/recall count chapters right on start AND title; README scoring)');
  if (scoreOurs.extracted === 0) console.log('NOTE: parseTimeline found no chapters at all (is it still the stub?).');
  if (plainLooksStubbed) {
    console.log('NOTE: toPlainText still returns HTML unchanged (stub?): get-youtube-chapters is reading raw HTML for html items.');
  }

  heading('Corpus speed');
  // Warm-up, also used to size the rounds so that a slow parser cannot blow the time budget.
  let warm = 0;
  const warmRounds = 30;
  for (let r = 0; r < warmRounds; r++) {
    warm += timeOver(docs, ours) + timeOver(docs, oursPlain) + timeOver(docs, gyc);
  }
  const perRound = warm / warmRounds;
  const forced = Number.parseInt(process.env.BENCH_ROUNDS ?? '', 10);
  const rounds =
    forced > 0 ? forced : Math.max(MIN_ROUNDS, Math.min(MAX_ROUNDS, Math.floor(REPEAT_BUDGET_MS / Math.max(perRound, 1e-3))));

  const timed = [ours, oursPlain, gyc];
  const samples: number[][] = timed.map(() => []);
  for (let rep = 0; rep < REPEATS; rep++) {
    const totals = timed.map(() => 0);
    for (let r = 0; r < rounds; r++) {
      // Every parser runs in every round, in rotating order, so they share the machine's noise.
      for (let k = 0; k < timed.length; k++) {
        const i = (r + k) % timed.length;
        totals[i]! += timeOver(docs, timed[i]!);
      }
    }
    totals.forEach((t, i) => samples[i]!.push((t * 1000) / (rounds * docs.length)));
  }
  const [mOurs, mPlain, mGyc] = samples.map(median) as [number, number, number];
  const totalChars = docs.reduce((n, d) => n + d.item.raw.length, 0);
  const row = (name: string, m: number, i: number, note: string) =>
    console.log(`${name.padEnd(30)} ${us(m).padStart(7)} µs/doc   (repeats: ${samples[i]!.map(us).join(', ')})  — ${note}`);
  console.log(`${docs.length} documents (avg ${Math.round(totalChars / docs.length)} chars), ${rounds} rounds × ${REPEATS} repeats after ${warmRounds} warm-up rounds; median of the repeats.`);
  row('get-youtube-chapters', mGyc, 2, 'plain text (HTML items converted with toPlainText once, untimed)');
  row('parseTimeline, same input', mPlain, 1, 'the very strings get-youtube-chapters reads');
  row('parseTimeline, raw input', mOurs, 0, 'HTML items as published: its own HTML→text conversion is timed');
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
  console.log(`ratio gyc / ours on the same input: ${ratio(mGyc, mPlain)}   end to end: ${ratio(mGyc, mOurs)}   (>1 means parseTimeline is faster)`);
  console.log(`ours / gyc end to end: ${(mOurs / mGyc).toFixed(2)}× its time (goal ≤ 1.0×, aim 0.5×)`);

  // Slowest documents for parseTimeline, timed one by one.
  const perDoc = docs.map((d) => {
    const n = 50;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) sink += ours(d).length;
    return { id: d.item.id, chars: d.item.raw.length, us: ((performance.now() - t0) * 1000) / n };
  });
  perDoc.sort((a, b) => b.us - a.us);
  console.log('slowest documents for parseTimeline:');
  for (const p of perDoc.slice(0, 5)) console.log(`  ${us(p.us).padStart(7)} µs  ${p.id} (${p.chars} chars)`);
}

function runCase(job: AdversarialJob): Promise<AdversarialResult | { name: string; error: string }> {
  const workerUrl = new URL('./adversarial-worker.ts', import.meta.url).href;
  // Workers do not inherit tsx's loader, so the worker boots through tsx's API.
  const boot =
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
    `.then(({ tsImport }) => tsImport(${JSON.stringify(workerUrl)}, ${JSON.stringify(workerUrl)}))` +
    `.catch((e) => require('node:worker_threads').parentPort.postMessage({ error: String((e && e.stack) || e) }));`;
  return new Promise((resolve) => {
    const worker = new Worker(boot, { eval: true, workerData: job });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ name: job.name, error: `timed out after ${CASE_TIMEOUT_MS} ms (stopped)` });
    }, CASE_TIMEOUT_MS);
    const done = (r: AdversarialResult | { name: string; error: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    worker.on('message', (m: AdversarialResult | { error: string }) => done('error' in m ? { name: job.name, error: m.error } : m));
    worker.on('error', (e) => done({ name: job.name, error: String(e.stack ?? e) }));
    worker.on('exit', (code) => done({ name: job.name, error: `worker exited with code ${code} before reporting` }));
  });
}

const onlyCases = (process.env.BENCH_CASES ?? '').split(',').filter(Boolean);
const cases = onlyCases.length > 0 ? ADVERSARIAL_CASES.filter((c) => onlyCases.includes(c.name)) : ADVERSARIAL_CASES;

async function adversarialSection(): Promise<string[]> {
  heading('Adversarial linearity (parseTimeline only)');
  console.log(
    `Best of 3 runs per size; fails when 1 MB takes ≥ ${LARGE_LIMIT_MS} ms, or when time(1 MB)/time(256 KB) > ${MAX_SCALING} ` +
      `(≈4 is linear; the ratio is only judged when 1 MB takes ≥ ${MIN_MS_FOR_SCALING} ms). Each case runs in a worker stopped after ${CASE_TIMEOUT_MS / 1000} s.`,
  );
  const failures: string[] = [];
  const w = Math.max(...ADVERSARIAL_CASES.map((c) => c.name.length));
  console.log(`${'case'.padEnd(w)}   256 KB ms    1 MB ms   ratio   chapters  mentions  verdict`);
  const start = performance.now();
  for (const c of cases) {
    if (performance.now() - start > ADVERSARIAL_BUDGET_MS) {
      console.log(`${c.name.padEnd(w)}   FAIL: not run, the adversarial time budget (${ADVERSARIAL_BUDGET_MS / 1000} s) is spent`);
      failures.push(`${c.name}: not run (time budget spent by earlier cases)`);
      continue;
    }
    const r = await runCase({ name: c.name, smallSize: SMALL_SIZE, largeSize: LARGE_SIZE, repeats: 3, giveUpMs: 1000 });
    if ('error' in r) {
      const first = r.error.split('\n').slice(0, 3).join(' | ');
      console.log(`${c.name.padEnd(w)}   FAIL: ${first}`);
      failures.push(`${c.name}: ${first}`);
      continue;
    }
    const ratio = r.smallMs > 0 ? r.largeMs / r.smallMs : Infinity;
    const judged = r.largeMs >= MIN_MS_FOR_SCALING;
    const problems: string[] = [];
    if (r.largeMs >= LARGE_LIMIT_MS) problems.push(`1 MB took ${ms(r.largeMs)} ms (limit ${LARGE_LIMIT_MS})`);
    if (judged && ratio > MAX_SCALING) problems.push(`scaling ${ratio.toFixed(1)}× from 256 KB to 1 MB (limit ${MAX_SCALING})`);
    const ratioText = judged ? ratio.toFixed(1) : `(${Number.isFinite(ratio) ? ratio.toFixed(1) : '–'})`;
    console.log(
      `${c.name.padEnd(w)}   ${ms(r.smallMs).padStart(9)}  ${ms(r.largeMs).padStart(9)}  ${ratioText.padStart(6)}  ${String(r.chapters).padStart(9)}  ${String(r.mentions).padStart(8)}  ${problems.length ? 'FAIL' : 'ok'}`,
    );
    for (const p of problems) failures.push(`${c.name}: ${p}`);
  }
  console.log('(ratio in parentheses: 1 MB too fast to judge scaling)');
  console.log('inputs:');
  for (const c of ADVERSARIAL_CASES) console.log(`  ${c.name.padEnd(w)}  ${c.description}`);
  return failures;
}

async function main(): Promise<void> {
  const started = performance.now();
  const split = loadTimelineSplit();
  if (onlyCases.length > 0) console.log(`BENCH_CASES: ${cases.map((c) => c.name).join(', ') || 'no case of that name'}; corpus part skipped.`);
  else if (split) corpusSection(split);
  else {
    heading('Corpus');
    console.log(`SKIPPED: corpora not found at ${corpusPath} and ${corpus2Path} (they live in ../shared next to the repo). Running the adversarial part only.`);
  }
  const failures = await adversarialSection();
  heading('Result');
  if (failures.length) {
    console.log(`FAIL (${failures.length}):`);
    for (const f of failures) console.log(`  - ${f}`);
    process.exitCode = 1;
  } else {
    console.log('adversarial linearity: ok');
  }
  console.log(`bench time ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
