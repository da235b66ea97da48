// Captivate (lib/players/captivate.ts) against its player page (tests/fixtures/players/captivate/, parsed, no browser).
import { describe, expect, it } from 'vitest';
import { fixture, parse, fixtureUrl } from '../fixture-pages';
import { captivate } from '../../../lib/players/captivate';
import { parseTimeline } from '../../../lib/timeline';

const starts = (notes: string) => parseTimeline(notes, { html: true }).chapters.map((c) => c.startTime);

describe('Captivate', () => {
  it('Captivate: notes, title and stated length', () => {
    const ep = captivate.readEpisode(parse(fixture('captivate/episode.html')), fixtureUrl('captivate/episode.html'))!;
    expect(ep).toMatchObject({ title: 'Knots, badly explained', show: 'The Tiny Harbour', duration: 2700 });
    expect(starts(ep.notes)).toEqual([0, 390, 910, 1725]);
  });
});
