import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture, parse } from '../fixture-pages';
import { overcast } from '../../../lib/players/overcast';
import type { PlayerAdapter } from '../../../lib/players/types';
import { parseTimeline } from '../../../lib/timeline';

const EPISODE_URL = new URL('https://overcast.fm/+AbCdEfGh1');
const HOSTILE_URL = new URL('https://overcast.fm/+HoStIlE01');
const SHOW_URL = new URL('https://overcast.fm/itunes1234567890/the-tiny-harbour');


describe('overcast: episode page', () => {
  it('reads title, show and notes whose timeline starts after 0:00', () => {
    const ep = overcast.readEpisode(parse(fixture('overcast/episode.html')), EPISODE_URL)!;
    expect(ep).toMatchObject({ title: "The ferryman's logbook", show: 'The Tiny Harbour', url: 'https://overcast.fm/+AbCdEfGh1' });
    // The audio has no metadata before the first play (preload="none"): the player's time display tells the length.
    expect(ep.duration).toBe(1800);
    const { chapters } = parseTimeline(ep.notes, { html: true });
    expect(chapters.map((c) => c.startTime)).toEqual([70, 405, 750, 1145, 1540]);
    expect(chapters.map((c) => c.title)).toEqual([
      'Finding the tin',
      'Reading the first page aloud',
      'Weather notes from 1911',
      'The missing week',
      'Putting it back',
    ]);
    expect(ep.notes).not.toContain('9:30 am');
  });

  it('takes the duration from the audio element once it is loaded', () => {
    const doc = parse(fixture('overcast/episode.html'));
    Object.defineProperty(overcast.media(doc)!, 'duration', { value: 1234, configurable: true });
    expect(overcast.readEpisode(doc, EPISODE_URL)?.duration).toBe(1234);
    Object.defineProperty(overcast.media(doc)!, 'duration', { value: Number.NaN });
    // Unknown to the element: elapsed "0:00" plus remaining "-30:00" from the player's display.
    expect(overcast.readEpisode(doc, EPISODE_URL)?.duration).toBe(1800);
    doc.getElementById('timeremaining')!.remove();
    expect(overcast.readEpisode(doc, EPISODE_URL)?.duration).toBeUndefined();
  });

  it('reads no length from the display while it shows placeholders, as the saved 2019 page does before playback', () => {
    // The real page's display reads "0:00" and "-:--" until the audio loads: no length yet, not a made-up one.
    const doc = parse(fixture('overcast/episode.html'));
    doc.getElementById('timeremaining')!.textContent = '-:--';
    expect(overcast.readEpisode(doc, EPISODE_URL)?.duration).toBeUndefined();
  });

  it('names the episode page without a timestamp suffix or fragment', () => {
    const doc = parse(fixture('overcast/episode.html'));
    expect(overcast.readEpisode(doc, new URL('https://overcast.fm/+AbCdEfGh1/12:30#earmark-t=5'))?.url).toBe(EPISODE_URL.href);
  });

  it('finds the audio, the progress bar, the notes and the panel anchor', () => {
    const doc = parse(fixture('overcast/episode.html'));
    const audio = overcast.media(doc)!;
    expect(audio.id).toBe('audioplayer');
    expect(audio.querySelector('source')?.getAttribute('src')).toBe('https://media.earmark.test/overcast.mp3#t=0');
    // Markers go on the slider itself, not on the row that also holds the elapsed and remaining times.
    const bar = overcast.progressBar(doc)!;
    expect(bar.id).toBe('progressslidercontainer');
    expect(bar.querySelector(':scope > input#progressslider[type=range]')).not.toBeNull();
    expect(overcast.notesElement(doc)?.id).toBe('episode_body');
    expect(overcast.panelAnchor(doc)?.id).toBe('episode_body');
  });

  it('falls back to the whole progress row when the slider container is gone', () => {
    const doc = parse(fixture('overcast/episode.html'));
    doc.querySelector('#progressslidercontainer')!.id = 'slider-renamed';
    expect(overcast.progressBar(doc)?.id).toBe('progressbar');
  });

  it('reads the later layout (.pure-u-1 h2/h3)', () => {
    const doc = parse(fixture('overcast/episode.html'));
    doc.querySelector('.titlestack')!.outerHTML = '<h2>Later layout title</h2><h3><a href="/itunes1">Later show</a></h3>';
    expect(overcast.readEpisode(doc, EPISODE_URL)).toMatchObject({ title: 'Later layout title', show: 'Later show' });
  });

  it('gives empty notes, not undefined, for a rendered episode without notes', () => {
    const doc = parse(fixture('overcast/episode.html'));
    doc.querySelector('#episode_body')!.remove();
    expect(overcast.readEpisode(doc, EPISODE_URL)).toMatchObject({ title: "The ferryman's logbook", notes: '' });
  });

  it('reads the logged-out 2024 layout, which shows no notes: the episode with empty notes', () => {
    const doc = parse(fixture('overcast/episode-no-notes.html'));
    const ep = overcast.readEpisode(doc, new URL('https://overcast.fm/+NoNoTeS01'));
    expect(ep).toMatchObject({ title: 'Slipway repairs, part two', show: 'The Tiny Harbour', notes: '', url: 'https://overcast.fm/+NoNoTeS01' });
    expect(overcast.notesElement(doc)).toBeNull();
    expect(overcast.progressBar(doc)?.id).toBe('progressslidercontainer');
  });

  it('reads where the page points at the show’s feed: its Apple id and RSS badges, and the audio file', () => {
    const doc = parse(fixture('overcast/episode-no-notes.html'));
    const ep = overcast.readEpisode(doc, new URL('https://overcast.fm/+NoNoTeS01'))!;
    // Overcast's own app badge (id888422857) is not the show's id.
    expect(ep.feed).toEqual({ appleId: '1234567890', rss: 'https://feeds.tinyharbour.example/podcast.rss', enclosure: 'https://media.earmark.test/overcast.mp3' });
    doc.querySelector('.externalbadges')!.remove();
    expect(overcast.readEpisode(doc, new URL('https://overcast.fm/+NoNoTeS01'))!.feed).toEqual({ enclosure: 'https://media.earmark.test/overcast.mp3' });
  });

  it("builds Overcast's own timestamped share link: the time after the share address, as Overcast writes it", () => {
    expect(overcast.linkAt!(EPISODE_URL.href, 750.9)).toBe('https://overcast.fm/+AbCdEfGh1/12:30');
    expect(overcast.linkAt!(EPISODE_URL.href, 65)).toBe('https://overcast.fm/+AbCdEfGh1/1:05');
    expect(overcast.linkAt!(EPISODE_URL.href, 3725)).toBe('https://overcast.fm/+AbCdEfGh1/1:02:05');
    expect(overcast.linkAt!(EPISODE_URL.href, 36_000)).toBe('https://overcast.fm/+AbCdEfGh1/10:00:00');
    // At 0:00 Overcast's link is the share address alone; an address with a time already is replaced, not extended.
    expect(overcast.linkAt!(EPISODE_URL.href, 0)).toBe('https://overcast.fm/+AbCdEfGh1');
    expect(overcast.linkAt!('https://overcast.fm/+AbCdEfGh1/3:00#earmark-t=180', 9)).toBe('https://overcast.fm/+AbCdEfGh1/0:09');
    // What it builds is an episode page of this adapter again, whose share id is the same.
    const link = new URL(overcast.linkAt!(EPISODE_URL.href, 4321));
    expect(overcast.pageKind(link)).toBe('episode');
    // Not an Overcast episode address: Earmark's own fragment.
    expect(overcast.linkAt!('https://overcast.fm/podcasts', 750)).toBe('https://overcast.fm/podcasts#earmark-t=750');
  });

  it('writes the time as the page script it was read from does (m:ss, h:mm:ss), for any whole second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), (t) => {
        const time = /\/([0-9:]+)$/.exec(overcast.linkAt!(EPISODE_URL.href, t))![1]!;
        // Read back: the same number of seconds, minutes and seconds always two digits after an hour.
        const parts = time.split(':').map(Number);
        expect(parts.reduce((sum, p) => sum * 60 + p, 0)).toBe(t);
        expect(time).toMatch(t >= 3600 ? /^\d+:\d{2}:\d{2}$/ : /^\d{1,2}:\d{2}$/);
      }),
    );
  });
});

