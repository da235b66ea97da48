import { defineContentScript } from 'wxt/utils/define-content-script';
import { injectBridge } from '../../lib/content/page-bridge';
import { startContent } from '../../lib/content/start';
import { youtubeMusic } from '../../lib/players/youtube-music';

export default defineContentScript({
  matches: [...youtubeMusic.matches],
  runAt: 'document_end',
  main: (ctx) => startContent(ctx, youtubeMusic, { connectBridge: injectBridge }),
});
