/**
 * The integration tier: the real runtime (lib/content/runtime.tsx) and its features on a DOM implementation
 * (linkedom), with a fake playback and a plain shadow host for the panel. Fast and browserless; what only a browser
 * can show (layout, real media, WXT's shadow-root UI, frames) stays in the Playwright tier.
 *
 * The runtime reads the page through the globals a content script has (`document`, `location`, `window`,
 * `MutationObserver`): each page stubs them for the test's duration.
 */
import { parseHTML } from 'linkedom';
import { vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PanelHostFactory } from '../../lib/content/features/panel';
import type { MomentsService } from '../../lib/content/features/moments';
import type { Playback } from '../../lib/content/media';
import { runPlayer, type PlayerRuntime, type RuntimeServices } from '../../lib/content/runtime';
import { applyChange, createMoment, liveMoments, type Moment } from '../../lib/moments/model';
import type { PlayerAdapter } from '../../lib/players/types';
// The runtime loads the guests engine apart (a chunk of its own in the build): loaded here up front, so a page
// settles in the same time whether or not a test is the first to need it.
import '../../lib/content/guests-engine';

/** A player the test drives: time, play state, length; records every seek. */
export class FakePlayback implements Playback {
  time: number | undefined = undefined;
  length: number | undefined = undefined;
  playing = false;
  seeks: number[] = [];
  private readonly listeners: Array<(time: number, playing: boolean) => void> = [];
  currentTime = () => this.time;
  ready = () => this.length !== undefined;
  duration = (fallback?: number) => this.length ?? fallback;
  follow = (listener: (time: number, playing: boolean) => void) => void this.listeners.push(listener);
  seek = async (seconds: number) => {
    this.seeks.push(seconds);
    this.tick(seconds);
    return true;
  };
  notice = () => undefined;
  /** The media reports a time (and play state). */
  tick(time: number, playing = this.playing): void {
    this.time = time;
    this.playing = playing;
    for (const l of this.listeners) l(time, playing);
  }
}

/** Saved moments kept in memory, with the model's own rules, as the background keeps them. */
export function memoryMoments(): MomentsService & { all: () => Moment[] } {
  let list: Moment[] = [];
  let clock = 0;
  return {
    all: () => list,
    save: async (moment) => {
      const saved = createMoment(moment, `m${++clock}`, clock);
      list = applyChange(list, { kind: 'add', moment: saved }, clock);
      return saved;
    },
    change: async (change) => {
      if (!list.some((m) => m.id === change.id)) return false;
      list = applyChange(list, change, ++clock);
      return true;
    },
    list: async (url) => liveMoments(list).filter((m) => m.episode.url === url),
  };
}

/** A shadow host inserted after the anchor, as WXT's inline shadow-root UI does (no CSS, no event isolation). */
const plainHost: PanelHostFactory = async ({ anchor, onMount, onRemove }) => {
  const host = document.createElement('earmark-panel');
  const root = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  root.append(container);
  return {
    shadowHost: host,
    mount() {
      const at = anchor();
      if (!at?.parentNode) return;
      at.after(host);
      onMount(container);
    },
    remove() {
      if (!host.isConnected) return;
      onRemove(container);
      host.remove();
    },
  };
};

export interface TestPage {
  doc: Document;
  window: Window & typeof globalThis;
  runtime: PlayerRuntime;
  playback: FakePlayback;
  /** Lets the runtime's debounced page reads and pending promises run. */
  settle(ms?: number): Promise<void>;
  /** Moves to another address in the same page, as a single-page app does, and tells the runtime. */
  navigate(href: string): Promise<void>;
  /** The extension went away (update, removal): everything should be undone. */
  invalidate(): void;
  /** The panel's shadow root, if the panel is in the page. */
  panel(): ShadowRoot | null;
}

/** Opens `html` at `href` with the runtime for `adapter`. */
export async function openPage(html: string, href: string, adapter: PlayerAdapter, services: RuntimeServices = {}): Promise<TestPage> {
  const { document: doc, window } = parseHTML(html) as unknown as { document: Document; window: Window & typeof globalThis };
  const address = { href: new URL(href).href, hash: new URL(href).hash };
  vi.stubGlobal('document', doc);
  vi.stubGlobal('window', window);
  vi.stubGlobal('location', address);
  vi.stubGlobal('MutationObserver', (window as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver);
  vi.stubGlobal('Event', (window as unknown as { Event: typeof Event }).Event);
  let invalid = false;
  const onInvalid: Array<() => void> = [];
  const listeners: Array<[EventTarget, string, EventListener]> = [];
  const ctx = {
    get isInvalid() {
      return invalid;
    },
    addEventListener(target: EventTarget, type: string, handler: EventListener) {
      target.addEventListener(type, handler);
      listeners.push([target, type, handler]);
    },
    onInvalidated(cb: () => void) {
      onInvalid.push(cb);
    },
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  } as unknown as ContentScriptContext;
  // What linkedom leaves out and the runtime asks for: the page's colours (none here: a light page).
  Object.assign(window, {
    getComputedStyle: () => ({ backgroundColor: '' }),
    matchMedia: () => ({ matches: false }),
  });
  const errors: unknown[] = [];
  const playback = (services.playback as FakePlayback | undefined) ?? new FakePlayback();
  const runtime = runPlayer(ctx, adapter, { panelHost: plainHost, onError: (e) => errors.push(e), ...services, playback });
  const settle = async (ms = 200) => {
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, ms / 3));
    // A page read that threw is a failure of the test, not a quiet empty page.
    if (errors.length) throw errors[0];
  };
  await settle();
  return {
    doc,
    window,
    runtime,
    playback,
    settle,
    async navigate(next) {
      const url = new URL(next, address.href);
      address.href = url.href;
      address.hash = url.hash;
      window.dispatchEvent(new window.Event('wxt:locationchange'));
      await settle();
    },
    invalidate() {
      invalid = true;
      for (const cb of onInvalid) cb();
      for (const [target, type, handler] of listeners) target.removeEventListener(type, handler);
    },
    panel: () => doc.querySelector('earmark-panel')?.shadowRoot ?? null,
  };
}