describe('overcast: hostile notes', () => {
  it('hands the notes over as data: markup and entities come back from the parser as text', () => {
    const ep = overcast.readEpisode(parse(fixture('overcast/hostile-notes.html')), HOSTILE_URL)!;
    expect(ep).toMatchObject({ title: 'Ampersands & <angle> brackets', show: 'The Tiny Harbour' });
    expect(ep.notes).toContain('<!--FILLER-->');
    const { chapters } = parseTimeline(ep.notes, { html: true });
    expect(chapters.map((c) => c.startTime)).toEqual([45, 260, 555, 900, 1350]);
    expect(chapters[0]!.title).toBe('Welcome & bold hellos');
    expect(chapters[1]!.title).toBe('Fish <b>not bold</b> &amp; chips');
    expect(chapters[2]!.title).toMatch(/^"><script>.*<\/script> and other graffiti$/);
    expect(chapters[3]!.title).toBe('Café “quotes” 🐚 shells');
    for (const c of chapters) expect(c.title).not.toContain('__pwned=1');
  });

  it('reads the 1 MB variant the e2e test builds', () => {
    const filler = '<p>' + 'Lorem ipsum harbour filler text. '.repeat(32_000) + '</p>';
    const html = fixture('overcast/hostile-notes.html').replace('<!--FILLER-->', filler);
    expect(html.length).toBeGreaterThan(1_000_000);
    const ep = overcast.readEpisode(parse(html), HOSTILE_URL)!;
    expect(ep.notes.length).toBeGreaterThan(1_000_000);
    expect(parseTimeline(ep.notes, { html: true }).chapters).toHaveLength(5);
  });
});

describe('overcast: show page', () => {
  it('is a show page, where no episode is read', () => {
    const doc = parse(fixture('overcast/show.html'));
    expect(overcast.pageKind(SHOW_URL)).toBe('show');
    expect(overcast.readEpisode(doc, SHOW_URL)).toBeUndefined();
    expect(overcast.media(doc)).toBeNull();
    expect((overcast as PlayerAdapter).showEpisodes).toBeUndefined();
  });
});
