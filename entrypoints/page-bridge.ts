import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { FROM_PAGE, TO_PAGE, type MediaReport, type PageCommand, type PageMessage } from '../lib/page/bridge-protocol';

/**
 * Earmark's page-world helper, injected (WXT `injectScript`) only into players that keep what we need in the
 * page's JavaScript world. It does no more than its `<script>` element's `data-features` ask for, reads no page
 * text except the player data it is asked for, and stays silent: a failure is a `false` reply, never a console
 * line. It must never break the page: every hook calls through to the original first-class behaviour.
 */
export default defineUnlistedScript(() => {
  const script = document.currentScript;
  if (!script) return;
  const features = new Set((script.getAttribute('data-features') ?? '').split(','));
  const send = (message: PageMessage) => script.dispatchEvent(new CustomEvent(FROM_PAGE, { detail: JSON.stringify(message) }));

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
   * The element the player plays: the last one that started playing, but never a muted looping one (Spotify's
   * "Canvas" clips play muted in a loop beside the audio; a listener's own mute does not loop).
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

  if (features.has('media')) {
    // Spotify creates its media element with createElement and never attaches it: no document listener or
    // query sees it. Hooks before the player's code runs catch it as it is made; the play() hook catches one
    // made before this helper arrived.
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

  const playerData = (): unknown => {
    const player = document.querySelector('#movie_player') as (Element & { getPlayerResponse?: () => unknown }) | null;
    const response = typeof player?.getPlayerResponse === 'function' ? player.getPlayerResponse() : undefined;
    const details = (response as { videoDetails?: Record<string, unknown> } | undefined)?.videoDetails;
    if (!details) return undefined;
    // Only what Earmark reads, as plain values.
    const pick = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? v : undefined);
    return {
      videoId: pick(details.videoId),
      title: pick(details.title),
      author: pick(details.author),
      description: pick(details.shortDescription),
      lengthSeconds: pick(details.lengthSeconds),
    };
  };

  script.addEventListener(TO_PAGE, (event) => {
    let command: PageCommand;
    try {
      command = JSON.parse(String((event as CustomEvent).detail)) as PageCommand;
    } catch {
      return;
    }
    try {
      if (command.cmd === 'report') report();
      else if (command.cmd === 'seek' && features.has('media')) send({ kind: 'reply', id: command.id, ok: seek(Number(command.seconds)) });
      else if (command.cmd === 'timejump' && features.has('timejump')) {
        window.dispatchEvent(new CustomEvent('timejump', { detail: { timestamp: Number(command.seconds) } }));
        send({ kind: 'reply', id: command.id, ok: true });
      } else if (command.cmd === 'player-data' && features.has('player-data')) {
        const data = playerData();
        send({ kind: 'reply', id: command.id, ok: data !== undefined, ...(data !== undefined ? { data } : {}) });
      }
    } catch {
      if ('id' in command) send({ kind: 'reply', id: command.id, ok: false });
    }
  });
  send({ kind: 'reply', id: 0, ok: true });
});
