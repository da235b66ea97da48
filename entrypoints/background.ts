import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { storage } from 'wxt/utils/storage';
import { createWikipediaService } from '../lib/background/wikipedia-service';
import { readWikiCache, WIKIPEDIA_PERMISSION, type WikiCache } from '../lib/guests/wikipedia';
import { asBackgroundRequest } from '../lib/messages';

const wikiCache = storage.defineItem<WikiCache>('local:wikipedia-cache', { fallback: {}, version: 1 });

// Listeners are registered synchronously: the service worker may be woken by the very event it must handle.
export default defineBackground(() => {
  browser.commands.onCommand.addListener((command) => {
    const delta = command === 'next-chapter' ? 1 : command === 'previous-chapter' ? -1 : 0;
    if (delta === 0) return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id === undefined) return;
      // No content script on this tab (not a player page) is not an error worth a console line.
      return browser.tabs.sendMessage(tab.id, { type: 'earmark:step', delta }).catch(() => undefined);
    });
  });

  let grantWindow: number | undefined;
  browser.windows.onRemoved.addListener((id) => {
    if (id === grantWindow) grantWindow = undefined;
  });
  const lookUp = createWikipediaService({
    hasPermission: () => browser.permissions.contains({ origins: [WIKIPEDIA_PERMISSION] }),
    // Content scripts cannot request permissions: a small extension page asks, on the listener's click. One such
    // window at a time: a second request focuses it instead of stacking windows.
    askPermission: async () => {
      if (grantWindow !== undefined) {
        const focused = await browser.windows.update(grantWindow, { focused: true }).then(
          () => true,
          () => false,
        );
        if (focused) return;
      }
      const created = await browser.windows.create({ url: browser.runtime.getURL('/grant.html'), type: 'popup', width: 440, height: 300 });
      grantWindow = created?.id;
    },
    fetch: (url, init) => fetch(url, init),
    loadCache: async () => readWikiCache(await wikiCache.getValue()),
    saveCache: (cache) => wikiCache.setValue(cache),
    now: () => Date.now(),
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    // Only Earmark's own pages and content scripts: other extensions cannot make us fetch for them.
    if (sender.id !== browser.runtime.id) return undefined;
    const request = asBackgroundRequest(message);
    if (!request) return undefined;
    return lookUp(request.name);
  });

  // The cache is only ever useful while look-ups are allowed; revoking the permission forgets it.
  browser.permissions.onRemoved.addListener((removed) => {
    if (removed.origins?.includes(WIKIPEDIA_PERMISSION)) void wikiCache.removeValue();
  });
});
