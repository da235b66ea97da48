import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PLAYERS } from './lib/players/registry';
import type { PlayerAdapter } from './lib/players/types';
import { FEED_ORIGINS } from './lib/feed/permission';
import { COMMANDS } from './lib/commands';
import { fileURLToPath } from 'node:url';
import { normalizePath, transformWithEsbuild, type Plugin, type PluginOption } from 'vite';
import { readFileSync } from 'node:fs';

/** Stage 2 of the content scripts (entrypoints/content-runtime.ts; lib/content/stage.ts loads it). */
const STAGE_2 = 'content-runtime';
/** Every player's content script imports stage 2 (the on-demand script, injected on request, does not). */
const stagedMatches = (PLAYERS as readonly PlayerAdapter[]).filter((p) => p.id !== 'generic').flatMap((p) => [...p.matches]);
const STAGE_BROWSER = fileURLToPath(new URL('./lib/content/stage-browser.ts', import.meta.url));
/** The players' zod (lib/players/zod.ts), and what stands in for it in their content scripts: the runtime's, handed over. */
const PLAYERS_ZOD = fileURLToPath(new URL('./lib/players/zod.ts', import.meta.url));
const PROVIDED_ZOD = fileURLToPath(new URL('./lib/players/zod-provided.ts', import.meta.url));
const DIRECT_ZOD = fileURLToPath(new URL('./lib/players/zod-direct.ts', import.meta.url));
const flatPlugins = (plugins: PluginOption[] = []): Plugin[] =>
  plugins.flat(Infinity as 1).filter((p): p is Plugin => !!p && typeof p === 'object' && 'name' in p);

/** The page-world helper is reachable only from the players that use it (PlayerAdapter.bridge). */
const bridgeMatches = (PLAYERS as readonly PlayerAdapter[]).filter((p) => p.bridge?.length).flatMap((p) => [...p.matches]);
/** Their content scripts (named after the player: entrypoints/<id>.content; the registry test holds them to it). */
const BRIDGED = new Set((PLAYERS as readonly PlayerAdapter[]).filter((p) => p.bridge?.length).map((p) => p.id));

/** The feed e2e's build: the all-sites grant declared, and its own output folder (never shipped). */
const FEED_GRANTED = process.env.EARMARK_FEED_GRANTED === '1';

