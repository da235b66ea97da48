import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { asContentRequest, type ContentStatus, type WikiAnswer } from '../messages';
import { askBackground } from '../ask-background';
import type { PlayerAdapter } from '../players/types';
import type { PersonRecord } from '../guests/extract';
import { GUEST_INPUT_LIMITS as LIMIT } from '../guests/limits';
import type { ChapterSource } from '../feed/source';
import type { PageBridge } from './page-bridge';
import type { EmbedSupport } from './frames';
import { findEmbed } from '../players/embeds';
import { safeGuestLinks } from '../guest-links';
import { runPlayer, type PlayerRuntime } from './runtime';
import type { ContentHandler } from './stage-contract';
import { createStore, type Store } from './store';
import { playerEnabled, readSettings, type Settings } from '../settings/model';
import { readPageSettings, watchPageSettings } from '../settings/page-reader';

/** What a look-up says when the background did not answer (or answered something that is not an answer). */
const UNREACHED: WikiAnswer = { ok: false, reason: 'error', message: 'Earmark could not reach its background page: try again.' };

/** Set while a runtime runs in this page: one extension's content scripts share one isolated world. */
const RUNNING = Symbol.for('earmark.runtime');

/** A podcast:person record as the guests message carries it: its known fields, each within its limit. */
const personRecord = (p: PersonRecord) => ({
  name: p.name.slice(0, LIMIT.name),
  ...(p.role !== undefined ? { role: p.role.slice(0, LIMIT.role) } : {}),
  ...(p.affiliation !== undefined ? { affiliation: p.affiliation.slice(0, LIMIT.affiliation) } : {}),
  ...(p.description !== undefined ? { description: p.description.slice(0, LIMIT.description) } : {}),
});

/** Tells the background whether a runtime runs in this embed's frame (lib/background/embed-frames.ts). */
const say = (here: boolean) => void askBackground({ type: 'earmark:frame', here });

/**
 * What a content script's `main` does: read the listener's settings, run the player runtime when they say so (and
 * stop it when they change), and answer the popup and the background.
 *
 * `connectBridge`: for players that need the page-world helper (PlayerAdapter.bridge), the entrypoint passes
 * `injectBridge` — only those entrypoints carry it.
 */
