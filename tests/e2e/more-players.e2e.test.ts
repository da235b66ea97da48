// Issue 6's players in real Chromium, on fixture pages served at the players' real URLs (see players.e2e.test.ts
// for the first three). Each fixture mirrors the player's markup as ../shared/research/players.md records it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { currentChapter, e2eUnavailable, earmarkStatus, fixture, openPopup, panelChapters, startSession, until, type Session } from './harness';

const unavailable = e2eUnavailable();
if (unavailable) console.warn(`[e2e] SKIPPED: ${unavailable}`);

const SPOTIFY_EPISODE = 'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk';
const SPOTIFY_SSR = 'https://open.spotify.com/intl-de/episode/7makk4oTQel546B0PZlDM5';
const POCKET_CASTS = 'https://pocketcasts.com/podcast/the-tiny-harbour/3f2a6c1e-9b7d-4e2a-8c11-5d0f6a7b8c9d/fog-week/0e4b1d2c-7a6f-4c3b-9e8d-1f2a3b4c5d6e';
const SUBSTACK = 'https://tinyharbour.substack.com/p/fog-week-the-audio-edition';
const TRANSISTOR = 'https://tinyharbour.transistor.fm/episodes/fog-week';
const YTMUSIC_WATCH = 'https://music.youtube.com/watch?v=yIrU21hoHys';
const YTMUSIC_PODCAST = 'https://music.youtube.com/podcast/pQ7rS8tU9vW';

const markerStarts = (page: Page, within: string) =>
  page.evaluate(
    (sel) => [...document.querySelectorAll<HTMLElement>(`${sel} [data-earmark-marker]`)].map((m) => Number(m.dataset.start)),
    within,
  );

/** Console errors and warnings a page logs while open: Earmark must add none. */
function consoleProblems(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  return seen;
}

