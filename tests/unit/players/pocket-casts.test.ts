// Pocket Casts (lib/players/pocket-casts.ts) against pages shaped like its web app (parsed, no browser): the notes
// found by their timeline among look-alike rows, and the bar that may hold another episode.
import { describe, expect, it } from 'vitest';
import { parse, fixtureUrl } from '../fixture-pages';
import { pocketCasts } from '../../../lib/players/pocket-casts';
import { parseTimeline } from '../../../lib/timeline';

const starts = (notes: string) => parseTimeline(notes, { html: true }).chapters.map((c) => c.startTime);

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

describe('Pocket Casts: time links', () => {
  const EPISODE = 'https://pocketcasts.com/podcast/the-tiny-harbour/3f2a6c1e-9b7d-4e2a-8c11-5d0f6a7b8c9d/fog-week/0b1c2d3e-4f50-4617-8a9b-c0d1e2f3a4b5';

  it('builds the app’s share-at-position link on its short host, with Earmark’s fragment (the web player is guessed)', () => {
    expect(pocketCasts.linkAt!(EPISODE, 696.7)).toBe('https://pca.st/episode/0b1c2d3e-4f50-4617-8a9b-c0d1e2f3a4b5?t=696#earmark-t=696');
    // The player's own route names the episode second, as the public page names it last.
    expect(pocketCasts.linkAt!('https://pocketcasts.com/podcasts/3f2a6c1e-9b7d-4e2a-8c11-5d0f6a7b8c9d/0B1C2D3E-4F50-4617-8A9B-C0D1E2F3A4B5', 5)).toBe(
      'https://pca.st/episode/0b1c2d3e-4f50-4617-8a9b-c0d1e2f3a4b5?t=5#earmark-t=5',
    );
    // No episode id in the address: Earmark's fragment on it.
    expect(pocketCasts.linkAt!('https://pocketcasts.com/podcast/the-tiny-harbour/3f2a6c1e-9b7d-4e2a-8c11-5d0f6a7b8c9d', 5)).toBe(
      'https://pocketcasts.com/podcast/the-tiny-harbour/3f2a6c1e-9b7d-4e2a-8c11-5d0f6a7b8c9d#earmark-t=5',
    );
  });
});
