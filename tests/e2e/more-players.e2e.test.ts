// Issue 6's players in real Chromium, on fixture pages served at the players' real URLs (see players.e2e.test.ts
// for the first three). Each fixture mirrors the player's markup as ../shared/research/players.md records it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { consoleProblems, currentChapter, e2eUnavailable, gateE2e, earmarkStatus, fixture, markerStarts, openPopup, openWatched, panelChapters, startSession, STATUS_LOG, statusLog, until, type Session } from './harness';

const skip = gateE2e('Chromium', e2eUnavailable());

const SPOTIFY_EPISODE = 'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk';
const SPOTIFY_LATE = `${SPOTIFY_EPISODE}?si=late`;
const SPOTIFY_SHOW = 'https://open.spotify.com/show/5CfCWKI5pZ28U0uOzXkDHe';
const SPOTIFY_SSR = 'https://open.spotify.com/intl-de/episode/7makk4oTQel546B0PZlDM5';
const POCKET_CASTS = 'https://pocketcasts.com/podcast/the-tiny-harbour/3f2a6c1e-9b7d-4e2a-8c11-5d0f6a7b8c9d/fog-week/0e4b1d2c-7a6f-4c3b-9e8d-1f2a3b4c5d6e';
const SUBSTACK = 'https://tinyharbour.substack.com/p/fog-week-the-audio-edition';
const TRANSISTOR = 'https://tinyharbour.transistor.fm/episodes/fog-week';
const CAPTIVATE = 'https://player.captivate.fm/episode/5b0f3a2e-8c1d-4f6a-9e7b-2d4c6a8e0f13';
const LIBSYN = 'https://play.libsyn.com/embed/episode/id/31415926/height/192/theme/modern/size/large/thumbnail/yes/custom-color/2d3c4b/time-start/00:00:00/playlist-height/200/direction/backward/download/yes';
const LIBSYN_HOST = 'https://www.tinyharbour.example/blog/gulls';
const BUZZSPROUT = 'https://www.buzzsprout.com/1234567/16180339-fog-week';
const PODBEAN = 'https://tinyharbour.podbean.com/e/fog-week/';
const PODBEAN_PLAYER = 'https://www.podbean.com/player-v2/?from=embed&i=a1b2c-3d4e5f-pb&square=1&share=1&download=1&rtl=0&fonts=Arial&skin=1&font-color=&logo_link=episode_page&btn-skin=7';
const TRANSISTOR_EMBED = 'https://share.transistor.fm/e/4f2c9a1b';
const SUBSTACK_EMBED = 'https://tinyharbour.substack.com/p/knots-in-writing';
const YTMUSIC_WATCH = 'https://music.youtube.com/watch?v=yIrU21hoHys';
const YTMUSIC_PODCAST = 'https://music.youtube.com/podcast/pQ7rS8tU9vW';

/** Clicks `target` (a chapter, a time link) and waits until the media's time, read by `time`, reaches `seconds`. */
async function clickAndReach(target: Locator, time: () => Promise<number>, seconds: number): Promise<void> {
  await target.click();
  expect(await until(time, (t) => t >= seconds)).toBeGreaterThanOrEqual(seconds);
}

