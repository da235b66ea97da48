/**
 * The content-script runtime shared by every player: page kind → episode → chapters → panel, markers and
 * clickable times; show pages get a chip per episode card.
 *
 * Lifecycle: `update()` runs on start, on every URL change (WXT's `wxt:locationchange`), on the player's own
 * navigation events, and (debounced) when the page's DOM changes in a way that matters: another notes element,
 * other notes, or our panel removed by a re-render. Everything it does is idempotent, so running it again never
 * mounts twice; our own DOM writes are not taken for page changes. On invalidation (extension update or
 * removal) everything is taken down.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ChapterPanel, type PanelState } from '../../components/ChapterPanel';
import { CHIP_CSS, EpisodeChip } from '../../components/EpisodeChip';
import PANEL_CSS from '../../components/panel.css?inline';
import type { PlayerAdapter } from '../players/types';
import { parseTimeline, type Chapter } from '../timeline';
import { SEEK_ATTR, linkifyTimes, unlinkify } from './linkify';
import { MediaControl, chapterAt } from './media';
import { markersInPlace, placeMarkers, removeMarkers } from './markers';
import { createStore, type Store } from './store';

/** Notes longer than this are not show notes (a transcript, or hostile): only their start is read. */
const MAX_NOTES = 256 * 1024;
const CHECK_DELAY_MS = 150;
const PENDING_SEEK = /(?:^#|&)earmark-t=(\d+(?:\.\d+)?)/;

interface Mounted {
  signature: string;
  notesElement: Element | null;
  chapters: Chapter[];
  ui?: ShadowRootContentScriptUi<void>;
  state?: Store<PanelState>;
  links: HTMLAnchorElement[];
  markers: HTMLElement[];
  /** The episode's length from the page's data, until the media element knows better. */
  duration?: number;
  /** The length the markers were placed for. */
  markedDuration?: number;
}

export interface PlayerRuntime {
  /** Chapters of the episode on screen (empty elsewhere). */
  chapters(): readonly Chapter[];
  /** Seeks to the next (+1) or previous (-1) chapter. */
  step(delta: 1 | -1): Promise<boolean>;
  seek(seconds: number): Promise<boolean>;
  kind(): string;
  title(): string | undefined;
}

export function runPlayer(ctx: ContentScriptContext, adapter: PlayerAdapter): PlayerRuntime {
  const doc = document;
  const media = new MediaControl(doc, adapter, ctx);
  const time = createStore(0);
  let mounted: Mounted | undefined;
  let generation = 0;
  let writing = false;
  let lastHref = location.href;
  let episodeTitle: string | undefined;
  let pendingSeek: number | undefined;
  const annotated = new WeakSet<Element>();

  const setStatus = (status: 'ready' | 'none' | undefined) => {
    if (status) doc.documentElement.dataset.earmark = status;
    else delete doc.documentElement.dataset.earmark;
  };

  /** Runs our own DOM writes without our observer taking them for page changes. */
  const write = <T,>(fn: () => T): T => {
    writing = true;
    try {
      return fn();
    } finally {
      observer.takeRecords();
      writing = false;
    }
  };

  const teardown = () => {
    generation++;
    if (!mounted) return;
    const m = mounted;
    mounted = undefined;
    write(() => {
      m.ui?.remove();
      unlinkify(m.links);
      removeMarkers(doc);
    });
  };

  const refreshMarkers = () => {
    const m = mounted;
    if (!m || m.chapters.length === 0 || adapter.hasOwnChapters?.(doc)) return;
    const bar = adapter.progressBar(doc);
    const duration = media.duration(m.duration);
    if (!bar || duration === undefined) return;
    if (markersInPlace(bar, m.markers) && m.markedDuration === duration) return;
    m.markedDuration = duration;
    m.markers = write(() => placeMarkers(bar, m.chapters, duration));
    m.state?.set({ ...m.state.get(), duration });
  };

  const seek = async (seconds: number) => {
    const ok = await media.seek(seconds);
    if (ok) time.set(seconds);
    return ok;
  };

  const mountEpisode = async (url: URL) => {
    const episode = adapter.readEpisode(doc, url);
    if (!episode) {
      teardown();
      return;
    }
    episodeTitle = episode.title;
    const notes = episode.notes.length > MAX_NOTES ? episode.notes.slice(0, MAX_NOTES) : episode.notes;
    const signature = `${url.href}\u0000${notes.length}\u0000${notes.slice(0, 200)}\u0000${notes.slice(-200)}`;
    const notesElement = adapter.notesElement(doc);
    if (mounted && mounted.signature === signature && mounted.notesElement === notesElement) {
      if (mounted.ui && !mounted.ui.shadowHost.isConnected) mounted.ui.mount();
      refreshMarkers();
      return;
    }
    teardown();
    const mine = generation;
    const { chapters, mentions } = parseTimeline(notes, {
      html: true,
      ...(episode.duration !== undefined ? { duration: episode.duration } : {}),
    });
    const accepted = new Set([...chapters.map((c) => c.startTime), ...mentions.map((m) => m.time)]);
    const links = notesElement ? write(() => linkifyTimes(notesElement, accepted)) : [];
    mounted = { signature, notesElement, chapters, links, markers: [], ...(episode.duration !== undefined ? { duration: episode.duration } : {}) };
    const pending = PENDING_SEEK.exec(location.hash);
    if (pending) pendingSeek = Number(pending[1]);
    if (chapters.length === 0) {
      setStatus('none');
      return;
    }

    if (!adapter.panelAnchor(doc)) return; // the page has not rendered the spot yet: the next check mounts
    const bar = adapter.hasOwnChapters?.(doc) ? null : adapter.progressBar(doc);
    const state = createStore<PanelState>({
      chapters,
      ...(episode.duration !== undefined ? { duration: episode.duration } : {}),
      showTimeline: bar === null,
      scheme: pageScheme(doc),
    });
    const ui = await createShadowRootUi<void>(ctx, {
      name: 'earmark-panel',
      position: 'inline',
      // Looked up at each mount: a page that re-renders replaces the element the panel followed.
      anchor: () => adapter.panelAnchor(doc),
      append: 'after',
      css: PANEL_CSS,
      // Typing in the panel must not reach the player's hotkeys.
      isolateEvents: true,
      onMount: (container) => render(<ChapterPanel state={state} time={time} onSeek={(t) => void seek(t)} />, container),
      onRemove: () => {
        const container = ui.uiContainer;
        render(null, container);
      },
    });
    if (mine !== generation || mounted?.signature !== signature) return; // a newer update took over meanwhile
    mounted.ui = ui;
    mounted.state = state;
    write(() => ui.mount());
    refreshMarkers();
    setStatus('ready');
    if (pendingSeek !== undefined && media.element()?.readyState) {
      void seek(pendingSeek);
      pendingSeek = undefined;
    }
  };

  const annotateShow = (url: URL) => {
    teardown();
    const cards = adapter.showEpisodes?.(doc, url) ?? [];
    let chips = doc.querySelectorAll('earmark-chip').length;
    write(() => {
      for (const card of cards) {
        if (annotated.has(card.element)) continue;
        annotated.add(card.element);
        const { chapters } = parseTimeline(card.notes.slice(0, MAX_NOTES), { html: true });
        if (chapters.length < 2) continue;
        card.element.append(createChip(doc, chapters, (t) => location.assign(adapter.linkAt?.(card.url, t) ?? card.url)));
        chips++;
      }
    });
    setStatus(chips > 0 ? 'ready' : cards.length > 0 ? 'none' : undefined);
  };

  const update = () => {
    if (ctx.isInvalid) return;
    const url = new URL(location.href);
    lastHref = url.href;
    const kind = adapter.pageKind(url);
    if (kind === 'episode') void mountEpisode(url);
    else if (kind === 'show') annotateShow(url);
    else {
      teardown();
      episodeTitle = undefined;
      setStatus(undefined);
    }
  };

  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (writing || scheduled) return;
    scheduled = true;
    ctx.setTimeout(() => {
      scheduled = false;
      if (location.href !== lastHref || adapter.pageKind(new URL(location.href)) !== 'other') update();
    }, CHECK_DELAY_MS);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    teardown();
    setStatus(undefined);
  });

  media.follow((t) => {
    time.set(t);
    refreshMarkers();
  });
  ctx.addEventListener(
    doc,
    'play',
    () => {
      if (pendingSeek === undefined) return;
      const target = pendingSeek;
      pendingSeek = undefined;
      void seek(target);
    },
    { capture: true },
  );
  ctx.addEventListener(doc, 'click', (event) => {
    const link = (event.target as Element | null)?.closest?.(`[${SEEK_ATTR}]`);
    if (!link) return;
    event.preventDefault();
    void seek(Number(link.getAttribute(SEEK_ATTR)));
  });
  ctx.addEventListener(window, 'wxt:locationchange', update);
  for (const type of adapter.navigationEvents ?? []) ctx.addEventListener(doc, type, update);
  update();

  return {
    chapters: () => mounted?.chapters ?? [],
    kind: () => adapter.pageKind(new URL(location.href)),
    title: () => episodeTitle,
    seek,
    async step(delta) {
      const chapters = mounted?.chapters ?? [];
      if (chapters.length === 0) return false;
      const now = media.element()?.currentTime ?? time.get();
      const at = chapterAt(
        chapters.map((c) => c.startTime),
        now,
      );
      // "Previous" a few seconds into a chapter restarts it, as media players do.
      const target = delta > 0 ? at + 1 : at >= 0 && now - chapters[at]!.startTime > 3 ? at : at - 1;
      const chapter = chapters[Math.max(0, Math.min(chapters.length - 1, target))];
      return chapter ? seek(chapter.startTime) : false;
    },
  };
}

function createChip(doc: Document, chapters: Chapter[], onOpen: (seconds: number) => void): HTMLElement {
  const host = doc.createElement('earmark-chip');
  host.dataset.chapters = String(chapters.length);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CHIP_CSS;
  const container = doc.createElement('div');
  root.append(style, container);
  // Keys typed on the chip are ours, not the page's shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
  render(<EpisodeChip chapters={chapters} onOpen={onOpen} />, container);
  return host;
}

/** Light or dark, as the page shows itself: its `dark` attribute (YouTube), else its background's lightness. */
function pageScheme(doc: Document): 'light' | 'dark' {
  if (doc.documentElement.hasAttribute('dark')) return 'dark';
  const view = doc.defaultView;
  for (const el of [doc.body, doc.documentElement]) {
    const bg = el && view ? view.getComputedStyle(el).backgroundColor : '';
    const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/.exec(bg);
    if (!rgb || rgb[4] === '0') continue;
    const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map(Number) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  }
  return view?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
