// Podbean (lib/players/podbean.ts) against its episode page and its player (tests/fixtures/players/podbean/, parsed, no browser).
import { describe, expect, it } from 'vitest';
import { fixture, parse, fixtureUrl } from '../fixture-pages';
import { podbean } from '../../../lib/players/podbean';
import { parseTimeline } from '../../../lib/timeline';

const starts = (notes: string) => parseTimeline(notes, { html: true }).chapters.map((c) => c.startTime);

describe('Podbean', () => {
  it('Podbean: the episode page’s notes (else its JSON-LD); the player page itself reads nothing', () => {
    const doc = parse(fixture('podbean/episode.html'));
    const url = fixtureUrl('podbean/episode.html');
    expect(starts(podbean.readEpisode(doc, url)!.notes)).toEqual([0, 260, 1005, 1990]);
    doc.querySelector('.e-description')!.remove();
    expect(starts(podbean.readEpisode(doc, url)!.notes)).toEqual([0, 260, 1005, 1990]);
    expect(podbean.readEpisode(parse(fixture('podbean/player.html')), fixtureUrl('podbean/player.html'))).toBeUndefined();
    expect(podbean.media(parse(fixture('podbean/player.html')))).not.toBeNull();
  });
});
