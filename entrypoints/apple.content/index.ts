import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../lib/content/start';
import { apple } from '../../lib/players/apple';

export default defineContentScript({
  matches: [...apple.matches],
  main: (ctx) => startContent(ctx, apple),
});
