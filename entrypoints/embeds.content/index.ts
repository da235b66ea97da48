import { defineContentScript } from 'wxt/utils/define-content-script';
import { stageContent } from '../../lib/content/stage';
import { EMBED_PLAYERS, embedPlayerFor } from '../../lib/players/embed-players';

export default defineContentScript({
  matches: EMBED_PLAYERS.flatMap((p) => [...p.matches]),
  // Hosts embed these players in iframes: Earmark runs inside them and talks to the page around them.
  allFrames: true,
  runAt: 'document_end',
  main: (ctx) => {
    const adapter = embedPlayerFor(new URL(location.href));
    if (adapter) stageContent(ctx, adapter, { embeds: true });
  },
});
