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
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { GuestView, PanelState } from '../../components/ChapterPanel';
import type { FeedAnswer, FeedStatus, Request, WikiAnswer } from '../messages';
import type { Moment, NewMoment } from '../moments/model';
import type { EpisodeInfo, PlayerAdapter } from '../players/types';
import type { GuestInput } from '../guests/extract';

type GuestsEngine = typeof import('./guests-engine');
import { DEFAULT_SETTINGS, type Settings } from '../settings/model';
import type { Chapter } from '../timeline';
import { episodeKey, guestInput, MAX_NOTES, momentAt, readNotes, stepTarget, timelineOf, type EpisodeView } from './episode-view';
import { nextTask, slicer } from './next-task';
import { feedRequest } from './feed-request';
import { mergeFeedGuests } from '../feed/guests';
import type { ChapterSource } from '../feed/source';
import { createDeepLink } from './features/deep-link';
import { createMarkers } from './features/markers';
import { createMoments, type MomentsService } from './features/moments';
import { createNoteLinks } from './features/note-links';
import { createNotesReveal } from './features/notes-reveal';
import { createPageData } from './features/page-data';
import { createPanel, pageScheme, shadowRootHost, type PanelHostFactory } from './features/panel';
import { createPlaybackSwitch } from './features/playback-switch';
import { createShowChips } from './features/show-chips';
import type { EmbedSupport } from './frames';
import type { Linkified } from './linkify';
import { createPlayback, type Playback } from './media';
import type { PageBridge } from './page-bridge';
import { createStore, type Store } from './store';
import { fragmentLinkAt, renderedNotesOf } from '../players/page-text';
import { renderedNotesText } from './notes-text';

/** How long page changes settle before the runtime reads the page again. */
const CHECK_DELAY_MS = 150;
/** How long a mount waits for notes it expanded when the page draws no frame (a hidden tab draws none). */
const REVEAL_WAIT_MS = 100;

/** After the page's next frame (and the task after it), or REVEAL_WAIT_MS when no frame comes. */
const pageDrawn = () =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, REVEAL_WAIT_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });

/** The episode on screen, as mounted: what the features were given, and how to tell it is still the same. */
interface Mounted extends EpisodeView {
  key: string;
  /** The page-world answers seen when mounted (see features/page-data.ts). */
  dataVersion: number;
  href: string;
  notesElement: Element | null;
  /** Length of the notes element's text when mounted: a cheap first test of "same notes". */
  notesLength: number;
  /** The episode's length from the page's data, until the media element knows better. */
  duration?: number;
  /** Title and address, as saved moments name the episode. */
  ref: NewMoment['episode'];
  state: Store<PanelState>;
  linked: Linkified;
  /** Where the chapters shown came from. */
  source: ChapterSource;
  /** What the podcast's feed said, when the listener has Earmark read it. */
  feed?: FeedStatus;
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
  /** Where the chapters shown came from. */
  chapterSource(): ChapterSource;
  /** What the podcast's feed said for the episode on screen (the listener has Earmark read feeds). */
  feed(): FeedStatus | undefined;
  hasEpisode(): boolean;
  /** Settles once the runtime has read the page it started on (an episode's mount done, in all its slices). */
  read(): Promise<void>;
  /** The episode on screen comes with no show notes at all (the popup says so rather than "no timeline"). */
  emptyNotes(): boolean;
  /** The episode's media is playing now. */
  playing(): boolean;
  /** Saves the moment playing now (panel button, popup); undefined off an episode. */
  saveHere(): Promise<Moment | undefined>;
  /** The save command: saves the moment playing now, or ends the range its previous press opened. */
  pressSave(): Promise<Moment | undefined>;
  /** Saves the last N seconds (the listener's setting) as a range ending now; undefined off an episode. */
  saveLast(): Promise<Moment | undefined>;
  /** Stops for good and undoes everything on the page (the listener turned Earmark off here). */
  dispose(): void;
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
  /** The page's own playback (default: the adapter's media, lib/content/media.ts). The integration tier fakes it. */
  playback?: Playback;
  /** Runs the guests engine elsewhere (the background); undefined (or no answer): it runs here. */
  guests?: (input: GuestInput) => Promise<GuestView[] | undefined>;
  /** The save command's key as the browser has it ('' when none is set; undefined: no answer), for the panel to show. */
  saveShortcut?: () => Promise<string | undefined>;
  /** Asks the background for the episode in the podcast's feed (lib/background/feed-service.ts). */
  feed?: (request: Request<'earmark:feed'>) => Promise<FeedAnswer | undefined>;
  /** Makes the panel's UI host (default: WXT's shadow-root UI). */
  panelHost?: PanelHostFactory;
  /** The listener's settings (lib/settings), kept current by the content script; a change applies at once. */
  settings?: Store<Settings>;
  /**
   * A page read failed (a page shaped as no adapter expected). The page's console stays quiet in production; the
   * content script logs it in development, and the integration tier fails the test.
   */
  onError?: (error: unknown) => void;
}

