import { defineContentScript } from 'wxt/utils/define-content-script';
import { injectBridge } from '../../lib/content/page-bridge';
import { stageContent } from '../../lib/content/stage';
import { spotify } from '../../lib/players/spotify';

export default defineContentScript({
  matches: [...spotify.matches],
  // Before Spotify's own code: the page-world helper has to be there when the player makes its media element.
  runAt: 'document_start',
  main: (ctx) => stageContent(ctx, spotify, { connectBridge: injectBridge, early: true }),
});
