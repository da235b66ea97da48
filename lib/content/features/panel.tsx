/**
 * Feature: the chapter panel — one shadow-root UI for the whole page, mounted beside the player's anchor and
 * remounted (never duplicated) when the page re-renders it away or the episode changes. Each mount renders the
 * state of the episode shown now; the panel's buttons call back into the runtime (seek, save, look a guest up).
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ChapterPanel, type PanelState } from '../../../components/ChapterPanel';
import PANEL_CSS from '../../../components/panel.css?inline';
import type { WikiAnswer } from '../../messages';
import type { Moments } from './moments';
import type { Moment } from '../../moments/model';
import type { Store } from '../store';

/** The part of a mounted UI the panel uses (WXT's ShadowRootContentScriptUi has it). */
export interface PanelHost {
  readonly shadowHost: Element;
  mount(): void;
  remove(): void;
}

/**
 * Makes the page's one UI host. `anchor` is looked up at each mount; `onMount` renders into the container,
 * `onRemove` clears it.
 */
export type PanelHostFactory = (options: {
  anchor: () => Element | null;
  onMount: (container: Element) => void;
  onRemove: (container: Element) => void;
}) => Promise<PanelHost>;

/** WXT's shadow-root UI, inline after the anchor, with the panel's CSS and isolated events. */
export const shadowRootHost =
  (ctx: ContentScriptContext): PanelHostFactory =>
  async ({ anchor, onMount, onRemove }) => {
    const ui = await createShadowRootUi<void>(ctx, {
      name: 'earmark-panel',
      position: 'inline',
      anchor,
      append: 'after',
      css: PANEL_CSS,
      // Typing in the panel must not reach the player's hotkeys.
      isolateEvents: true,
      onMount: (container) => onMount(container),
      onRemove: () => onRemove(ui.uiContainer),
    });
    return ui;
  };

export interface PanelOptions {
  host: PanelHostFactory;
  /** Where the panel goes (after this element); null while the page has no spot for it. */
  anchor: () => Element | null;
  /** Seconds into the episode, kept by the runtime. */
  time: Store<number>;
  seek: (seconds: number) => void;
  lookupGuest?: (name: string) => Promise<WikiAnswer>;
  /** Saved moments (absent: no save buttons); `linkOf` builds the link each moment's copy buttons copy. */
  moments?: { save: () => void; saveLast: () => void; feature: Moments; linkOf: (moment: Moment) => string };
  /** Runs a DOM write of ours so the runtime's observer does not take it for a page change. */
  write: <T>(fn: () => T) => T;
}

export interface Panel {
  /**
   * Shows `state` beside the anchor; false when the page has no spot for it yet, or when `current()` says a newer
   * episode took over while the UI was being made.
   */
  show(state: Store<PanelState>, current: () => boolean): Promise<boolean>;
  /** The panel is in the page now. */
  shown(): boolean;
  remove(): void;
}

export function createPanel({ host, anchor, time, seek, lookupGuest, moments, write }: PanelOptions): Panel {
  let ui: PanelHost | undefined;
  let making: Promise<PanelHost> | undefined;
  let state: Store<PanelState> | undefined;

  const make = () =>
    (making ??= host({
      anchor,
      onMount: (container) => {
        if (state)
          render(
            <ChapterPanel
              state={state}
              time={time}
              onSeek={seek}
              {...(lookupGuest ? { onLookup: lookupGuest } : {})}
              {...(moments ? { onSave: moments.save, onSaveLast: moments.saveLast, moments: { ...moments.feature.actions, linkOf: moments.linkOf } } : {})}
            />,
            container,
          );
      },
      onRemove: (container) => render(null, container),
    }).then((made) => (ui = made)));

  return {
    async show(next, current) {
      if (!anchor()) return false; // no spot yet
      const panel = await make();
      if (!current()) return false;
      if (!anchor()?.parentNode) return false;
      state = next;
      write(() => {
        panel.remove();
        panel.mount();
      });
      return panel.shadowHost.isConnected;
    },
    shown: () => ui?.shadowHost.isConnected === true,
    remove() {
      if (ui) write(() => ui!.remove());
    },
  };
}

/** Light or dark, as the page shows itself: its `dark` attribute (YouTube), else its background's lightness. */
export function pageScheme(doc: Document): 'light' | 'dark' {
  if (doc.documentElement.hasAttribute('dark')) return 'dark';
  const view = doc.defaultView;
  for (const el of [doc.body, doc.documentElement]) {
    const bg = el && typeof view?.getComputedStyle === 'function' ? view.getComputedStyle(el).backgroundColor : '';
    const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/.exec(bg);
    if (!rgb || rgb[4] === '0') continue;
    const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map(Number) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  }
  return view?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
