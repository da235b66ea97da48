/**
 * Feature: a link made by Earmark (`…#earmark-t=754`, from the library, an export or "copy link") opens the episode
 * at that moment. The time is read once per page address; it is honoured once, as soon as the player can seek:
 * when the panel is shown with the media ready, or at the first play (a seek before the media knows its metadata
 * may be lost while it loads). No DOM: the runtime passes the address and says when it could seek.
 */

/** `#earmark-t=754` or `#…&earmark-t=754.5`: seconds into the episode. */
const PENDING_SEEK = /(?:^#|&)earmark-t=(\d+(?:\.\d+)?)/;

export interface DeepLink {
  /** A page address was mounted: its link time, if any, is pending (once per address). */
  visit(href: string, hash: string): void;
  /** The player can seek now: the pending time, once, or undefined. */
  take(): number | undefined;
}

export function createDeepLink(): DeepLink {
  let pending: number | undefined;
  let visited: string | undefined;
  return {
    visit(href, hash) {
      if (visited === href) return;
      visited = href;
      const m = PENDING_SEEK.exec(hash);
      pending = m ? Number(m[1]) : undefined;
    },
    take() {
      const target = pending;
      pending = undefined;
      return target;
    },
  };
}
