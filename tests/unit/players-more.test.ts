/**
 * Issue 6's adapters against their fixture pages (parsed, no browser): what each reads, and what it refuses.
 * The e2e suite runs the same fixtures in Chromium; these pin the reading rules and the hostile cases.
 */
import { describe, expect, it } from 'vitest';
import { fixture, parse, fixtureUrl } from './fixture-pages';
import { buzzsprout } from '../../lib/players/buzzsprout';
import { captivate } from '../../lib/players/captivate';
import { libsyn } from '../../lib/players/libsyn';
import { timelineContainer } from '../../lib/players/page-text';
import { pocketCasts } from '../../lib/players/pocket-casts';
import { podbean } from '../../lib/players/podbean';
import { ANY_DOMAIN, onDemandPlayer } from '../../lib/players/on-demand';
import { PLAYERS } from '../../lib/players/registry';
import { preloads, substack } from '../../lib/players/substack';
import { transistor } from '../../lib/players/transistor';
import { transistorEmbed } from '../../lib/players/transistor-embed';
import { youtubeMusic } from '../../lib/players/youtube-music';
import { parseTimeline } from '../../lib/timeline';
import { extractGuests } from '../../lib/guests';

const starts = (notes: string) => parseTimeline(notes, { html: true }).chapters.map((c) => c.startTime);

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

describe('Pocket Casts', () => {
  const page = (playerTitle = '') =>
    parse(`<!doctype html><html><body><div id="root"><main>
      <a href="/podcast/the-tiny-harbour/3f2a6c1e-9b7d-4e2a-8c11-5d0f6a7b8c9d">The Tiny Harbour</a><h1>Fog week</h1>
      <div><button aria-label="Play">Play</button></div>
      <div class="sc-x"><div><p>With Ines Varga.</p><ul><li>00:00 Fog rolls in</li><li>04:20 Log</li><li>16:45 Ferries</li></ul></div></div>
      <div role="link"><button aria-label="Play">Play</button><span>Gulls</span><span>Starts at 0:00</span></div></main>
      <div class="player-controls"><button class="play_pause_button" aria-label="Play">Play</button><div class="episode-title">${playerTitle}</div><div class="current-time">0:00</div><audio class="audio"></audio></div>
    </div></body></html>`);
  const url = fixtureUrl('pocket-casts/episode.html');

  it('reads the page’s episode and notes found by their timeline', () => {
    const ep = pocketCasts.readEpisode(page(), url)!;
    expect(ep).toMatchObject({ title: 'Fog week', show: 'The Tiny Harbour' });
    expect(starts(ep.notes)).toEqual([0, 260, 1005]);
    expect(ep.notes).toContain('Ines Varga');
    expect(ep.notes).not.toContain('Gulls');
  });

  it('knows whether the bar holds this episode, and presses the page’s play button, not the bar’s', () => {
    expect(pocketCasts.playingThis!(page(''), url)).toBe(false);
    expect(pocketCasts.playingThis!(page('Gulls'), url)).toBe(false);
    expect(pocketCasts.playingThis!(page('Fog week'), url)).toBe(true);
    const d = page();
    const clicked: string[] = [];
    for (const b of d.querySelectorAll('button')) b.addEventListener('click', () => clicked.push(b.closest('.player-controls') ? 'bar' : b.closest('[role=link]') ? 'row' : 'page'));
    expect(pocketCasts.startPlayback!(d)).toBe(true);
    expect(clicked).toEqual(['page']);
  });
});

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

describe('Substack', () => {
  it('reads a podcast post from its preloads and rendered body', () => {
    const doc = parse(fixture('substack/episode.html'));
    expect(preloads(doc)?.post).toMatchObject({ type: 'podcast', slug: 'fog-week-the-audio-edition', podcast_duration: 2400.5 });
    const ep = substack.readEpisode(doc, fixtureUrl('substack/episode.html'))!;
    expect(ep).toMatchObject({ title: 'Fog week, the audio edition', show: 'The Tiny Harbour', duration: 2400.5, url: 'https://tinyharbour.substack.com/p/fog-week-the-audio-edition' });
    expect(starts(ep.notes)).toEqual([0, 260, 1005, 1990]);
    expect(ep.notes).not.toContain('20:00 the ferry');
  });

  it('refuses other posts, stale data, and broken or hostile preloads', () => {
    const doc = parse(fixture('substack/episode.html'));
    expect(substack.readEpisode(doc, new URL('https://tinyharbour.substack.com/p/another-post'))).toBeUndefined();
    expect(substack.readEpisode(parse(fixture('substack/newsletter-embed.html')), fixtureUrl('substack/newsletter-embed.html'))).toBeUndefined();
    const script = [...doc.querySelectorAll('script')].find((s) => s.textContent!.includes('_preloads'))!;
    for (const bad of [
      'window._preloads = JSON.parse("{\\"post\\":',
      'window._preloads = JSON.parse("not json")',
      'window._preloads = JSON.parse("{\\"post\\":{\\"type\\":42}}")',
      `window._preloads = JSON.parse("${'\\\\'.repeat(100_000)}`,
      'window._preloads = {"post":{"type":"podcast"}}',
    ]) {
      script.textContent = bad;
      expect(preloads(doc), bad.slice(0, 60)).toBeUndefined();
    }
  });

  it('is recognised by its data on any domain when the listener asks', () => {
    const doc = parse(fixture('substack/episode.html'));
    const chosen = onDemandPlayer(doc);
    expect(chosen.id).toBe('substack');
    expect(chosen.pageKind(new URL('https://www.tinyharbour.example/p/fog-week-the-audio-edition'))).toBe('episode');
    expect(chosen.readEpisode(doc, new URL('https://www.tinyharbour.example/p/fog-week-the-audio-edition'))?.title).toBe('Fog week, the audio edition');
    expect(onDemandPlayer(parse(fixture('generic/episode.html'))).id).toBe('generic');
    // Every player that can recognise its pages anywhere is offered on demand.
    expect(ANY_DOMAIN.map((p) => p.id).sort()).toEqual(PLAYERS.filter((p) => 'detect' in p).map((p) => p.id).sort());
  });

  it('on demand, a Transistor site seeks through its media element: no page-world helper comes with it', () => {
    const chosen = onDemandPlayer(parse(fixture('transistor/episode.html')));
    expect(chosen.id).toBe('transistor');
    expect(chosen.seekWith).toBeUndefined();
    expect(chosen.bridge).toBeUndefined();
  });
});

