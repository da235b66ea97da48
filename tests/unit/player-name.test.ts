// Players as the settings and the library name them: no two alike.
import { describe, expect, it } from 'vitest';
import { playerName } from '../../components/player-name';
import { PLAYERS } from '../../lib/players/registry';
import type { PlayerAdapter } from '../../lib/players/types';

describe('playerName', () => {
  const players = (PLAYERS as readonly PlayerAdapter[]).filter((p) => p.id !== 'generic');

  it('gives every player a name of its own', () => {
    const names = players.map(playerName);
    expect(new Set(names).size).toBe(names.length);
  });

  it('keeps a host’s own pages under its name, and tells its embedded player apart by that name', () => {
    const twins = players.filter((p) => players.some((q) => q !== p && q.label === p.label));
    // The case this is for exists (else the test above proves nothing about it).
    expect(twins.some((p) => p.embed)).toBe(true);
    for (const p of twins) {
      if (p.embed) expect(playerName(p).startsWith(`${p.label} `)).toBe(true);
      else expect(playerName(p)).toBe(p.label);
    }
    for (const p of players.filter((q) => !twins.includes(q))) expect(playerName(p)).toBe(p.label);
  });
});
