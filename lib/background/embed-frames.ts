/**
 * Which frames of each tab run Earmark inside an embedded player, as they told the background (`earmark:frame`):
 * without the `webNavigation` permission nothing else lists a tab's frames, and the popup and the keyboard
 * commands must be able to ask an embed by its frame id when the page itself has no episode (lib/find-runtime.ts).
 *
 * Kept in `storage.session` (through `store`), not only in memory: a service worker is stopped when idle, and a
 * listener may open the popup an hour into an episode. A frame says when it goes (`pagehide`); a tab's list goes
 * with the tab. A frame that went without saying so (a crash, a message lost as the page closed) stays listed until
 * asking it fails: a frame id belongs to one iframe and is never given to another, so a stale one answers nothing
 * and is then forgotten; an iframe that now shows another page of the same player said so itself.
 */

/** Frame ids by tab id (as a string: the stored form is JSON). */
export type EmbedFrames = Record<string, number[]>;

export interface EmbedFrameStore {
  load(): Promise<EmbedFrames>;
  save(frames: EmbedFrames): Promise<void>;
}

/** More frames than this in one tab is a page that keeps making embeds: the oldest are dropped. */
export const MAX_FRAMES_PER_TAB = 16;

export interface EmbedFrameRegistry {
  /** The frame `frameId` of tab `tabId` runs Earmark in an embed (`here`), or no longer does. */
  here(tabId: number, frameId: number, here: boolean): Promise<void>;
  /** The tab's frames, in the order they first said they were there. */
  list(tabId: number): Promise<number[]>;
  forget(tabId: number, frameId: number): Promise<void>;
  /** The tab is gone. */
  dropTab(tabId: number): Promise<void>;
}

export function createEmbedFrames(store: EmbedFrameStore): EmbedFrameRegistry {
  let frames: Promise<EmbedFrames> | undefined;
  // One change at a time, each on the last one's result: messages from many frames arrive together.
  let queue: Promise<unknown> = Promise.resolve();
  const load = () => (frames ??= store.load().catch((): EmbedFrames => ({})));
  const change = (apply: (all: EmbedFrames) => boolean): Promise<void> => {
    const next = queue.then(async () => {
      const all = await load();
      if (apply(all)) await store.save(all).catch(() => undefined);
    });
    queue = next;
    return next;
  };
  const without = (all: EmbedFrames, tabId: number, frameId: number): boolean => {
    const list = all[tabId];
    if (!list?.includes(frameId)) return false;
    const rest = list.filter((id) => id !== frameId);
    if (rest.length) all[tabId] = rest;
    else delete all[tabId];
    return true;
  };

  return {
    here: (tabId, frameId, here) =>
      change((all) => {
        if (!here) return without(all, tabId, frameId);
        const list = all[tabId] ?? [];
        if (list.includes(frameId)) return false;
        all[tabId] = [...list, frameId].slice(-MAX_FRAMES_PER_TAB);
        return true;
      }),
    list: async (tabId) => {
      await queue;
      return [...((await load())[tabId] ?? [])];
    },
    forget: (tabId, frameId) => change((all) => without(all, tabId, frameId)),
    dropTab: (tabId) =>
      change((all) => {
        if (!(tabId in all)) return false;
        delete all[tabId];
        return true;
      }),
  };
}