describe('Transistor', () => {
  it('reads a site’s episode, its length from the default audio when it names this episode', () => {
    const doc = parse(fixture('transistor/episode.html'));
    const ep = transistor.readEpisode(doc, fixtureUrl('transistor/episode.html'))!;
    expect(ep).toMatchObject({ title: 'Fog week', show: 'The Tiny Harbour', duration: 2400 });
    expect(starts(ep.notes)).toEqual([0, 260, 1005, 1990]);
    // The people list: hosts and guests with their bios; an editor is a credit, not a guest.
    expect(ep.hosts).toEqual(['Oda Lindqvist']);
    expect(ep.persons).toEqual([
      { name: 'Oda Lindqvist', role: 'host', description: 'Keeps the harbour\'s sound archive' },
      { name: 'Ines Varga', role: 'guest', description: 'Ferry pilot for the Harbour Authority' },
    ]);
    expect(extractGuests({ title: ep.title, notes: ep.notes, persons: ep.persons!, hosts: ep.hosts! }).map((g) => [g.name, g.summary])).toEqual([
      ['Ines Varga', 'Ferry pilot for the Harbour Authority'],
    ]);
    doc.getElementById('default-audio')!.setAttribute('data-default-audio-title', 'Another episode');
    expect(transistor.readEpisode(doc, fixtureUrl('transistor/episode.html'))?.duration).toBeUndefined();
    expect(transistor.detect!(doc)).toBe(true);
    // The sticky player survives navigation: holding another episode's audio, it is not playing this one.
    const player = doc.querySelector('#site-sticky-player audio')!;
    expect(transistor.playingThis!(doc, fixtureUrl('transistor/episode.html'))).toBe(true);
    player.setAttribute('src', 'https://media.earmark.test/another.mp3');
    expect(transistor.playingThis!(doc, fixtureUrl('transistor/episode.html'))).toBe(false);
    player.setAttribute('src', doc.getElementById('default-audio')!.getAttribute('data-default-audio-url')!);
    expect(transistor.playingThis!(doc, fixtureUrl('transistor/episode.html'))).toBe(true);
    expect(transistor.detect!(parse(fixture('generic/episode.html')))).toBe(false);
  });

  it('takes the title from an h1 where a theme has no .site-episode-title, and reads no people where none are listed', () => {
    const doc = parse(fixture('transistor/episode.html'));
    const h2 = doc.querySelector('.site-episode-title')!;
    const h1 = doc.createElement('h1');
    h1.textContent = 'Fog week';
    h2.replaceWith(h1);
    doc.querySelector('.site-episode-people')!.remove();
    const ep = transistor.readEpisode(doc, fixtureUrl('transistor/episode.html'))!;
    expect(ep.title).toBe('Fog week');
    expect(ep.persons).toBeUndefined();
    expect(ep.hosts).toBeUndefined();
  });

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

describe('hosts’ players', () => {
  it('Captivate: notes, title and stated length', () => {
    const ep = captivate.readEpisode(parse(fixture('captivate/episode.html')), fixtureUrl('captivate/episode.html'))!;
    expect(ep).toMatchObject({ title: 'Knots, badly explained', show: 'The Tiny Harbour', duration: 2700 });
    expect(starts(ep.notes)).toEqual([0, 390, 910, 1725]);
  });

  it('Libsyn: a flattened one-line timeline, the title and clock-style length from playlistItem', () => {
    const ep = libsyn.readEpisode(parse(fixture('libsyn/episode.html')), fixtureUrl('libsyn/episode.html'))!;
    expect(ep).toMatchObject({ title: 'Gulls, a field guide', show: 'The Tiny Harbour', duration: 1500 });
    expect(starts(ep.notes)).toEqual([0, 390, 850, 1315]);
  });

  it('Buzzsprout: notes without a known hook, else the description meta', () => {
    const doc = parse(fixture('buzzsprout/episode.html'));
    const url = fixtureUrl('buzzsprout/episode.html');
    const ep = buzzsprout.readEpisode(doc, url)!;
    expect(ep).toMatchObject({ title: 'Fog week', show: 'The Tiny Harbour', duration: 2400, url: 'https://www.buzzsprout.com/1234567/16180339' });
    expect(starts(ep.notes)).toEqual([0, 260, 1005, 1990]);
    expect(ep.notes).not.toContain('9:30 am');
    doc.querySelector('.rich-text')!.remove();
    expect(buzzsprout.readEpisode(doc, url)?.notes).toBe('A week of fog, told by the people who worked through it.');
  });

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
