import { defineContentScript } from 'wxt/utils/define-content-script';
import { stageContent } from '../../lib/content/stage';
import { apple } from '../../lib/players/apple';

export default defineContentScript({
  matches: [...apple.matches],
  // The detector runs first thing, so that the runtime loads while the page is parsed; it starts once the DOM is
  // (server-rendered notes are there then, later ones are caught by the runtime's observer).
  runAt: 'document_start',
  main: (ctx) => stageContent(ctx, apple),
});
