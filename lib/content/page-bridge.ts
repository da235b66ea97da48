/**
 * The content script's side of the page-world helper (entrypoints/page-bridge.ts; transport in
 * lib/page/bridge-protocol.ts, messages in lib/page/bridge-messages.ts). Every message from the page is checked
 * against those schemas, a reply's data against what its command promises: the page can see the helper's element
 * and forge events on it.
 */
import { injectScript } from 'wxt/utils/inject-script';
import { asBridgeMessage, asReplyData, type AskKind, type BridgeMessage, type ReplyData } from '../page/bridge-messages';
import { FROM_PAGE, MAX_PAGE_MESSAGE, TO_PAGE, type MediaReport, type PageCommand } from '../page/bridge-protocol';
import type { BridgeFeature, PlayerData } from '../players/types';

const REPLY_MS = 3_000;

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
    const message = asBridgeMessage('page', json);
    if (message?.kind === 'state') {
      last = message;
      for (const listener of listeners) listener(message);
    } else if (message?.kind === 'reply' && message.id === 0) hello(message.ok);
    else if (message?.kind === 'reply') {
      waiting.get(message.id)?.(message);
      waiting.delete(message.id);
    }
  });

  const command = (message: PageCommand) => script.dispatchEvent(new CustomEvent(TO_PAGE, { detail: JSON.stringify(message) }));
  /** Sends the command `kind` with `fields` and a fresh id; the reply, its data checked, or `ok: false` when none comes. */
  const ask = <K extends AskKind>(kind: K, fields: Omit<BridgeMessage<K>, 'kind' | 'id'>): Promise<{ ok: boolean; data?: ReplyData<K> }> => {
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve({ ok: false });
      }, REPLY_MS);
      waiting.set(id, (reply) => {
        clearTimeout(timer);
        const data = asReplyData(kind, reply.data);
        resolve({ ok: reply.ok, ...(data !== undefined ? { data } : {}) });
      });
      command({ kind, id, ...fields } as PageCommand);
    });
  };

  return {
    alive,
    media: () => last,
    onMedia(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    seek: (s) => ask('seek', { seconds: s }).then((r) => r.ok),
    timejump: (s) => ask('timejump', { seconds: s }).then((r) => r.ok),
    async playerData() {
      const reply = await ask('player-data', {});
      return reply.ok ? reply.data : undefined;
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
