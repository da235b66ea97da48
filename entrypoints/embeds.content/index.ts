import { defineContentScript } from 'wxt/utils/define-content-script';
import { stageContent } from '../../lib/content/stage';
import { EMBED_PLAYERS, embedPlayerFor } from '../../lib/players/embed-players';

export default defineContentScript({
  matches: EMBED_PLAYERS.flatMap((p) => [...p.matches]),
  // Hosts embed these players in iframes: Earmark runs inside them and talks to the page around them.
  allFrames: true,
  // The detector runs first thing, so that the runtime loads while the page is parsed; it starts once the DOM is
  // (server-rendered notes are there then, later ones are caught by the runtime's observer).
  runAt: 'document_start',
  main: (ctx) => {
    const adapter = embedPlayerFor(new URL(location.href));
    if (adapter) stageContent(ctx, adapter, { embeds: true });
  },
});
