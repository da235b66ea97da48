import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { FROM_PAGE, MAX_PAGE_MESSAGE, readCommand, TO_PAGE, type PageMessage } from '../lib/page/bridge-protocol';
import type { Capability, CapabilityFactory } from '../lib/page/capability';
import { mediaCapability } from '../lib/page/media-capability';
import type { BridgeFeature } from '../lib/players/types';
import { timejumpCapability } from '../lib/players/transistor-bridge';
import { playerDataCapability } from '../lib/players/youtube-music-bridge';

/** Each capability the adapters may declare (`bridge`), as one module. */
const CAPABILITIES: Record<BridgeFeature, CapabilityFactory> = {
  media: mediaCapability,
  timejump: timejumpCapability,
  'player-data': playerDataCapability,
};

/**
 * Earmark's page-world helper, injected (WXT `injectScript`) only into players that keep what we need in the
 * page's JavaScript world. It switches on no more than its `<script>` element's `data-features` ask for, reads no
 * page text except the player data it is asked for, and stays silent: a failure is a `false` reply, never a
 * console line. It must never break the page: every hook calls through to the original behaviour.
 */
export default defineUnlistedScript(() => {
  const script = document.currentScript;
  if (!script) return;
  const send = (message: PageMessage) => {
    const json = JSON.stringify(message);
    // The content script drops anything longer unread: say no at once rather than leave it waiting.
    if (json.length > MAX_PAGE_MESSAGE) {
      if (message.kind === 'reply') send({ kind: 'reply', id: message.id, ok: false });
      return;
    }
    script.dispatchEvent(new CustomEvent(FROM_PAGE, { detail: json }));
  };
  const asked = new Set((script.getAttribute('data-features') ?? '').split(','));
  const active: Capability[] = (Object.keys(CAPABILITIES) as BridgeFeature[]).filter((f) => asked.has(f)).map((f) => CAPABILITIES[f]({ send }));

  script.addEventListener(TO_PAGE, (event) => {
    // The page can dispatch on this element too: only a well-formed command of ours is acted on.
    const command = readCommand((event as CustomEvent).detail);
    if (!command) return;
    try {
      active.some((capability) => capability.handle(command));
    } catch {
      if ('id' in command) send({ kind: 'reply', id: command.id, ok: false });
    }
  });
  send({ kind: 'reply', id: 0, ok: true });
});
