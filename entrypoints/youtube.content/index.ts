import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../lib/content/start';
import { youtube } from '../../lib/players/youtube';

export default defineContentScript({
  matches: [...youtube.matches],
  main: (ctx) => startContent(ctx, youtube),
});
