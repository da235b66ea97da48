/**
 * The content-script runtime shared by every player: page kind → episode → chapters → panel, markers and
 * clickable times; show pages get a chip per episode card.
 *
 * Lifecycle: `update()` runs on start, on every URL change (WXT's `wxt:locationchange`), on the player's own
 * navigation events, and (debounced) when the page's DOM changes. It is idempotent: an episode is identified by
 * its URL, its notes' text (which our links do not change) and its duration, and nothing is rebuilt while those
 * stay the same; the panel is one shadow-root UI for the whole page, remounted, never duplicated. Our own DOM
 * writes are not taken for page changes. On invalidation (extension update or removal) everything is undone.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ChapterPanel, type GuestView, type PanelState } from '../../components/ChapterPanel';
import PANEL_CSS from '../../components/panel.css?inline';
import type { WikiAnswer } from '../messages';
import type { Moment, MomentChange, NewMoment } from '../moments/model';
import type { PageData, PlayerAdapter } from '../players/types';
import { extractGuests } from '../guests';
import { parseTimeline, type Chapter } from '../timeline';
import { MAX_NOTES, readNotes, viewOf } from './episode-view';
import { createDeepLink } from './features/deep-link';
import { createNotesReveal } from './features/notes-reveal';
import { createPageData } from './features/page-data';
import { createMarkers } from './features/markers';
import { createMoments, type MomentsService } from './features/moments';
import { createNoteLinks } from './features/note-links';
import { createShowChips } from './features/show-chips';
import type { Linkified } from './linkify';
import type { EmbedSupport, FrameLink } from './frames';
import { chapterAt, createPlayback, type Playback } from './media';
import type { PageBridge } from './page-bridge';
import { createStore, type Store } from './store';

/** How long page changes settle before the runtime reads the page again. */
const CHECK_DELAY_MS = 150;

interface Mounted {
  key: string;
  /** The page-world answers seen when mounted (see features/page-data.ts). */
  dataVersion: number;
  href: string;
  notesElement: Element | null;
  /** Length of the notes element's text when mounted: a cheap first test of "same notes". */
  notesLength: number;
  chapters: Chapter[];
  guests: GuestView[];
  state?: Store<PanelState>;
  linked: Linkified;
  /** The episode's length from the page's data, until the media element knows better. */
  duration?: number;
  /** The page shows the episode but no notes at all (a logged-out Overcast page): nothing to read. */
  emptyNotes: boolean;
}


export interface PlayerRuntime {
  /** Chapters of the episode on screen (empty elsewhere). */
  chapters(): readonly Chapter[];
  /** Guests of the episode on screen (empty elsewhere). */
  guests(): readonly GuestView[];
  /** Seeks to the next (+1) or previous (-1) chapter. */
  step(delta: 1 | -1): Promise<boolean>;
  seek(seconds: number): Promise<boolean>;
  kind(): string;
  title(): string | undefined;
  /** What Earmark cannot do on this page right now, said to the listener (the popup). */
  notice(): string | undefined;
  /** The player the episode on screen plays in (an embed's, when it came from one). */
  source(): { id: string; label: string };
  hasEpisode(): boolean;
  /** The episode on screen comes with no show notes at all (the popup says so rather than "no timeline"). */
  emptyNotes(): boolean;
  /** The episode's media is playing now. */
  playing(): boolean;
  /** Saves the moment playing now (panel button, keyboard command); undefined off an episode. */
  saveHere(): Promise<Moment | undefined>;
}

export interface RuntimeServices {
  /** This runtime runs inside an embedded player (an iframe of another site): no panel of its own. */
  framed?: boolean;
  /** Shows and drives the episode of a known embedded player in the page (lib/content/frames.ts). */
  embeds?: EmbedSupport;
  /** The page-world helper, for players that asked for one (PlayerAdapter.bridge); undefined when refused. */
  bridge?: Promise<PageBridge | undefined>;
  /** Asks the background to look a guest up on Wikipedia (optional enrichment). */
  lookupGuest?: (name: string) => Promise<WikiAnswer>;
  /** Saved moments, kept by the background (absent: no save button). */
  moments?: MomentsService;
}