describe.skipIf(skip)('more players in real Chromium', () => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession();
    const pages: Record<string, string> = {
      [SPOTIFY_EPISODE]: fixture('spotify/episode.html'),
      // The same page with its app's first render late (as Spotify's once its bundle has loaded): the description,
      // with its "Show more", arrives after Earmark's runtime is running.
      [SPOTIFY_LATE]: fixture('spotify/episode.html').replace('(() => {\n  const EPISODE', 'setTimeout(() => {\n  const EPISODE').replace(/\}\)\(\);\n<\/script>/, '}, 400);\n</script>'),
      [SPOTIFY_SSR]: fixture('spotify/episode-ssr.html'),
      [SPOTIFY_SHOW]: fixture('spotify/show.html'),
      [YTMUSIC_WATCH]: fixture('youtube-music/watch.html'),
      [SUBSTACK]: fixture('substack/episode.html'),
      [TRANSISTOR]: fixture('transistor/episode.html'),
      [CAPTIVATE]: fixture('captivate/episode.html'),
      [LIBSYN]: fixture('libsyn/episode.html'),
      [LIBSYN_HOST]: `<!doctype html><html><head><meta charset="utf-8"><title>Gulls, on the blog</title></head><body><h1>Gulls, on the blog</h1><p>This week’s episode:</p><iframe title="Libsyn Player" style="border: none" width="100%" height="192" scrolling="no" allowfullscreen src="${LIBSYN}"></iframe><p>Photos from the pier below.</p></body></html>`,
      [BUZZSPROUT]: fixture('buzzsprout/episode.html'),
      [PODBEAN]: fixture('podbean/episode.html'),
      [PODBEAN_PLAYER]: fixture('podbean/player.html'),
      [TRANSISTOR_EMBED]: fixture('transistor-embed/episode.html'),
      [SUBSTACK_EMBED]: fixture('substack/newsletter-embed.html'),
      [YTMUSIC_PODCAST]: fixture('youtube-music/podcast.html'),
    };
    // The SPA answers every route with its shell.
    await session.serve('https://pocketcasts.com/**', fixture('pocket-casts/episode.html'));
    for (const origin of ['https://open.spotify.com/**', 'https://music.youtube.com/**', 'https://tinyharbour.substack.com/**', 'https://tinyharbour.transistor.fm/**',
      'https://player.captivate.fm/**', 'https://play.libsyn.com/**', 'https://www.tinyharbour.example/**', 'https://www.buzzsprout.com/**',
      'https://tinyharbour.podbean.com/**', 'https://www.podbean.com/**', 'https://share.transistor.fm/**']) {
      // A page's address with a time (`?t=`, as Spotify's own time links) is still that page.
      await session.serve(origin, (url) => pages[url.origin + url.pathname + url.search] ?? pages[url.origin + url.pathname] ?? pages[url.href] ?? '');
    }
  });

  afterAll(async () => {
    await session?.close();
  });

  describe('Spotify', () => {
    it('makes the panel once, with the notes "Show more" reveals a frame after its click', async () => {
      // Never shown with the collapsed notes' chapters, taken down and made again a frame later: the page's app
      // renders the description late, after the runtime is running, and the rest of it a frame after the click.
      for (let visit = 0; visit < 3; visit++) {
        const { page } = await openWatched(session, SPOTIFY_LATE, STATUS_LOG);
        expect(await earmarkStatus(page)).toBe('ready');
        await page.waitForTimeout(400);
        expect(await statusLog(page), `visit ${visit}`).toEqual(['ready']);
        expect(await panelChapters(page)).toHaveLength(6);
        await page.close();
      }
    });

    it('reads the notes behind "Show more", seeks the media the page never attaches, and marks the bar once this episode plays', async () => {
      const { page, problems } = await openWatched(session, SPOTIFY_EPISODE);
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
      await clickAndReach(page.locator('earmark-panel button[data-start="2660"]'), position, 2660);
      // The panel follows the episode's audio, not the muted Canvas clip looping beside it.
      await page.waitForTimeout(1_000);
      expect(await currentChapter(page)).toBe(2660);
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
      expect(shown?.player).toBe('Player: Spotify');
      expect(shown?.notice).toMatch(/first play/);
      await page.close();
    });

    it('annotates the show page’s episode cards; a chip’s chapter opens the episode and its first play starts there', async () => {
      const page = await session.open(SPOTIFY_SHOW);
      expect(await earmarkStatus(page)).toBe('ready');
      const chips = await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid^="episode-"][draggable]')].map((card) => {
          const chip = card.querySelector<HTMLElement>('earmark-chip');
          return chip ? [chip.dataset.chapters, chip.dataset.guests ?? ''] : null;
        }),
      );
      expect(chips).toEqual([['6', 'Marisol Ebberts'], ['5', ''], null]);
      const chip = page.locator('earmark-chip').first();
      await chip.locator('button.summary').click();
      await chip.locator('a[data-start="555"]').click();
      // Spotify's own time link (its `t=` guessed), with Earmark's fragment, which Earmark honours.
      await page.waitForURL(/\/episode\/4rOoJ6Egrf8K2IrywzwOMk\?t=555#earmark-t=555$/);
      expect(await earmarkStatus(page)).toBe('ready');
      await page.locator('[data-testid="action-bar-row"] [data-testid="play-button"]').click();
      const position = () => page.evaluate(() => Number(document.querySelector<HTMLInputElement>('[data-testid="playback-progressbar"] input')!.value) / 1000);
      const t = await until(position, (v) => v >= 555);
      expect(t).toBeGreaterThanOrEqual(555);
      expect(t).toBeLessThan(565);
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
      const { page, problems } = await openWatched(session, YTMUSIC_WATCH);
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
      await clickAndReach(page.locator('#description [data-earmark-seek="1005"]'), () => page.evaluate(() => document.querySelector('video')!.currentTime), 1005);
      await page.close();
    });

    it('after SPA navigation to /watch, shows the player’s checked data, not the shelf left from the last page', async () => {
      const page = await session.open(YTMUSIC_PODCAST);
      expect(await earmarkStatus(page)).toBe('ready');
      // The app swaps the route; the old page's description shelf is still in the DOM for a while.
      await page.evaluate(() => history.pushState({}, '', '/watch?v=yIrU21hoHys'));
      expect((await until(() => panelChapters(page), (c) => c.length === 3)).map(([s]) => s)).toEqual([0, 60, 120]);
      await page.close();
    });
  });

  describe('Pocket Casts', () => {
    it('finds the notes by their timeline, starts this episode from a chapter, and follows SPA routes', async () => {
      const { page, problems } = await openWatched(session, POCKET_CASTS);
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
      const { page, problems } = await openWatched(session, SUBSTACK);
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
      await session.serve('https://tinyharbour.substack.com/p/a-plain-newsletter', fixture('substack/episode.html').replace('\\"type\\":\\"podcast\\",\\"slug', '\\"type\\":\\"newsletter\\",\\"slug').replace('fog-week-the-audio-edition', 'a-plain-newsletter'));
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
      await clickAndReach(page.locator('.site-episode-show-notes [data-earmark-seek="1990"]'), time, 1990);
      expect(jumps).toEqual([1005, 1990]);
      expect(problems).toEqual([]);
      await page.close();
    });
  });

  describe('Transistor sites, another episode in the sticky player', () => {
    it('leaves the other episode alone and says why', async () => {
      const page = await session.open(TRANSISTOR);
      expect(await earmarkStatus(page)).toBe('ready');
      // Turbo kept the sticky player from the last page: it holds another episode.
      await page.evaluate(() => {
        const audio = document.querySelector<HTMLAudioElement>('#site-sticky-player audio')!;
        audio.src = 'https://media.earmark.test/another-episode.mp3';
        return audio.play();
      });
      await page.locator('earmark-panel button[data-start="1005"]').click();
      await page.waitForTimeout(1_500);
      const state = await page.evaluate(() => {
        const audio = document.querySelector<HTMLAudioElement>('#site-sticky-player audio')!;
        return { src: audio.getAttribute('src'), time: audio.currentTime };
      });
      expect(state.src).toBe('https://media.earmark.test/another-episode.mp3');
      expect(state.time).toBeLessThan(100);
      const popup = await openPopup(session.context, page);
      const notice = await until(() => popup.evaluate<string | null>(`document.querySelector('.notice')?.textContent ?? null`), (v) => v !== null);
      expect(notice).toMatch(/Another episode is playing/);
      await page.close();
    });
  });

  describe('hosts’ players and their embeds', () => {
    const audioTime = (page: Page, selector = 'audio') => page.evaluate((s) => document.querySelector<HTMLMediaElement>(s)!.currentTime, selector);

    it('Captivate, opened on its own: panel, linked notes, seek', async () => {
      const page = await session.open(CAPTIVATE);
      expect(await earmarkStatus(page)).toBe('ready');
      expect((await panelChapters(page)).map(([s]) => s)).toEqual([0, 390, 910, 1725]);
      await clickAndReach(page.locator('earmark-panel button[data-start="910"]'), () => audioTime(page, 'audio.player-audio'), 910);
      await clickAndReach(page.locator('.player-shownotes [data-earmark-seek="1725"]'), () => audioTime(page, 'audio.player-audio'), 1725);
      await page.close();
    });

    it('Buzzsprout: finds notes without a known hook by their timeline, and seeks', async () => {
      const page = await session.open(BUZZSPROUT);
      expect(await earmarkStatus(page)).toBe('ready');
      expect((await panelChapters(page)).map(([s]) => s)).toEqual([0, 260, 1005, 1990]);
      await clickAndReach(page.locator('earmark-panel button[data-start="1990"]'), () => audioTime(page), 1990);
      await page.close();
    });

    it('Transistor’s embed: reads the episode from the player’s data and seeks its audio', async () => {
      const page = await session.open(TRANSISTOR_EMBED);
      expect(await earmarkStatus(page)).toBe('ready');
      expect((await panelChapters(page)).map(([s]) => s)).toEqual([0, 340, 1100, 1860]);
      await clickAndReach(page.locator('earmark-panel button[data-start="1100"]'), () => audioTime(page), 1100);
      await page.close();
    });

    it('Libsyn inside a page Earmark does not run on: no panel squeezed into the iframe, its times seek, and the popup drives it', async () => {
      const page = await session.open(LIBSYN_HOST);
      const frame = await until(async () => page.frames().find((f) => f.url().startsWith('https://play.libsyn.com/')), (f) => f !== undefined);
      await frame!.waitForFunction(() => document.documentElement.dataset.earmark === 'ready');
      expect(await frame!.evaluate(() => document.querySelectorAll('earmark-panel').length)).toBe(0);
      // The notes' flattened times became links inside the embed.
      await clickAndReach(frame!.locator('#info_text_body [data-earmark-seek="850"]'), () => audioTime(frame! as unknown as Page), 850);
      const popup = await openPopup(session.context, page);
      const shown = await until(
        () => popup.evaluate<{ player: string; starts: number[] } | null>(`(() => {
          const p = document.querySelector('.player');
          return p ? { player: p.textContent, starts: [...document.querySelectorAll('button[data-start]')].map((b) => Number(b.dataset.start)) } : null;
        })()`),
        (v) => v !== null && v.starts.length > 0,
      );
      expect(shown).toEqual({ player: 'Player: Libsyn', starts: [0, 390, 850, 1315] });
      await popup.evaluate(`document.querySelector('button[data-start="1315"]').click()`);
      expect(await until(() => audioTime(frame! as unknown as Page), (t) => t >= 1315)).toBeGreaterThanOrEqual(1315);
      await page.close();
    });

    it('a page with two embeds: a popup chapter seeks one of them, never both', async () => {
      const second = 'https://html5-player.libsyn.com/embed/episode/id/27182818/height/90/theme/custom/thumbnail/yes/direction/backward/';
      await session.serve('https://html5-player.libsyn.com/**', fixture('libsyn/episode.html'));
      await session.serve(
        'https://www.tinyharbour.example/blog/two-players',
        `<!doctype html><html><head><meta charset="utf-8"><title>Two players</title></head><body><iframe title="one" width="100%" height="192" src="${LIBSYN}"></iframe><iframe title="two" width="100%" height="192" src="${second}"></iframe></body></html>`,
      );
      const page = await session.open('https://www.tinyharbour.example/blog/two-players');
      const frames = await until(async () => page.frames().filter((f) => /libsyn\.com/.test(f.url())), (f) => f.length === 2);
      for (const f of frames) await f.waitForFunction(() => document.documentElement.dataset.earmark === 'ready');
      const popup = await openPopup(session.context, page);
      await until(() => popup.evaluate<number>(`document.querySelectorAll('button[data-start]').length`), (n) => n > 0);
      await popup.evaluate(`document.querySelector('button[data-start="850"]').click()`);
      const times = () => Promise.all(frames.map((f) => f.evaluate(() => document.querySelector('audio')!.currentTime)));
      const moved = await until(times, (t) => t.some((x) => x >= 850));
      await page.waitForTimeout(1_000);
      expect((await times()).filter((x) => x >= 850)).toHaveLength(1);
      expect(moved.some((x) => x >= 850)).toBe(true);
      await page.close();
    });

    it('a page with two embeds, the second one playing: the popup speaks for it, whichever frame said first it was there', async () => {
      const second = 'https://html5-player.libsyn.com/embed/episode/id/27182818/height/90/theme/custom/thumbnail/yes/direction/backward/';
      await session.serve('https://html5-player.libsyn.com/**', fixture('libsyn/episode.html'));
      await session.serve(
        'https://www.tinyharbour.example/blog/two-players-one-playing',
        `<!doctype html><html><head><meta charset="utf-8"><title>Two players</title></head><body><iframe title="one" width="100%" height="192" src="${LIBSYN}"></iframe><iframe title="two" width="100%" height="192" src="${second}"></iframe></body></html>`,
      );
      const page = await session.open('https://www.tinyharbour.example/blog/two-players-one-playing');
      const frames = await until(async () => page.frames().filter((f) => /libsyn\.com/.test(f.url())), (f) => f.length === 2);
      for (const f of frames) await f.waitForFunction(() => document.documentElement.dataset.earmark === 'ready');
      const playing = frames.find((f) => f.url().startsWith('https://html5-player.libsyn.com/'))!;
      const idle = frames.find((f) => f !== playing)!;
      await playing.evaluate(() => {
        const audio = document.querySelector('audio')!;
        audio.muted = true;
        return audio.play();
      });
      await playing.waitForFunction(() => !document.querySelector('audio')!.paused);
      const popup = await openPopup(session.context, page);
      await until(() => popup.evaluate<number>(`document.querySelectorAll('button[data-start]').length`), (n) => n > 0);
      await popup.evaluate(`document.querySelector('button[data-start="850"]').click()`);
      const time = (f: typeof playing) => f.evaluate(() => document.querySelector('audio')!.currentTime);
      expect(await until(() => time(playing), (t) => t >= 850)).toBeGreaterThanOrEqual(850);
      expect(await time(idle)).toBeLessThan(850);
      await page.close();
    });

    it('Podbean: the episode page’s notes in a panel, seeks sent to the player in its cross-origin iframe', async () => {
      const { page, problems } = await openWatched(session, PODBEAN);
      expect(await earmarkStatus(page)).toBe('ready');
      expect((await panelChapters(page)).map(([s]) => s)).toEqual([0, 260, 1005, 1990]);
      const frame = page.frames().find((f) => f.url().startsWith('https://www.podbean.com/player-v2'))!;
      await clickAndReach(page.locator('earmark-panel button[data-start="1005"]'), () => audioTime(frame as unknown as Page), 1005);
      // The embed's time comes back: the panel follows it.
      expect(await until(() => currentChapter(page), (c) => c === 1005)).toBe(1005);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('a post that only embeds a player gets that episode’s panel beside the iframe, and seeks it', async () => {
      const page = await session.context.newPage();
      // The page itself posts look-alike answers from the embed: they come from the wrong window and are ignored.
      await page.addInitScript(() => {
        const forged = { earmark: 'earmark-frame/1', kind: 'episode', label: 'Forged', episode: { title: 'Forged', url: 'https://forged.example/', notes: '00:00 Forged one 01:00 Forged two 02:00 Forged three' } };
        setInterval(() => window.postMessage(forged, '*'), 100);
      });
      await page.goto(SUBSTACK_EMBED);
      expect(await earmarkStatus(page)).toBe('ready');
      expect((await panelChapters(page)).map(([s]) => s)).toEqual([0, 390, 910, 1725]);
      expect(await page.evaluate(() => document.querySelector('earmark-panel')?.previousElementSibling?.localName)).toBe('iframe');
      const frame = page.frames().find((f) => f.url().startsWith('https://player.captivate.fm/'))!;
      await clickAndReach(page.locator('earmark-panel button[data-start="390"]'), () => audioTime(frame as unknown as Page), 390);
      const popup = await openPopup(session.context, page);
      const player = await until(() => popup.evaluate<string | null>(`document.querySelector('.player')?.textContent ?? null`), (v) => v !== null);
      expect(player).toBe('Player: Captivate (embedded)');
      await page.close();
    });
  });
});
