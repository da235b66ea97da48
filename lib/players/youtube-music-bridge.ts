/**
 * The `player-data` capability of the page-world helper, for YouTube Music: the page's player element
 * (`#movie_player`) answers `getPlayerResponse()` with the playing video's details, which the isolated world
 * cannot reach. Only what Earmark reads is sent back, as plain values; the content script checks it like any
 * page data (lib/content/page-bridge.ts).
 */
import type { CapabilityFactory } from '../page/capability';

function playerData(): unknown {
  const player = document.querySelector('#movie_player') as (Element & { getPlayerResponse?: () => unknown }) | null;
  const response = typeof player?.getPlayerResponse === 'function' ? player.getPlayerResponse() : undefined;
  const details = (response as { videoDetails?: Record<string, unknown> } | undefined)?.videoDetails;
  if (!details) return undefined;
  const pick = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? v : undefined);
  return {
    videoId: pick(details.videoId),
    title: pick(details.title),
    author: pick(details.author),
    description: pick(details.shortDescription),
    lengthSeconds: pick(details.lengthSeconds),
  };
}

export const playerDataCapability: CapabilityFactory = ({ send }) => ({
  handle(command) {
    if (command.kind !== 'player-data') return false;
    const data = playerData();
    send({ kind: 'reply', id: command.id, ok: data !== undefined, ...(data !== undefined ? { data } : {}) });
    return true;
  },
});
