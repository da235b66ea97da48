/**
 * The content script's side of the page-world helper (entrypoints/page-bridge.ts; protocol in
 * lib/page/bridge-protocol.ts). Every message from the page is validated: the page can see the helper's element
 * and forge events on it.
 */
import { injectScript } from 'wxt/utils/inject-script';
import * as z from 'zod/mini';
import { digitSeconds, lenient, text, VIDEO_ID } from '../players/schema';
import { FROM_PAGE, MAX_PAGE_MESSAGE, TO_PAGE, type MediaReport, type PageCommand } from '../page/bridge-protocol';
import type { BridgeFeature, PlayerData } from '../players/types';

const REPLY_MS = 3_000;

const seconds = z.number().check(z.nonnegative(), z.lte(1e7));
const Report = z.object({
  kind: z.literal('state'),
  time: seconds,
  duration: z.nullable(seconds),
  paused: z.boolean(),
  ready: z.boolean(),
  via: z.enum(['session', 'element']),
});
const Reply = z.object({ kind: z.literal('reply'), id: z.number(), ok: z.boolean(), data: z.optional(z.unknown()) });
// The page player's video details (the same shape as YouTube's, lib/players/youtube.ts).
const Data = z.object({
  videoId: z.string().check(z.regex(VIDEO_ID)),
  title: lenient(text(2_000)),
  author: lenient(text(2_000)),
  description: lenient(text(MAX_PAGE_MESSAGE)),
  lengthSeconds: lenient(digitSeconds()),
});

export interface PageBridge {
  /** The last media report, once the player has made and started its media. */
  media(): MediaReport | undefined;
  onMedia(listener: (report: MediaReport) => void): () => void;
  seek(seconds: number): Promise<boolean>;
  timejump(seconds: number): Promise<boolean>;
  playerData(): Promise<PlayerData | undefined>;
}

/**
 * Connects to a helper already injected through `script` (see `injectBridge`). Listens before anything else so
 * the helper's first report is not missed.
 */
export function bridgeOn(script: EventTarget): PageBridge & { alive: Promise<boolean> } {
  let last: MediaReport | undefined;
  let hello: (ok: boolean) => void = () => undefined;
  const alive = new Promise<boolean>((resolve) => {
    hello = resolve;
    setTimeout(() => resolve(false), REPLY_MS);
  });
  let nextId = 1;
  const listeners = new Set<(report: MediaReport) => void>();
  const waiting = new Map<number, (reply: { ok: boolean; data?: unknown }) => void>();

  script.addEventListener(FROM_PAGE, (event) => {
    const detail = (event as CustomEvent).detail;
    if (typeof detail !== 'string' || detail.length > MAX_PAGE_MESSAGE) return;
    let json: unknown;
    try {
      json = JSON.parse(detail);
    } catch {
      return;
    }
    const report = Report.safeParse(json);
    if (report.success) {
      last = report.data;
      for (const listener of listeners) listener(report.data);
      return;
    }
    const reply = Reply.safeParse(json);
    if (reply.success && reply.data.id === 0) hello(reply.data.ok);
    else if (reply.success) {
      waiting.get(reply.data.id)?.(reply.data);
      waiting.delete(reply.data.id);
    }
  });

  const ask = (command: Omit<Extract<PageCommand, { id: number }>, 'id'>): Promise<{ ok: boolean; data?: unknown }> => {
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve({ ok: false });
      }, REPLY_MS);
      waiting.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      script.dispatchEvent(new CustomEvent(TO_PAGE, { detail: JSON.stringify({ ...command, id }) }));
    });
  };

  return {
    alive,
    media: () => last,
    onMedia(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    seek: (s) => ask({ cmd: 'seek', seconds: s } as never).then((r) => r.ok),
    timejump: (s) => ask({ cmd: 'timejump', seconds: s } as never).then((r) => r.ok),
    async playerData() {
      const reply = await ask({ cmd: 'player-data' } as never);
      if (!reply.ok) return undefined;
      const parsed = Data.safeParse(reply.data);
      if (!parsed.success) return undefined;
      const { videoId, title, author, description, lengthSeconds } = parsed.data;
      return {
        videoId,
        ...(title !== undefined ? { title } : {}),
        ...(author !== undefined ? { author } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(lengthSeconds !== undefined && Number.isFinite(lengthSeconds) && lengthSeconds > 0 ? { lengthSeconds } : {}),
      };
    },
  };
}

/** Injects the page-world helper with `features`; undefined when the page refused it (CSP, a detached document). */
export async function injectBridge(features: readonly BridgeFeature[]): Promise<PageBridge | undefined> {
  let bridge: (PageBridge & { alive: Promise<boolean> }) | undefined;
  try {
    await injectScript('/page-bridge.js', {
      modifyScript(script) {
        script.setAttribute('data-features', features.join(','));
        bridge = bridgeOn(script);
      },
    });
  } catch {
    return undefined;
  }
  // Loaded is not running (a page's CSP can stop an inlined copy): only a helper that said hello is used.
  return bridge && (await bridge.alive) ? bridge : undefined;
}
