import { defineContentScript } from 'wxt/utils/define-content-script';
import { injectBridge } from '../../lib/content/page-bridge';
import { stageContent } from '../../lib/content/stage';
import { youtubeMusic } from '../../lib/players/youtube-music';

export default defineContentScript({
  matches: [...youtubeMusic.matches],
  runAt: 'document_end',
  main: (ctx) => stageContent(ctx, youtubeMusic, { connectBridge: injectBridge }),
});
