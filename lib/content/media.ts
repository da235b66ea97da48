/**
 * Seeking and time-following for a player whose media element may not exist yet (Apple Podcasts creates its
 * `<audio>` on the first play) or may be swapped (SPA navigation). Media events do not bubble, but a capturing
 * listener on the document sees them for every media element, present or future.
 */
import type { PlayerAdapter } from '../players/types';
import type { PageBridge } from './page-bridge';

/** The part of WXT's ContentScriptContext this module needs (so tests can pass a stand-in). */
export interface Lifetime {
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
  readonly isInvalid: boolean;
}

const MEDIA_WAIT_MS = 10_000;
/** How long a site's own jump gets to move its player before Earmark sets the element's time itself. */
const JUMP_WAIT_MS = 4_000;

/** Playback as the runtime sees it, whichever way the player lets us reach it. */
export interface Playback {
  /** Seconds into the episode, or undefined while nothing of this episode plays. */
  currentTime(): number | undefined;
  /** The media knows its metadata: a seek lands now. */
  ready(): boolean;
  /** Seconds of media, from the player when it knows, else `fallback` (the page's data). */
  duration(fallback?: number): number | undefined;
  /** Calls `listener` whenever the time or the play state changes. */
  follow(listener: (time: number, playing: boolean) => void): void;
  /** Moves playback to `seconds` and plays; false when the player could not be moved. */
  seek(seconds: number): Promise<boolean>;
  /** What cannot be done right now and what the listener can do about it (shown in the popup). */
  notice(): string | undefined;
}

const PRESS_PLAY = 'No media element yet: press play once.';

/**
 * Whether the player plays the page's episode (PlayerAdapter.playingThis): false for another one, undefined when
 * it cannot tell (or the adapter does not say).
 */
function playingState(doc: Document, adapter: PlayerAdapter): boolean | undefined {
  const view = doc.defaultView;
  return view ? adapter.playingThis?.(doc, new URL(view.location.href)) : undefined;
}

/** The playback control `adapter` asks for (see PlayerAdapter.seekWith). */
export function createPlayback(
  doc: Document,
  adapter: PlayerAdapter,
  lifetime: Lifetime,
  bridge: () => PageBridge | undefined,
  bridgeReady: Promise<unknown> = Promise.resolve(),
): Playback {
  if (adapter.seekWith === 'bridge') return new BridgeMedia(doc, adapter, lifetime, bridge, bridgeReady);
  if (adapter.seekWith === 'timejump') return new TimejumpControl(doc, adapter, lifetime, bridge);
  return new MediaControl(doc, adapter, lifetime);
}

export class MediaControl implements Playback {
  constructor(
    protected readonly doc: Document,
    protected readonly adapter: PlayerAdapter,
    protected readonly lifetime: Lifetime,
  ) {}

  element(): HTMLMediaElement | null {
    return this.adapter.media(this.doc);
  }

  /** The player's media plays another episode than the page's (see PlayerAdapter.playingThis). */
  protected playingOther(): boolean {
    return playingState(this.doc, this.adapter) === false;
  }

  currentTime(): number | undefined {
    return this.playingOther() ? undefined : this.element()?.currentTime;
  }

  ready(): boolean {
    return !this.playingOther() && (this.element()?.readyState ?? 0) > 0;
  }

  notice(): string | undefined {
    if (this.playingOther()) {
      return this.adapter.startPlayback
        ? 'The player has another episode (or none): a chapter click starts this one.'
        : 'Another episode is playing: markers and seeking start when this one plays.';
    }
    if (this.adapter.startPlayback) return undefined;
    const media = this.element();
    if (!media) return PRESS_PLAY;
    // An element with nothing to play yet (a sticky player before its first play): a seek cannot load it.
    const loaded = media.currentSrc || media.getAttribute('src') || media.querySelector('source[src]');
    return loaded ? undefined : 'The player has no audio loaded yet: press play once, then chapters seek.';
  }

  /** Calls `listener` with the current time of this player's media whenever it changes. */
  follow(listener: (time: number, playing: boolean) => void): void {
    const onEvent = (event: Event) => {
      const media = this.element();
      if (media && event.target === media && !this.playingOther()) listener(media.currentTime, !media.paused);
    };
    for (const type of ['timeupdate', 'seeked', 'loadedmetadata', 'durationchange', 'play', 'pause']) {
      this.lifetime.addEventListener(this.doc, type, onEvent, { capture: true });
    }
  }

  /**
   * Moves playback to `seconds` and plays. On a fresh Apple page there is no media element: press the page's
   * own play button, wait for the element and its metadata, then seek. A player busy with another episode is
   * first switched to this one the same way.
   */
  async seek(seconds: number): Promise<boolean> {
    if (!Number.isFinite(seconds) || seconds < 0) return false;
    if (this.playingOther()) {
      if (!this.adapter.startPlayback?.(this.doc)) return false;
      const end = Date.now() + MEDIA_WAIT_MS;
      while (this.playingOther() && Date.now() < end && !this.lifetime.isInvalid) await new Promise((r) => setTimeout(r, 100));
      if (this.playingOther()) return false;
    }
    let media = this.element();
    if (!media) {
      if (!this.adapter.startPlayback?.(this.doc)) return false;
      media = await this.waitForMedia();
      if (!media) return false;
    }
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
    if (this.playingOther()) return fallback;
    const d = this.element()?.duration;
    return d !== undefined && Number.isFinite(d) && d > 0 ? d : fallback;
  }

