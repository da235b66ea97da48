/**
 * The guests corpora split by show into training and validation, once, with a fixed seed. The engine is designed
 * and its weights fitted on training only; validation is looked at as numbers (precision, recall, summaries).
 *
 * Rule: `guests-dev.jsonl` (already tuned to) is all training. In `guests-dev-2.jsonl`, shows are grouped by
 * language; a language with two or more shows sends round(n / 3) of them (at least one) to validation, chosen by a
 * seeded shuffle of its show names in sorted order; a language with one show stays in training. The result is
 * committed in `guests-split.json`, and a test checks that this rule still reproduces it.
 */
import { prng } from '../prng';

export const SPLIT_SEED = 20261204;

export interface ShowRow {
  show?: string;
  language?: string;
}

/** The validation shows of a corpus, by the rule above. */
export function validationShows(rows: readonly ShowRow[], seed = SPLIT_SEED): string[] {
  const byLanguage = new Map<string, Set<string>>();
  for (const row of rows) {
    const show = row.show ?? '';
    const language = row.language ?? '';
    if (!byLanguage.has(language)) byLanguage.set(language, new Set());
    byLanguage.get(language)!.add(show);
  }
  const random = prng(seed);
  const chosen: string[] = [];
  for (const language of [...byLanguage.keys()].sort()) {
    const shows = [...byLanguage.get(language)!].sort();
    if (shows.length < 2) continue;
    // Fisher–Yates with the seeded generator, then the first round(n/3).
    for (let i = shows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shows[i], shows[j]] = [shows[j]!, shows[i]!];
    }
    chosen.push(...shows.slice(0, Math.max(1, Math.round(shows.length / 3))));
  }
  return chosen.sort();
}
