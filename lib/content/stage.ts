/**
 * Stage 1 of a player's content script: the detector. A content script costs every page of a player, most of them
 * with nothing for Earmark to do (home pages, search, settings, a listener who wants Earmark only when asked), so
 * this stage carries only WXT's content-script context, the mandated polyfill and the player's adapter. The runtime
 * (engines, Preact, the UI: entrypoints/content-runtime.ts) is stage 2, one ES module shared by every player and
 * imported from the extension's origin once there is work:
 * - the adapter finds an episode or show page (at start, and after each in-app navigation), and the listener's
 *   settings do not keep Earmark idle here;
 * - or the popup or a command asks this tab something (the runtime then answers, "waiting" included);
 * - or the settings change so that Earmark should run here now.
 *
 * Why staged loading rather than parsing in the background: the notes are read from the page's own rendered DOM,
 * which only a content script sees, and a round trip to a service worker that may be asleep costs more than the
 * panel's budget; injection from the background would need the `scripting` permission on every player origin.
 * `import()` of a web-accessible module (exposed to the player origins only, as the page-world helper is) needs no
 * new permission and is cached by the browser after the first page.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PlayerAdapter } from '../players/types';
import { provideZod } from '../players/zod';
import { readStoredSettings, watchStoredSettings } from '../settings/stored';
import type { PageBridge } from './page-bridge';
import { nextTask } from './next-task';
import type { ContentHandler, StageOptions, StageRuntime } from './stage-contract';

/** Where stage 2 lives in the build (an unlisted script built as an ES module, see wxt.config.ts). */
export const RUNTIME_PATH = '/content-runtime.js' as const;

/**
 * Whether the stored settings keep Earmark idle on this player before anything is asked: turned off here, or "only
 * when I ask". Read by hand rather than through the settings schema (which stage 2 applies in full): a value that is
 * not what these two fields should be keeps its default, which is to run.
 */
export function idleBySettings(stored: unknown, player: string): boolean {
  if (stored === null || typeof stored !== 'object') return false;
  const { disabledPlayers, onlyWhenAsked } = stored as { disabledPlayers?: unknown; onlyWhenAsked?: unknown };
  if (onlyWhenAsked === true) return true;
  return Array.isArray(disabledPlayers) && disabledPlayers.every((p) => typeof p === 'string') && disabledPlayers.includes(player);
}

export function stageContent(
  ctx: ContentScriptContext,
  adapter: PlayerAdapter,
  options: StageOptions & {
    /** The page-world helper, for players that need it (PlayerAdapter.bridge): connected here, as early as can be. */
    connectBridge?: (features: NonNullable<PlayerAdapter['bridge']>) => Promise<PageBridge | undefined>;
    /**
     * Start the runtime as soon as the settings are read, before the document is parsed (Spotify: the page-world
     * helper must be in before the player makes its media element). Others start once the DOM is parsed.
     */
    early?: boolean;
  } = {},
): void {
  const { connectBridge, early, ...stageOptions } = options;
  let bridge: Promise<PageBridge | undefined> | undefined;
  const connect =
    connectBridge && adapter.bridge?.length ? (features: NonNullable<PlayerAdapter['bridge']>) => (bridge ??= connectBridge(features)) : undefined;
  /**
   * Stage 2, fetched and compiled (not started) as soon as the page is known to be an episode's: at once for the
   * players whose detector runs once the DOM is parsed, during the parse for Spotify's (document_start).
   */
  let module: Promise<StageRuntime | undefined> | undefined;
  const fetchRuntime = () =>
    (module ??= import(/* @vite-ignore */ browser.runtime.getURL(RUNTIME_PATH)).then(
      (m: { default: StageRuntime }) => m.default,
      (error: unknown) => {
        // The extension was reloaded under this page (its old files are gone): nothing to load, nothing to say.
        if (import.meta.env.DEV) console.debug('[earmark] loading the runtime failed:', error);
        module = undefined;
        return undefined;
      },
    ));
  const kind = () => adapter.pageKind(new URL(location.href));
  let started: Promise<ContentHandler | undefined> | undefined;
  /** The runtime's content-request handler, once started. */
  let handler: ContentHandler | undefined;
  /** Stage 2 started and declined: another runtime of ours already owns this page (see startContent), and answers. */
  let declined = false;
  /**
   * The stored settings as read here, handed to the runtime, which checks them in full. Read once there is work
   * (an episode or show page, or a request): a player's other pages (home, search, library) pay nothing for them —
   * the first use of the storage API in a content script's world is its most expensive step (~14 ms of the
   * detector's ~25 on an Apple page in Chromium, this machine).
   */
  let settings: Promise<unknown> | undefined;
  let idle = true;
  const readSettings = () => {
    if (settings) return settings;
    settings = readStoredSettings();
    void settings.then((stored) => {
      idle = idleBySettings(stored, adapter.id);
      check();
    });
    // Settings changed before the runtime started (it follows them itself after).
    ctx.onInvalidated(
      watchStoredSettings((stored) => {
        if (started) return;
        idle = idleBySettings(stored, adapter.id);
        check();
      }),
    );
    return settings;
  };
  // First of all, so that fetching and compiling stage 2 overlaps the rest (reading the settings included). What
  // readSettings calls back (check, start) is declared below: it runs once the read is done, never from here.
  if (kind() !== 'other') {
    void fetchRuntime();
    void readSettings();
  }
  const start = () =>
    (started ??= Promise.all([fetchRuntime(), readSettings()]).then(async ([runtime, stored]) => {
      // Evaluating stage 2 was a task of its own: the runtime starts in the next one.
      await nextTask();
      if (!runtime || ctx.isInvalid) {
        started = undefined;
        return undefined;
      }
      handler = runtime.start(ctx, adapter, { ...stageOptions, browser, provideZod, settings: stored, ...(connect ? { connectBridge: connect } : {}) });
      declined = handler === undefined;
      return handler;
    }));

  // Players' detectors run once the DOM is parsed, Spotify's early: waiting for DOMContentLoaded below is for a
  // detector injected at document_start without `early` (none ships; the registry test holds the entrypoints to it).
  let parsed = early === true || document.readyState !== 'loading';
  function check() {
    if (started || ctx.isInvalid || !parsed) return;
    if (kind() === 'other') return;
    // An in-app navigation to an episode: the settings are read now (check runs again once they are), and stage 2
    // is fetched meanwhile, as at load.
    if (!settings) {
      void fetchRuntime();
      void readSettings();
    }
    if (idle) return;
    if (connect) connect(adapter.bridge!);
    void start();
  }
  if (!parsed) {
    ctx.addEventListener(document, 'DOMContentLoaded', () => {
      parsed = true;
      check();
    });
  }
  // SPA players: the page kind changes without a page load.
  ctx.addEventListener(window, 'wxt:locationchange', check);

  // The popup and the commands may ask this tab before anything was found here: the runtime answers, started then.
  // Once started, its handler decides synchronously whether this frame answers at all (an embed keeps quiet for
  // most requests, so that one frame answers per tab). Before that, an embed answers only the status (always asked
  // of one frame by its id) and hands anything else on without answering: a wake then still reaches its runtime.
  const framed = window.top !== window;
  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !type.startsWith('earmark:') || declined) return undefined;
    if (handler) return handler(message);
    const handled = start().then((handle) => handle?.(message));
    if (framed && type !== 'earmark:status') {
      void handled;
      return undefined;
    }
    return handled;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