  protected waitForMedia(): Promise<HTMLMediaElement | null> {
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

/**
 * Transistor sites: the page's sticky player has no source until its own code loads one, so a seek goes through
 * the page's `timejump` event (which loads, seeks and plays, keeping the player's UI right), then waits for the
 * element to get there. Time is followed on the element, which is in the DOM.
 */
class TimejumpControl extends MediaControl {
  constructor(
    doc: Document,
    adapter: PlayerAdapter,
    lifetime: Lifetime,
    private readonly bridge: () => PageBridge | undefined,
  ) {
    super(doc, adapter, lifetime);
  }

  override notice(): string | undefined {
    if (this.playingOther()) return super.notice();
    return this.bridge() ? undefined : super.notice() ?? (this.ready() ? undefined : 'Earmark could not reach this player: press play once, then seek.');
  }

  override async seek(seconds: number): Promise<boolean> {
    const bridge = this.bridge();
    if (!bridge || !Number.isFinite(seconds) || seconds < 0) return super.seek(seconds);
    // The site's player holds another episode: a jump would move that one.
    if (this.playingOther()) return false;
    if (await bridge.timejump(seconds)) {
      // Arrived: the element exists and plays near the target (a jump to the very end may stop just short).
      const end = Date.now() + JUMP_WAIT_MS;
      while (Date.now() < end && !this.lifetime.isInvalid) {
        const media = this.element();
        if (media && media.readyState > 0 && Math.abs(media.currentTime - seconds) < 2) return true;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    // Nothing on the page answered the jump (a site without the listener): set the element's time instead.
    return super.seek(seconds);
  }
}

/**
 * Spotify: the media element exists only in the page's world, reached through the page-world helper, which
 * reports its time and seeks it (through the page's media-session handler when there is one). The bar may be
 * playing another episode than the page's: then nothing is followed and a seek starts this episode first.
 */
class BridgeMedia implements Playback {
  constructor(
    private readonly doc: Document,
    private readonly adapter: PlayerAdapter,
    private readonly lifetime: Lifetime,
    private readonly bridge: () => PageBridge | undefined,
    /** Settles when the helper is there, or known not to come. */
    private readonly bridgeReady: Promise<unknown>,
  ) {}

  /** Not known to be another episode. */
  private playingThis(): boolean {
    return playingState(this.doc, this.adapter) !== false;
  }

  private report() {
    const report = this.bridge()?.media();
    return report && this.playingThis() ? report : undefined;
  }

  currentTime(): number | undefined {
    return this.report()?.time;
  }

  ready(): boolean {
    return this.report()?.ready === true;
  }

  duration(fallback?: number): number | undefined {
    return this.report()?.duration ?? fallback;
  }

  notice(): string | undefined {
    const bridge = this.bridge();
    if (!bridge) return 'Earmark could not reach this player: chapters are listed, but seeking is off.';
    if (!bridge.media()) {
      return this.playingThis()
        ? 'Press play once so Earmark can follow this player; chapters seek from then on.'
        : 'This player loads its audio on the first play: clicking a chapter presses play for you.';
    }
    if (!this.playingThis()) return 'Another episode is playing: markers appear when this one plays, and a chapter click starts it.';
    return undefined;
  }

  follow(listener: (time: number, playing: boolean) => void): void {
    // The bridge arrives after the runtime starts (or never, when the page refused it): subscribe when it does.
    let subscribed = false;
    const attach = () => {
      const bridge = this.bridge();
      if (!bridge || subscribed || this.lifetime.isInvalid) return;
      subscribed = true;
      bridge.onMedia((r) => {
        if (!this.lifetime.isInvalid && this.playingThis()) listener(r.time, !r.paused);
      });
    };
    attach();
    // After the runtime has taken the bridge from the same promise (a then() queued before this one).
    void this.bridgeReady.then(() => setTimeout(attach, 0));
  }

  async seek(seconds: number): Promise<boolean> {
    const bridge = this.bridge();
    if (!bridge || !Number.isFinite(seconds) || seconds < 0) return false;
    if (!this.ready()) {
      // Press the page's play button only when the bar surely holds another episode (or none): when it holds
      // this one, or cannot tell, the button could pause it. The listener's own play press lets the helper see
      // the media (see notice()).
      if (this.playingThis()) return false;
      // Nothing of this episode plays yet: press the page's own play button, then wait for a report made after
      // it (an older one describes the episode that was loaded before).
      const before = bridge.media();
      if (!this.adapter.startPlayback?.(this.doc)) return false;
      const fresh = () => this.ready() && bridge.media() !== before;
      const end = Date.now() + MEDIA_WAIT_MS;
      while (!fresh() && Date.now() < end && !this.lifetime.isInvalid) await new Promise((r) => setTimeout(r, 100));
      if (!fresh()) return false;
    }
    if (!(await bridge.seek(seconds))) return false;
    // A player that restarts its new episode from 0 while loading gets the seek again.
    await new Promise((r) => setTimeout(r, 400));
    const now = this.currentTime();
    if (now !== undefined && now < 1 && seconds >= 1) return bridge.seek(seconds);
    return true;
  }
}
