/**
 * Loads ../shared/corpus/guests-dev.jsonl (real episodes with the guests a careful reader lists) and scores an
 * extractor by the corpus README's rules: a listed guest matches an expected one when a name or alias is equal
 * after folding case, accents and punctuation; names in `acceptable_extra_names` are neutral; a summary carries
 * its facts when every `summary_must_mention` string occurs in the guest's summary or affiliations
 * (case-insensitive).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const guestsCorpusPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/guests-dev.jsonl');
export const splitPath = resolve(dirname(fileURLToPath(import.meta.url)), 'guests-split.json');
export const guestsCorpus2Path = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/guests-dev-2.jsonl');

export interface GuestItem {
  id?: string;
  title: string;
  description: string;
  description_format: 'text' | 'html' | 'markdown';
  show?: string;
  hosts?: string[];
  language?: string;
  expected_guests: Array<{ name: string; aliases?: string[]; summary_must_mention?: string[] }>;
  acceptable_extra_names?: string[];
  mentioned_non_guests?: string[];
  person_tags?: Array<{ name: string; role?: string; href?: string }>;
  ambiguous?: boolean;
}

export interface ListedGuest {
  name: string;
  aliases: string[];
  affiliations: string[];
  summary: string;
}

export function loadGuestsCorpus(path = guestsCorpusPath): GuestItem[] | undefined {
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GuestItem);
}

/** Both corpora with their split (see guests-split.ts), ambiguous rows left out; undefined where ../shared is absent. */
export function loadSplitCorpus(): { training: GuestItem[]; validation: GuestItem[] } | undefined {
  const first = loadGuestsCorpus(guestsCorpusPath);
  const second = loadGuestsCorpus(guestsCorpus2Path);
  if (!first || !second) return undefined;
  const validation = new Set((JSON.parse(readFileSync(splitPath, 'utf8')) as { validation: string[] }).validation);
  const scored = (rows: GuestItem[]) => rows.filter((r) => !r.ambiguous);
  return {
    training: [...scored(first), ...scored(second).filter((r) => !validation.has(r.show ?? ''))],
    validation: scored(second).filter((r) => validation.has(r.show ?? '')),
  };
}
export const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export interface GuestScore {
  listed: number;
  expected: number;
  matched: number;
  /** Listed names that are neither expected nor acceptable extras. */
  wrong: number;
  precision: number;
  recall: number;
  /** Matched guests whose summary or affiliations carry every expected fact. */
  factsOk: number;
  factsTotal: number;
  factShare: number;
  rows: Array<{ title: string; expected: string[]; listed: string[]; missed: string[]; wrong: string[]; factsMissing: string[] }>;
}

export function scoreGuests(items: GuestItem[], extract: (item: GuestItem) => ListedGuest[]): GuestScore {
  let listed = 0;
  let expected = 0;
  let matched = 0;
  let wrong = 0;
  let factsOk = 0;
  let factsTotal = 0;
  const rows: GuestScore['rows'] = [];
  for (const item of items) {
    const guests = extract(item);
    const extras = new Set((item.acceptable_extra_names ?? []).map(fold));
    const used = new Set<number>();
    const row = { title: item.title, expected: item.expected_guests.map((g) => g.name), listed: guests.map((g) => g.name), missed: [] as string[], wrong: [] as string[], factsMissing: [] as string[] };
    for (const g of guests) {
      const names = [g.name, ...g.aliases].map(fold);
      const hit = item.expected_guests.findIndex((e, i) => !used.has(i) && [e.name, ...(e.aliases ?? [])].map(fold).some((n) => names.includes(n)));
      if (hit >= 0) {
        used.add(hit);
        listed++;
        matched++;
        const facts = item.expected_guests[hit]!.summary_must_mention ?? [];
        if (facts.length) {
          factsTotal++;
          const text = `${g.summary} ${g.affiliations.join(' ')}`.toLowerCase();
          const missing = facts.filter((f) => !text.includes(f.toLowerCase()));
          if (missing.length === 0) factsOk++;
          else row.factsMissing.push(`${g.name}: ${missing.join(', ')}`);
        }
      } else if (!names.some((n) => extras.has(n))) {
        listed++;
        wrong++;
        row.wrong.push(g.name);
      }
    }
    item.expected_guests.forEach((e, i) => {
      expected++;
      if (!used.has(i)) row.missed.push(e.name);
    });
    rows.push(row);
  }
  return {
    listed,
    expected,
    matched,
    wrong,
    precision: listed ? matched / listed : expected ? 0 : 1,
    recall: expected ? matched / expected : 1,
    factsOk,
    factsTotal,
    factShare: factsTotal ? factsOk / factsTotal : 1,
    rows,
  };
}
