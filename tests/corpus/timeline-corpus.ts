/**
 * Loader and scorer for the shared timeline corpus (`../shared/corpus/timelines-dev.jsonl`, next to the repo).
 *
 * The corpus is third-party text: it is read from `../shared` at run time and never copied into this repo.
 * Scoring follows `../shared/corpus/README.md`:
 * - an extracted chapter matches an expected one when its start is within 1 s (one-to-one: each expected
 *   and each extracted chapter is used at most once, the nearest pairs are matched first);
 * - precision = matches / extracted, recall = matches / expected; chapters extracted from a text whose
 *   `expected` is empty count against precision;
 * - a match's title is right when both titles are equal after Unicode NFKC, lower-casing, collapsing
 *   whitespace and trimming separators, quotes and brackets from the ends.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { showOf, type SourceRef } from './timeline-split';

/** Absolute path of the corpus file: `<repo>/../shared/corpus/timelines-dev.jsonl`. */
export const corpusPath: string = fileURLToPath(new URL('../../../shared/corpus/timelines-dev.jsonl', import.meta.url));
/** The second corpus (notes of other shows), split by show into training and validation (timeline-split.json). */
export const corpus2Path: string = fileURLToPath(new URL('../../../shared/corpus/timelines-dev-2.jsonl', import.meta.url));
export const timelineSplitPath: string = fileURLToPath(new URL('./timeline-split.json', import.meta.url));

/** A start within this many seconds of an expected start is a match (README: "within 1 s"). */
export const MATCH_TOLERANCE_S = 1;

/**
 * Items the README declares ambiguous: extracting their chapters is right, and so is extracting none.
 * README: "`pocketcasts-nba-prose-inline` is ambiguous (times inside one prose sentence): treating it as three
 * chapters or as three mentions is acceptable." An empty extraction on these counts as neither right nor
 * wrong (their expected chapters leave the recall denominator); a non-empty one is scored normally.
 */
export const AMBIGUOUS_IDS: ReadonlySet<string> = new Set(['pocketcasts-nba-prose-inline']);

export interface ExpectedChapter {
  start_seconds: number;
  title: string;
}

export interface CorpusItem {
  id: string;
  /** Where the text is from: a description, or `{ repo, path, commit, … }` in the second corpus. */
  source: string | SourceRef;
  format: 'text' | 'html';
  raw: string;
  expected: ExpectedChapter[];
  notes: string;
  tags: string[];
}

/** What a parser under test returns, reduced to what is scored. */
export interface ExtractedChapter {
  startTime: number;
  title: string;
}

export interface TitleMismatch {
  startTime: number;
  expected: string;
  got: string;
}

export interface ItemScore {
  id: string;
  /** Number of expected chapters in the corpus (shown even when the item is an ambiguous skip). */
  expected: number;
  extracted: number;
  matched: number;
  /** Matches whose titles are equal after normalisation. */
  titleOk: number;
  /** Ambiguous item with nothing extracted: left out of recall, neither right nor wrong. */
  ambiguousSkipped: boolean;
  /** Expected chapters nobody matched (empty for an ambiguous skip). */
  missed: ExpectedChapter[];
  /** Extracted chapters that matched nothing. */
  spurious: ExtractedChapter[];
  /** Matches with the right start and a wrong title. */
  wrongTitles: TitleMismatch[];
}

export interface CorpusScore {
  items: ItemScore[];
  /** Totals over all items; `expected` leaves out ambiguous skips. */
  expected: number;
  extracted: number;
  matched: number;
  titleOk: number;
  /** matched / extracted (0 when nothing was extracted, so finding nothing never passes a floor). */
  precision: number;
  /** matched / expected. */
  recall: number;
  f1: number;
  /** Share of matches whose title is right: titleOk / matched. */
  titleAccuracy: number;
  /** Chapters right on start AND title / extracted. */
  titlePrecision: number;
  /** Chapters right on start AND title / expected. */
  titleRecall: number;
  /** Items (not ambiguous skips) where every expected chapter was found with its title and nothing else was. */
  itemsFullyRight: number;
  /** Items counted in `itemsFullyRight`'s denominator (all but ambiguous skips). */
  itemsScored: number;
  /** Items whose `expected` is empty (ambiguous ids excluded), and how many of them produced chapters. */
  negatives: { items: number; withChapters: string[] };
}

