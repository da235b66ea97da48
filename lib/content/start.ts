import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { asContentRequest, type ContentProtocol } from '../messages';
import type { PlayerAdapter } from '../players/types';
import { runPlayer } from './runtime';

/** What a content script's `main` does: run the player runtime and answer the popup and the background. */
export function startContent(ctx: ContentScriptContext, adapter: PlayerAdapter): void {
  const runtime = runPlayer(ctx, adapter);
  const onMessage = (message: unknown): Promise<ContentProtocol[keyof ContentProtocol]> | undefined => {
    const request = asContentRequest(message);
    if (!request) return undefined;
    switch (request.type) {
      case 'earmark:status':
        return Promise.resolve({
          player: adapter.id,
          kind: runtime.kind() as ContentProtocol['earmark:status']['kind'],
          ...(runtime.title() !== undefined ? { title: runtime.title()! } : {}),
          chapters: runtime.chapters().map((c) => ({ startTime: c.startTime, title: c.title })),
        });
      case 'earmark:step':
        return runtime.step(request.delta);
      case 'earmark:seek':
        return runtime.seek(request.seconds);
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
