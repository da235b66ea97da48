import { defineContentScript } from 'wxt/utils/define-content-script';
import { stageContent } from '../../lib/content/stage';
import { overcast } from '../../lib/players/overcast';

export default defineContentScript({
  matches: [...overcast.matches],
  // As soon as the DOM is parsed: server-rendered notes are there already, later ones are caught by the observer.
  runAt: 'document_end',
  main: (ctx) => stageContent(ctx, overcast),
});