/** The toolbar button's sizes (icons/ is made from assets/icon.svg by auto-icons). */
const TOOLBAR_ICON = { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png' };

// Manifest is generated from here and from each entrypoint's options: no manifest.json in source.
export default defineConfig({
  // auto-icons: the PNG sizes the stores and the toolbar need, drawn from the one SVG in assets/ at build.
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  autoIcons: { baseIconPath: 'assets/icon.svg' },
  // Explicit imports everywhere: mocks and readers should see where each name comes from.
  imports: false,
  ...(FEED_GRANTED ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-feed-granted' } : {}),
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // Stage 2 of the content scripts is an unlisted script built as an ES module: the detector import()s it.
    'vite:build:extendConfig'(entrypoints, config) {
      if (entrypoints.length > 0 && entrypoints.every((e) => e.type === 'content-script')) {
        // Stage 1 carries no zod of its own for page data: the runtime's is provided (lib/players/zod.ts says why).
        // Not for a player with a page-world helper: its detector checks the helper's messages with zod before the
        // runtime runs, and its adapter uses that copy.
        const replacement = entrypoints.some((e) => BRIDGED.has(e.name)) ? DIRECT_ZOD : PROVIDED_ZOD;
        config.plugins = [
          ...flatPlugins(config.plugins),
          {
            // The file's content, keyed on its resolved id: however an importer spells the path, all get the same.
            name: 'earmark:players-zod',
            enforce: 'pre',
            load(id) {
              return normalizePath(id) === normalizePath(PLAYERS_ZOD) ? readFileSync(replacement, 'utf8') : null;
            },
          },
        ];
        return;
      }
      if (entrypoints.length !== 1 || entrypoints[0]!.name !== STAGE_2) return;
      const lib = config.build!.lib as { formats?: string[] };
      lib.formats = ['es'];
      // Its chunks (the guests engine, loaded apart, and what it shares with the rest) in a folder of their own,
      // web-accessible like the module itself.
      const output = config.build!.rollupOptions!.output as { chunkFileNames?: string };
      output.chunkFileNames = `${STAGE_2}/[name]-[hash].js`;
      // The chunk imports what it shares from the module itself, which the detector has loaded already (a library's
      // strict entry signature would put that in a third file, one more fetch before the panel).
      config.build!.rollupOptions!.preserveEntrySignatures = 'allow-extension';
      // WXT's footer (`contentRuntime;`, the IIFE's value for executeScript) is a ReferenceError in a module.
      config.plugins = flatPlugins(config.plugins).filter((p) => p.name !== 'wxt:iife-footer');
      config.plugins.push({
        name: 'earmark:minify-es-stage',
        // After Vite's own esbuild pass, which keeps whitespace in ES library output (for consumers' tree-shaking).
        async generateBundle(_, bundle) {
          for (const chunk of Object.values(bundle)) {
            if (chunk.type !== 'chunk') continue;
            chunk.code = (await transformWithEsbuild(chunk.code, chunk.fileName, { minify: true, format: 'esm', charset: 'ascii', target: 'es2022', sourcemap: false })).code;
          }
        },
      });
      // The detector's polyfilled `browser` is handed over: no second polyfill in stage 2.
      const alias = config.resolve?.alias;
      const entry = { find: /^wxt\/browser$/, replacement: STAGE_BROWSER };
      config.resolve = { ...config.resolve, alias: Array.isArray(alias) ? [entry, ...alias] : [entry, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))] };
    },
  },
  manifest: ({ browser }) => ({
    name: 'Earmark',
    description: 'Chapters, guests and saved moments for podcasts in web players.',
    // activeTab + scripting: "Find chapters on this page" reaches any page only when the user asks, so no
    // broad host permission. Player sites are reached through their content scripts' matches.
    // storage: the Wikipedia cache. Wikipedia itself is optional, asked for at the first look-up.
    permissions: ['activeTab', 'scripting', 'storage'],
    // MV2 (Firefox) has no optional_host_permissions: origins go in optional_permissions there.
    // All sites, for "read the podcast's feed" (feeds, chapter files and audio live anywhere): optional, asked when
    // the listener turns it on. A build for the feed e2e (EARMARK_FEED_GRANTED=1) has it up front: headless
    // Chromium cannot accept a permission prompt.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://en.wikipedia.org/*', ...FEED_ORIGINS] }
      : { optional_host_permissions: ['https://en.wikipedia.org/*', ...FEED_ORIGINS] }),
    ...(FEED_GRANTED ? { host_permissions: FEED_ORIGINS } : {}),
    // The toolbar button shows the same drawing (MV2 has browser_action where MV3 has action).
    ...(browser === 'firefox' ? { browser_action: { default_icon: TOOLBAR_ICON } } : { action: { default_icon: TOOLBAR_ICON } }),
    web_accessible_resources: [
      { resources: ['page-bridge.js'], matches: bridgeMatches },
      // Chrome fetches a content script's import() as the page's origin: without this entry it fails ("Failed to
      // fetch dynamically imported module"). Firefox MV2 imports it from a content script without any entry (checked
      // with Firefox ESR 153), and an MV2 entry cannot be limited to origins: it would expose the file to every site.
      ...(browser === 'firefox' ? [] : [{ resources: [`${STAGE_2}.js`, `${STAGE_2}/*`], matches: stagedMatches }]),
    ],
    commands: COMMANDS,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Earmark collects nothing: everything it reads stays in the browser.
            gecko: { id: 'earmark@earmark.app', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