export function runPlayer(ctx: ContentScriptContext, adapter: PlayerAdapter, services: RuntimeServices = {}): PlayerRuntime {
  const doc = document;
  let bridge: PageBridge | undefined;
  void services.bridge?.then((b) => {
    bridge = b;
    // Data only the page's world has (YouTube Music's description) may now make the episode readable.
    if (b && adapter.bridge?.includes('player-data')) schedule();
  });
  const own = createPlayback(doc, adapter, ctx, () => bridge, services.bridge ?? Promise.resolve());
  /** The page's embedded player (a host's iframe), when the page has no media of its own to drive. */
  let link: FrameLink | undefined;
  /** The episode on screen came from the embed (the page itself has none). */
  let fromFrame = false;
  const followers: Array<(time: number, playing: boolean) => void> = [];
  const watchedFrames = new WeakSet<Element>();
  /**
   * Seeks and time go to the embed when the episode on screen is the embed's, or when the page shows its own
   * notes but plays them in the embed (Podbean: the page has no media element, the embed plays this episode or
   * says nothing of its own). An embed playing another episode never gets the page's seeks.
   */
  const viaFrame = (): boolean => {
    if (!link?.connected()) return false;
    if (fromFrame) return true;
    if (own.currentTime() !== undefined || own.ready()) return false;
    const theirs = link.episode()?.episode;
    return !theirs || theirs.title === episodeTitle;
  };
  const embedLink = (): FrameLink | undefined => {
    if (services.framed || !services.embeds) return undefined;
    const found = services.embeds.find(doc);
    if (link && found?.iframe === link.iframe && link.iframe.isConnected && link.iframe.src === link.src) return link;
    link?.dispose();
    link = undefined;
    if (!found) return undefined;
    if (!watchedFrames.has(found.iframe)) {
      // A page that points its iframe at another episode changes an attribute our observer does not watch.
      watchedFrames.add(found.iframe);
      ctx.addEventListener(found.iframe, 'load', () => {
        // A reload after the embed answered is a new document in the frame, maybe another episode: link to it
        // afresh. (The first load is the document the link is already waiting for.)
        if (link?.iframe === found.iframe && link.connected()) {
          link.dispose();
          link = undefined;
        } else if (link?.iframe === found.iframe) link.loaded();
        schedule();
      });
    }
    const next = services.embeds.connect(found.iframe, found.embed, ctx, () => schedule());
    next.follow((t, playing) => {
      if (link === next && viaFrame()) for (const f of followers) f(t, playing);
    });
    link = next;
    return link;
  };
  const media: Playback = {
    currentTime: () => (viaFrame() ? link!.currentTime() : own.currentTime()),
    ready: () => (viaFrame() ? link!.ready() : own.ready()),
    duration: (fallback) => (viaFrame() ? link!.duration(fallback) : own.duration(fallback)),
    follow: (listener) => {
      followers.push(listener);
      own.follow(listener);
    },
    seek: async (seconds) => {
      // An embed that has not answered yet (its script loads after the page's): give it a moment when the page
      // has no media of its own to seek instead.
      const pending = embedLink();
      if (pending && !pending.connected() && own.currentTime() === undefined) await pending.whenConnected(5_000);
      return viaFrame() ? link!.seek(seconds) : own.seek(seconds);
    },
    notice: () => (viaFrame() ? link!.notice() : fromFrame && link ? link.notice() : own.notice()),
  };
  const anchorOf = (): Element | null => (fromFrame ? (link?.iframe ?? null) : adapter.panelAnchor(doc));
  const pageData = createPageData({
    adapter,
    ask: () => bridge?.playerData(),
    reread: (delayMs) => (delayMs > 0 ? void setTimeout(schedule, delayMs) : schedule()),
    now: () => Date.now(),
    alive: () => !ctx.isInvalid,
  });
  const time = createStore(0);
  let mounted: Mounted | undefined;
  let ui: ShadowRootContentScriptUi<void> | undefined;
  let panelState: Store<PanelState> | undefined;
  let generation = 0;
  let lastHref = location.href;
  let episodeTitle: string | undefined;
  let episodeRef: NewMoment['episode'] | undefined;
  const deepLink = createDeepLink();

  const setStatus = (status: 'ready' | 'none' | undefined) => {
    if (status) doc.documentElement.dataset.earmark = status;
    else delete doc.documentElement.dataset.earmark;
  };

  /**
   * Runs our own DOM writes so that our observer does not take them for page changes, without losing page
   * changes queued just before them.
   */
  const write = <T,>(fn: () => T): T => {
    const before = observer.takeRecords();
    try {
      return fn();
    } finally {
      observer.takeRecords();
      if (before.length) schedule();
    }
  };

  const showChips = createShowChips({ doc, adapter, write: (fn) => write(fn), maxNotes: MAX_NOTES });

  const teardown = () => {
    generation++;
    const m = mounted;
    mounted = undefined;
    if (m) {
      write(() => {
        ui?.remove();
        noteLinks.unlink(m.linked);
        markers.clear();
      });
    }
    setStatus(undefined);
  };

  const markers = createMarkers({ doc, adapter, write: (fn) => write(fn) });
  const noteLinks = createNoteLinks({
    doc,
    write: (fn) => write(fn),
    seek: (seconds) => void seek(seconds),
    listen: (target, type, handler) => ctx.addEventListener(target, type as keyof WindowEventMap, handler),
  });
  const refreshMarkers = () => {
    const m = mounted;
    if (m) markers.refresh(m, media.duration(m.duration), new URL(location.href));
  };

  const moments = services.moments
    ? createMoments({
        service: services.moments,
        state: () => mounted?.state,
        episode: () => episodeRef,
        changed: () => {
          // The bar shows saved moments too: redraw it.
          markers.invalidate();
          refreshMarkers();
        },
      })
    : undefined;

  const saveHere = async (): Promise<Moment | undefined> => {
    const m = mounted;
    if (!moments || !m) return undefined;
    const at = media.currentTime() ?? time.get();
    const index = chapterAt(
      m.chapters.map((c) => c.startTime),
      at,
    );
    return moments.save({
      time: Math.round(at * 10) / 10,
      ...(index >= 0 ? { chapterTitle: m.chapters[index]!.title } : {}),
      ...(m.guests.length ? { guests: m.guests.map((g) => g.name) } : {}),
    });
  };

  const seek = async (seconds: number) => {
    const ok = await media.seek(seconds);
    if (ok) time.set(seconds);
    return ok;
  };

  /** The one panel UI of this page, created on first use; each mount renders the current episode's state. */
  const panelUi = async () => {
    ui ??= await createShadowRootUi<void>(ctx, {
      name: 'earmark-panel',
      position: 'inline',
      // Looked up at each mount: a page that re-renders replaces the element the panel followed.
      anchor: anchorOf,
      append: 'after',
      css: PANEL_CSS,
      // Typing in the panel must not reach the player's hotkeys.
      isolateEvents: true,
      onMount: (container) => {
        if (panelState) render(
            <ChapterPanel
              state={panelState}
              time={time}
              onSeek={(t) => void seek(t)}
              {...(services.lookupGuest ? { onLookup: services.lookupGuest } : {})}
              {...(moments ? { onSave: () => void saveHere(), moments: moments.actions } : {})}
            />,
            container,
          );
      },
      onRemove: () => render(null, ui!.uiContainer),
    });
    return ui;
  };

  const showPanel = async (m: Mounted) => {
    if (m.chapters.length === 0 && m.guests.length === 0) return; // nothing to show
    if (services.framed) {
      // Inside an embedded player: no room for a panel. Markers, linked times and the popup still work, and
      // the page around it shows the panel when Earmark runs there.
      refreshMarkers();
      setStatus(m.chapters.length > 0 ? 'ready' : 'none');
      return;
    }
    if (!anchorOf()) return; // no spot yet
    const mine = generation;
    const panel = await panelUi();
    if (mine !== generation || mounted !== m) return; // a newer update took over meanwhile
    const anchor = anchorOf();
    if (!anchor?.parentNode) return;
    m.state ??= createStore<PanelState>({
      chapters: m.chapters,
      guests: m.guests,
      ...(m.duration !== undefined ? { duration: m.duration } : {}),
      showTimeline: adapter.progressBar(doc) === null,
      scheme: pageScheme(doc),
    });
    panelState = m.state;
    moments?.load();
    write(() => {
      panel.remove();
      panel.mount();
    });
    if (!panel.shadowHost.isConnected) return;
    refreshMarkers();
    setStatus(m.chapters.length > 0 ? 'ready' : 'none');
    if (media.ready()) {
      const target = deepLink.take();
      if (target !== undefined) void seek(target);
    }
  };

  let isPlaying = false;
  const notesReveal = createNotesReveal(doc, adapter, (fn) => write(fn));

  const mountEpisode = async (url: URL) => {
    notesReveal.run(url.href);
    let notesElement = adapter.notesElement(doc);
    // The cheap test first: same page, same notes element, same amount of text: nothing to redo.
    // (An episode shown from an embed is checked in full each time: its iframe may be pointed at another one.)
    if (
      !fromFrame &&
      mounted &&
      mounted.href === url.href &&
      mounted.dataVersion === pageData.version() &&
      mounted.notesElement === notesElement &&
      (notesElement?.textContent?.length ?? -1) === mounted.notesLength
    ) {
      // The page's player may be an embed inserted or replaced since (Podbean renders its iframe late).
      embedLink();
      // The page may have rendered the panel's spot late, or re-rendered it away: (re)mount.
      if ((mounted.chapters.length || mounted.guests.length) && !ui?.shadowHost.isConnected) await showPanel(mounted);
      refreshMarkers();
      return;
    }
    let episode = adapter.readEpisode(doc, url, pageData.forUrl(url));
    pageData.request(url, episode !== undefined);
    const embedded = embedLink();
    fromFrame = false;
    if (!episode && embedded?.episode()?.episode) {
      // The page has no episode of its own, but plays one in an embedded player: show that one here.
      episode = embedded.episode()!.episode!;
      fromFrame = true;
      notesElement = null;
    }
    if (!episode) {
      teardown();
      episodeTitle = undefined;
      episodeRef = undefined;
      return;
    }
    episodeTitle = episode.title;
    episodeRef = { url: episode.url, title: episode.title, ...(episode.show ? { show: episode.show } : {}), player: fromFrame && link ? link.embed.player : adapter.id };
    // A `#earmark-t=` link is honoured once, for the page it opened.
    deepLink.visit(url.href, location.hash);
    const notes = readNotes(episode);
    // Our links do not change the notes' text, so the key stays the same after we linkify.
    const text = notesElement?.textContent ?? notes;
    // The title counts too: a page may show one text and read its episode elsewhere (YouTube Music's checked
    // player data beside a stale shelf).
    const key = `${url.href}\u0000${episode.duration ?? ''}\u0000${episode.title}\u0000${text.length}\u0000${text.slice(0, 200)}\u0000${text.slice(-200)}`;
    if (mounted?.key === key) {
      mounted.dataVersion = pageData.version();
      mounted.notesElement = notesElement;
      mounted.notesLength = notesElement?.textContent?.length ?? -1;
      if ((mounted.chapters.length || mounted.guests.length) && !ui?.shadowHost.isConnected) await showPanel(mounted);
      refreshMarkers();
      return;
    }
    teardown();
    time.set(media.currentTime() ?? 0);
    const { chapters, guests, seekable, emptyNotes } = viewOf(episode);
    const linked = noteLinks.link(notesElement, seekable);
    mounted = {
      key,
      dataVersion: pageData.version(),
      href: url.href,
      notesElement,
      notesLength: notesElement?.textContent?.length ?? -1,
      chapters,
      guests,
      linked,
      ...(episode.duration !== undefined ? { duration: episode.duration } : {}),
      emptyNotes,
    };
    if (chapters.length === 0) setStatus('none');
    await showPanel(mounted);
  };

  const annotateShow = (url: URL) => {
    teardown();
    setStatus(showChips.annotate(url));
  };

  const update = () => {
    if (ctx.isInvalid) return;
    const url = new URL(location.href);
    lastHref = url.href;
    const kind = adapter.pageKind(url);
    if (kind !== 'show') showChips.remove();
    if (kind === 'episode') {
      mountEpisode(url).catch(() => undefined);
    } else if (kind === 'show') {
      annotateShow(url);
    } else {
      teardown();
      episodeTitle = undefined;
    }
  };

  // One timer for the debounced check, cleared on invalidation (ctx timers would add a callback per call).
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (location.href !== lastHref || adapter.pageKind(new URL(location.href)) !== 'other') update();
    }, CHECK_DELAY_MS);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => {
    clearTimeout(timer);
    link?.dispose();
    observer.disconnect();
    teardown();
    showChips.remove();
  });

  media.follow((t, playing) => {
    time.set(t);
    isPlaying = playing;
    // A seek link opened a fresh page: the first play of this page's media starts there (once the media knows
    // its metadata: a seek before that may be lost while it loads).
    if (playing && media.ready()) {
      const target = deepLink.take();
      if (target !== undefined) void seek(target);
    }
    refreshMarkers();
  });
  // WXT announces a location change from the Navigation API's `navigate` event, which fires before the new address
  // is committed (a `history.pushState` is still running): read the page once it has.
  ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(update, 0));
  for (const type of adapter.navigationEvents ?? []) ctx.addEventListener(doc, type, update);
  update();

  return {
    chapters: () => mounted?.chapters ?? [],
    guests: () => mounted?.guests ?? [],
    kind: () => adapter.pageKind(new URL(location.href)),
    notice: () => {
      if (!mounted) return undefined;
      const notes = [media.notice()];
      // A player whose progress bar Earmark does not know (or that shows chapters itself) gets no markers.
      if (mounted.chapters.length > 0 && !services.framed && !fromFrame && adapter.progressBar(doc) === null && !adapter.hasOwnChapters?.(doc)) {
        notes.push('No progress bar Earmark knows here: the panel shows its own timeline instead of markers.');
      }
      const said = notes.filter((n): n is string => !!n);
      return said.length ? said.join(' ') : undefined;
    },
    source: () => (fromFrame && link ? { id: link.embed.player, label: `${link.embed.label} (embedded)` } : { id: adapter.id, label: adapter.label }),
    hasEpisode: () => mounted !== undefined,
    emptyNotes: () => mounted?.emptyNotes === true,
    playing: () => isPlaying,
    title: () => episodeTitle,
    seek,
    saveHere,
    async step(delta) {
      const chapters = mounted?.chapters ?? [];
      if (chapters.length === 0) return false;
      const now = media.currentTime() ?? time.get();
      const at = chapterAt(
        chapters.map((c) => c.startTime),
        now,
      );
      if (delta > 0) {
        const next = chapters[at + 1];
        return next ? seek(next.startTime) : false;
      }
      // "Previous" a few seconds into a chapter restarts it, as media players do; before the first, go to 0.
      const target = at >= 0 && now - chapters[at]!.startTime > 3 ? at : at - 1;
      return seek(target >= 0 ? chapters[target]!.startTime : 0);
    },
  };
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
