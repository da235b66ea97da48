/**
 * Embedded players are cross-origin iframes: the page's content script cannot reach their `<audio>`. Earmark's
 * content script inside the embed (registered for the embed origins with `all_frames`) and the one in the page
 * talk with `postMessage`:
 *
 *   page → embed   { earmark: FRAME_PROTOCOL, kind: 'hello' }            "who are you?"
 *   embed → page   { …, kind: 'episode', label, episode? }               its episode, when it can read one
 *   embed → page   { …, kind: 'time', time, duration, playing }          as it plays
 *   page → embed   { …, kind: 'seek', id, seconds }
 *   embed → page   { …, kind: 'seek-result', id, ok }
 *
 * Each side checks who sent a message (the embed only listens to its parent; the page only to the iframe it
 * asked, from the iframe's origin) and what it holds. The page's own scripts can still post to the embed, and
 * can learn nothing from it that the embed does not show anyway.
 */
import * as z from 'zod/mini';
import { findEmbed, type EmbedOrigin } from '../players/embeds';
import type { EpisodeInfo, PlayerAdapter } from '../players/types';
import { MediaControl, type Lifetime, type Playback } from './media';

export const FRAME_PROTOCOL = 'earmark-frame/1';
const MAX_NOTES = 256 * 1024;
const HELLO_MS = 1_000;
const HELLO_TRIES = 30;
const SEEK_MS = 12_000;

const seconds = z.number().check(z.nonnegative(), z.lte(1e7));
const short = z.string().check(z.maxLength(2_000));
const FromEmbed = z.discriminatedUnion('kind', [
  z.object({
    earmark: z.literal(FRAME_PROTOCOL),
    kind: z.literal('episode'),
    label: short,
    episode: z.optional(
      z.object({
        title: short.check(z.minLength(1)),
        url: z.string().check(z.maxLength(4_000), z.regex(/^https?:\/\//)),
        notes: z.string().check(z.maxLength(MAX_NOTES)),
        show: z.optional(short),
        duration: z.optional(seconds),
      }),
    ),
  }),
  z.object({ earmark: z.literal(FRAME_PROTOCOL), kind: z.literal('time'), time: seconds, duration: z.nullable(seconds), playing: z.boolean() }),
  z.object({ earmark: z.literal(FRAME_PROTOCOL), kind: z.literal('seek-result'), id: z.number(), ok: z.boolean() }),
]);

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
  const post = (message: Record<string, unknown>) => parent.postMessage({ earmark: FRAME_PROTOCOL, ...message }, '*');
  lifetime.addEventListener(window, 'message', (event) => {
    const e = event as MessageEvent;
    if (e.source !== parent || typeof e.data !== 'object' || e.data === null || e.data.earmark !== FRAME_PROTOCOL) return;
    const data = e.data as Record<string, unknown>;
    if (data.kind === 'hello') {
      asked = true;
      const episode = read();
      post({
        kind: 'episode',
        label: adapter.label,
        ...(episode
          ? {
              episode: {
                title: episode.title,
                url: episode.url,
                notes: episode.notes.slice(0, MAX_NOTES),
                ...(episode.show ? { show: episode.show } : {}),
                ...(episode.duration ? { duration: episode.duration } : {}),
              },
            }
          : {}),
      });
    } else if (data.kind === 'seek' && typeof data.id === 'number' && typeof data.seconds === 'number') {
      const id = data.id;
      void media.seek(data.seconds).then((ok) => post({ kind: 'seek-result', id, ok }));
    }
  });
  media.follow((time, playing) => {
    if (!asked) return;
    const d = media.duration();
    post({ kind: 'time', time, duration: d ?? null, playing });
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
      const parsed = FromEmbed.safeParse(e.data);
      if (!parsed.success) return;
      const m = parsed.data;
      if (m.kind === 'episode') {
        const first = !this.answer?.episode && m.episode;
        this.answer = { label: m.label, ...(m.episode ? { episode: { ...m.episode } as EpisodeInfo } : {}) };
        if (m.episode) this.stopHello();
        if (first) this.onEpisode();
      } else if (m.kind === 'time') {
        this.last = m;
        for (const listener of this.listeners) listener(m.time, m.playing);
      } else {
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
    this.iframe.contentWindow?.postMessage({ earmark: FRAME_PROTOCOL, kind: 'hello' }, '*');
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
      this.iframe.contentWindow?.postMessage({ earmark: FRAME_PROTOCOL, kind: 'seek', id, seconds }, '*');
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
