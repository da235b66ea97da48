import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PLAYERS } from './lib/players/registry';
import type { PlayerAdapter } from './lib/players/types';

/** The page-world helper is reachable only from the players that use it (PlayerAdapter.bridge). */
const bridgeMatches = (PLAYERS as readonly PlayerAdapter[]).filter((p) => p.bridge?.length).flatMap((p) => [...p.matches]);

/** The toolbar button's sizes (icons/ is made from assets/icon.svg by auto-icons). */
const TOOLBAR_ICON = { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png' };

// Manifest is generated from here and from each entrypoint's options: no manifest.json in source.
export default defineConfig({
  // auto-icons: the PNG sizes the stores and the toolbar need, drawn from the one SVG in assets/ at build.
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  autoIcons: { baseIconPath: 'assets/icon.svg' },
  // Explicit imports everywhere: mocks and readers should see where each name comes from.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Earmark',
    description: 'Chapters, guests and saved moments for podcasts in web players.',
    // activeTab + scripting: "Find chapters on this page" reaches any page only when the user asks, so no
    // broad host permission. Player sites are reached through their content scripts' matches.
    // storage: the Wikipedia cache. Wikipedia itself is optional, asked for at the first look-up.
    permissions: ['activeTab', 'scripting', 'storage'],
    // MV2 (Firefox) has no optional_host_permissions: origins go in optional_permissions there.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://en.wikipedia.org/*'] }
      : { optional_host_permissions: ['https://en.wikipedia.org/*'] }),
    // The toolbar button shows the same drawing (MV2 has browser_action where MV3 has action).
    ...(browser === 'firefox' ? { browser_action: { default_icon: TOOLBAR_ICON } } : { action: { default_icon: TOOLBAR_ICON } }),
    web_accessible_resources: [{ resources: ['page-bridge.js'], matches: bridgeMatches }],
    commands: {
      // At most three suggested keys: Chrome allows four per extension and WXT's dev mode takes one.
      'next-chapter': { suggested_key: { default: 'Alt+Shift+Period' }, description: 'Next chapter' },
      'previous-chapter': { suggested_key: { default: 'Alt+Shift+Comma' }, description: 'Previous chapter' },
      'save-moment': { suggested_key: { default: 'Alt+Shift+M' }, description: 'Save this moment' },
    },
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
