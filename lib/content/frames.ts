/**
 * Embedded players are cross-origin iframes: the page's content script cannot reach their `<audio>`. Earmark's
 * content script inside the embed (registered for the embed origins with `all_frames`) and the one in the page
 * talk with `postMessage`, in the messages declared in lib/content/frame-protocol.ts.
 *
 * Each side checks who sent a message (the embed only listens to its parent; the page only to the iframe it
 * asked, from the iframe's origin) and what it holds (asFrameMessage). The page's own scripts can still post to
 * the embed, and can learn nothing from it that the embed does not show anyway.
 */
import { findEmbed, type EmbedOrigin } from '../players/embeds';
import type { EpisodeInfo, PlayerAdapter } from '../players/types';
import { asFrameMessage, MAX_FRAME_NOTES, postFrame } from './frame-protocol';
import { MediaControl, type Lifetime, type Playback } from './media';

export { FRAME_PROTOCOL } from './frame-protocol';
const HELLO_MS = 1_000;
const HELLO_TRIES = 30;
const SEEK_MS = 12_000;

// ---- inside the embed ---------------------------------------------------------------------------------------

/**
 * Answers the page around this embed (when there is one): says which episode plays here, reports its time, and
 * seeks on request. `read` is the adapter's episode reader for this document.
 */
export function serveParent(lifetime: Lifetime, adapter: PlayerAdapter, read: () => EpisodeInfo | undefined): { hostConnected(): boolean } {
  if (window.parent === window) return { hostConnected: () => false };
  const parent = window.parent;
  const media = new MediaControl(document, adapter, lifetime);
  let asked = false;
  lifetime.addEventListener(window, 'message', (event) => {
    const e = event as MessageEvent;
    if (e.source !== parent) return;
    const message = asFrameMessage('page', e.data);
    if (message?.kind === 'hello') {
      asked = true;
      const episode = read();
      postFrame(parent, 'embed', {
        kind: 'episode',
        label: adapter.label,
        ...(episode
          ? {
              episode: {
                title: episode.title,
                url: episode.url,
                notes: episode.notes.slice(0, MAX_FRAME_NOTES),
                ...(episode.show ? { show: episode.show } : {}),
                ...(episode.duration ? { duration: episode.duration } : {}),
              },
            }
          : {}),
      });
    } else if (message?.kind === 'seek') {
      const { id } = message;
      void media.seek(message.seconds).then((ok) => postFrame(parent, 'embed', { kind: 'seek-result', id, ok }));
    }
  });
  media.follow((time, playing) => {
    if (!asked) return;
    const d = media.duration();
    postFrame(parent, 'embed', { kind: 'time', time, duration: d ?? null, playing });
  });
  // Earmark runs in the page around the embed (it said hello): that page shows and answers for this episode.
  return { hostConnected: () => asked };
}

// ---- in the page ---------------------------------------------------------------------------------------------

export interface FrameEpisode {
  label: string;
  episode?: EpisodeInfo;
}

