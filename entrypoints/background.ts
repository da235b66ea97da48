import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { storage } from 'wxt/utils/storage';
import { createWikipediaService } from '../lib/background/wikipedia-service';
import { readWikiCache, WIKIPEDIA_PERMISSION, type WikiCache } from '../lib/guests/wikipedia';
import { asBackgroundRequest, type ContentRequest } from '../lib/messages';
import { askTab } from '../lib/ask-tab';
import { createStoredMoments, syncEnabledItem } from '../lib/background/moments-store';
import { createMomentsSync } from '../lib/background/moments-sync';

const wikiCache = storage.defineItem<WikiCache>('local:wikipedia-cache', { fallback: {}, version: 1 });

// Listeners are registered synchronously: the service worker may be woken by the very event it must handle.
export default defineBackground(() => {
  const sync = createMomentsSync({
    enabled: () => syncEnabledItem.getValue(),
    setEnabled: (on) => syncEnabledItem.setValue(on),
    syncGet: () => browser.storage.sync.get(null),
    syncSet: (items) => browser.storage.sync.set(items),
    syncRemove: (keys) => browser.storage.sync.remove(keys),
    mergeLocal: (incoming) => moments.merge(incoming),
    localMoments: () => moments.all(),
    now: () => Date.now(),
  });
  const moments = createStoredMoments({ changed: (list) => void sync.push(list) });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && Object.keys(changes).some(sync.isSyncKey)) void sync.pull();
  });

  browser.commands.onCommand.addListener((command) => {
    if (command === 'save-moment') {
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
        if (tab?.id === undefined) return;
        // The page's runtime knows the episode, the time and the chapter: it builds the moment and shows the toast.
        return sendToRuntime(tab.id, { type: 'earmark:save-here' });
      });
      return;
    }
    const delta = command === 'next-chapter' ? 1 : command === 'previous-chapter' ? -1 : 0;
    if (delta === 0) return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id === undefined) return;
      return sendToRuntime(tab.id, { type: 'earmark:step', delta });
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
    switch (request.type) {
      case 'earmark:wikipedia':
        return lookUp(request.name);
      case 'earmark:moment-save':
        return moments.save(request.moment);
      case 'earmark:moment-change':
        return moments.change(request.change);
      case 'earmark:moments':
        return (request.includeDeleted ? moments.all() : moments.list()).then((list) =>
          request.episodeUrl ? list.filter((m) => m.episode.url === request.episodeUrl) : list,
        );
      case 'earmark:moments-import':
        // Imports come from the library page only, never from a content script.
        return sender.tab === undefined || sender.url?.startsWith(browser.runtime.getURL('/')) ? moments.import(request.text) : undefined;
      case 'earmark:moments-sync':
        if (request.enabled === undefined) return sync.status();
        return sender.url?.startsWith(browser.runtime.getURL('/')) ? sync.setEnabled(request.enabled) : undefined;
    }
  });

  // The cache is only ever useful while look-ups are allowed; revoking the permission forgets it.
  browser.permissions.onRemoved.addListener((removed) => {
    if (removed.origins?.includes(WIKIPEDIA_PERMISSION)) void wikiCache.removeValue();
  });
});

/**
 * Sends a command to the one runtime in the tab that speaks for its episode: a tab may run Earmark in a page and
 * in the embedded players inside it, and each would act on a command sent to all. The runtime that answers the
 * status names itself; the command then goes to it alone. No content script on the tab (not a player page) is
 * not an error worth a console line.
 */
async function sendToRuntime(tabId: number, request: ContentRequest): Promise<unknown> {
  const status = await askTab(tabId, { type: 'earmark:status' });
  if (!status) return undefined;
  return askTab(tabId, { ...request, to: status.instance });
}
