/**
 * Every player adapter, in the order they are tried. The generic adapter comes last and is never chosen by URL:
 * it runs only when the listener asks for it on a page no other adapter claims.
 */
import { MatchPattern } from 'wxt/utils/match-patterns';
import { apple } from './apple';
import { generic } from './generic';
import { overcast } from './overcast';
import { pocketCasts } from './pocket-casts';
import { spotify } from './spotify';
import { substack } from './substack';
import { transistor } from './transistor';
import { transistorEmbed } from './transistor-embed';
import { buzzsprout } from './buzzsprout';
import { captivate } from './captivate';
import { libsyn } from './libsyn';
import { podbean } from './podbean';
import { youtube } from './youtube';
import { youtubeMusic } from './youtube-music';
import type { PlayerAdapter } from './types';

export const PLAYERS = [apple, youtube, youtubeMusic, overcast, spotify, pocketCasts, substack, transistorEmbed, transistor, buzzsprout, captivate, libsyn, podbean, generic] as const;

export type PlayerId = (typeof PLAYERS)[number]['id'];

export function playerById(id: string): PlayerAdapter | undefined {
  return PLAYERS.find((p) => p.id === id);
}

/** Compiled once: patterns are constant and the lookup runs on every navigation. */
const compiled = PLAYERS.filter((p) => p !== generic).map((p) => ({
  player: p as PlayerAdapter,
  patterns: p.matches.map((m) => new MatchPattern(m)),
  excluded: ((p as PlayerAdapter).excludeMatches ?? []).map((m) => new MatchPattern(m)),
}));

/** The adapter whose content script runs at `url` (its match patterns, less its exclusions); never the generic one. */
export function playerForUrl(url: URL): PlayerAdapter | undefined {
  // A string, not the URL: the matcher tests `instanceof Location`, which does not exist outside browsers.
  const href = url.href;
  return compiled.find(({ patterns, excluded }) => patterns.some((p) => p.includes(href)) && !excluded.some((p) => p.includes(href)))?.player;
}
