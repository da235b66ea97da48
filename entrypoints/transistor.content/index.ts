import { defineContentScript } from 'wxt/utils/define-content-script';
import { injectBridge } from '../../lib/content/page-bridge';
import { stageContent } from '../../lib/content/stage';
import { transistor } from '../../lib/players/transistor';

export default defineContentScript({
  matches: [...transistor.matches],
  // Transistor's share pages and embeds are another player (transistor-embed, in the embeds script).
  excludeMatches: [...transistor.excludeMatches],
  // The detector runs first thing, so that the runtime loads while the page is parsed; it starts once the DOM is
  // (server-rendered notes are there then, later ones are caught by the runtime's observer).
  runAt: 'document_start',
  main: (ctx) => stageContent(ctx, transistor, { connectBridge: injectBridge, embeds: true }),
});
