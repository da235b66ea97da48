import { PLAYERS } from '../lib/players/registry';
import type { PlayerAdapter } from '../lib/players/types';

/**
 * A player's name as the listener reads it in the settings and the library: a host with two players (Transistor's
 * own pages and its embedded player) would show two of the same name, so the embedded one says so.
 */
export function playerName(p: PlayerAdapter): string {
  const twin = (PLAYERS as readonly PlayerAdapter[]).some((q) => q !== p && q.id !== 'generic' && q.label === p.label);
  return p.embed && twin ? `${p.label} (embedded player)` : p.label;
}
