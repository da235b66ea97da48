/**
 * The guests corpora split by show (see split.ts for the rule). `guests-dev.jsonl` (already tuned to) is all
 * training; in `guests-dev-2.jsonl` the strata are languages. The result is committed in `guests-split.json`.
 */
import { pickValidation, SPLIT_SEED } from './split';

export { SPLIT_SEED };

export interface ShowRow {
  show?: string;
  language?: string;
}

/** The validation shows of a corpus, stratified by language. */
export function validationShows(rows: readonly ShowRow[], seed = SPLIT_SEED): string[] {
  const stratum = new Map<string, string>();
  for (const row of rows) if (!stratum.has(row.show ?? '')) stratum.set(row.show ?? '', row.language ?? '');
  return pickValidation(stratum, seed);
}
