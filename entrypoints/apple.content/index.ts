import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../lib/content/start';
import { apple } from '../../lib/players/apple';

export default defineContentScript({
  matches: [...apple.matches],
  // As soon as the DOM is parsed: server-rendered notes are there already, later ones are caught by the observer.
  runAt: 'document_end',
  main: (ctx) => startContent(ctx, apple),
});
