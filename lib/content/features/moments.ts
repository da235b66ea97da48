/**
 * Feature: the episode's saved moments in the panel. Saving the moment playing now (panel button, popup, keyboard
 * command), editing a note, deleting with undo (restore), and loading the episode's list when its panel is first
 * shown. The background keeps the list; the panel's state shows it. An answer that arrives after the listener
 * moved to another episode is dropped: it belongs to a panel no longer shown.
 */
import type { PanelState } from '../../../components/ChapterPanel';
import type { MomentActions } from '../../../components/SavedMoments';
import type { EpisodeRef, Moment, MomentChange, NewMoment } from '../../moments/model';
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
  /** Loads the episode's saved moments into its panel, once per panel. */
  load(): void;
}

type Update = (moments: readonly Moment[], saved: Moment | undefined) => { moments: readonly Moment[]; saved?: Moment };

export function createMoments({ service, state, episode, changed }: MomentsHost): Moments {
  /** Applies `update` to `store` when it is still the panel shown: answers for a panel left behind are dropped. */
  const apply = (store: Store<PanelState> | undefined, update: Update) => {
    if (!store || store !== state()) return;
    const current = store.get();
    const { moments, saved } = update(current.moments ?? [], current.saved);
    const { saved: _old, ...rest } = current;
    store.set({ ...rest, moments, ...(saved ? { saved } : {}) });
    if (moments !== current.moments) changed();
  };
  const keepSaved = (saved: Moment | undefined) => (saved ? { saved } : {});

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
      onDismiss: () => apply(state(), (list) => ({ moments: list })),
    },

    async save(at) {
      const store = state();
      const ep = episode();
      if (!ep) return undefined;
      const saved = await service.save({ episode: ep, ...at }).catch(() => undefined);
      if (saved) apply(store, (list) => ({ moments: [...list, saved], saved }));
      return saved;
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
