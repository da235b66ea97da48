/**
 * Worker for timeline-bench.ts: times parseTimeline on one adversarial case at two sizes. Runs in its own
 * thread so the bench can stop a parser that hangs (catastrophic backtracking, quadratic loops).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { parseTimeline } from '../../lib/timeline';
import { ADVERSARIAL_CASES } from './adversarial-inputs';

export interface AdversarialJob {
  name: string;
  smallSize: number;
  largeSize: number;
  repeats: number;
  /** Stop repeating the large size once one run takes this long: it has failed already. */
  giveUpMs: number;
}

export interface AdversarialResult {
  name: string;
  smallMs: number;
  largeMs: number;
  largeRuns: number;
  largeChars: number;
  chapters: number;
  mentions: number;
}

function run(job: AdversarialJob): AdversarialResult {
  const c = ADVERSARIAL_CASES.find((x) => x.name === job.name);
  if (!c) throw new Error(`unknown adversarial case ${job.name}`);
  const time = (input: string) => {
    const t0 = performance.now();
    const result = parseTimeline(input, { html: c.html });
    return { ms: performance.now() - t0, result };
  };
  // Warm up the parser's code paths on this shape of input before measuring.
  const warm = c.make(16 * 1024);
  for (let i = 0; i < 5; i++) time(warm);

  const small = c.make(job.smallSize);
  let smallMs = Infinity;
  for (let i = 0; i < job.repeats; i++) smallMs = Math.min(smallMs, time(small).ms);

  const large = c.make(job.largeSize);
  let largeMs = Infinity;
  let largeRuns = 0;
  let chapters = 0;
  let mentions = 0;
  for (let i = 0; i < job.repeats; i++) {
    const { ms, result } = time(large);
    largeRuns++;
    largeMs = Math.min(largeMs, ms);
    chapters = result.chapters.length;
    mentions = result.mentions.length;
    if (ms >= job.giveUpMs) break;
  }
  return { name: c.name, smallMs, largeMs, largeRuns, largeChars: large.length, chapters, mentions };
}

if (parentPort) parentPort.postMessage(run(workerData as AdversarialJob));
