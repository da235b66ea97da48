// Player knowledge stays in lib/players/: the runtime, the UI and the entrypoints name no player, no player's host
// and no player's markup. A new player is one adapter file and a registry line (CONTRIBUTING.md), not edits across
// the shared mechanisms. Comments may name players (they say why); code may not.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PLAYERS } from '../../../lib/players/registry';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const sources = (dir: string) =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(dir, f));

/** Source without comments, so that a comment explaining a player's quirk does not count. */
const code = (file: string) =>
  readFileSync(join(root, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

// The shared mechanisms: content runtime, page-world modules, background, UI, entrypoints. (lib/timeline and
// lib/guests are pure engines: "youtube" there is a chapter format or a link's label, not a player.)
const SHARED = [...sources('lib/content'), ...sources('lib/page'), ...sources('lib/background'), ...sources('components'), ...sources('entrypoints'), 'lib/messages.ts', 'lib/content-status.ts'];

// The generic adapter is no player: "generic" also names its on-demand entrypoint.
const ids = PLAYERS.map((p) => p.id).filter((id) => id !== 'generic');
const HOSTS = /(?:youtube\.com|spotify\.com|apple\.com|overcast\.fm|pocketcasts\.com|substack\.com|transistor\.fm|libsyn\.com|buzzsprout\.com|captivate\.fm|podbean\.com)/;
const MARKUP = /#movie_player|data-testid|\bytd-|\bytmusic-|site-sticky-player|episode_body/;

describe('player knowledge stays in lib/players', () => {
  it('finds the shared files to check', () => {
    expect(SHARED.length).toBeGreaterThan(20);
    expect(SHARED).toContain(join('lib', 'content', 'runtime.tsx'));
  });

  it.each(SHARED)('%s names no player, player host or player markup', (file) => {
    const text = code(file);
    const named = ids.filter((id) => new RegExp(`['"\`]${id}['"\`]`).test(text));
    expect(named).toEqual([]);
    expect(text.match(HOSTS)?.[0]).toBeUndefined();
    expect(text.match(MARKUP)?.[0]).toBeUndefined();
  });
});
