/**
 * The timeline corpora split by show (see split.ts for the rule). `timelines-dev.jsonl` (already tuned to) is all
 * training. In `timelines-dev-2.jsonl` an item's show is read from its `source`: the repository, except where one
 * repository archives many shows (a feed collection: the feed file; a show-notes repository: its first folder; a
 * test-mock tree: the mock's folder). The strata are "the show's notes hold a chapter list" and "they do not", so
 * validation has both. The result is committed in `timeline-split.json`.
 */
import { pickValidation, SPLIT_SEED } from './split';

export { SPLIT_SEED };

export interface SourceRef {
  repo?: string;
  path?: string;
}

/** Repositories that hold many shows, and how a path names the show inside them. */
const MANY_SHOWS: Record<string, (path: string) => string> = {
  'korowiow80/PodSearch_Content': (path) => path,
  'thechangelog/show-notes': (path) => path.split('/')[0] ?? path,
  'TeamNewPipe/NewPipeExtractor': (path) => path.split('/').slice(0, -1).join('/'),
};

export function showOf(source: SourceRef | string | undefined): string {
  if (!source || typeof source === 'string') return source || '?';
  const repo = source.repo ?? '?';
  const inner = MANY_SHOWS[repo];
  return inner && source.path ? `${repo}:${inner(source.path)}` : repo;
}

export interface TimelineRow {
  source?: SourceRef | string;
  expected: readonly unknown[];
}

/** The validation shows: a third of the shows with a chapter list and a third of those without. */
export function timelineValidationShows(rows: readonly TimelineRow[], seed = SPLIT_SEED): string[] {
  const stratum = new Map<string, string>();
  for (const row of rows) {
    const show = showOf(row.source);
    // A show with one chapter list among its items counts as a show with chapter lists.
    if (row.expected.length > 0 || !stratum.has(show)) stratum.set(show, row.expected.length > 0 ? 'chapters' : 'none');
  }
  return pickValidation(stratum, seed);
}
