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
import { chooseGuests, scoreCandidates, type Scored } from '../../lib/guests/extract';
import { FEATURES } from '../../lib/guests/features';
import { probability, sigmoid, treeValue, type Tree, type Weights } from '../../lib/guests/model';
import { fold, loadSplitCorpus, scoreGuests, type GuestItem } from './guests-corpus';

export const weightsPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../lib/guests/weights.json');


export interface Example {
  x: number[];
  y: 0 | 1;
}

/** A corpus row read once: its candidates and their features (they do not depend on the model). */
export interface Row {
  item: GuestItem;
  scored: Scored[];
  /** The hosts the engine read (given, and from the notes): chooseGuests leaves them out in any case form. */
  hosts: readonly string[];
  /** The lines listed under guest headings (Context.guestSections), for chooseGuests' list rule. */
  sections: ReadonlyMap<number, number>;
}
export const readRows = (items: readonly GuestItem[]): Row[] =>
  items.map((item) => {
    const { scored, ctx } = scoreCandidates(input(item));
    return { item, scored, hosts: ctx.hosts, sections: ctx.guestSections };
  });

/** The candidates of each row, labelled: a guest (1), not a guest (0); neutral names are left out. */
export function examples(rows: readonly Row[]): Example[] {
  const out: Example[] = [];
  for (const { item, scored } of rows) {
    const expected = item.expected_guests.map((g) => [g.name, ...(g.aliases ?? [])].map(fold));
    const neutral = new Set((item.acceptable_extra_names ?? []).map(fold));
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

/** How the trees are grown; checked by show-grouped cross-validation on training (`npm run tune:guests`). */
export interface FitParams {
  rounds: number;
  shrink: number;
  minLeaf: number;
  depth: number;
}
export const FIT_PARAMS: FitParams = { rounds: 150, shrink: 0.1, minLeaf: 8, depth: 2 };
const CUTS = [0.05, 0.3, 0.5, 0.7, 0.95];

/** Gradient boosting of small trees on the logistic loss (Newton leaves, shrinkage): deterministic. */
export function fitTrees(data: readonly Example[], params: FitParams = FIT_PARAMS): Pick<Weights, 'base' | 'trees'> {
  const { rounds, shrink, minLeaf, depth: maxDepth } = params;
  const n = FEATURES.length;
  const positives = data.filter((d) => d.y === 1).length;
  const base = round(Math.log(positives / (data.length - positives)));
  const z = data.map(() => base);
  const trees: Tree[] = [];
  const binary = FEATURES.map((_, f) => data.every((d) => d.x[f] === 0 || d.x[f] === 1));
  for (let r = 0; r < rounds; r++) {
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
      return { v: round((shrink * sg) / (sh + 1)) };
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
          if (ln < minLeaf || rn < minLeaf) continue;
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
      const split = depth < maxDepth ? best(rows) : undefined;
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

/** Precision and recall of a model on rows at a threshold, end to end (chosen and scored as the corpus test does). */
export function scoreRows(rows: readonly Row[], model: Pick<Weights, 'base' | 'trees'>, threshold: number) {
  const byItem = new Map(rows.map((r) => [r.item, r]));
  return scoreGuests(
    rows.map((r) => r.item),
    (item) => {
      const r = byItem.get(item)!;
      const scored = r.scored.map((s) => ({ ...s, probability: probability(s.features, model) }));
      return chooseGuests(scored, threshold, r.hosts, r.sections).map((s) => ({ name: s.candidate.name, aliases: s.candidate.spellings, affiliations: [], summary: '' }));
    },
  );
}

/** F0.5 (β² = 0.25): a wrong name costs a listener more than a missed one. */
export const fHalf = ({ precision: p, recall: r }: { precision: number; recall: number }) => (1.25 * p * r) / (0.25 * p + r || 1);

/**
 * F0.5 within this of the best is a tie (about one guest of the training split): the highest such threshold is taken,
 * so a small change to the features does not move the threshold across a plateau, and held-out shows (show-grouped
 * cross-validation on training) lose no F0.5 from the higher one.
 */
const THRESHOLD_TIE = 0.002;

/** The highest threshold whose F0.5 on the rows is within THRESHOLD_TIE of the best. */
export function pickThreshold(rows: readonly Row[], model: Pick<Weights, 'base' | 'trees'>): number {
  const curve: Array<{ f: number; t: number }> = [];
  for (let t = 0.1; t <= 0.9001; t += 0.025) curve.push({ f: fHalf(scoreRows(rows, model, t)), t: Math.round(t * 1000) / 1000 });
  const best = Math.max(...curve.map((c) => c.f));
  return curve.filter((c) => c.f >= best - THRESHOLD_TIE).pop()!.t;
}

export function fit(): Weights | undefined {
  const corpus = loadSplitCorpus();
  if (!corpus) return undefined;
  const rows = readRows(corpus.training);
  const model = fitTrees(examples(rows));
  return { features: [...FEATURES], ...model, threshold: pickThreshold(rows, model) };
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
