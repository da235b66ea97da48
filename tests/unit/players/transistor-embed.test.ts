// Transistor's embed player (lib/players/transistor-embed.ts) against the fixture embed page (parsed, no browser): the
// episode from the player's x-data, nothing from a broken one, no link that is not https.
import { describe, expect, it } from 'vitest';
import { fixture, parse, fixtureUrl } from '../fixture-pages';
import { transistorEmbed } from '../../../lib/players/transistor-embed';
import { parseTimeline } from '../../../lib/timeline';

const starts = (notes: string) => parseTimeline(notes, { html: true }).chapters.map((c) => c.startTime);

describe('Transistor embed', () => {
  it('reads the embed’s episode from its x-data, and nothing from a broken one', () => {
    const doc = parse(fixture('transistor-embed/episode.html'));
    const ep = transistorEmbed.readEpisode(doc, fixtureUrl('transistor-embed/episode.html'))!;
    expect(ep).toMatchObject({ title: 'Splices and regrets', show: 'The Tiny Harbour', duration: 2520, url: 'https://share.transistor.fm/s/4f2c9a1b' });
    expect(starts(ep.notes)).toEqual([0, 340, 1100, 1860]);
    const player = doc.getElementById('embed-player')!;
    for (const broken of ['transistor.embedPlayer({"episodes":[{"title":', 'x', '{"episodes":"no"}']) {
      player.setAttribute('x-data', broken);
      expect(transistorEmbed.readEpisode(doc, fixtureUrl('transistor-embed/episode.html')), broken).toBeUndefined();
    }
    // A share link that is not https is dropped: the episode's link is the embed's own address.
    player.setAttribute('x-data', '{"episodes":[{"title":"T","share_url":"javascript:alert(1)","description":"00:00 A"}]}');
    expect(transistorEmbed.readEpisode(doc, fixtureUrl('transistor-embed/episode.html'))?.url).toBe('https://share.transistor.fm/e/4f2c9a1b');
  });
});
