/**
 * Feature: which media the runtime drives — the page's own, or a known embedded player's (a host's iframe).
 *
 * A page may show an episode and play it itself, show nothing of its own and play one in an embed (a blog post
 * with a Transistor player), or show its own notes and play them in an embed (Podbean: the page has no media
 * element). This module finds the embed, links to it (lib/content/frames.ts), relinks when the page points its
 * iframe elsewhere, and routes time, seeks and notices to whichever side plays the episode on screen.
 */
import type { EpisodeInfo } from '../../players/types';
import type { EmbedSupport, FrameLink } from '../frames';
import type { Lifetime, Playback } from '../media';

export interface PlaybackSwitch {
  /** Playback of the episode on screen, whichever side plays it. */
  readonly media: Playback;
  /**
   * Looks for the page's embedded player and keeps one link to it (the same while the iframe stays; a new one
   * when the page replaces or re-points it). Undefined inside an embed or where embeds are not supported.
   */
  link(): FrameLink | undefined;
  /**
   * Decides whose episode is on screen: the page's when it has one, else the linked embed's (returned, and
   * playback follows the embed).
   */
  choose(pageEpisode: EpisodeInfo | undefined): { episode: EpisodeInfo; fromFrame: boolean } | undefined;
  /** The episode on screen came from the embed. */
  fromFrame(): boolean;
  /** The player of the episode on screen: the embed's when it came from one. */
  source(): { id: string; label: string } | undefined;
  /** The embed's iframe, when the episode on screen is the embed's (the panel goes beside it). */
  frame(): HTMLIFrameElement | undefined;
  dispose(): void;
}

export interface PlaybackSwitchOptions {
  doc: Document;
  lifetime: Lifetime;
  /** The page's own media (lib/content/media.ts). */
  own: Playback;
  embeds?: EmbedSupport;
  /** This runtime runs inside an embed: it never links to frames of its own. */
  framed?: boolean;
  /** Something changed that may change the episode on screen (an embed answered, an iframe reloaded). */
  changed: () => void;
  /** The title of the episode on screen, to tell whether an embed plays the same one. */
  title: () => string | undefined;
}

/** How long a seek waits for an embed that has not answered yet, when the page has no media of its own. */
const EMBED_WAIT_MS = 5_000;

export function createPlaybackSwitch({ doc, lifetime, own, embeds, framed, changed, title }: PlaybackSwitchOptions): PlaybackSwitch {
  let link: FrameLink | undefined;
  let fromFrame = false;
  const followers: Array<(time: number, playing: boolean) => void> = [];
  const watched = new WeakSet<Element>();

  /**
   * Seeks and time go to the embed when the episode on screen is the embed's, or when the page shows its own
   * notes but plays them in the embed (the page has no media element, and the embed plays this episode or says
   * nothing of its own). An embed playing another episode never gets the page's seeks.
   */
  const viaFrame = (): boolean => {
    if (!link?.connected()) return false;
    if (fromFrame) return true;
    if (own.currentTime() !== undefined || own.ready()) return false;
    const theirs = link.episode()?.episode;
    return !theirs || theirs.title === title();
  };

  const findLink = (): FrameLink | undefined => {
    if (framed || !embeds) return undefined;
    const found = embeds.find(doc);
    if (link && found?.iframe === link.iframe && link.iframe.isConnected && link.iframe.src === link.src) return link;
    link?.dispose();
    link = undefined;
    if (!found) return undefined;
    if (!watched.has(found.iframe)) {
      // A page that points its iframe at another episode changes an attribute the runtime's observer does not
      // watch: the load event tells.
      watched.add(found.iframe);
      lifetime.addEventListener(found.iframe, 'load', () => {
        // A reload after the embed answered is a new document in the frame, maybe another episode: link to it
        // afresh. (The first load is the document the link is already waiting for.)
        if (link?.iframe === found.iframe && link.connected()) {
          link.dispose();
          link = undefined;
        } else if (link?.iframe === found.iframe) link.loaded();
        changed();
      });
    }
    const next = embeds.connect(found.iframe, found.embed, lifetime, changed);
    next.follow((t, playing) => {
      if (link === next && viaFrame()) for (const f of followers) f(t, playing);
    });
    link = next;
    return link;
  };

  const media: Playback = {
    currentTime: () => (viaFrame() ? link!.currentTime() : own.currentTime()),
    ready: () => (viaFrame() ? link!.ready() : own.ready()),
    duration: (fallback) => (viaFrame() ? link!.duration(fallback) : own.duration(fallback)),
    follow: (listener) => {
      followers.push(listener);
      own.follow(listener);
    },
    seek: async (seconds) => {
      // An embed that has not answered yet (its script loads after the page's): give it a moment when the page
      // has no media of its own to seek instead.
      const pending = findLink();
      if (pending && !pending.connected() && own.currentTime() === undefined) await pending.whenConnected(EMBED_WAIT_MS);
      return viaFrame() ? link!.seek(seconds) : own.seek(seconds);
    },
    notice: () => (viaFrame() ? link!.notice() : fromFrame && link ? link.notice() : own.notice()),
  };

  return {
    media,
    link: findLink,
    choose(pageEpisode) {
      const embedded = findLink();
      fromFrame = false;
      if (pageEpisode) return { episode: pageEpisode, fromFrame };
      const theirs = embedded?.episode()?.episode;
      if (!theirs) return undefined;
      fromFrame = true;
      return { episode: theirs, fromFrame };
    },
    fromFrame: () => fromFrame,
    source: () => (fromFrame && link ? { id: link.embed.player, label: `${link.embed.label} (embedded)` } : undefined),
    frame: () => (fromFrame ? link?.iframe : undefined),
    dispose() {
      link?.dispose();
      link = undefined;
    },
  };
}