function fail(line: number, message: string): never {
  throw new Error(`${corpusPath}:${line}: ${message}`);
}

function parseItem(text: string, line: number): CorpusItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fail(line, `invalid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null) fail(line, 'not an object');
  const o = value as Record<string, unknown>;
  if (typeof o.id !== 'string' || !o.id) fail(line, 'missing id');
  if (typeof o.raw !== 'string') fail(line, `${o.id}: missing raw`);
  if (o.format !== 'text' && o.format !== 'html') fail(line, `${o.id}: format must be text or html`);
  if (!Array.isArray(o.expected)) fail(line, `${o.id}: expected must be an array`);
  const expected = o.expected.map((e: unknown, i): ExpectedChapter => {
    const c = e as Record<string, unknown> | null;
    if (!c || typeof c.start_seconds !== 'number' || !Number.isFinite(c.start_seconds) || typeof c.title !== 'string') {
      fail(line, `${o.id}: expected[${i}] needs a numeric start_seconds and a string title`);
    }
    return { start_seconds: c.start_seconds, title: c.title };
  });
  return {
    id: o.id,
    source: typeof o.source === 'string' ? o.source : typeof o.source === 'object' && o.source ? (o.source as SourceRef) : '',
    format: o.format,
    raw: o.raw,
    expected,
    notes: typeof o.notes === 'string' ? o.notes : '',
    tags: Array.isArray(o.tags) ? o.tags.filter((t): t is string => typeof t === 'string') : [],
  };
}

/** The corpus items, or undefined when the corpus file is absent (e.g. a checkout without `../shared`). */
export function loadTimelineCorpus(path: string = corpusPath): CorpusItem[] | undefined {
  if (!existsSync(path)) return undefined;
  const items: CorpusItem[] = [];
  const seen = new Set<string>();
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((text, i) => {
      if (!text.trim()) return;
      const item = parseItem(text, i + 1);
      if (seen.has(item.id)) fail(i + 1, `duplicate id ${item.id}`);
      seen.add(item.id);
      items.push(item);
    });
  return items;
}

export interface TimelineSplit {
  training: CorpusItem[];
  validation: CorpusItem[];
  /** The recorded validation shows (timeline-split.json). */
  validationShows: string[];
}

/**
 * Both corpora, split by show: `timelines-dev.jsonl` (tuned to before the split) is all training; the items of
 * `timelines-dev-2.jsonl` go to validation when their show is in the recorded list. Undefined without ../shared.
 */
export function loadTimelineSplit(): TimelineSplit | undefined {
  const first = loadTimelineCorpus(corpusPath);
  const second = loadTimelineCorpus(corpus2Path);
  if (!first || !second) return undefined;
  const recorded = JSON.parse(readFileSync(timelineSplitPath, 'utf8')) as { validation: string[] };
  const shows = new Set(recorded.validation);
  return {
    training: [...first, ...second.filter((item) => !shows.has(showOf(item.source)))],
    validation: second.filter((item) => shows.has(showOf(item.source))),
    validationShows: recorded.validation,
  };
}

// Trimmed from both ends of a title: whitespace, dash punctuation (- – — 〜 …), opening/closing brackets and
// initial/final quotes (any script, via Unicode categories), ASCII quotes and common list separators.
// Not `?` or `!` (question titles) and not markup such as `*`, `_` or `#`: a title that keeps markdown is wrong.
const TITLE_EDGE = String.raw`[\s\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}"'\x60:;,.|/\\~•·‧∙▪▸▶►→>]+`;
const TITLE_EDGES = new RegExp(`^${TITLE_EDGE}|${TITLE_EDGE}$`, 'gu');

/** README title normalisation: NFKC, lower case, collapsed whitespace, separators/quotes/brackets trimmed. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').replace(TITLE_EDGES, '');
}

export function titlesEqual(a: string, b: string): boolean {
  return normalizeTitle(a) === normalizeTitle(b);
}

function ratio(n: number, d: number): number {
  return d === 0 ? 0 : n / d;
}

/** Scores one item's extraction. `ambiguous` defaults to membership of AMBIGUOUS_IDS. */
export function scoreItem(item: CorpusItem, extracted: readonly ExtractedChapter[], ambiguous = AMBIGUOUS_IDS.has(item.id)): ItemScore {
  if (ambiguous && extracted.length === 0) {
    return {
      id: item.id,
      expected: item.expected.length,
      extracted: 0,
      matched: 0,
      titleOk: 0,
      ambiguousSkipped: true,
      missed: [],
      spurious: [],
      wrongTitles: [],
    };
  }
  // Every candidate pair within the tolerance, nearest first; among equally near pairs the one whose titles agree
  // wins, then document order. Greedy one-to-one assignment over that order.
  const pairs: Array<{ x: number; e: number; d: number; ok: boolean }> = [];
  extracted.forEach((x, xi) => {
    item.expected.forEach((e, ei) => {
      const d = Math.abs(x.startTime - e.start_seconds);
      if (d <= MATCH_TOLERANCE_S + 1e-9) pairs.push({ x: xi, e: ei, d, ok: titlesEqual(x.title, e.title) });
    });
  });
  pairs.sort((a, b) => a.d - b.d || Number(b.ok) - Number(a.ok) || a.e - b.e || a.x - b.x);
  const usedX = new Set<number>();
  const usedE = new Set<number>();
  let titleOk = 0;
  const wrongTitles: TitleMismatch[] = [];
  for (const p of pairs) {
    if (usedX.has(p.x) || usedE.has(p.e)) continue;
    usedX.add(p.x);
    usedE.add(p.e);
    const e = item.expected[p.e]!;
    if (p.ok) titleOk++;
    else wrongTitles.push({ startTime: e.start_seconds, expected: e.title, got: extracted[p.x]!.title });
  }
  wrongTitles.sort((a, b) => a.startTime - b.startTime);
  return {
    id: item.id,
    expected: item.expected.length,
    extracted: extracted.length,
    matched: usedE.size,
    titleOk,
    ambiguousSkipped: false,
    missed: item.expected.filter((_, i) => !usedE.has(i)),
    spurious: extracted.filter((_, i) => !usedX.has(i)).map((c) => ({ startTime: c.startTime, title: c.title })),
    wrongTitles,
  };
}

/** Runs `extract` on every item and scores the whole corpus as the README describes. */
export function scoreChapters(items: readonly CorpusItem[], extract: (item: CorpusItem) => readonly ExtractedChapter[]): CorpusScore {
  const rows = items.map((item) => scoreItem(item, extract(item)));
  let expected = 0;
  let extracted = 0;
  let matched = 0;
  let titleOk = 0;
  let itemsFullyRight = 0;
  let itemsScored = 0;
  const negatives: CorpusScore['negatives'] = { items: 0, withChapters: [] };
  rows.forEach((row) => {
    extracted += row.extracted;
    matched += row.matched;
    titleOk += row.titleOk;
    if (row.ambiguousSkipped) return;
    expected += row.expected;
    itemsScored++;
    if (row.matched === row.expected && row.extracted === row.expected && row.titleOk === row.matched) itemsFullyRight++;
  });
  items.forEach((item, i) => {
    if (item.expected.length > 0 || AMBIGUOUS_IDS.has(item.id)) return;
    negatives.items++;
    if (rows[i]!.extracted > 0) negatives.withChapters.push(item.id);
  });
  const precision = ratio(matched, extracted);
  const recall = ratio(matched, expected);
  return {
    items: rows,
    expected,
    extracted,
    matched,
    titleOk,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    titleAccuracy: ratio(titleOk, matched),
    titlePrecision: ratio(titleOk, extracted),
    titleRecall: ratio(titleOk, expected),
    itemsFullyRight,
    itemsScored,
    negatives,
  };
}

const f3 = (n: number) => n.toFixed(3);

/** One line of totals, e.g. for a log. */
export function formatTotals(score: CorpusScore): string {
  return (
    `precision ${f3(score.precision)}  recall ${f3(score.recall)}  F1 ${f3(score.f1)}  ` +
    `title accuracy ${f3(score.titleAccuracy)}  title precision ${f3(score.titlePrecision)}  title recall ${f3(score.titleRecall)}  ` +
    `(matched ${score.matched} of ${score.expected} expected, ${score.extracted} extracted, titles right ${score.titleOk}; ` +
    `items fully right ${score.itemsFullyRight}/${score.itemsScored}; negatives with chapters ${score.negatives.withChapters.length}/${score.negatives.items})`
  );
}

/**
 * A compact plain-text table: one row per item (id, expected, found, matched, title ok), then the totals.
 * With `details`, the misses, spurious chapters and wrong titles of imperfect items follow (at most `maxDetails` each).
 */
export function formatScoreTable(score: CorpusScore, options: { details?: boolean; maxDetails?: number } = {}): string {
  const idWidth = Math.max(4, ...score.items.map((r) => r.id.length));
  const head = `${'item'.padEnd(idWidth)}  expected  found  matched  title ok`;
  const lines = [head, '-'.repeat(head.length)];
  for (const r of score.items) {
    const perfect = !r.ambiguousSkipped && r.matched === r.expected && r.extracted === r.expected && r.titleOk === r.matched;
    const mark = r.ambiguousSkipped ? '  (ambiguous: none extracted, not scored)' : perfect ? '' : '  ✗';
    lines.push(
      `${r.id.padEnd(idWidth)}  ${String(r.expected).padStart(8)}  ${String(r.extracted).padStart(5)}  ${String(r.matched).padStart(7)}  ${String(r.titleOk).padStart(8)}${mark}`,
    );
  }
  lines.push('-'.repeat(head.length));
  lines.push(
    `${'total'.padEnd(idWidth)}  ${String(score.expected).padStart(8)}  ${String(score.extracted).padStart(5)}  ${String(score.matched).padStart(7)}  ${String(score.titleOk).padStart(8)}`,
  );
  lines.push(formatTotals(score));
  if (options.details) {
    const max = options.maxDetails ?? 5;
    const clip = (s: string) => (s.length > 70 ? `${s.slice(0, 67)}...` : s);
    const more = (n: number) => (n > max ? [`    … ${n - max} more`] : []);
    for (const r of score.items) {
      if (!r.missed.length && !r.spurious.length && !r.wrongTitles.length) continue;
      lines.push(`${r.id}:`);
      if (r.missed.length) {
        lines.push(`  missed ${r.missed.length}:`);
        r.missed.slice(0, max).forEach((c) => lines.push(`    ${c.start_seconds}s ${JSON.stringify(clip(c.title))}`));
        lines.push(...more(r.missed.length));
      }
      if (r.spurious.length) {
        lines.push(`  spurious ${r.spurious.length}:`);
        r.spurious.slice(0, max).forEach((c) => lines.push(`    ${c.startTime}s ${JSON.stringify(clip(c.title))}`));
        lines.push(...more(r.spurious.length));
      }
      if (r.wrongTitles.length) {
        lines.push(`  wrong titles ${r.wrongTitles.length}:`);
        r.wrongTitles
          .slice(0, max)
          .forEach((w) => lines.push(`    ${w.startTime}s expected ${JSON.stringify(clip(w.expected))}, got ${JSON.stringify(clip(w.got))}`));
        lines.push(...more(r.wrongTitles.length));
      }
    }
  }
  return lines.join('\n');
}
