/**
 * The `media` capability of the page-world helper: finds the media element a player keeps out of the document and
 * the page's media-session handlers, reports the element's state and seeks it. Built for players that create
 * their element with `createElement` and never attach it (no document listener or query sees it): hooks made
 * before the player's code runs catch it as it is made; the `play()` hook catches one made before the helper
 * arrived. Every hook calls through to the original.
 */
import type { MediaReport } from './bridge-protocol';
import type { CapabilityFactory } from './capability';

export const mediaCapability: CapabilityFactory = ({ send }) => {
  let media: HTMLMediaElement | undefined;
  const handlers = new Map<string, (details: MediaSessionActionDetails) => void>();

  const report = () => {
    if (!media) return;
    const d = media.duration;
    const state: MediaReport = {
      kind: 'state',
      time: media.currentTime,
      duration: Number.isFinite(d) && d > 0 ? d : null,
      paused: media.paused,
      ready: media.readyState >= 1,
      via: handlers.has('seekto') ? 'session' : 'element',
    };
    send(state);
  };

  const hooked = new WeakSet<HTMLMediaElement>();
  /**
   * The element the player plays: the last one that started playing, but never a muted looping one (a player's
   * decorative clips play muted in a loop beside the audio; a listener's own mute does not loop).
   */
  const adopt = (el: HTMLMediaElement) => {
    if (el === media || (el.muted && el.loop)) return;
    media = el;
    if (!hooked.has(el)) {
      hooked.add(el);
      for (const type of ['timeupdate', 'durationchange', 'loadedmetadata', 'play', 'pause', 'seeked', 'emptied']) {
        el.addEventListener(type, () => el === media && report());
      }
    }
    report();
  };

  const create = Document.prototype.createElement;
  Document.prototype.createElement = function (this: Document, ...args: Parameters<Document['createElement']>) {
    const el = create.apply(this, args);
    if (el instanceof HTMLMediaElement) el.addEventListener('play', () => adopt(el));
    return el;
  } as Document['createElement'];
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    adopt(this);
    return play.call(this);
  };
  const session = navigator.mediaSession;
  if (session) {
    const setActionHandler = session.setActionHandler;
    session.setActionHandler = function (this: MediaSession, action: MediaSessionAction, handler: MediaSessionActionHandler | null) {
      if (handler) handlers.set(action, handler);
      else handlers.delete(action);
      return setActionHandler.call(this, action, handler);
    };
  }

  const seek = (seconds: number): boolean => {
    if (!media) return false;
    // The page's own handler first: it moves the player's UI with the audio.
    const seekto = handlers.get('seekto');
    if (seekto) seekto({ action: 'seekto', seekTime: seconds, fastSeek: false });
    else media.currentTime = seconds;
    if (media.paused) {
      const resume = handlers.get('play');
      if (resume) resume({ action: 'play' });
      else void media.play().catch(() => undefined);
    }
    return true;
  };

  return {
    handle(command) {
      if (command.kind === 'report') report();
      else if (command.kind === 'seek') send({ kind: 'reply', id: command.id, ok: seek(command.seconds) });
      else return false;
      return true;
    },
  };
};