/** About how long showing the panel takes (its shadow root, styles and first render): measured 4–10 ms in Chromium. */
const PANEL_MS = 10;

/** The settings that change what a page shows, as one comparable value. */
const pageSwitches = (s: Settings): string =>
  [s.chapterMarkers, s.momentMarkers, s.noteLinks, s.guestCards, s.panelCollapsed, s.feedLookup].map((on) => (on ? 1 : 0)).join('');

/**
 * Composes the features for one player page: reads the page (adapter → episode → view) whenever it may have
 * changed, and hands the view to the panel, markers, note links, moments and show chips. Owns only what ties them
 * together: the episode mounted now, the time, and the page observer.
 */
export function runPlayer(ctx: ContentScriptContext, adapter: PlayerAdapter, services: RuntimeServices = {}): PlayerRuntime {
  const doc = document;
  /** The steps up to the panel: one task while they are short (see slicer), a task each once they are not. */
  const pause = slicer();
  let bridge: PageBridge | undefined;
  void services.bridge?.then((b) => {
    bridge = b;
    // Data only the page's world has (YouTube Music's description) may now make the episode readable.
    if (b && adapter.bridge?.includes('player-data')) schedule();
  });
  let mounted: Mounted | undefined;
  /** Bumped on every teardown: work started for an older episode stops when it sees a newer number. */
  let generation = 0;
  let lastHref = location.href;
  let isPlaying = false;
  /** Set by dispose(): the listener turned Earmark off here; nothing is read or written any more. */
  let stopped = false;
  const time = createStore(0);
  const settings = services.settings ?? createStore(DEFAULT_SETTINGS);

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
      if (before.length) pageChanged(before);
    }
  };
  const setStatus = (status: 'ready' | 'none' | undefined) => {
    if (status) doc.documentElement.dataset.earmark = status;
    else delete doc.documentElement.dataset.earmark;
  };

  const playback = createPlaybackSwitch({
    doc,
    lifetime: ctx,
    own: services.playback ?? createPlayback(doc, adapter, ctx, () => bridge, services.bridge ?? Promise.resolve()),
    ...(services.embeds ? { embeds: services.embeds } : {}),
    ...(services.framed ? { framed: true } : {}),
    changed: () => schedule(),
    title: () => mounted?.ref.title,
  });
  const media = playback.media;
  const seek = async (seconds: number) => {
    const ok = await media.seek(seconds);
    if (ok) time.set(seconds);
    return ok;
  };
  const pageData = createPageData({
    adapter,
    ask: () => bridge?.playerData(),
    reread: (delayMs) => (delayMs > 0 ? void setTimeout(schedule, delayMs) : schedule()),
    now: () => Date.now(),
    alive: () => !ctx.isInvalid,
  });
  const deepLink = createDeepLink();
  const notesReveal = createNotesReveal(doc, adapter, write);
  /**
   * The guests engine, a chunk of its own (./guests-engine.ts): loaded when first needed, for show chips or when
   * the background does not answer, so that it is not on the panel's path. Show chips ask again once it is here.
   */
  let guestsEngine: GuestsEngine | undefined;
  let loadingGuests: Promise<GuestsEngine> | undefined;
  const loadGuestsEngine = () =>
    (loadingGuests ??= import('./guests-engine').then((engine) => {
      guestsEngine = engine;
      return engine;
    }));
  const showChips = createShowChips({
    doc,
    adapter,
    write,
    maxNotes: MAX_NOTES,
    guests: () => {
      if (!guestsEngine) void loadGuestsEngine().then(() => schedule(), (error: unknown) => services.onError?.(error));
      return guestsEngine;
    },
  });
  const markers = createMarkers({
    doc,
    adapter,
    write,
    show: () => ({ chapters: settings.get().chapterMarkers, moments: settings.get().momentMarkers }),
  });
  const refreshMarkers = () => {
    if (mounted) markers.refresh(mounted, media.duration(mounted.duration), new URL(location.href));
  };
  const noteLinks = createNoteLinks({
    doc,
    write,
    seek: (seconds) => void seek(seconds),
    listen: (target, type, handler) => ctx.addEventListener(target, type as keyof WindowEventMap, handler),
  });
  const moments = services.moments
    ? createMoments({
        service: services.moments,
        state: () => mounted?.state,
        episode: () => mounted?.ref,
        changed: () => {
          // The bar shows saved moments too: redraw it.
          markers.invalidate();
          refreshMarkers();
        },
      })
    : undefined;
  const now = () => media.currentTime() ?? time.get();
  const saveHere = async (): Promise<Moment | undefined> => (moments && mounted ? moments.save(momentAt(mounted, now())) : undefined);
  const pressSave = async (): Promise<Moment | undefined> => (moments && mounted ? moments.press(momentAt(mounted, now())) : undefined);
  const saveLast = async (): Promise<Moment | undefined> => {
    if (!moments || !mounted) return undefined;
    const end = momentAt(mounted, now()).time;
    // The range's chapter and guests are those where it starts: that is where its link opens.
    return moments.save({ ...momentAt(mounted, Math.max(0, end - settings.get().saveLastSeconds)), end });
  };
  /**
   * A moment's link: the player's own time link (its adapter's `linkAt`) for this player's episodes, Earmark's
   * fragment otherwise (an episode shown from an embedded player, whose adapter is not this one).
   */
  const linkOf = (m: Moment): string => (m.episode.player === adapter.id && adapter.linkAt ? adapter.linkAt : fragmentLinkAt)(m.episode.url, m.time);
  const panel = createPanel({
    host: services.panelHost ?? shadowRootHost(ctx),
    // Looked up at each mount: a page that re-renders replaces the element the panel followed.
    anchor: () => (playback.fromFrame() ? (playback.frame() ?? null) : adapter.panelAnchor(doc)),
    time,
    seek: (t) => void seek(t),
    ...(services.lookupGuest ? { lookupGuest: services.lookupGuest } : {}),
    ...(moments ? { moments: { save: () => void saveHere(), saveLast: () => void saveLast(), feature: moments, linkOf } } : {}),
    write,
  });

  /** A `#earmark-t=` link opened this page: seek there once the media can. */
  const followDeepLink = () => {
    if (!media.ready()) return;
    const target = deepLink.take();
    if (target !== undefined) void seek(target);
  };

  const teardown = () => {
    generation++;
    const m = mounted;
    mounted = undefined;
    if (m) {
      write(() => {
        panel.remove();
        noteLinks.unlink(m.linked);
        markers.clear();
      });
    }
    setStatus(undefined);
  };

  /** Shows the panel for `m` (and its markers); false when there is nothing to show or no spot for it yet. */
  const showPanel = async (m: Mounted): Promise<boolean> => {
    if (m.chapters.length === 0 && m.state.get().guests.length === 0) return false; // nothing to show
    // Inside an embedded player there is no room for a panel: markers, linked times and the popup still work,
    // and the page around it shows the panel when Earmark runs there.
    if (services.framed) {
      refreshMarkers();
      followDeepLink();
      return true;
    }
    const mine = generation;
    if (!(await panel.show(m.state, () => mine === generation && mounted === m))) return false;
    // The panel is painted first: its saved moments (a message to the background), the markers on the player's bar
    // and a deep link's seek follow in the next task.
    void nextTask().then(() => {
      if (stopped || mounted !== m) return;
      moments?.load();
      refreshMarkers();
      followDeepLink();
    });
    return true;
  };
  /** `<html data-earmark>`: "ready" once the panel shows chapters, "none" when the notes hold none (DOM contract). */
  const settled = (m: Mounted, shown: boolean) => {
    if (mounted !== m) return;
    if (m.chapters.length === 0) setStatus('none');
    else if (shown) setStatus('ready');
  };

  /** The episode mounted is still the one on screen: only what the page may have re-rendered is redone. */
  const keep = async (m: Mounted) => {
    if ((m.chapters.length || m.state.get().guests.length) && !services.framed && !panel.shown()) settled(m, await showPanel(m));
    refreshMarkers();
  };

  /** The page changed something inside the mounted notes element since its text was last read (see the observer). */
  let notesTouched = true;
  /** Bumped by each mount of a new episode: one that yielded stops when a newer one has begun. */
  let mounting = 0;
  /** The episode being mounted now, between its slices: a page change meanwhile that shows the same one waits. */
  let pending: string | undefined;
  const mountEpisode = async (url: URL) => {
    // Notes just expanded are read once the page has drawn the rest (a frame later, as React does): read before,
    // the panel showed the collapsed notes' chapters and was remade a frame later with all of them.
    if (notesReveal.run(url.href)) {
      await pageDrawn();
      if (stopped || location.href !== url.href) return;
    }
    const notesElement = adapter.notesElement(doc);
    // The cheap test first: same page, same notes element, same amount of text: nothing to redo. (An episode
    // shown from an embed is checked in full each time: its iframe may be pointed at another one.) The notes' text
    // is read only when the page changed something inside them since (notesTouched): on a page with a transcript
    // for notes, a player clock ticking elsewhere would otherwise cost a read of all of it at every check.
    if (
      mounted &&
      !playback.fromFrame() &&
      mounted.href === url.href &&
      mounted.dataVersion === pageData.version() &&
      mounted.notesElement === notesElement &&
      (!notesTouched || (notesElement?.textContent?.length ?? -1) === mounted.notesLength)
    ) {
      // The page's player may be an embed inserted or replaced since (Podbean renders its iframe late).
      playback.link();
      return keep(mounted);
    }
    const own = adapter.readEpisode(doc, url, pageData.forUrl(url));
    pageData.request(url, own !== undefined);
    const chosen = playback.choose(own);
    if (!chosen) return teardown();
    const { episode, fromFrame } = chosen;
    const shownNotes = fromFrame ? null : notesElement;
    // A `#earmark-t=` link is honoured once, for the page it opened.
    deepLink.visit(url.href, location.hash);
    // Changes to the notes from here on are the page's, to be checked at the next update.
    notesTouched = false;
    const text = shownNotes?.textContent ?? readNotes(episode);
    const key = episodeKey(url.href, episode, text);
    // What the page showed when it was read (the notes' text is read once, here): the cheap test above compares
    // with this, not with a state the page reached while the mount was in its slices.
    const seen = { dataVersion: pageData.version(), notesLength: shownNotes ? text.length : -1 };
    if (mounted?.key === key) {
      Object.assign(mounted, { ...seen, notesElement: shownNotes });
      return keep(mounted);
    }
    if (pending === key) return;
    const mine = ++mounting;
    pending = key;
    try {
      await mountSliced(mine, url, episode, key, shownNotes, seen);
    } finally {
      if (mounting === mine) pending = undefined;
    }
  };

  /** The save command's key, asked of the background once per runtime, after the panel shows (off its path). */
  let shortcut: Promise<string | undefined> | undefined;
  const showShortcut = (m: Mounted) => {
    if (!moments || !services.saveShortcut) return;
    // Asked again at the next mount when there was no answer (a background still waking); a key changed while the
    // page is open shows from the next page.
    void (shortcut ??= services.saveShortcut().catch(() => undefined)).then((key) => {
      if (key === undefined) shortcut = undefined;
      if (key === undefined || mounted !== m || m.state.get().saveShortcut === key) return;
      m.state.set({ ...m.state.get(), saveShortcut: key });
    });
  };

  /**
   * Mounts `episode` in slices, so that a long page never blocks its own: reading the page (done), the timeline,
   * the panel with its chapters, then the guests and the links in the notes, each in a task of its own.
   */
  const mountSliced = async (
    mine: number,
    url: URL,
    episode: EpisodeInfo,
    key: string,
    shownNotes: Element | null,
    seen: { dataVersion: number; notesLength: number },
  ) => {
    // A teardown meanwhile (the page went elsewhere) bumps the generation.
    const before = generation;
    await pause();
    if (mine !== mounting || stopped || generation !== before) return;
    teardown();
    // Notes the adapter read from a rendered element are read from it again here, not from their serialised HTML.
    const rendered = renderedNotesOf(episode);
    const view = timelineOf(episode, rendered ? renderedNotesText(rendered) : undefined);
    const source = playback.source();
    const m: Mounted = {
      ...view,
      guests: [],
      key,
      ...seen,
      href: url.href,
      notesElement: shownNotes,
      ...(episode.duration !== undefined ? { duration: episode.duration } : {}),
      ref: { url: episode.url, title: episode.title, ...(episode.show ? { show: episode.show } : {}), player: source?.id ?? adapter.id },
      state: createStore<PanelState>({
        chapters: view.chapters,
        guests: [],
        ...(settings.get().panelCollapsed ? { collapsed: true } : {}),
        ...(moments ? { lastSeconds: settings.get().saveLastSeconds } : {}),
        ...(episode.duration !== undefined ? { duration: episode.duration } : {}),
        showTimeline: adapter.progressBar(doc) === null,
        scheme: pageScheme(doc),
      }),
      linked: noteLinks.link(null, view.seekable),
      source: 'notes',
    };
    mounted = m;
    // After `mounted` is set: whether an embed plays this episode depends on its title.
    time.set(media.currentTime() ?? 0);
    await pause(PANEL_MS);
    if (mounted !== m) return;
    let shown = await showPanel(m);
    showShortcut(m);

    await nextTask();
    if (mounted !== m) return;
    const input = guestInput(episode);
    // The background runs the engine off this page's main thread; here only when it cannot be reached.
    m.guests = (await services.guests?.(input).catch(() => undefined)) ?? (await loadGuestsEngine()).guestViews(input);
    if (mounted !== m) return;
    // Guest cards may be switched off; the popup still lists the guests (runtime.guests()).
    if (settings.get().guestCards && m.guests.length) {
      m.state.set({ ...m.state.get(), guests: m.guests });
      if (!shown) shown = await showPanel(m);
    }

    await nextTask();
    if (mounted !== m) return;
    if (settings.get().noteLinks && shownNotes) m.linked = noteLinks.link(shownNotes, view.seekable);
    settled(m, shown);
    if (settings.get().feedLookup && services.feed && !services.framed) {
      await readFeed(m, episode, shownNotes);
    }
  };

  /**
   * "Read the podcast's feed" (a setting, off by default): once the page's own chapters are shown, the background
   * looks the episode up in its feed. The podcaster's own chapters (a chapters file, the feed's, the audio file's)
   * replace those read in the notes; the feed's notes give chapters when the page shows none or a cut of them; the
   * guests the feed names join the cards.
   */
  const readFeed = async (m: Mounted, episode: EpisodeInfo, shownNotes: Element | null) => {
    const answer = await services.feed!(feedRequest(doc, episode, shownNotes, m.chapters.length)).catch(() => undefined);
    if (mounted !== m || !answer) return;
    m.feed = answer.state === 'found' ? { state: 'found', title: answer.feed.title } : { state: answer.state, ...('message' in answer ? { message: answer.message } : {}) };
    if (answer.state !== 'found') return;
    const next = { ...m.state.get() };
    if (answer.chapters?.length && answer.source) {
      m.chapters = answer.chapters;
      m.source = answer.source;
      next.chapters = answer.chapters;
      next.source = answer.source;
    }
    if (answer.guests.length) {
      m.guests = mergeFeedGuests(m.guests, answer.guests);
      if (settings.get().guestCards) next.guests = m.guests;
    }
    m.state.set(next);
    markers.invalidate();
    const shown = panel.shown() || (await showPanel(m));
    settled(m, shown);
  };

  const update = (): Promise<void> | undefined => {
    if (ctx.isInvalid || stopped) return undefined;
    const url = new URL(location.href);
    lastHref = url.href;
    const kind = adapter.pageKind(url);
    if (kind !== 'show') showChips.remove();
    if (kind === 'episode') return mountEpisode(url).catch((error: unknown) => services.onError?.(error));
    teardown();
    if (kind === 'show') setStatus(showChips.annotate(url));
    return undefined;
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
  /** The page changed (`records`, ours left out): whether inside the notes, then a check once it settles. */
  const pageChanged = (records: readonly MutationRecord[]) => {
    const notes = mounted?.notesElement;
    // A burst of changes is not searched one by one: the next check reads the notes. The target is where a change
    // happened (the text node, the parent of what was added or removed); the added nodes are looked at too, for DOM
    // implementations that report the observed root as the target.
    const inside = (r: MutationRecord) => notes!.contains(r.target) || Array.prototype.some.call(r.addedNodes, (n: Node) => notes!.contains(n));
    if (!notesTouched && (!notes || records.length > 200 || records.some(inside))) notesTouched = true;
    watchBody();
    schedule();
  };
  const observer = new MutationObserver(pageChanged);
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  /**
   * The panel follows the page's scheme when it switches while the panel shows: the system's (an automatic dark mode
   * at dusk) or the page's own (YouTube's `dark` attribute, a theme class on the root or the body). Read once things
   * settle: a page may set several attributes in a row.
   */
  // A plain timer, cleared by dispose: the context's own timers each leave a listener on the context for the life of
  // the page, and a page may change these attributes often.
  let schemeTimer: ReturnType<typeof setTimeout> | undefined;
  const rescheme = () => {
    if (stopped || (!mounted && !showChips.shown())) return;
    clearTimeout(schemeTimer);
    schemeTimer = setTimeout(() => {
      const state = mounted?.state;
      if (stopped || (!state && !showChips.shown())) return;
      const scheme = pageScheme(doc);
      if (state && state.get().scheme !== scheme) state.set({ ...state.get(), scheme });
      // A show page's chips follow it too.
      showChips.rescheme(scheme);
    }, 100);
  };
  // Only a MediaQueryList that is an event target is followed (older ones offer addListener alone).
  const query = doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)');
  const systemDark = typeof query?.addEventListener === 'function' ? query : undefined;
  systemDark?.addEventListener('change', rescheme);
  const themeObserver = new MutationObserver(rescheme);
  const THEME_ATTRIBUTES = { attributes: true, attributeFilter: ['dark', 'class', 'data-theme', 'data-color-scheme'] };
  themeObserver.observe(doc.documentElement, THEME_ATTRIBUTES);
  /** The body is watched once it is there: a runtime started during the parse (Spotify's) may come before it. */
  let bodyWatched = false;
  const watchBody = () => {
    if (bodyWatched || !doc.body) return;
    bodyWatched = true;
    themeObserver.observe(doc.body, THEME_ATTRIBUTES);
  };
  watchBody();
  /** Undoes everything this runtime did to the page (extension going away, or the listener turning it off). */
  const dispose = () => {
    stopped = true;
    clearTimeout(timer);
    unwatchSettings();
    playback.dispose();
    observer.disconnect();
    themeObserver.disconnect();
    systemDark?.removeEventListener('change', rescheme);
    clearTimeout(schemeTimer);
    teardown();
    showChips.remove();
  };
  // A setting changed (in the options page, another tab): show the page again as the settings now say. Only the
  // switches for what the page shows count: where Earmark runs is the content script's (start.ts), and the rest is
  // read when used.
  let shown = pageSwitches(settings.get());
  const unwatchSettings = settings.subscribe(() => {
    // The "save the last" length shows on the panel's button: a new one is shown as it is, without a remount.
    const state = mounted?.state;
    const lastSeconds = settings.get().saveLastSeconds;
    if (moments && state && state.get().lastSeconds !== lastSeconds) state.set({ ...state.get(), lastSeconds });
    const switches = pageSwitches(settings.get());
    if (stopped || switches === shown) return;
    shown = switches;
    teardown();
    showChips.remove();
    update();
  });
  ctx.onInvalidated(dispose);

  media.follow((t, playing) => {
    time.set(t);
    isPlaying = playing;
    // A seek link opened a fresh page: the first play of this page's media starts there (once the media knows
    // its metadata: a seek before that may be lost while it loads).
    if (playing) followDeepLink();
    refreshMarkers();
  });
  // WXT announces a location change from the Navigation API's `navigate` event, which fires before the new address
  // is committed (a `history.pushState` is still running): read the page once it has.
  ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(update, 0));
  for (const type of adapter.navigationEvents ?? []) ctx.addEventListener(doc, type, update);
  // The first read, in a task of its own when setting up the features above took a slice already.
  const firstRead = pause().then(update);

  return {
    chapters: () => mounted?.chapters ?? [],
    guests: () => mounted?.guests ?? [],
    kind: () => adapter.pageKind(new URL(location.href)),
    notice: () => {
      if (!mounted) return undefined;
      const notes = [media.notice()];
      // A player whose progress bar Earmark does not know (or that shows chapters itself) gets no markers.
      if (mounted.chapters.length > 0 && !services.framed && !playback.fromFrame() && adapter.progressBar(doc) === null && !adapter.hasOwnChapters?.(doc)) {
        notes.push('This player’s progress bar cannot take markers: the chapters show on the panel’s own timeline.');
      }
      const said = notes.filter((n): n is string => !!n);
      return said.length ? said.join(' ') : undefined;
    },
    source: () => playback.source() ?? { id: adapter.id, label: adapter.label },
    chapterSource: () => mounted?.source ?? 'notes',
    feed: () => mounted?.feed,
    hasEpisode: () => mounted !== undefined,
    read: () => firstRead,
    emptyNotes: () => mounted?.emptyNotes === true,
    playing: () => isPlaying,
    title: () => mounted?.ref.title,
    seek,
    saveHere,
    pressSave,
    saveLast,
    dispose,
    async step(delta) {
      const target = stepTarget(mounted?.chapters ?? [], media.currentTime() ?? time.get(), delta);
      return target === undefined ? false : seek(target);
    },
  };
}
