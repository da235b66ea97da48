/**
 * Seeking and time-following for a player whose media element may not exist yet (Apple Podcasts creates its
 * `<audio>` on the first play) or may be swapped (SPA navigation). Media events do not bubble, but a capturing
 * listener on the document sees them for every media element, present or future.
 */
import type { PlayerAdapter } from '../players/types';

/** The part of WXT's ContentScriptContext this module needs (so tests can pass a stand-in). */
export interface Lifetime {
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
  readonly isInvalid: boolean;
}

const MEDIA_WAIT_MS = 10_000;

export class MediaControl {
  constructor(
    private readonly doc: Document,
    private readonly adapter: PlayerAdapter,
    private readonly lifetime: Lifetime,
  ) {}

  element(): HTMLMediaElement | null {
    return this.adapter.media(this.doc);
  }

  /** Calls `listener` with the current time of this player's media whenever it changes. */
  follow(listener: (time: number, media: HTMLMediaElement) => void): void {
    const onEvent = (event: Event) => {
      const media = this.element();
      if (media && event.target === media) listener(media.currentTime, media);
    };
    for (const type of ['timeupdate', 'seeked', 'loadedmetadata', 'durationchange', 'play', 'pause']) {
      this.lifetime.addEventListener(this.doc, type, onEvent, { capture: true });
    }
  }

  /**
   * Moves playback to `seconds` and plays. On a fresh Apple page there is no media element: press the page's
   * own play button, wait for the element and its metadata, then seek.
   */
  async seek(seconds: number): Promise<boolean> {
    let media = this.element();
    if (!media) {
      if (!this.adapter.startPlayback?.(this.doc)) return false;
      media = await this.waitForMedia();
      if (!media) return false;
    }
    if (!Number.isFinite(seconds) || seconds < 0) return false;
    if (media.readyState >= HTMLMediaElement.HAVE_METADATA) {
      media.currentTime = seconds;
      if (media.paused) await media.play().catch(() => undefined);
      return true;
    }
    // No metadata yet, and with preload="none" (Overcast) none will come until something asks to play: waiting
    // for it would hang. Before metadata, currentTime is kept as the start position; play() then loads the media.
    // play() may stay pending (no source yet, a stalled network) or be refused (autoplay policy without a gesture
    // on the page): wait for whichever comes first, the metadata wait being bounded.
    const loaded = this.metadata(media);
    media.currentTime = seconds;
    const playing = media.paused ? media.play().then(() => true, () => false) : Promise.resolve(true);
    if ((await Promise.race([playing, loaded.then(() => true)])) === false && media.readyState < HTMLMediaElement.HAVE_METADATA) {
      // Refused: the position is kept for the listener's own play press.
      return false;
    }
    await loaded;
    if (media.readyState < HTMLMediaElement.HAVE_METADATA) return false;
    // A player that reset its element to the start while loading gets the seek again; a position anywhere else
    // was chosen since (the listener, the page) and is left alone.
    if (media.currentTime < 1 && seconds >= 1) media.currentTime = seconds;
    return true;
  }

  /** Seconds of media, from the element when it knows, else from the page's data. */
  duration(fallback?: number): number | undefined {
    const d = this.element()?.duration;
    return d !== undefined && Number.isFinite(d) && d > 0 ? d : fallback;
  }

  private waitForMedia(): Promise<HTMLMediaElement | null> {
    return new Promise((resolve) => {
      const found = this.element();
      if (found) return resolve(found);
      const observer = new MutationObserver(() => {
        const media = this.element();
        if (media) finish(media);
      });
      // Plain timers, cleared when done: ctx timers would add an invalidation callback per call.
      const timer = setTimeout(() => finish(this.element()), MEDIA_WAIT_MS);
      const finish = (media: HTMLMediaElement | null) => {
        clearTimeout(timer);
        observer.disconnect();
        resolve(this.lifetime.isInvalid ? null : media);
      };
      observer.observe(this.doc.documentElement, { childList: true, subtree: true });
    });
  }

  /**
   * Resolves once `media` knows its metadata (or after MEDIA_WAIT_MS). Several events and a slow poll: a player
   * that seeks or reloads while loading may not give us the one `loadedmetadata` we would wait for.
   */
  private metadata(media: HTMLMediaElement): Promise<void> {
    return new Promise((resolve) => {
      const types = ['loadedmetadata', 'durationchange', 'canplay', 'playing', 'seeked'];
      const check = () => {
        if (media.readyState >= HTMLMediaElement.HAVE_METADATA) finish();
      };
      const poll = setInterval(check, 250);
      const timer = setTimeout(() => finish(), MEDIA_WAIT_MS);
      const finish = () => {
        clearInterval(poll);
        clearTimeout(timer);
        for (const type of types) media.removeEventListener(type, check);
        resolve();
      };
      for (const type of types) media.addEventListener(type, check);
      check();
    });
  }
}

/** Index of the chapter playing at `time` (the last one started), or -1 before the first. */
export function chapterAt(starts: readonly number[], time: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    // A small tolerance: a seek to a chapter start lands a few milliseconds before it on some players.
    if (starts[mid]! <= time + 0.25) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