describe.skipIf(unavailable !== undefined)('more players in real Chromium', () => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession();
    const pages: Record<string, string> = {
      [SPOTIFY_EPISODE]: fixture('spotify-episode.html'),
      [SPOTIFY_SSR]: fixture('spotify-episode-ssr.html'),
      [YTMUSIC_WATCH]: fixture('youtube-music-watch.html'),
      [SUBSTACK]: fixture('substack-post.html'),
      [TRANSISTOR]: fixture('transistor-episode.html'),
      [YTMUSIC_PODCAST]: fixture('youtube-music-podcast.html'),
    };
    // The SPA answers every route with its shell.
    await session.serve('https://pocketcasts.com/**', fixture('pocket-casts-episode.html'));
    for (const origin of ['https://open.spotify.com/**', 'https://music.youtube.com/**', 'https://tinyharbour.substack.com/**', 'https://tinyharbour.transistor.fm/**']) {
      await session.serve(origin, (url) => pages[url.origin + url.pathname + url.search] ?? pages[url.href] ?? '');
    }
  });

  afterAll(async () => {
    await session?.close();
  });

  describe('Spotify', () => {
    it('reads the notes behind "Show more", seeks the media the page never attaches, and marks the bar once this episode plays', async () => {
      const page = await session.context.newPage();
      const problems = consoleProblems(page);
      await page.goto(SPOTIFY_EPISODE);
      expect(await earmarkStatus(page)).toBe('ready');
      const all = [0, 160, 555, 1070, 1865, 2660];
      expect((await until(() => panelChapters(page), (c) => c.length === all.length)).map(([s]) => s)).toEqual(all);
      // The bar plays another episode: no markers on it, nothing on the hidden decoy either.
      expect(await markerStarts(page, 'body')).toEqual([]);
      // A chapter click on a page that has not played: the page's play button, then the seek.
      await page.locator('earmark-panel button[data-start="1070"]').click();
      const position = () => page.evaluate(() => Number(document.querySelector<HTMLInputElement>('[data-testid="playback-progressbar"] input')!.value) / 1000);
      expect(await until(position, (t) => t >= 1070)).toBeGreaterThanOrEqual(1070);
      expect(await page.locator('[data-testid="now-playing-bar"] [data-testid="context-item-link"]').getAttribute('href')).toBe('/episode/4rOoJ6Egrf8K2IrywzwOMk');
      // A marker per chapter boundary (none at 0:00, the bar's own start).
      expect(await until(() => markerStarts(page, '[data-testid="now-playing-bar"] [data-testid="progress-bar-background"]'), (m) => m.length === all.length - 1)).toEqual(all.slice(1));
      expect(await markerStarts(page, '.decoy-preview')).toEqual([]);
      expect(await until(() => currentChapter(page), (c) => c === 1070)).toBe(1070);
      // A second seek goes through the page's media-session handler while it plays.
      await page.locator('earmark-panel button[data-start="2660"]').click();
      expect(await until(position, (t) => t >= 2660)).toBeGreaterThanOrEqual(2660);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('the popup names Spotify and says what waits for the first play', async () => {
      const page = await session.open(SPOTIFY_EPISODE);
      await earmarkStatus(page);
      const popup = await openPopup(session.context, page);
      const shown = await until(
        () => popup.evaluate<{ player: string; notice: string } | null>(`(() => {
          const p = document.querySelector('.player');
          return p ? { player: p.textContent, notice: document.querySelector('.notice')?.textContent ?? '' } : null;
        })()`),
        (v) => v !== null,
      );
      expect(shown?.player).toBe('Recognised: Spotify');
      expect(shown?.notice).toMatch(/first play/);
      await page.close();
    });

    it('reads a server-rendered page’s whole description from its initial state, for the episode in the address bar only', async () => {
      const page = await session.open(SPOTIFY_SSR);
      expect(await earmarkStatus(page)).toBe('ready');
      expect(await panelChapters(page)).toEqual([
        [0, 'Welcome'],
        [270, 'Why tide tables rhyme'],
        [730, 'The Thursday error'],
        [1425, 'Reading the whole of March'],
        [2300, 'Letters'],
      ]);
      await page.close();
    });
  });

  describe('YouTube Music', () => {
    it('reads the description from the page player’s data, marks the player bar’s slider and seeks the video', async () => {
      const page = await session.context.newPage();
      const problems = consoleProblems(page);
      await page.goto(YTMUSIC_WATCH);
      expect(await earmarkStatus(page)).toBe('ready');
      expect(await panelChapters(page)).toEqual([
        [0, 'Welcome aboard'],
        [185, 'What a harbour pilot does'],
        [700, 'The Thursday error'],
        [1635, 'Reading the tables aloud'],
        [2730, 'Letters and goodbyes'],
      ]);
      expect(await until(() => markerStarts(page, 'ytmusic-player-bar #progress-bar #progressContainer'), (m) => m.length === 4)).toEqual([185, 700, 1635, 2730]);
      expect(await markerStarts(page, '#volume-slider')).toEqual([]);
      await page.locator('earmark-panel button[data-start="700"]').click();
      const time = () => page.evaluate(() => document.querySelector('video')!.currentTime);
      expect(await until(time, (t) => t >= 700)).toBeGreaterThanOrEqual(700);
      expect(await until(() => currentChapter(page), (c) => c === 700)).toBe(700);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('reads a podcast page’s rendered description, and never the player data of another video', async () => {
      const page = await session.open(YTMUSIC_PODCAST);
      expect(await earmarkStatus(page)).toBe('ready');
      expect((await panelChapters(page)).map(([s]) => s)).toEqual([0, 260, 1005, 1990]);
      // Times in the description become seek links.
      await page.locator('#description [data-earmark-seek="1005"]').click();
      expect(await until(() => page.evaluate(() => document.querySelector('video')!.currentTime), (t) => t >= 1005)).toBeGreaterThanOrEqual(1005);
      await page.close();
    });
  });

  describe('Pocket Casts', () => {
    it('finds the notes by their timeline, starts this episode from a chapter, and follows SPA routes', async () => {
      const page = await session.context.newPage();
      const problems = consoleProblems(page);
      await page.goto(POCKET_CASTS);
      expect(await earmarkStatus(page)).toBe('ready');
      expect(await panelChapters(page)).toEqual([
        [0, 'Fog rolls in'],
        [260, 'The lighthouse keeper’s log'],
        [1005, 'Ferries by ear'],
        [1990, 'When it lifted'],
      ]);
      // The player bar holds nothing yet: no markers on its seek bar.
      expect(await markerStarts(page, '.seek-bar')).toEqual([]);
      await page.locator('earmark-panel button[data-start="1005"]').click();
      const time = () => page.evaluate(() => document.querySelector<HTMLAudioElement>('audio.audio')!.currentTime);
      expect(await until(time, (t) => t >= 1005)).toBeGreaterThanOrEqual(1005);
      expect(await page.locator('.player-controls .episode-title').textContent()).toBe('Fog week');
      expect(await until(() => markerStarts(page, '.seek-bar .tracks'), (m) => m.length === 3)).toEqual([260, 1005, 1990]);

      // Another episode, by the SPA's own navigation: its chapters replace these; the bar still plays Fog week.
      await page.locator('main [role="link"] span').first().click();
      expect(await until(() => panelChapters(page), (c) => c[1]?.[0] === 390)).toEqual([
        [0, 'Herring gulls'],
        [390, 'The black-backed ones'],
        [850, 'Kittiwakes, briefly'],
        [1315, 'Feeding them (don’t)'],
      ]);
      expect(await page.evaluate(() => document.querySelectorAll('earmark-panel').length)).toBe(1);
      expect(await until(() => markerStarts(page, '.seek-bar'), (m) => m.length === 0)).toEqual([]);
      await page.locator('earmark-panel button[data-start="850"]').click();
      expect(await until(() => page.locator('.player-controls .episode-title').textContent(), (t) => t === 'Gulls, a field guide')).toBe('Gulls, a field guide');
      expect(await until(time, (t) => t >= 850 && t < 1000)).toBeGreaterThanOrEqual(850);
      expect(problems).toEqual([]);
      await page.close();
    });
  });

  describe('Substack', () => {
    it('recognises a podcast post by its own data, reads the post body only, and seeks its audio', async () => {
      const page = await session.context.newPage();
      const problems = consoleProblems(page);
      await page.goto(SUBSTACK);
      expect(await earmarkStatus(page)).toBe('ready');
      expect((await panelChapters(page)).map(([s]) => s)).toEqual([0, 260, 1005, 1990]);
      // Under the player, above the post.
      expect(
        await page.evaluate(() => {
          const panel = document.querySelector('earmark-panel')!;
          const follows = (a: Node, b: Node) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
          return [follows(document.querySelector('audio')!, panel), follows(panel, document.querySelector('.available-content')!)];
        }),
      ).toEqual([true, true]);
      await page.locator('.body.markup [data-earmark-seek="1005"]').click();
      const time = () => page.evaluate(() => document.querySelector('audio')!.currentTime);
      expect(await until(time, (t) => t >= 1005)).toBeGreaterThanOrEqual(1005);
      // The comments' times are not the episode's.
      expect(await page.locator('.comments-section [data-earmark-seek]').count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('leaves posts that are not podcasts alone', async () => {
      await session.serve('https://tinyharbour.substack.com/p/a-plain-newsletter', fixture('substack-post.html').replace('\\"type\\":\\"podcast\\",\\"slug', '\\"type\\":\\"newsletter\\",\\"slug').replace('fog-week-the-audio-edition', 'a-plain-newsletter'));
      const page = await session.open('https://tinyharbour.substack.com/p/a-plain-newsletter');
      await page.waitForTimeout(1_000);
      expect(await page.evaluate(() => [document.documentElement.dataset.earmark, document.querySelectorAll('earmark-panel, [data-earmark-seek]').length])).toEqual([undefined, 0]);
      await page.close();
    });
  });

  describe('Transistor sites', () => {
    it('seeks through the site’s own timejump event, which loads the player, then follows its audio', async () => {
      const page = await session.context.newPage();
      const problems = consoleProblems(page);
      const jumps: number[] = [];
      await page.exposeFunction('__sawTimejump', (t: number) => jumps.push(t));
      await page.addInitScript(() => window.addEventListener('timejump', (e) => (window as unknown as { __sawTimejump(t: number): void }).__sawTimejump((e as CustomEvent<{ timestamp: number }>).detail.timestamp)));
      await page.goto(TRANSISTOR);
      expect(await earmarkStatus(page)).toBe('ready');
      expect((await panelChapters(page)).map(([s]) => s)).toEqual([0, 260, 1005, 1990]);
      await page.locator('earmark-panel button[data-start="1005"]').click();
      const time = () => page.evaluate(() => document.querySelector<HTMLAudioElement>('#site-sticky-player audio')!.currentTime);
      expect(await until(time, (t) => t >= 1005)).toBeGreaterThanOrEqual(1005);
      expect(jumps).toEqual([1005]);
      expect(await page.locator('#site-sticky-player .player-title').textContent()).toBe('Fog week');
      expect(await until(() => currentChapter(page), (c) => c === 1005)).toBe(1005);
      // A time in the notes jumps the same way.
      await page.locator('.site-episode-show-notes [data-earmark-seek="1990"]').click();
      expect(await until(time, (t) => t >= 1990)).toBeGreaterThanOrEqual(1990);
      expect(jumps).toEqual([1005, 1990]);
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});
