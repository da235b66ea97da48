import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { embedSupport } from '../lib/content/frames';
import { provideBrowser } from '../lib/content/stage-browser';
import type { StageRuntime } from '../lib/content/stage-contract';
import { startContent } from '../lib/content/start';
import { z } from '../lib/players/zod';

/**
 * Stage 2 of the player content scripts: the whole runtime, built as an ES module (wxt.config.ts turns this unlisted
 * script's build to `format: 'es'`) and imported by the detector (lib/content/stage.ts) with `import()` from the
 * extension's origin; `web_accessible_resources` exposes it to the player origins only (Chromium). Its `default`
 * export is WXT's unlisted-script result, the value `main` returns.
 */
export default defineUnlistedScript(
  (): StageRuntime => ({
    start(ctx, adapter, { browser, embeds, provideZod, ...options }) {
      // One zod for both stages, this one: the detector's adapter reads page data with it (lib/players/zod-provided.ts).
      provideZod?.(z);
      // One polyfilled `browser` for both stages: the detector's (see lib/content/stage-browser.ts).
      provideBrowser(browser);
      return startContent(ctx, adapter, { ...options, ...(embeds ? { embeds: embedSupport } : {}), messages: 'caller' });
    },
  }),
);
