// The markers feature on a parsed player page (linkedom, no layout): where markers go, that a refresh with nothing
// changed writes nothing, and where the panel's timeline stands in instead. The browser tier checks positions.
import { describe, expect, it } from 'vitest';
import { fixture, parse } from './fixture-pages';
import type { PanelState } from '../../components/ChapterPanel';
import { createMarkers } from '../../lib/content/features/markers';
import { createStore } from '../../lib/content/store';
import { overcast } from '../../lib/players/overcast';
import type { PlayerAdapter } from '../../lib/players/types';

const URL_ = new URL('https://overcast.fm/+AbCdEfGh1');
const chapters = [
  { startTime: 0, title: 'Cold open' },
  { startTime: 600, title: 'Logbook' },
  { startTime: 1200, title: 'Letters' },
];

function setup(adapter: PlayerAdapter = overcast) {
  const doc = parse(fixture('overcast/episode.html'));
  let writes = 0;
  const markers = createMarkers({
    doc,
    adapter,
    write: (fn) => {
      writes++;
      return fn();
    },
  });
  const state = createStore<PanelState>({ chapters, guests: [], showTimeline: false, scheme: 'light' });
  return { doc, markers, state, writes: () => writes };
}

const startsIn = (root: ParentNode) => [...root.querySelectorAll('[data-earmark-marker]')].map((m) => Number((m as HTMLElement).dataset.start));

describe('feature: progress-bar markers', () => {
  it('marks each chapter on the player’s bar once the length is known, and rewrites nothing while in place', () => {
    const { doc, markers, state, writes } = setup();
    markers.refresh({ chapters, state }, undefined, URL_);
    expect(startsIn(doc)).toEqual([]);
    markers.refresh({ chapters, state }, 1800, URL_);
    const bar = overcast.progressBar(doc)!;
    // No marker at 0: the bar's start is the first chapter's.
    expect(startsIn(bar)).toEqual([600, 1200]);
    expect(state.get()).toMatchObject({ duration: 1800, showTimeline: false });
    const before = writes();
    markers.refresh({ chapters, state }, 1800, URL_);
    expect(writes()).toBe(before);
  });

  it('marks saved moments too, redrawn after they change', () => {
    const { doc, markers, state } = setup();
    markers.refresh({ chapters, state }, 1800, URL_);
    const moment = { id: 'm', episode: { url: URL_.href, title: 'T', player: 'overcast' }, time: 900, note: '', createdAt: 1, updatedAt: 1 };
    state.set({ ...state.get(), moments: [moment] });
    markers.invalidate();
    markers.refresh({ chapters, state }, 1800, URL_);
    expect([...doc.querySelectorAll('[data-earmark-moment]')].map((m) => Number((m as HTMLElement).dataset.start))).toEqual([900]);
  });

  it('gives way to the panel’s timeline when the bar plays another episode or the player has no bar', () => {
    let playingThis = true;
    const { doc, markers, state } = setup({ ...overcast, playingThis: () => playingThis });
    markers.refresh({ chapters, state }, 1800, URL_);
    expect(startsIn(doc)).toHaveLength(2);
    playingThis = false;
    markers.refresh({ chapters, state }, 1800, URL_);
    expect(startsIn(doc)).toEqual([]);
    expect(state.get().showTimeline).toBe(true);

    const bare = setup({ ...overcast, progressBar: () => null });
    bare.markers.refresh({ chapters, state: bare.state }, 1800, URL_);
    expect(startsIn(bare.doc)).toEqual([]);
    expect(bare.state.get().showTimeline).toBe(true);
  });

  it('clears what it placed', () => {
    const { doc, markers, state } = setup();
    markers.refresh({ chapters, state }, 1800, URL_);
    markers.clear();
    expect(startsIn(doc)).toEqual([]);
  });
});
