/**
 * The corpora are split by show into training and validation, once, with a fixed seed: shows are grouped into
 * strata (a language, or "has a chapter list"), and a stratum with two or more shows sends round(n / 3) of them
 * (at least one) to validation, chosen by a seeded Fisher–Yates shuffle of its show names in sorted order; a
 * stratum with one show stays in training. Each corpus commits its result as JSON, and a test checks that the
 * rule still reproduces it.
 */
import { prng } from '../prng';

export const SPLIT_SEED = 20261204;

/** The validation shows, given each show's stratum. Strata and shows are visited in sorted order. */
export function pickValidation(showStratum: ReadonlyMap<string, string>, seed = SPLIT_SEED): string[] {
  const strata = new Map<string, string[]>();
  for (const [show, stratum] of showStratum) {
    if (!strata.has(stratum)) strata.set(stratum, []);
    strata.get(stratum)!.push(show);
  }
  const random = prng(seed);
  const chosen: string[] = [];
  for (const stratum of [...strata.keys()].sort()) {
    const shows = strata.get(stratum)!.sort();
    if (shows.length < 2) continue;
    for (let i = shows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shows[i], shows[j]] = [shows[j]!, shows[i]!];
    }
    chosen.push(...shows.slice(0, Math.max(1, Math.round(shows.length / 3))));
  }
  return chosen.sort();
}
