import { defineContentScript } from 'wxt/utils/define-content-script';
import { stageContent } from '../../lib/content/stage';
import { apple } from '../../lib/players/apple';

export default defineContentScript({
  matches: [...apple.matches],
  // As soon as the DOM is parsed: server-rendered notes are there already, later ones are caught by the observer.
  runAt: 'document_end',
  main: (ctx) => stageContent(ctx, apple),
});
