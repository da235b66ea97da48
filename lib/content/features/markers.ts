/**
 * Feature: chapter (and saved-moment) markers on the player's progress bar. Where they cannot go — the bar plays
 * another episode, the player shows chapters of its own, or Earmark knows no bar there — the panel's own
 * timeline stands in (`showTimeline` in the panel's state). Runs on every playback report, so it does nothing
 * while the markers it placed are still in place for the same length.
 */
import type { PanelState } from '../../../components/ChapterPanel';
import type { PlayerAdapter } from '../../players/types';
import type { Chapter } from '../../timeline';
import { markersInPlace, placeMarkers, removeMarkers } from '../markers';
import { isRange } from '../../moments/model';
import type { Store } from '../store';

export interface MarkersHost {
  doc: Document;
  adapter: PlayerAdapter;
  /** Runs our own DOM writes so that the runtime does not take them for page changes. */
  write<T>(fn: () => T): T;
  /** Which markers the listener wants (settings); both when absent. */
  show?: () => { chapters: boolean; moments: boolean };
}

/** What the markers show: the episode's chapters, and its panel's state (saved moments, the timeline switch). */
export interface MarkedEpisode {
  chapters: readonly Chapter[];
  state?: Store<PanelState> | undefined;
}

export interface Markers {
  /** Places, moves or removes the markers for `episode`, whose media lasts `duration` seconds (when known). */
  refresh(episode: MarkedEpisode, duration: number | undefined, url: URL): void;
  /** The saved moments changed: the next refresh redraws. */
  invalidate(): void;
  /** Removes every marker (on teardown, inside the runtime's own write). */
  clear(): void;
}

export function createMarkers({ doc, adapter, write, show = () => ({ chapters: true, moments: true }) }: MarkersHost): Markers {
  let placed: HTMLElement[] = [];
  /** The length the markers were placed for. */
  let markedFor: number | undefined;

  const showTimeline = (episode: MarkedEpisode, on: boolean) => {
    const { state } = episode;
    if (state && state.get().showTimeline !== on) state.set({ ...state.get(), showTimeline: on });
  };
  const remove = () => {
    if (placed.length) placed = write(() => (removeMarkers(doc), []));
  };

  return {
    refresh(episode, duration, url) {
      if (episode.chapters.length === 0) return;
      if (duration !== undefined && episode.state && episode.state.get().duration !== duration) episode.state.set({ ...episode.state.get(), duration });
      if (adapter.playingThis?.(doc, url) === false) {
        // The bar plays another episode: markers there would be wrong; the panel's own timeline stands in.
        remove();
        markedFor = undefined;
        showTimeline(episode, true);
        return;
      }
      if (adapter.hasOwnChapters?.(doc)) {
        // The player shows chapters of its own now: ours would draw them twice.
        remove();
        return;
      }
      // The markers' bar while it stays in the page: finding it anew can force a layout (visibility checks), and
      // this runs on every timeupdate.
      if (placed.length && markedFor === duration && markersInPlace(placed[0]!.parentElement as HTMLElement, placed)) return;
      const bar = adapter.progressBar(doc);
      showTimeline(episode, bar === null);
      if (!bar || duration === undefined) return;
      if (markersInPlace(bar, placed) && markedFor === duration) return;
      markedFor = duration;
      const wanted = show();
      const moments = wanted.moments ? (episode.state?.get().moments ?? []).map((m) => ({ start: m.time, ...(isRange(m) ? { end: m.end! } : {}) })) : [];
      placed = write(() => placeMarkers(bar, wanted.chapters ? [...episode.chapters] : [], duration, moments));
    },

    invalidate() {
      markedFor = undefined;
    },

    clear() {
      removeMarkers(doc);
      placed = [];
      markedFor = undefined;
    },
  };
}
