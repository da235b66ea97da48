/**
 * The fixture pages (tests/fixtures/players/<adapter id>/), for unit tests that read them without a browser (parsed
 * by linkedom). Names are relative to tests/fixtures/players/: `fixture('overcast/episode.html')`.
 */
import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';

export const fixture = (name: string): string => readFileSync(new URL(`../fixtures/players/${name}`, import.meta.url), 'utf8');

export const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

/** The URL a fixture stands for, from its `earmark-fixture-url` comment. */
export function fixtureUrl(name: string): URL {
  const m = /<!-- earmark-fixture-url: (\S+) -->/.exec(fixture(name));
  if (!m) throw new Error(`${name} names no URL`);
  return new URL(m[1]!);
}
