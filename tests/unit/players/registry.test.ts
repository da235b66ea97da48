/**
 * The registry's invariants, checked for every adapter at once so a new adapter cannot skip them: ids, match
 * patterns, fixtures, URL examples and the page-kind detectors agree with each other.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureUrl } from '../fixture-pages';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { PLAYERS, playerById, playerForUrl } from '../../../lib/players/registry';
import type { PageKind, PlayerAdapter } from '../../../lib/players/types';
import { EMBEDS, embedOf } from '../../../lib/players/embeds';
import { EMBED_PLAYERS, embedPlayerFor } from '../../../lib/players/embed-players';

const FIXTURES = fileURLToPath(new URL('../../fixtures/players/', import.meta.url));
const KINDS: readonly PageKind[] = ['episode', 'show', 'other'];
const players: readonly PlayerAdapter[] = PLAYERS;
const specific = players.filter((p) => p.id !== 'generic');

function examplesOf(p: PlayerAdapter): Array<[PageKind, string]> {
  return KINDS.flatMap((kind) => p.examples[kind].map((u): [PageKind, string] => [kind, u]));
}

describe('player registry', () => {
  it('has unique, lowercase, kebab-case ids', () => {
    const ids = players.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
  });

  it('gives every adapter a label', () => {
    for (const p of players) expect(p.label.trim()).not.toBe('');
  });

  it('keeps the generic adapter last and without match patterns', () => {
    expect(players.at(-1)?.id).toBe('generic');
    expect(playerById('generic')?.matches).toEqual([]);
  });

  it.each(specific.map((p) => [p.id, p] as const))('%s: every match pattern is valid', (_id, p) => {
    expect(p.matches.length).toBeGreaterThan(0);
    for (const m of p.matches) expect(() => new MatchPattern(m)).not.toThrow();
  });

  it.each(players.map((p) => [p.id, p] as const))('%s: has fixtures that exist and episode examples', (_id, p) => {
    expect(p.fixtures.length).toBeGreaterThan(0);
    for (const f of p.fixtures) {
      // Plain names: the folder is the adapter's id, so a fixture cannot sit in another adapter's folder.
      expect(f).toMatch(/^[a-z0-9-]+\.html$/);
      expect(existsSync(`${FIXTURES}${p.id}/${f}`), `${p.id}/${f}`).toBe(true);
    }
    expect(p.examples.episode.length).toBeGreaterThan(0);
    if (p.id !== 'generic') expect(p.examples.other.length).toBeGreaterThan(0);
  });

  it('keeps one fixture folder per adapter, each page in it listed by that adapter, one of them an episode page', () => {
    // An unlisted page would be checked by nothing here; a folder with no adapter is a leftover.
    const folders = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.sort()).toEqual(players.map((p) => p.id).sort());
    for (const p of players) {
      expect(readdirSync(FIXTURES + p.id).sort(), p.id).toEqual([...p.fixtures].sort());
      expect(p.fixtures.some((f) => p.pageKind(fixtureUrl(`${p.id}/${f}`)) === 'episode'), p.id).toBe(true);
    }
  });

  it.each(players.map((p) => [p.id, p] as const))('%s: classifies its own examples exactly', (_id, p) => {
    for (const [kind, u] of examplesOf(p)) expect(p.pageKind(new URL(u)), u).toBe(kind);
  });

  it.each(specific.map((p) => [p.id, p] as const))("%s: calls every other adapter's examples 'other'", (_id, p) => {
    for (const other of players) {
      if (other === p) continue;
      for (const [, u] of examplesOf(other)) expect(p.pageKind(new URL(u)), `${p.id} on ${u}`).toBe('other');
    }
  });

  it("keeps the adapters' examples inside their own match patterns", () => {
    for (const p of specific) {
      const patterns = p.matches.map((m) => new MatchPattern(m));
      for (const [, u] of examplesOf(p)) expect(patterns.some((m) => m.includes(u)), u).toBe(true);
    }
  });

  it('picks the adapter for each example URL, and never the generic one', () => {
    for (const p of specific) for (const [, u] of examplesOf(p)) expect(playerForUrl(new URL(u))?.id, u).toBe(p.id);
    for (const [, u] of examplesOf(playerById('generic')!)) expect(playerForUrl(new URL(u)), u).toBeUndefined();
    expect(playerForUrl(new URL('https://m.youtube.com/watch?v=abcDEF12345'))).toBeUndefined();
    expect(playerForUrl(new URL('https://embed.podcasts.apple.com/us/podcast/x/id1?i=2'))).toBeUndefined();
  });

  it("maps each fixture's URL to the adapter that lists it", () => {
    for (const p of players) {
      for (const f of p.fixtures) {
        const url = fixtureUrl(`${p.id}/${f}`);
        expect(playerForUrl(url)?.id ?? 'generic', f).toBe(p.id);
        expect(p.pageKind(url), f).not.toBe('other');
      }
    }
  });

  it.each(players.map((p) => [p.id, p] as const))('%s: asks the page-world helper for what its seeks need', (_id, p) => {
    if (p.seekWith === 'bridge') expect(p.bridge).toContain('media');
    if (p.seekWith === 'timejump') expect(p.bridge).toContain('timejump');
    // The helper is injected by the player's own content script: the on-demand generic path has none.
    if (p.matches.length === 0) expect(p.bridge ?? []).toEqual([]);
  });

  it('knows every embedded player by its iframe address, and runs each embed adapter inside frames', () => {
    const embedAdapters = players.filter((p) => p.embed);
    expect(EMBED_PLAYERS.map((p) => p.id).sort()).toEqual(embedAdapters.map((p) => p.id).sort());
    expect(EMBEDS.map((e) => e.player).sort()).toEqual(embedAdapters.map((p) => p.id).sort());
    for (const p of embedAdapters) {
      // At least one of its episode pages is what hosts put in their iframes; none of its other pages is.
      expect(p.examples.episode.some((u) => embedOf(u, 'https://host.example/')?.player === p.id), p.id).toBe(true);
      for (const u of p.examples.other) expect(embedOf(u, 'https://host.example/')?.player === p.id && p.pageKind(new URL(u)) !== 'other', u).toBe(false);
      for (const u of p.examples.episode) expect(embedPlayerFor(new URL(u))?.id, u).toBe(p.id);
    }
    // Other players' pages are not embeds.
    for (const p of players.filter((x) => !x.embed)) for (const u of p.examples.episode) expect(embedOf(u, 'https://host.example/'), u).toBeUndefined();
    expect(embedOf('javascript:alert(1)', 'https://host.example/')).toBeUndefined();
    expect(embedOf('//player.captivate.fm/episode/5b0f3a2e-8c1d-4f6a-9e7b-2d4c6a8e0f13', 'https://host.example/')?.player).toBe('captivate');
  });

  it('leaves an adapter’s excluded pages to the adapter that claims them', () => {
    const withExclusions = players.filter((p) => p.excludeMatches?.length);
    expect(withExclusions.length).toBeGreaterThan(0);
    for (const p of withExclusions) {
      const excluded = p.excludeMatches!.map((m) => new MatchPattern(m));
      for (const [, u] of examplesOf(p)) expect(excluded.some((m) => m.includes(u)), u).toBe(false);
      for (const other of players) {
        if (other === p) continue;
        for (const [, u] of examplesOf(other)) if (excluded.some((m) => m.includes(u))) expect(playerForUrl(new URL(u))?.id, u).toBe(other.id);
      }
    }
  });

  it('runs each player’s content script where its adapter says: an entrypoint per player, the embeds in one', () => {
    const entry = (name: string) => {
      const file = fileURLToPath(new URL(`../../../entrypoints/${name}.content/index.ts`, import.meta.url));
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    };
    const embedded = new Set(EMBED_PLAYERS.map((p) => p.id));
    for (const p of players) {
      if (p.id === 'generic' || embedded.has(p.id)) continue;
      const text = entry(p.id);
      expect(text, `entrypoints/${p.id}.content/index.ts`).toBeDefined();
      // The options come from the adapter, not a copy of them.
      expect(text, p.id).toMatch(/matches: \[\.\.\.\w+\.matches\]/);
      if (p.excludeMatches) expect(text, p.id).toMatch(/excludeMatches: \[\.\.\.\w+\.excludeMatches\]/);
      // Through the detector (stage 1), which loads the runtime when there is work.
      expect(text, p.id).toMatch(new RegExp(`stageContent\\(ctx, \\w+`));
      // Once the DOM is parsed; before it only for a runtime that must start then (`early`): injected at
      // document_start, a detector holds the page's parse and first paint back (npm run bench:page).
      expect(text, p.id).toMatch(/early: true/.test(text!) ? /runAt: 'document_start'/ : /runAt: 'document_end'/);
      // Early only for what needs it: a page-world helper that must see the player make its media element.
      if (/early: true/.test(text!)) expect(p.bridge ?? [], p.id).toContain('media');
      // Nothing posted to the page's own window at start (tests/e2e checks the pages it opens watched).
      expect(text, p.id).toMatch(/noScriptStartedPostMessage: true/);
    }
    expect(entry('embeds')).toMatch(/EMBED_PLAYERS\.flatMap\(\(p\) => \[\.\.\.p\.matches\]\)/);
    expect(entry('embeds')).toMatch(/runAt: 'document_end'/);
    expect(entry('embeds')).toMatch(/noScriptStartedPostMessage: true/);
  });

  it('finds adapters by id', () => {
    for (const p of players) expect(playerById(p.id)).toBe(p);
    expect(playerById('deezer')).toBeUndefined();
    expect(playerById('')).toBeUndefined();
  });
});