export function startContent(
  ctx: ContentScriptContext,
  adapter: PlayerAdapter,
  options: {
    connectBridge?: (features: NonNullable<PlayerAdapter['bridge']>) => Promise<PageBridge | undefined>;
    /** Who runs this runtime: the player's content script (its id, the default) or the on-demand injection. */
    owner?: string;
    /** For scripts that may meet embedded players, in the page or as the embed (lib/content/frames.ts). */
    embeds?: EmbedSupport;
    /** `caller`: the staged detector (lib/content/stage.ts) listens and forwards content requests to the handler returned. */
    messages?: 'self' | 'caller';
    /** The settings as stored, already read by the caller (the detector): not read again. */
    settings?: unknown;
  } = {},
): ContentHandler | undefined {
  const { connectBridge } = options;
  const owner = options.owner ?? adapter.id;
  const scope = globalThis as { [RUNNING]?: string };
  // The popup's "Find chapters on this page" on a player page that already runs Earmark: the player's runtime
  // stays in charge (and answers the popup); a second one would fight it.
  if (scope[RUNNING] && scope[RUNNING] !== owner) return undefined;
  scope[RUNNING] = owner;
  ctx.onInvalidated(() => {
    if (scope[RUNNING] === owner) delete scope[RUNNING];
  });
  const framed = window.top !== window;
  // The popup's "Find chapters on this page" injected this script: the listener asked, here and now.
  let asked = owner !== adapter.id;
  let bridge: Promise<PageBridge | undefined> | undefined;
  /** Set once this embed answers the page around it (see below). */
  let served: { hostConnected(): boolean } | undefined;
  let runtime: PlayerRuntime | undefined;
  /** The settings as stored, kept current (the options page may change them while this page is open). */
  let settings: Store<Settings> | undefined;

  const start = (current: Store<Settings>) => {
    if (runtime || ctx.isInvalid) return;
    runtime = runPlayer(ctx, adapter, {
      settings: current,
      ...(import.meta.env.DEV ? { onError: (error: unknown) => console.debug('[earmark] reading the page failed:', error) } : {}),
      ...(framed ? { framed: true } : {}),
      ...(options.embeds ? { embeds: options.embeds } : {}),
      // The page-world helper is injected once per page, whatever the runtimes that come and go.
      ...(adapter.bridge?.length && connectBridge ? { bridge: (bridge ??= connectBridge(adapter.bridge)) } : {}),
      // Within the message's limits (lib/messages.ts); anything past them is not what guests are found in.
      guests: (input) =>
        askBackground({
          type: 'earmark:guests',
          title: input.title.slice(0, LIMIT.title),
          notes: input.notes,
          ...(input.show !== undefined ? { show: input.show.slice(0, LIMIT.show) } : {}),
          ...(input.hosts ? { hosts: input.hosts.slice(0, LIMIT.hosts).map((h) => h.slice(0, LIMIT.name)) } : {}),
          ...(input.persons ? { persons: input.persons.slice(0, LIMIT.persons).map(personRecord) } : {}),
        }),
      lookupGuest: (name) => askBackground({ type: 'earmark:wikipedia', name }).then((answer) => answer ?? UNREACHED),
      feed: (request) => askBackground(request),
      saveShortcut: () => askBackground({ type: 'earmark:save-shortcut' }),
      moments: {
        save: (moment) => askBackground({ type: 'earmark:moment-save', moment }),
        change: (change) => askBackground({ type: 'earmark:moment-change', change }).then((ok) => ok === true),
        list: (episodeUrl) => askBackground({ type: 'earmark:moments', episodeUrl }).then((list) => list ?? []),
      },
    });
    // Also answers "Earmark runs in the page around this embed": that page then speaks for the episode. Once per
    // page: it stays when the runtime stops (it reads the embed's episode on request, and changes nothing).
    if (framed && adapter.embed && options.embeds) {
      served ??= options.embeds.serve(ctx, adapter, () => adapter.readEpisode(document, new URL(location.href)));
    }
  };
  const stop = () => {
    if (!runtime) return;
    runtime.dispose();
    runtime = undefined;
  };
  /** Why this page has no runtime, under `current` settings; undefined: it should run. */
  const waitingFor = (current: Settings): ContentStatus['waiting'] =>
    !playerEnabled(current, adapter.id) ? 'off' : current.onlyWhenAsked && !asked ? 'ask' : undefined;
  const follow = (current: Store<Settings>) => (waitingFor(current.get()) ? stop() : start(current));

  const loaded = ('settings' in options ? Promise.resolve(readSettings(options.settings)) : readPageSettings()).then((initial) => {
    if (ctx.isInvalid) return;
    const current = createStore(initial);
    settings = current;
    const unwatch = watchPageSettings((next) => {
      current.set(next);
      follow(current);
    });
    ctx.onInvalidated(unwatch);
    follow(current);
  });
  const instance = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  /** This frame speaks for an episode (see ContentStatus.owner): an embed whose page shows it does not. */
  const ownsEpisode = () => runtime !== undefined && runtime.hasEpisode() && !served?.hostConnected();
  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    const request = asContentRequest(message);
    if (!request) return undefined;
    // The toolbar button was pressed on this tab: every frame that waits for it starts.
    // The top frame answers; an embed starts without answering (one answer per tab). A status asked of this frame
    // after the wake is read after it: both wait for the same settings read, in order.
    if (request.type === 'earmark:wake') {
      const woken = loaded.then(() => {
        if (!settings || waitingFor(settings.get()) !== 'ask') return false;
        asked = true;
        follow(settings);
        // Answered once the page is read: the popup asks the status next, and should see its chapters.
        return runtime ? runtime.read().then(() => true) : false;
      });
      return framed ? void woken : woken;
    }
    if (!runtime) {
      // Nothing runs here (settings not read yet, only when asked, or turned off): the status says why (asked of
      // this frame by its id), a command is not done (the top frame says so; embeds keep quiet).
      if (request.type === 'earmark:status') return loaded.then(() => (runtime ? statusOf(runtime) : idleStatus()));
      return framed ? undefined : Promise.resolve(request.type === 'earmark:save-here' || request.type === 'earmark:save-last' ? undefined : false);
    }
    // A command for another frame's runtime (see ContentRequest.to), or an unaddressed command inside an embed:
    // only the runtime that answered the status acts.
    if (request.to !== undefined ? request.to !== instance : framed && request.type !== 'earmark:status') return undefined;
    // Which frame speaks for the tab is chosen by the asker (lib/find-runtime.ts), which asks each frame by its id:
    // an embed always answers the status, and acts only as the owner of its episode.
    if (framed && request.type !== 'earmark:status' && !ownsEpisode()) return undefined;
    // A page with nothing of its own but an embedded player: let the embed's script answer.
    if (!framed && !runtime.hasEpisode() && findEmbed(document)) return undefined;
    switch (request.type) {
      case 'earmark:status':
        return Promise.resolve(statusOf(runtime));
      case 'earmark:step':
        return runtime.step(request.delta);
      case 'earmark:seek':
        return runtime.seek(request.seconds);
      case 'earmark:save-here':
        return request.command ? runtime.pressSave() : runtime.saveHere();
      case 'earmark:save-last':
        return runtime.saveLast();
    }
  };
  const statusOf = (running: PlayerRuntime): ContentStatus => ({
    instance,
    owner: ownsEpisode(),
    playing: running.playing(),
    player: running.source().id,
    label: running.source().label,
    ...(running.notice() ? { notice: running.notice()! } : {}),
    kind: running.kind() as ContentStatus['kind'],
    ...(running.emptyNotes() ? { emptyNotes: true } : {}),
    ...(running.title() !== undefined ? { title: running.title()! } : {}),
    chapters: running.chapters().map((c) => ({ startTime: c.startTime, title: c.title })),
    ...(running.chapterSource() !== 'notes' && running.chapters().length ? { source: running.chapterSource() as Exclude<ChapterSource, 'notes'> } : {}),
    ...(running.feed() ? { feed: running.feed()! } : {}),
    guests: running.guests().map((g) => ({
      name: g.name,
      affiliations: [...g.affiliations],
      summary: g.summary,
      links: safeGuestLinks(g.links),
      ...(g.namedBy ? { namedBy: g.namedBy } : {}),
    })),
  });
  /** The top frame's answer while nothing runs: which player this is, and why Earmark waits. */
  const idleStatus = (): ContentStatus => {
    const waiting = settings ? waitingFor(settings.get()) : undefined;
    return {
      instance,
      owner: false,
      playing: false,
      player: adapter.id,
      label: adapter.label,
      kind: 'other',
      ...(waiting ? { waiting } : {}),
      chapters: [],
      guests: [],
    };
  };
  if (options.messages !== 'caller') {
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  }
  // Inside an embed: tell the background this frame is here (running or waiting), so that the popup and the
  // commands can ask it by its id when the page has no episode of its own; and when it goes (bfcache may bring it
  // back).
  if (framed) {
    say(true);
    ctx.addEventListener(window, 'pagehide', () => say(false));
    ctx.addEventListener(window, 'pageshow', (event) => {
      if ((event as PageTransitionEvent).persisted) say(true);
    });
  }
  return onMessage;
}