/** The page's side of one embed: its episode, its playback. */
export class FrameLink implements Playback {
  private answer: FrameEpisode | undefined;
  private last: { time: number; duration: number | null; playing: boolean } | undefined;
  private readonly listeners = new Set<(time: number, playing: boolean) => void>();
  private readonly waiting = new Map<number, (ok: boolean) => void>();
  private nextId = 1;
  private tries = 0;
  /** The address the iframe had when linked: another one is another episode, and gets a new link. */
  readonly src: string;
  private readonly onMessage: (event: Event) => void;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly iframe: HTMLIFrameElement,
    readonly embed: EmbedOrigin,
    private readonly lifetime: Lifetime,
    /** Called when the embed first tells its episode. */
    private readonly onEpisode: () => void,
  ) {
    this.src = iframe.src;
    const origin = new URL(iframe.src, iframe.ownerDocument.baseURI).origin;
    this.onMessage = (event) => {
      const e = event as MessageEvent;
      // From this iframe's window, at its first address's origin or another of the same player's hosts (an old
      // embed address that redirects), over https when it started so.
      if (e.source !== iframe.contentWindow || (e.origin !== origin && !sameEmbed(e.origin, embed, origin))) return;
      const m = asFrameMessage('embed', e.data);
      if (!m) return;
      if (m.kind === 'episode') {
        const first = !this.answer?.episode && m.episode;
        this.answer = { label: m.label, ...(m.episode ? { episode: { ...m.episode } } : {}) };
        if (m.episode) this.stopHello();
        if (first) this.onEpisode();
      } else if (m.kind === 'time') {
        this.last = { time: m.time, duration: m.duration, playing: m.playing };
        for (const listener of this.listeners) listener(m.time, m.playing);
      } else if (m.kind === 'seek-result') {
        this.waiting.get(m.id)?.(m.ok);
        this.waiting.delete(m.id);
      }
    };
    // Removed by dispose() (a re-rendered iframe gets a new link), not only when the extension goes away.
    window.addEventListener('message', this.onMessage);
    // The embed's content script may not be listening yet: ask again until it answers with an episode.
    this.hello();
    this.timer = setInterval(() => this.hello(), HELLO_MS);
  }

  /** The iframe loaded a document: ask it, even if earlier asks ran out (a lazy iframe loads late). */
  loaded(): void {
    if (this.answer?.episode || this.lifetime.isInvalid) return;
    this.tries = 0;
    this.hello();
    if (this.timer === undefined) this.timer = setInterval(() => this.hello(), HELLO_MS);
  }

  private hello(): void {
    if (this.lifetime.isInvalid || ++this.tries > HELLO_TRIES) return this.stopHello();
    const target = this.iframe.contentWindow;
    if (target) postFrame(target, 'page', { kind: 'hello' });
  }

  private stopHello(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.stopHello();
    window.removeEventListener('message', this.onMessage);
    this.listeners.clear();
    for (const resolve of this.waiting.values()) resolve(false);
    this.waiting.clear();
  }

  episode(): FrameEpisode | undefined {
    return this.answer;
  }

  connected(): boolean {
    return this.answer !== undefined;
  }

  /** Resolves once the embed has answered (true), or after `ms` (false). */
  async whenConnected(ms: number): Promise<boolean> {
    const end = Date.now() + ms;
    while (!this.connected() && Date.now() < end && !this.lifetime.isInvalid) await new Promise((r) => setTimeout(r, 100));
    return this.connected();
  }

  currentTime(): number | undefined {
    return this.last?.time;
  }

  ready(): boolean {
    return this.last !== undefined;
  }

  duration(fallback?: number): number | undefined {
    return this.last?.duration ?? fallback;
  }

  follow(listener: (time: number, playing: boolean) => void): void {
    this.listeners.add(listener);
  }

  notice(): string | undefined {
    return this.answer ? undefined : `The ${this.embed.label} player on this page has not answered yet.`;
  }

  seek(seconds: number): Promise<boolean> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(false);
      }, SEEK_MS);
      this.waiting.set(id, (ok) => {
        clearTimeout(timer);
        resolve(ok);
      });
      const target = this.iframe.contentWindow;
      if (target) postFrame(target, 'page', { kind: 'seek', id, seconds });
    });
  }
}

function sameEmbed(from: string, embed: EmbedOrigin, first: string): boolean {
  try {
    const url = new URL(from);
    return embed.hosts.includes(url.hostname) && (url.protocol === 'https:' || !first.startsWith('https:'));
  } catch {
    return false;
  }
}

/**
 * Embed support as one value, passed in by the content scripts that may meet embeds (hosts' sites, Substack,
 * the on-demand injection, the embeds themselves): the players' own scripts do not carry it.
 */
export const embedSupport = {
  find: findEmbed,
  connect: (iframe: HTMLIFrameElement, embed: EmbedOrigin, lifetime: Lifetime, onEpisode: () => void) => new FrameLink(iframe, embed, lifetime, onEpisode),
  serve: serveParent,
};
export type EmbedSupport = typeof embedSupport;
