/**
 * The `timejump` capability of the page-world helper, for Transistor sites: their sticky player seeks on its own
 * window event (`@timejump.window="seekToSeconds($event.detail.timestamp)"`), which loads the episode, seeks and
 * keeps the player's display right. Fired from the page's world, where the site's listener hears it.
 */
import type { CapabilityFactory } from '../page/capability';

export const timejumpCapability: CapabilityFactory = ({ send }) => ({
  handle(command) {
    if (command.kind !== 'timejump') return false;
    window.dispatchEvent(new CustomEvent('timejump', { detail: { timestamp: command.seconds } }));
    send({ kind: 'reply', id: command.id, ok: true });
    return true;
  },
});
