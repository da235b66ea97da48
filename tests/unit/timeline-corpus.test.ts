/**
 * Runs the timeline parser over the shared real-world corpus (`../shared/corpus/timelines-dev.jsonl`) and holds
 * its scores at or above the floors below. Skips, with a note, when the corpus is absent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTimeline } from '../../lib/timeline';
import {
  AMBIGUOUS_IDS,
  corpusPath,
  formatScoreTable,
  loadTimelineCorpus,
  scoreChapters,
  type CorpusItem,
  type CorpusScore,
} from '../corpus/timeline-corpus';

/**
 * Minimum corpus scores (README scoring; see tests/corpus/timeline-corpus.ts).
 * The floor must be ratcheted up to the measured value whenever the parser improves (printed by this test and by
 * `npm run bench`), so a regression fails here. Never lower a floor to make a change pass.
 */
const FLOORS = {
  precision: 1,
  recall: 1,
  titlePrecision: 1,
  titleRecall: 1,
} as const;

const corpus = loadTimelineCorpus();
if (!corpus) {
  console.warn(`[timeline-corpus] SKIPPED: corpus not found at ${corpusPath} (it lives in ../shared next to the repo).`);
}

function extract(item: CorpusItem) {
  try {
    return parseTimeline(item.raw, { html: item.format === 'html' }).chapters;
  } catch (error) {
    throw new Error(`parseTimeline threw on corpus item ${item.id}: ${(error as Error).stack ?? String(error)}`);
  }
}

describe.skipIf(!corpus)('timeline corpus (../shared/corpus/timelines-dev.jsonl)', () => {
  const items = corpus ?? [];
  let score: CorpusScore;

  beforeAll(() => {
    score = scoreChapters(items, extract);
    console.log(`timeline corpus: ${items.length} items\n${formatScoreTable(score, { details: true, maxDetails: 3 })}`);
  });

  it('meets the precision / recall floors (start within 1 s)', () => {
    expect(score.precision).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(score.recall).toBeGreaterThanOrEqual(FLOORS.recall);
  });

  it('meets the title floors (start and title right)', () => {
    expect(score.titlePrecision).toBeGreaterThanOrEqual(FLOORS.titlePrecision);
    expect(score.titleRecall).toBeGreaterThanOrEqual(FLOORS.titleRecall);
  });

  it('finds no chapters in texts that hold no chapter list', () => {
    const negatives = items.filter((item) => item.expected.length === 0 && !AMBIGUOUS_IDS.has(item.id));
    const offenders = negatives
      .map((item) => ({ id: item.id, chapters: extract(item) }))
      .filter((r) => r.chapters.length > 0)
      .map((r) => `${r.id}: ${r.chapters.map((c) => `${c.startTime}s ${JSON.stringify(c.title)}`).join(', ')}`);
    expect(offenders).toEqual([]);
  });
});
