// What a player's content script (stage 1) does when it loads, before anything asks for an episode: it builds no
// zod schema. Its adapters' page-data schemas and the page-bridge messages are made on first use (`once`); built at
// module level they ran inside the page's own parse task on every page of the player (about 8 ms on an Apple page,
// 12 on Spotify's, measured in Chromium).
import { afterEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
vi.mock('zod/mini', async (importOriginal) => {
  const z = await importOriginal<Record<string, unknown>>();
  const counted: Record<string, unknown> = { ...z };
  for (const [name, value] of Object.entries(z)) {
    // Every schema and check constructor (lower-case functions); classes and types are left alone.
    if (typeof value === 'function' && /^[a-z]/.test(name)) {
      counted[name] = (...args: unknown[]) => {
        calls.push(name);
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    }
  }
  return counted;
});

describe('stage 1 on load', () => {
  it('builds no schema in any player content script, and builds them once asked', async () => {
    await Promise.all([
      import('../../entrypoints/apple.content/index'),
      import('../../entrypoints/embeds.content/index'),
      import('../../entrypoints/overcast.content/index'),
      import('../../entrypoints/pocket-casts.content/index'),
      import('../../entrypoints/spotify.content/index'),
      import('../../entrypoints/substack.content/index'),
      import('../../entrypoints/transistor.content/index'),
      import('../../entrypoints/youtube-music.content/index'),
      import('../../entrypoints/youtube.content/index'),
    ]);
    expect(calls).toEqual([]);
    // The mock does count: the first message check builds the bridge's schemas.
    const { asBridgeMessage } = await import('../../lib/page/bridge-messages');
    expect(asBridgeMessage('page', { kind: 'reply', id: 0, ok: true })).toBeDefined();
    expect(calls.length).toBeGreaterThan(0);
  });
});

describe('the runtime on load', () => {
  // The runtime imports the moments model on every episode page for its helpers, before the panel; its schemas wait
  // until moments are read or saved (after the panel has painted).
  it('builds the moments schemas only once asked', async () => {
    calls.length = 0;
    const model = await import('../../lib/moments/model');
    expect(model.isRange({ time: 1, end: 2 })).toBe(true);
    expect(calls).toEqual([]);
    expect(model.momentSchema().safeParse({}).success).toBe(false);
    expect(calls.length).toBeGreaterThan(0);
  });
});

describe('stage 1 on a page with nothing to do', () => {
  // The first use of the storage API in a content script's world costs more than the rest of the detector together
  // (Chromium): a player's home, search and library pages must not pay it.
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });
  const setUp = async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { stageContent } = await import('../../lib/content/stage');
    fakeBrowser.reset();
    const win = Object.assign(new EventTarget(), { top: undefined as unknown });
    win.top = win;
    const address = { href: 'https://player.example/browse' };
    vi.stubGlobal('window', win);
    vi.stubGlobal('document', Object.assign(new EventTarget(), { readyState: 'complete' }));
    vi.stubGlobal('location', address);
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const read = vi.spyOn(fakeBrowser.storage.local, 'get');
    const watch = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    const load = vi.spyOn(fakeBrowser.runtime, 'getURL');
    const ctx = { isInvalid: false, addEventListener: (t: EventTarget, type: string, fn: () => void) => t.addEventListener(type, fn), onInvalidated: () => undefined };
    const adapter = { id: 'fake', pageKind: (url: URL) => (url.pathname.startsWith('/episode/') ? 'episode' : 'other') };
    stageContent(ctx as never, adapter as never);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
    await settle();
    return { fakeBrowser, win, address, read, watch, load, settle };
  };

  it('reads no settings and loads nothing until the app navigates to an episode', async () => {
    const { win, address, read, watch, load, settle } = await setUp();
    expect(read).not.toHaveBeenCalled();
    expect(watch).not.toHaveBeenCalled();
    expect(load).not.toHaveBeenCalled();
    address.href = 'https://player.example/episode/1';
    win.dispatchEvent(new Event('wxt:locationchange'));
    // The runtime is fetched while the settings are read, not after.
    expect(load).toHaveBeenCalled();
    await settle();
    expect(read).toHaveBeenCalledTimes(1);
    expect(watch).toHaveBeenCalledTimes(1);
  });

  it('reads them when the popup asks first', async () => {
    const { fakeBrowser, read, settle } = await setUp();
    void fakeBrowser.runtime.onMessage.trigger({ type: 'earmark:status' }, {});
    await settle();
    expect(read).toHaveBeenCalledTimes(1);
  });
});
