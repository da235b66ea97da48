import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../lib/content/start';
import { overcast } from '../../lib/players/overcast';

export default defineContentScript({
  matches: [...overcast.matches],
  main: (ctx) => startContent(ctx, overcast),
});
