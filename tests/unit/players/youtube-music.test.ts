// YouTube Music (lib/players/youtube-music.ts) against its fixture pages (parsed, no browser): page-world player data
// trusted only for the video in the address bar, a description shelf preferred where the page renders one.
import { describe, expect, it } from 'vitest';
import { fixture, parse, fixtureUrl } from '../fixture-pages';
import { youtubeMusic } from '../../../lib/players/youtube-music';
import { parseTimeline } from '../../../lib/timeline';

const starts = (notes: string) => parseTimeline(notes, { html: true }).chapters.map((c) => c.startTime);

describe('YouTube Music', () => {
  const watch = fixtureUrl('youtube-music/watch.html');

  it('reads the page player’s data only for the video in the address bar', () => {
    const doc = parse(fixture('youtube-music/watch.html'));
    const player = { videoId: 'yIrU21hoHys', title: 'Harbour pilots', author: 'The Tiny Harbour', description: '0:00 A\n3:05 B\n11:40 C', lengthSeconds: 3602 };
    expect(youtubeMusic.readEpisode(doc, watch)).toBeUndefined();
    const ep = youtubeMusic.readEpisode(doc, watch, { player })!;
    expect(ep).toMatchObject({ title: 'Harbour pilots', show: 'The Tiny Harbour', duration: 3602, url: 'https://music.youtube.com/watch?v=yIrU21hoHys' });
    expect(starts(ep.notes)).toEqual([0, 185, 700]);
    expect(youtubeMusic.readEpisode(doc, watch, { player: { ...player, videoId: 'zzzzzzzzzzz' } })).toBeUndefined();
  });

  it('on /watch, trusts the player data for this video over a shelf that may be left from the last page', () => {
    const doc = parse(fixture('youtube-music/watch.html'));
    doc.querySelector('#side-panel')!.insertAdjacentHTML('beforeend', '<ytmusic-description-shelf-renderer><div id="description">0:00 Stale one\n1:00 Stale two\n2:00 Stale three</div></ytmusic-description-shelf-renderer>');
    const ep = youtubeMusic.readEpisode(doc, watch, { player: { videoId: 'yIrU21hoHys', title: 'T', description: '0:00 A\n3:05 B\n11:40 C' } })!;
    expect(starts(ep.notes)).toEqual([0, 185, 700]);
  });

  it('prefers a rendered description shelf, and marks the slider’s track', () => {
    const doc = parse(fixture('youtube-music/podcast.html'));
    const ep = youtubeMusic.readEpisode(doc, fixtureUrl('youtube-music/podcast.html'), {
      player: { videoId: 'yIrU21hoHys', description: '0:00 Wrong\n1:00 Wrong\n2:00 Wrong' },
    })!;
    expect(ep).toMatchObject({ title: 'Fog week', show: 'The Tiny Harbour', duration: 2400 });
    expect(starts(ep.notes)).toEqual([0, 260, 1005, 1990]);
    expect(youtubeMusic.progressBar(doc)?.id).toBe('progressContainer');
    expect(youtubeMusic.progressBar(doc)?.closest('#progress-bar')).not.toBeNull();
  });
});
