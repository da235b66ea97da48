/**
 * The guests model: a small ensemble of boosted decision trees over the features in features.ts (depth 2, so it can
 * learn that a cue counts for a two-word name and not for a lone word). Its trees are data (weights.json), fitted by
 * `npm run fit:guests` on the training split of the guests corpora; nothing here is tuned by hand.
 */
import weights from './weights.json';
import { FEATURES } from './features';

/** A split on one feature (`x[f] > t` goes right), or a leaf's value in log-odds. */
export type Tree = { f: number; t: number; l: Tree; r: Tree } | { v: number };

export interface Weights {
  features: string[];
  /** Log-odds before any tree. */
  base: number;
  trees: Tree[];
  /** Probability from which a candidate is listed as a guest (chosen on the training split by the fit). */
  threshold: number;
}

const model = weights as Weights;
if (model.features.join() !== FEATURES.join()) {
  // A feature added or renamed without refitting: fail loudly, never guess an alignment.
  throw new Error('guests model: weights.json does not match the features; run npm run fit:guests');
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function treeValue(tree: Tree, x: readonly number[]): number {
  let node = tree;
  while (!('v' in node)) node = x[node.f]! > node.t ? node.r : node.l;
  return node.v;
}

export function logOdds(x: readonly number[], m: Pick<Weights, 'base' | 'trees'> = model): number {
  let z = m.base;
  for (const tree of m.trees) z += treeValue(tree, x);
  return z;
}

export function probability(x: readonly number[], m: Pick<Weights, 'base' | 'trees'> = model): number {
  return sigmoid(logOdds(x, m));
}

export const THRESHOLD = model.threshold;
