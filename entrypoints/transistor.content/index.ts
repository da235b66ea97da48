import { defineContentScript } from 'wxt/utils/define-content-script';
import { injectBridge } from '../../lib/content/page-bridge';
import { stageContent } from '../../lib/content/stage';
import { transistor } from '../../lib/players/transistor';

export default defineContentScript({
  matches: [...transistor.matches],
  // Transistor's share pages and embeds are another player (transistor-embed, in the embeds script).
  excludeMatches: [...transistor.excludeMatches],
  runAt: 'document_end',
  main: (ctx) => stageContent(ctx, transistor, { connectBridge: injectBridge, embeds: true }),
});
