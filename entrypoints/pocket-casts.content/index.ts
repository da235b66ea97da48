import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../lib/content/start';
import { pocketCasts } from '../../lib/players/pocket-casts';

export default defineContentScript({
  matches: [...pocketCasts.matches],
  runAt: 'document_end',
  main: (ctx) => startContent(ctx, pocketCasts),
});
