import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Manifest is generated from here and from each entrypoint's options: no manifest.json in source.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: mocks and readers should see where each name comes from.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Earmark',
    description: 'Chapters, guests and saved moments for podcasts in web players.',
    permissions: ['storage'],
  },
});
