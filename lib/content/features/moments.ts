/**
 * Feature: the episode's saved moments in the panel. Saving the moment playing now (panel button, popup, keyboard
 * command) or the last seconds as a range, editing a note, deleting with undo (restore), and loading the
 * episode's list when its panel is first shown. The background keeps the list; the panel's state shows it. An
 * answer that arrives after the listener moved to another episode is dropped: it belongs to a panel no longer
 * shown.
 *
 * Start/stop ranges: the save command's first press saves a point, as always (nothing is lost if there is no second
 * press), and keeps it open; a second press later in the same episode, within MAX_RANGE_SECONDS, makes it a range
 * that ends there. Any other save, dismissing its toast, deleting it or another episode closes it.
 */
import type { PanelState } from '../../../components/ChapterPanel';
import type { MomentActions } from '../../../components/SavedMoments';
import { MAX_RANGE_SECONDS, type EpisodeRef, type Moment, type MomentChange, type NewMoment } from '../../moments/model';
import { savedBefore } from '../../moments/share';
import type { Store } from '../store';

/** What the background offers (lib/content/start.ts sends the messages). */
export interface MomentsService {
  save: (moment: NewMoment) => Promise<Moment | undefined>;
  change: (change: Exclude<MomentChange, { kind: 'add' }>) => Promise<boolean>;
  list: (episodeUrl: string) => Promise<Moment[]>;
}

export interface MomentsHost {
  service: MomentsService;
  /** The panel state of the episode shown now (undefined while no panel is shown). */
  state(): Store<PanelState> | undefined;
  /** The episode shown now. */
  episode(): EpisodeRef | undefined;
  /** The list changed: markers on the bar show moments too. */
  changed(): void;
}

export interface Moments {
  /** The panel's moment actions (note, delete, restore, dismiss the toast); seeking is the panel's own. */
  actions: Omit<MomentActions, 'onSeek'> & { onDismiss: () => void };
  /** Saves a moment of the episode shown now; the saved moment, or undefined. */
  save(at: Omit<NewMoment, 'episode'>): Promise<Moment | undefined>;
  /**
   * The save command pressed at `at`: ends the range the previous press opened when there is one for this episode
   * (the range, or undefined when that failed), else saves a point and keeps it open.
   */
  press(at: Omit<NewMoment, 'episode' | 'end' | 'start'>): Promise<Moment | undefined>;
  /** Loads the episode's saved moments into its panel, once per panel. */
  load(): void;
}

/** `again`: the saved moment answered a save but was saved before (a repeat); unsaid, it stays as it was for that moment. */
type Update = (moments: readonly Moment[], saved: Moment | undefined) => { moments: readonly Moment[]; saved?: Moment; again?: boolean };

export function createMoments({ service, state, episode, changed }: MomentsHost): Moments {
  /** The moment the save command's last press saved, while a second press may end a range there. */
  let open: { id: string; time: number; url: string } | undefined;
  /** Applies `update` to `store` when it is still the panel shown: answers for a panel left behind are dropped. */
  const apply = (store: Store<PanelState> | undefined, update: Update) => {
    if (!store || store !== state()) return;
    const current = store.get();
    const { moments, saved, again } = update(current.moments ?? [], current.saved);
    const { saved: _old, rangeOpen: _open, savedAgain: _again, ...rest } = current;
    const savedAgain = saved !== undefined && (again ?? (saved.id === current.saved?.id && current.savedAgain === true));
    store.set({
      ...rest,
      moments,
      ...(saved ? { saved } : {}),
      ...(savedAgain ? { savedAgain } : {}),
      ...(saved && open?.id === saved.id ? { rangeOpen: true } : {}),
    });
    if (moments !== current.moments) changed();
  };
  const keepSaved = (saved: Moment | undefined) => (saved ? { saved } : {});
  const save = async (at: Omit<NewMoment, 'episode'>, keepOpen = false): Promise<Moment | undefined> => {
    const store = state();
    const ep = episode();
    open = undefined;
    if (!ep) return undefined;
    const asked = Date.now();
    const saved = await service.save({ episode: ep, ...at }).catch(() => undefined);
    if (saved && keepOpen) open = { id: saved.id, time: saved.time, url: ep.url };
    // The background answers a repeated save with the moment saved before: listed once, and its toast says so.
    // A repeat: listed here already, or made before this save was asked (the list may not be loaded yet).
    if (saved) {
      apply(store, (list) => {
        const listed = list.some((m) => m.id === saved.id);
        return { moments: listed ? list : [...list, saved], saved, again: listed || savedBefore(saved, asked) };
      });
    }
    return saved;
  };

  return {
    actions: {
      onNote: (id, note) => {
        const store = state();
        void service.change({ kind: 'note', id, note }).then((ok) => {
          if (ok) apply(store, (list, saved) => ({ moments: list.map((m) => (m.id === id ? { ...m, note } : m)), ...keepSaved(saved?.id === id ? { ...saved, note } : saved) }));
        });
      },
      onDelete: (id) => {
        const store = state();
        if (open?.id === id) open = undefined;
        void service.change({ kind: 'delete', id }).then((ok) => {
          if (ok) apply(store, (list, saved) => ({ moments: list.filter((m) => m.id !== id), ...keepSaved(saved) }));
        });
      },
      onRestore: (id) => {
        const store = state();
        const ep = episode();
        void service.change({ kind: 'restore', id }).then(async (ok) => {
          if (!ok || !ep) return;
          const list = await service.list(ep.url);
          apply(store, (_, saved) => ({ moments: list, ...keepSaved(saved) }));
        });
      },
      onDismiss: () => {
        open = undefined;
        apply(state(), (list) => ({ moments: list }));
      },
    },

    save: (at) => save(at),

    async press(at) {
      const ep = episode();
      const start = open;
      if (!ep || !start || start.url !== ep.url || !(at.time > start.time) || at.time - start.time > MAX_RANGE_SECONDS) return save(at, true);
      open = undefined;
      const store = state();
      const ok = await service.change({ kind: 'end-range', id: start.id, end: at.time }).catch(() => false);
      if (!ok) return undefined;
      // The background answers only whether it changed; the list it keeps has the same moment, now a range.
      const ranged = (m: Moment): Moment => ({ ...m, start: m.time, end: at.time });
      let range: Moment | undefined;
      apply(store, (list, saved) => {
        const moments = list.map((m) => (m.id === start.id ? (range = ranged(m)) : m));
        return { moments, ...keepSaved(saved?.id === start.id ? ranged(saved) : saved) };
      });
      if (range) return range;
      // No panel to read it from (inside an embed): the episode's list has it.
      return (await service.list(ep.url).catch(() => [])).find((m) => m.id === start.id);
    },

    load() {
      const store = state();
      const ep = episode();
      if (!store || !ep || store.get().moments !== undefined) return;
      void service.list(ep.url).then(
        (list) => {
          if (episode()?.url === ep.url) apply(store, (_, saved) => ({ moments: list, ...keepSaved(saved) }));
        },
        () => undefined,
      );
    },
  };
}
