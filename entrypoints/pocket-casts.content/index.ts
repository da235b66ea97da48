import { defineContentScript } from 'wxt/utils/define-content-script';
import { stageContent } from '../../lib/content/stage';
import { pocketCasts } from '../../lib/players/pocket-casts';

export default defineContentScript({
  matches: [...pocketCasts.matches],
  runAt: 'document_end',
  main: (ctx) => stageContent(ctx, pocketCasts),
});
