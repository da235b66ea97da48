import { embedSupport } from '../../lib/content/frames';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../lib/content/start';
import { substack } from '../../lib/players/substack';

export default defineContentScript({
  matches: [...substack.matches],
  runAt: 'document_end',
  main: (ctx) => startContent(ctx, substack, { embeds: embedSupport }),
});
