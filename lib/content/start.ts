import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { asContentRequest, type ContentStatus, type WikiAnswer } from '../messages';
import { askBackground } from '../ask-background';
import type { PlayerAdapter } from '../players/types';
import type { PageBridge } from './page-bridge';
import type { EmbedSupport } from './frames';
import { findEmbed } from '../players/embeds';
import { safeGuestLinks } from '../guest-links';
import { runPlayer } from './runtime';

/** What a look-up says when the background did not answer (or answered something that is not an answer). */
const UNREACHED: WikiAnswer = { ok: false, reason: 'error', message: 'Earmark could not reach its background page: try again.' };

/** What a content script's `main` does: run the player runtime and answer the popup and the background. */
/** Set while a runtime runs in this page: one extension's content scripts share one isolated world. */
const RUNNING = Symbol.for('earmark.runtime');

/**
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
  } = {},
): void {
  const { connectBridge } = options;
  const owner = options.owner ?? adapter.id;
  const scope = globalThis as { [RUNNING]?: string };
  // The popup's "Find chapters on this page" on a player page that already runs Earmark: the player's runtime
  // stays in charge (and answers the popup); a second one would fight it.
  if (scope[RUNNING] && scope[RUNNING] !== owner) return;
  scope[RUNNING] = owner;
  ctx.onInvalidated(() => {
    if (scope[RUNNING] === owner) delete scope[RUNNING];
  });
  const framed = window.top !== window;
  const runtime = runPlayer(ctx, adapter, {
    ...(import.meta.env.DEV ? { onError: (error: unknown) => console.debug('[earmark] reading the page failed:', error) } : {}),
    ...(framed ? { framed: true } : {}),
    ...(options.embeds ? { embeds: options.embeds } : {}),
    ...(adapter.bridge?.length && connectBridge ? { bridge: connectBridge(adapter.bridge) } : {}),
    lookupGuest: (name) => askBackground({ type: 'earmark:wikipedia', name }).then((answer) => answer ?? UNREACHED),
    moments: {
      save: (moment) => askBackground({ type: 'earmark:moment-save', moment }),
      change: (change) => askBackground({ type: 'earmark:moment-change', change }).then((ok) => ok === true),
      list: (episodeUrl) => askBackground({ type: 'earmark:moments', episodeUrl }).then((list) => list ?? []),
    },
  });
  // Also answers "Earmark runs in the page around this embed": that page then speaks for the episode.
  const served =
    framed && adapter.embed && options.embeds
      ? options.embeds.serve(ctx, adapter, () => adapter.readEpisode(document, new URL(location.href)))
      : { hostConnected: () => false };
  const instance = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  /** This frame speaks for an episode (see ContentStatus.owner): an embed whose page shows it does not. */
  const ownsEpisode = () => runtime.hasEpisode() && !served.hostConnected();
  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    const request = asContentRequest(message);
    if (!request) return undefined;
    // A command for another frame's runtime (see ContentRequest.to), or an unaddressed command inside an embed:
    // only the runtime that answered the status acts.
    if (request.to !== undefined ? request.to !== instance : framed && request.type !== 'earmark:status') return undefined;
    // Which frame speaks for the tab is chosen by the asker (lib/find-runtime.ts), which asks each frame by its id:
    // an embed always answers the status, and acts only as the owner of its episode.
    if (framed && request.type !== 'earmark:status' && !ownsEpisode()) return undefined;
    // A page with nothing of its own but an embedded player: let the embed's script answer.
    if (!framed && !runtime.hasEpisode() && findEmbed(document)) return undefined;
    switch (request.type) {
      case 'earmark:status': {
        const status: ContentStatus = {
          instance,
          owner: ownsEpisode(),
          playing: runtime.playing(),
          player: runtime.source().id,
          label: runtime.source().label,
          ...(runtime.notice() ? { notice: runtime.notice()! } : {}),
          kind: runtime.kind() as ContentStatus['kind'],
          ...(runtime.emptyNotes() ? { emptyNotes: true } : {}),
          ...(runtime.title() !== undefined ? { title: runtime.title()! } : {}),
          chapters: runtime.chapters().map((c) => ({ startTime: c.startTime, title: c.title })),
          guests: runtime.guests().map((g) => ({
            name: g.name,
            affiliations: [...g.affiliations],
            summary: g.summary,
            links: safeGuestLinks(g.links),
          })),
        };
        return Promise.resolve(status);
      }
      case 'earmark:step':
        return runtime.step(request.delta);
      case 'earmark:seek':
        return runtime.seek(request.seconds);
      case 'earmark:save-here':
        return runtime.saveHere();
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  // Inside an embed: tell the background this frame is here, so that the popup and the commands can ask it by its
  // id when the page has no episode of its own; and when it goes (bfcache may bring it back).
  if (framed) {
    const say = (here: boolean) => void askBackground({ type: 'earmark:frame', here });
    say(true);
    ctx.addEventListener(window, 'pagehide', () => say(false));
    ctx.addEventListener(window, 'pageshow', (event) => {
      if ((event as PageTransitionEvent).persisted) say(true);
    });
  }
}
