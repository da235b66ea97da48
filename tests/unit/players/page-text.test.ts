// The shared page-text helper (lib/players/page-text.ts) that adapters without a notes hook use to find the block
// holding the timeline: which block it picks, and where it refuses to guess.
import { describe, expect, it } from 'vitest';
import { parse } from '../fixture-pages';
import { timelineContainer } from '../../../lib/players/page-text';

describe('timelineContainer', () => {
  const doc = (body: string) => parse(`<!doctype html><html><body><main>${body}</main></body></html>`);

  it('takes the block holding the timeline with its prose, not a stray time elsewhere', () => {
    const d = doc(
      `<div id="wrap"><div id="notes"><p>Intro with a guest.</p><ul><li>00:00 One</li><li>04:00 Two</li><li>09:00 Three</li></ul></div></div>` +
        `<div class="row"><span>Other episode</span> <span>starts at 0:00</span></div>`,
    );
    expect(timelineContainer(d.querySelector('main')!)?.id).toBe('wrap');
  });

  it('counts every line of a <br>-separated block, so one block beats one stray line', () => {
    const d = doc(`<div id="notes"><p>0:00 One<br>6:30 Two<br>14:10 Three</p></div><div><p>Starts at 0:00, 25 min</p></div>`);
    expect(timelineContainer(d.querySelector('main')!)?.id).toBe('notes');
  });

  it('points at nothing when timed lines are all over the page rather than in one block', () => {
    const d = doc(
      `<h1>Fog week</h1><div id="notes"><p>00:00 Fog rolls in</p><p>04:20 The log</p></div>` +
        `<div class="row"><p>Gulls, 25:00 long</p></div><div class="row"><p>Knots, 45:00 long</p></div><div class="row"><p>Tides, 38:00 long</p></div>`,
    );
    expect(timelineContainer(d.querySelector('main')!)).toBeNull();
  });

  it('ignores clocks (a time with no words) and excluded parts, and finds nothing where nothing is', () => {
    const d = doc(`<div class="player-controls"><p>Now: 12:00 Another episode title</p></div><div class="clock">0:00</div><div id="n"><p>00:00 Hello there</p><p>03:00 Goodbye now</p></div>`);
    expect(timelineContainer(d.querySelector('main')!, '.player-controls')?.id).toBe('n');
    expect(timelineContainer(doc('<p>No times at all.</p>').querySelector('main')!)).toBeNull();
  });
});
