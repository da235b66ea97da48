import { defineContentScript } from 'wxt/utils/define-content-script';
import { stageContent } from '../../lib/content/stage';
import { apple } from '../../lib/players/apple';

export default defineContentScript({
  matches: [...apple.matches],
  // Once the DOM is parsed (server-rendered notes are there then, later ones are caught by the runtime's observer),
  // not at document_start: injected then, the detector and the runtime it fetched ran while the page was parsed, and
  // the page's DOMContentLoaded and first paint came 40–120 ms later on the Apple, YouTube, Overcast and Pocket Casts
  // pages of npm run bench:page (2 cores).
  runAt: 'document_end',
  // WXT tells an older copy of this script to stop with an event on the document; its old `postMessage` to the page's
  // window as well would reach the player's own message listeners on every page load.
  noScriptStartedPostMessage: true,
  main: (ctx) => stageContent(ctx, apple),
});
