import { defineContentScript } from 'wxt/utils/define-content-script';
import { injectBridge } from '../../lib/content/page-bridge';
import { stageContent } from '../../lib/content/stage';
import { spotify } from '../../lib/players/spotify';

export default defineContentScript({
  matches: [...spotify.matches],
  // Before Spotify's own code: the page-world helper has to be there when the player makes its media element.
  runAt: 'document_start',
  // WXT tells an older copy of this script to stop with an event on the document; its old `postMessage` to the page's
  // window as well would reach the player's own message listeners on every page load.
  noScriptStartedPostMessage: true,
  main: (ctx) => stageContent(ctx, spotify, { connectBridge: injectBridge, early: true }),
});
