/** The adapters that run inside hosts' embedded players (and on their own pages): one content script for all. */
import { buzzsprout } from './buzzsprout';
import { captivate } from './captivate';
import { libsyn } from './libsyn';
import { podbean } from './podbean';
import { transistorEmbed } from './transistor-embed';
import type { PlayerAdapter } from './types';

export const EMBED_PLAYERS: readonly PlayerAdapter[] = [buzzsprout, captivate, libsyn, podbean, transistorEmbed];

/** The embed adapter for a page, by its address. */
export function embedPlayerFor(url: URL): PlayerAdapter | undefined {
  return EMBED_PLAYERS.find((p) => p.pageKind(url) !== 'other') ?? EMBED_PLAYERS.find((p) => p.matches.some((m) => matchesHost(m, url)));
}

function matchesHost(pattern: string, url: URL): boolean {
  const host = /^\*:\/\/([^/]+)\//.exec(pattern)?.[1];
  if (!host) return false;
  return host.startsWith('*.') ? url.hostname.endsWith(host.slice(1)) : url.hostname === host;
}
