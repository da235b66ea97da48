import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { storage } from 'wxt/utils/storage';
import { createWikipediaService } from '../lib/background/wikipedia-service';
import { readWikiCache, WIKIPEDIA_PERMISSION, type WikiCache } from '../lib/guests/wikipedia';
import { asBackgroundRequest, type ContentRequest } from '../lib/messages';
import { askTab } from '../lib/ask-tab';
import { guestViews } from '../lib/content/guests-engine';
import { createStoredMoments, syncEnabledItem } from '../lib/background/moments-store';
import { createMomentsSync } from '../lib/background/moments-sync';
import { createEmbedFrames, type EmbedFrames } from '../lib/background/embed-frames';
import { findRuntime } from '../lib/find-runtime';
import { createFeedService } from '../lib/background/feed-service';
import { FEED_ORIGINS } from '../lib/feed/permission';
import { loadSettings, watchSettings } from '../lib/settings/store';

const wikiCache = storage.defineItem<WikiCache>('local:wikipedia-cache', { fallback: {}, version: 1 });
/** The embeds' frames by tab: for this browser session only, and kept while the service worker sleeps. */
const embedFramesItem = storage.defineItem<EmbedFrames>('session:embed-frames', { fallback: {} });

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
    if (area === 'sync' && Object.keys(changes).some(sync.isSyncKey)) {
      void sync.pull(Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.newValue])));
    }
  });

  const embedFrames = createEmbedFrames({
    // Only Earmark's background and pages can reach session storage; still, only lists of frame ids are kept.
    load: async () =>
      Object.fromEntries(
        Object.entries(await embedFramesItem.getValue()).flatMap(([tab, ids]) =>
          Array.isArray(ids) ? [[tab, ids.filter((id): id is number => Number.isInteger(id) && id > 0)]] : [],
        ),
      ),
    save: (frames) => embedFramesItem.setValue(frames),
  });
  browser.tabs.onRemoved.addListener((tabId) => void embedFrames.dropTab(tabId));
  /**
   * Sends a command to the one runtime in the tab that speaks for its episode (lib/find-runtime.ts), by its frame
   * and its instance. No content script on the tab (not a player page) is not an error worth a console line.
   */
  const sendToRuntime = async (tabId: number, request: ContentRequest): Promise<unknown> => {
    const found = await findRuntime(tabId, { list: () => embedFrames.list(tabId), forget: (frameId) => void embedFrames.forget(tabId, frameId) });
    if (!found) return undefined;
    return askTab(tabId, { ...request, to: found.status.instance }, found.frameId);
  };

  browser.commands.onCommand.addListener((command) => {
    if (command === 'save-moment' || command === 'save-last') {
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
        if (tab?.id === undefined) return;
        // The page's runtime knows the episode, the time and the chapter: it builds the moment and shows the toast.
        // A second press of the save command ends a range (the runtime keeps the first press's moment open).
        return sendToRuntime(tab.id, command === 'save-moment' ? { type: 'earmark:save-here', command: true } : { type: 'earmark:save-last' });
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

  const feeds = createFeedService({
    enabled: async () => (await loadSettings()).feedLookup,
    hasAccess: () => browser.permissions.contains({ origins: FEED_ORIGINS }),
    fetch: (url, init) => fetch(url, init),
    store: {
      get: async (key) => (await browser.storage.local.get(key))[key],
      set: (key, value) => browser.storage.local.set({ [key]: value }),
      remove: (keys) => browser.storage.local.remove(keys),
    },
    now: () => Date.now(),
  });
  // Turned off: what was read is forgotten and the all-sites grant given back.
  watchSettings((settings) => {
    if (settings.feedLookup) return;
    void feeds.clear();
    void browser.permissions.remove({ origins: FEED_ORIGINS }).catch(() => undefined);
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    // Only Earmark's own pages and content scripts: other extensions cannot make us fetch for them.
    if (sender.id !== browser.runtime.id) return undefined;
    const request = asBackgroundRequest(message);
    if (!request) return undefined;
    switch (request.type) {
      case 'earmark:guests': {
        const { type: _type, ...input } = request;
        return Promise.resolve(guestViews(input));
      }
      case 'earmark:wikipedia':
        return lookUp(request.name);
      case 'earmark:feed': {
        const { type: _type, ...episode } = request;
        return feeds.episode(episode);
      }
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
      case 'earmark:save-shortcut':
        return browser.commands.getAll().then((all) => all.find((c) => c.name === 'save-moment')?.shortcut ?? '');
      case 'earmark:frame': {
        // The tab and frame are the sender's, never what a message says: a frame can only list itself.
        const tabId = sender.tab?.id;
        const frameId = sender.frameId;
        if (tabId === undefined || frameId === undefined || frameId <= 0) return Promise.resolve(false);
        return embedFrames.here(tabId, frameId, request.here).then(() => true);
      }
      case 'earmark:frames':
        // Asked by the popup only: a page's scripts have no business knowing the other frames of their tab.
        return sender.url?.startsWith(browser.runtime.getURL('/')) ? embedFrames.list(request.tabId) : undefined;
    }
  });

  // The cache is only ever useful while look-ups are allowed; revoking the permission forgets it.
  browser.permissions.onRemoved.addListener((removed) => {
    if (removed.origins?.includes(WIKIPEDIA_PERMISSION)) void wikiCache.removeValue();
    if (removed.origins?.some((o) => FEED_ORIGINS.includes(o))) void feeds.clear();
  });
});

