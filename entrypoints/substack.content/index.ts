import { defineContentScript } from 'wxt/utils/define-content-script';
import { stageContent } from '../../lib/content/stage';
import { substack } from '../../lib/players/substack';

export default defineContentScript({
  matches: [...substack.matches],
  runAt: 'document_end',
  main: (ctx) => stageContent(ctx, substack, { embeds: true }),
});
