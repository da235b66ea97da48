// Libsyn (lib/players/libsyn.ts) against its embed player (tests/fixtures/players/libsyn/, parsed, no browser).
import { describe, expect, it } from 'vitest';
import { fixture, parse, fixtureUrl } from '../fixture-pages';
import { libsyn } from '../../../lib/players/libsyn';
import { parseTimeline } from '../../../lib/timeline';

const starts = (notes: string) => parseTimeline(notes, { html: true }).chapters.map((c) => c.startTime);

describe('Libsyn', () => {
  it('Libsyn: a flattened one-line timeline, the title and clock-style length from playlistItem', () => {
    const ep = libsyn.readEpisode(parse(fixture('libsyn/episode.html')), fixtureUrl('libsyn/episode.html'))!;
    expect(ep).toMatchObject({ title: 'Gulls, a field guide', show: 'The Tiny Harbour', duration: 1500 });
    expect(starts(ep.notes)).toEqual([0, 390, 850, 1315]);
  });
});
