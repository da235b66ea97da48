/**
 * Fits the guests model (lib/guests/weights.json) on the training split of the guests corpora: gradient-boosted
 * depth-2 trees on the logistic loss, a fixed number of rounds with no randomness, so the same corpus gives the
 * same trees on every machine. Then picks the listing threshold that gives the best F0.5 on training. Validation
 * is never read here. `npm run fit:guests` writes lib/guests/weights.json; the corpus test fails when the committed
 * file differs from a fresh fit.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreCandidates } from '../../lib/guests/extract';
import { FEATURES } from '../../lib/guests/features';
import { probability, sigmoid, treeValue, type Tree, type Weights } from '../../lib/guests/model';
import { fold, loadSplitCorpus, scoreGuests, type GuestItem } from './guests-corpus';

export const weightsPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../lib/guests/weights.json');


export interface Example {
  x: number[];
  y: 0 | 1;
}

/** The candidates of each training row, labelled: a guest (1), not a guest (0); neutral names are left out. */
export function examples(items: readonly GuestItem[]): Example[] {
  const out: Example[] = [];
  for (const item of items) {
    const expected = item.expected_guests.map((g) => [g.name, ...(g.aliases ?? [])].map(fold));
    const neutral = new Set((item.acceptable_extra_names ?? []).map(fold));
    const { scored } = scoreCandidates(input(item));
    for (const s of scored) {
      const names = s.candidate.spellings.map(fold);
      const y = expected.some((e) => e.some((n) => names.includes(n))) ? 1 : 0;
      if (y === 0 && names.some((n) => neutral.has(n))) continue;
      out.push({ x: s.features, y });
    }
  }
  return out;
}

export function input(item: GuestItem) {
  return {
    title: item.title,
    notes: item.description,
    ...(item.show ? { show: item.show } : {}),
    ...(item.hosts ? { hosts: item.hosts } : {}),
  };
}

const ROUNDS = 150;
const SHRINK = 0.1;
const MIN_LEAF = 8;
/** F0.5 (β² = 0.25) picks the threshold: a wrong name costs a listener more than a missed one. */
const BETA2 = 0.25;
const CUTS = [0.05, 0.3, 0.5, 0.7, 0.95];

/** Gradient boosting of depth-2 trees on the logistic loss (Newton leaves, shrinkage): deterministic. */
export function fitTrees(data: readonly Example[]): Pick<Weights, 'base' | 'trees'> {
  const n = FEATURES.length;
  const positives = data.filter((d) => d.y === 1).length;
  const base = round(Math.log(positives / (data.length - positives)));
  const z = data.map(() => base);
  const trees: Tree[] = [];
  const binary = FEATURES.map((_, f) => data.every((d) => d.x[f] === 0 || d.x[f] === 1));
  for (let round_ = 0; round_ < ROUNDS; round_++) {
    const p = z.map(sigmoid);
    const g = data.map((d, i) => d.y - p[i]!);
    const h = p.map((q) => Math.max(q * (1 - q), 1e-6));
    const all = data.map((_, i) => i);
    const leaf = (rows: number[]): Tree => {
      let sg = 0;
      let sh = 0;
      for (const i of rows) {
        sg += g[i]!;
        sh += h[i]!;
      }
      return { v: round((SHRINK * sg) / (sh + 1)) };
    };
    // The split with the largest gain in the Newton objective, or none.
    const best = (rows: number[]): { f: number; t: number; l: number[]; r: number[] } | undefined => {
      let top: { gain: number; f: number; t: number; l: number[]; r: number[] } | undefined;
      let sg = 0;
      let sh = 0;
      for (const i of rows) {
        sg += g[i]!;
        sh += h[i]!;
      }
      const parent = (sg * sg) / (sh + 1);
      for (let f = 1; f < n; f++) {
        for (const t of CUTS) {
          let lg = 0;
          let lh = 0;
          let ln = 0;
          for (const i of rows) {
            if (data[i]!.x[f]! <= t) {
              lg += g[i]!;
              lh += h[i]!;
              ln++;
            }
          }
          const rn = rows.length - ln;
          if (ln < MIN_LEAF || rn < MIN_LEAF) continue;
          const gain = (lg * lg) / (lh + 1) + ((sg - lg) * (sg - lg)) / (sh - lh + 1) - parent;
          if (!top || gain > top.gain + 1e-12) {
            const l = rows.filter((i) => data[i]!.x[f]! <= t);
            const r = rows.filter((i) => data[i]!.x[f]! > t);
            top = { gain, f, t, l, r };
          }
          // Binary features give the same split at every cut.
          if (binary[f]) break;
        }
      }
      return top;
    };
    const grow = (rows: number[], depth: number): Tree => {
      const split = depth < 2 ? best(rows) : undefined;
      if (!split) return leaf(rows);
      return { f: split.f, t: split.t, l: grow(split.l, depth + 1), r: grow(split.r, depth + 1) };
    };
    const tree = grow(all, 0);
    trees.push(tree);
    data.forEach((d, i) => (z[i] = z[i]! + treeValue(tree, d.x)));
  }
  return { base, trees };
}

const round = (v: number) => Math.round(v * 1e4) / 1e4 || 0; // never -0, which JSON cannot tell from 0

/** The threshold with the best F0.5 on the training rows, end to end (merging and scoring as the corpus test does). */
export function pickThreshold(items: readonly GuestItem[], model: Pick<Weights, 'base' | 'trees'>): number {
  const rows = new Map(items.map((item) => [item, scoreCandidates(input(item))]));
  let best = { f: -1, t: 0.5 };
  for (let t = 0.1; t <= 0.9001; t += 0.025) {
    const score = scoreGuests([...items], (item) =>
      rows
        .get(item)!
        .scored
        .filter((s) => probability(s.features, model) >= t)
        .map((s) => ({ name: s.candidate.name, aliases: s.candidate.spellings, affiliations: [], summary: '' })),
    );
    const f = ((1 + BETA2) * score.precision * score.recall) / (BETA2 * score.precision + score.recall || 1);
    if (f > best.f + 1e-9) best = { f, t: Math.round(t * 1000) / 1000 };
  }
  return best.t;
}

export function fit(): Weights | undefined {
  const corpus = loadSplitCorpus();
  if (!corpus) return undefined;
  const model = fitTrees(examples(corpus.training));
  return { features: [...FEATURES], ...model, threshold: pickThreshold(corpus.training, model) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const fitted = fit();
  if (!fitted) {
    console.error('fit:guests: the corpora are not in ../shared/corpus');
    process.exit(2);
  }
  const text = `${JSON.stringify(fitted, null, 1)}\n`;
  writeFileSync(weightsPath, text);
  console.log(`${fitted.trees.length} trees`);
  console.log(`threshold ${fitted.threshold}`);
}
