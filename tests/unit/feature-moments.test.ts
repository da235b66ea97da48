// The panel's saved-moments feature with an in-memory stand-in for the background: no DOM, no browser.
import { describe, expect, it } from 'vitest';
import type { PanelState } from '../../components/ChapterPanel';
import { createMoments, type MomentsService } from '../../lib/content/features/moments';
import { createStore, type Store } from '../../lib/content/store';
import { applyChange, createMoment, MAX_RANGE_SECONDS, sameSave, type Moment } from '../../lib/moments/model';

const EPISODE = { url: 'https://overcast.fm/+AbCdEfGh1', title: 'Fog week', player: 'overcast' };

function setup() {
  let list: Moment[] = [];
  let n = 0;
  const pending: Array<() => void> = [];
  const service: MomentsService = {
    save: async (m) => {
      // As the background: a repeated save answers the moment saved before.
      const saved = createMoment(m, `m${++n}`, Date.now());
      const already = sameSave(list, saved);
      if (already) return already;
      list = [...list, saved];
      return saved;
    },
    change: async (change) => {
      list = applyChange(list, change, 2000);
      return true;
    },
    list: (url) => new Promise((resolve) => pending.push(() => resolve(list.filter((m) => m.episode.url === url && !m.deleted)))),
  };
  const panel = (): Store<PanelState> => createStore<PanelState>({ chapters: [], guests: [], showTimeline: false, scheme: 'light' });
  let state: Store<PanelState> | undefined = panel();
  let changes = 0;
  const moments = createMoments({ service, state: () => state, episode: () => EPISODE, changed: () => changes++ });
  const flush = async () => {
    while (pending.length) pending.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { moments, flush, get state() { return state!; }, switchPanel: () => (state = panel()), changes: () => changes };
}

describe('feature: saved moments in the panel', () => {
  it('saves the moment playing now into the panel, with its toast, and says the list changed', async () => {
    const s = setup();
    const saved = await s.moments.save({ time: 90.5, chapterTitle: 'Logbook' });
    expect(saved).toMatchObject({ time: 90.5, chapterTitle: 'Logbook', episode: EPISODE });
    expect(s.state.get().moments).toEqual([saved]);
    expect(s.state.get().saved).toEqual(saved);
    expect(s.state.get().savedAgain).toBeUndefined();
    expect(s.changes()).toBe(1);
  });

  it('a save the background finds already saved is listed once, and its toast shows again', async () => {
    const s = setup();
    const first = (await s.moments.save({ time: 90.2 }))!;
    s.moments.actions.onDismiss();
    const again = await s.moments.save({ time: 90.7 });
    expect(again?.id).toBe(first.id);
    expect(s.state.get().moments?.map((m) => m.id)).toEqual([first.id]);
    expect(s.state.get().saved?.id).toBe(first.id);
    expect(s.state.get().savedAgain).toBe(true);
    expect(s.changes()).toBe(1);
    // A note kept in that toast keeps it a repeat's; the next save of something new is no repeat.
    s.moments.actions.onNote(first.id, 'twice');
    await s.flush();
    expect(s.state.get().savedAgain).toBe(true);
    await s.moments.save({ time: 95 });
    expect(s.state.get().savedAgain).toBeUndefined();
    expect(s.state.get().moments).toHaveLength(2);
  });

  it('edits a note, deletes and restores through the background', async () => {
    const s = setup();
    const saved = (await s.moments.save({ time: 10 }))!;
    s.moments.actions.onNote(saved.id, 'good bit');
    await s.flush();
    expect(s.state.get().moments?.[0]?.note).toBe('good bit');
    expect(s.state.get().saved?.note).toBe('good bit');
    s.moments.actions.onDelete(saved.id);
    await s.flush();
    expect(s.state.get().moments).toEqual([]);
    s.moments.actions.onRestore(saved.id);
    await s.flush();
    await s.flush();
    expect(s.state.get().moments?.map((m) => m.id)).toEqual([saved.id]);
    s.moments.actions.onDismiss();
    expect(s.state.get().saved).toBeUndefined();
  });

  it('loads the episode’s list once per panel, and drops an answer for a panel no longer shown', async () => {
    const s = setup();
    await s.moments.save({ time: 5 });
    const fresh = s.switchPanel();
    s.moments.load();
    await s.flush();
    expect(fresh.get().moments).toHaveLength(1);
    const before = s.changes();
    s.moments.load(); // loaded already
    await s.flush();
    expect(s.changes()).toBe(before);

    const late = s.switchPanel();
    s.moments.load();
    s.switchPanel(); // the listener moved on before the background answered
    await s.flush();
    expect(late.get().moments).toBeUndefined();
  });

  it('the save command pressed twice saves a range from the first press to the second; the first press alone a point', async () => {
    const s = setup();
    const first = (await s.moments.press({ time: 100, chapterTitle: 'Logbook' }))!;
    expect(first).not.toHaveProperty('end');
    expect(s.state.get()).toMatchObject({ saved: first, rangeOpen: true });
    const range = (await s.moments.press({ time: 131.5 }))!;
    expect(range).toMatchObject({ id: first.id, time: 100, start: 100, end: 131.5, chapterTitle: 'Logbook' });
    expect(s.state.get().moments).toEqual([range]);
    expect(s.state.get().saved).toMatchObject({ id: first.id, end: 131.5 });
    expect(s.state.get().rangeOpen).toBeUndefined();
    // The range is closed: a third press starts again with a point.
    const third = (await s.moments.press({ time: 140 }))!;
    expect(third.id).not.toBe(first.id);
    expect(third).not.toHaveProperty('end');
  });

  it('a second press that cannot end a range saves a new point: earlier, much later, or after another save or a dismiss', async () => {
    const s = setup();
    const a = (await s.moments.press({ time: 100 }))!;
    const earlier = (await s.moments.press({ time: 50 }))!;
    expect(earlier.id).not.toBe(a.id);
    const late = (await s.moments.press({ time: 50 + MAX_RANGE_SECONDS + 1 }))!;
    expect(late).not.toHaveProperty('end');
    await s.moments.save({ time: 5000 });
    const afterSave = (await s.moments.press({ time: 5010 }))!;
    s.moments.actions.onDismiss();
    const afterDismiss = (await s.moments.press({ time: 5020 }))!;
    expect([afterSave, afterDismiss].every((m) => m.end === undefined)).toBe(true);
    expect(s.state.get().moments?.filter((m) => m.end !== undefined)).toEqual([]);
  });
});
