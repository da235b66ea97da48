// Earmark in real Chromium on fixture pages served at the players' real URLs. Each fixture mirrors the player's
// markup (tests/fixtures/players/<id>/, from ../shared/research/players.md), media is a generated silent MP3.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  currentChapter,
  e2eUnavailable,
  gateE2e,
  earmarkStatus,
  fixture,
  markerStarts,
  mediaTime,
  openPopup,
  panelChapters,
  startSession,
  until,
  type Session,
} from './harness';
import { expectOvercastGuestCard, readGuestCard } from './guest-card';

const skip = gateE2e('Chromium', e2eUnavailable());

const APPLE_EPISODE = 'https://podcasts.apple.com/us/podcast/the-tiny-harbour/id1234567890?i=1000123456789';
const APPLE_SHOW = 'https://podcasts.apple.com/us/podcast/the-tiny-harbour/id1234567890';
const YOUTUBE_WATCH = 'https://www.youtube.com/watch?v=abcDEF12345';
const YOUTUBE_OWN = 'https://www.youtube.com/watch?v=mnoPQR24680';
const OVERCAST_EPISODE = 'https://overcast.fm/+AbCdEfGh1';
const OVERCAST_SHOW = 'https://overcast.fm/itunes1234567890/the-tiny-harbour';
const OVERCAST_NO_NOTES = 'https://overcast.fm/+NoNoTeS01';
const HOSTILE = 'https://overcast.fm/+HoStIlE01';

const APPLE_CHAPTERS: Array<[number, string]> = [
  [0, 'Cold open'],
  [135, 'Why the harbour froze in 1963'],
  [460, "The ferryman's logbook"],
  [845, 'Listener letters'],
  [1290, 'Knots, badly explained'],
  [1630, "What's next"],
];



describe.skipIf(skip)('players in real Chromium', () => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession();
    const pages: Record<string, string> = {
      [APPLE_EPISODE]: fixture('apple/episode.html'),
      [APPLE_SHOW]: fixture('apple/show.html'),
      [YOUTUBE_WATCH]: fixture('youtube/watch.html'),
      [YOUTUBE_OWN]: fixture('youtube/own-chapters.html'),
      [OVERCAST_EPISODE]: fixture('overcast/episode.html'),
      [OVERCAST_SHOW]: fixture('overcast/show.html'),
      [OVERCAST_NO_NOTES]: fixture('overcast/episode-no-notes.html'),
      [HOSTILE]: fixture('overcast/hostile-notes.html').replace('<!--FILLER-->', `<p>${'Filler words about harbours. '.repeat(36_000)}</p>`),
      'https://www.youtube.com/': '<!doctype html><html><body><ytd-app><p>Home: 00:00 not a timeline 03:10 at all</p></ytd-app></body></html>',
    };
    for (const origin of ['https://podcasts.apple.com/**', 'https://www.youtube.com/**', 'https://overcast.fm/**']) {
      await session.serve(origin, (url) => {
        const key = url.origin + url.pathname + url.search;
        // Other episodes of the show (the chips' links) get the episode page too; its embedded data names
        // another episode, so the adapter reads the rendered notes instead.
        const otherEpisode = url.hostname === 'podcasts.apple.com' && url.searchParams.has('i') ? fixture('apple/episode.html') : undefined;
        // The page's own sub-resources (a broken <img src=x>, favicons) get an empty answer.
        return pages[key] ?? pages[url.href] ?? otherEpisode ?? '';
      });
    }
  });

  afterAll(async () => {
    await session?.close();
  });

  describe('Apple Podcasts', () => {
    it('shows the episode’s chapters in a panel and marks the page ready', async () => {
      const page = await session.open(APPLE_EPISODE);
      expect(await earmarkStatus(page)).toBe('ready');
      expect(await panelChapters(page)).toEqual(APPLE_CHAPTERS);
      // The panel follows the notes, and the notes' times became seek links.
      const linked = await page.evaluate(() => document.querySelectorAll('[data-earmark-seek]').length);
      expect(linked).toBe(APPLE_CHAPTERS.length);
      await page.close();
    });

    it('a chapter click on a fresh page starts playback, waits for the player, then seeks', async () => {
      const page = await session.open(APPLE_EPISODE);
      await earmarkStatus(page);
      expect(await page.evaluate(() => document.querySelector('audio#apple-music-player'))).toBeNull();
      await page.locator('earmark-panel button[data-start="460"]').click();
      const t = await until(() => mediaTime(page, 'audio#apple-music-player'), (v) => v !== undefined && v >= 460);
      expect(t).toBeGreaterThanOrEqual(460);
      expect(t).toBeLessThan(470);
      expect(await page.evaluate(() => document.body.dataset.fixturePlayed)).toBe('episode');
      // The current chapter follows playback.
      expect(await until(() => currentChapter(page), (v) => v === 460)).toBe(460);
      await page.evaluate(() => {
        document.querySelector<HTMLAudioElement>('audio#apple-music-player')!.currentTime = 900;
      });
      expect(await until(() => currentChapter(page), (v) => v === 845)).toBe(845);
      await page.close();
    });

    it('annotates each episode card of a show page with a chapter chip', async () => {
      const page = await session.open(APPLE_SHOW);
      expect(await earmarkStatus(page)).toBe('ready');
      const chips = await page.evaluate(() =>
        [...document.querySelectorAll('ol[data-testid="episodes-list"] > li')].map(
          (li) => li.querySelector<HTMLElement>('earmark-chip')?.dataset.chapters ?? null,
        ),
      );
      expect(chips.filter((c) => c !== null)).toHaveLength(2);
      expect(await page.evaluate(() => document.querySelector('earmark-panel'))).toBeNull();
      await page.close();
    });

    it('a chip chapter opens the episode there: the first play starts at that chapter', async () => {
      const page = await session.open(APPLE_SHOW);
      await earmarkStatus(page);
      const chip = page.locator('earmark-chip').first();
      await chip.locator('button.summary').click();
      const link = chip.locator('a[data-start]').nth(1);
      const start = Number(await link.getAttribute('data-start'));
      expect(start).toBeGreaterThan(0);
      await link.click();
      await page.waitForURL(/[?&]i=\d+#earmark-t=/);
      await earmarkStatus(page);
      // The episode header's own play button, as a listener would press it (the decoy cards have theirs too).
      await page.locator('.container-detail-header button[data-testid="button-base"]').click();
      const t = await until(() => mediaTime(page, 'audio#apple-music-player'), (v) => v !== undefined && v >= start);
      expect(t).toBeGreaterThanOrEqual(start);
      expect(t).toBeLessThan(start + 10);
      await page.close();
    });
  });

  describe('YouTube', () => {
    it('adds chapters YouTube does not make itself, with markers on the progress bar, and seeks the video', async () => {
      const page = await session.open(YOUTUBE_WATCH);
      expect(await earmarkStatus(page)).toBe('ready');
      expect((await panelChapters(page)).map(([s]) => s)).toEqual([35, 262, 605, 1130, 1582]);
      const markers = await until(() => markerStarts(page, '#movie_player .ytp-chrome-bottom .ytp-progress-bar'), (m) => m.length === 5);
      expect(markers).toEqual([35, 262, 605, 1130, 1582]);
      // Never on the hover-preview decoy bar.
      expect(await markerStarts(page, '#video-preview')).toEqual([]);
      await page.locator('earmark-panel button[data-start="605"]').click();
      const t = await until(() => mediaTime(page, 'video.html5-main-video'), (v) => v !== undefined && v >= 605);
      expect(t).toBeGreaterThanOrEqual(605);
      await page.close();
    });

    it('follows SPA navigation: the panel and markers swap to the next video', async () => {
      const page = await session.open(YOUTUBE_WATCH);
      await earmarkStatus(page);
      await page.locator('#fixture-next').click();
      const next = await until(() => panelChapters(page), (c) => c[0]?.[1] === 'Intro');
      expect(next).toEqual([
        [0, 'Intro'],
        [190, 'Herring gulls'],
        [585, 'Kittiwakes'],
        [980, 'The chip thief'],
        [1445, 'Goodbye'],
      ]);
      expect(await page.evaluate(() => document.querySelectorAll('earmark-panel').length)).toBe(1);
      expect(await until(() => markerStarts(page, '.ytp-progress-bar'), (m) => m.length === 4)).toEqual([190, 585, 980, 1445]);
      await page.close();
    });

    it('draws no markers where YouTube already shows its own chapters', async () => {
      const page = await session.open(YOUTUBE_OWN);
      expect(await earmarkStatus(page)).toBe('ready');
      // A positive control first: the bar is there and the media knows its length, so markers could be drawn.
      await page.waitForFunction(() => {
        const v = document.querySelector<HTMLVideoElement>('video.html5-main-video');
        return document.querySelector('.ytp-progress-bar') !== null && v !== null && v.readyState >= 1;
      });
      await page.waitForTimeout(500);
      expect(await markerStarts(page, 'body')).toEqual([]);
      await page.close();
    });

    it('mounts nothing on pages that are not episodes', async () => {
      const page = await session.open('https://www.youtube.com/');
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => [document.querySelector('earmark-panel'), document.documentElement.dataset.earmark ?? null])).toEqual([
        null,
        null,
      ]);
      await page.close();
    });
  });

  describe('Overcast', () => {
    it('shows chapters, marks the slider, and seeks from the panel and from the notes', async () => {
      const page = await session.open(OVERCAST_EPISODE);
      expect(await earmarkStatus(page)).toBe('ready');
      expect((await panelChapters(page)).map(([s]) => s)).toEqual([70, 405, 750, 1145, 1540]);
      expect(await until(() => markerStarts(page, '#progressbar'), (m) => m.length === 5)).toEqual([70, 405, 750, 1145, 1540]);
      await page.locator('earmark-panel button[data-start="750"]').click();
      expect(await until(() => mediaTime(page, 'audio#audioplayer'), (v) => v !== undefined && v >= 750)).toBeGreaterThanOrEqual(750);
      // A time in the notes is a link that seeks in place.
      await page.locator('#episode_body [data-earmark-seek="1145"]').click();
      expect(await until(() => mediaTime(page, 'audio#audioplayer'), (v) => v !== undefined && v >= 1145)).toBeGreaterThanOrEqual(1145);
      expect(new URL(page.url()).pathname).toBe('/+AbCdEfGh1');
      await page.close();
    });

    it('keeps the same panel while the page changes around it (playback clock, player updates)', async () => {
      const page = await session.open(OVERCAST_EPISODE);
      await earmarkStatus(page);
      await page.evaluate(() => document.querySelector('earmark-panel')!.setAttribute('data-test-original', ''));
      await page.locator('earmark-panel button[data-start="405"]').click();
      // Playing ticks the page's own elapsed/remaining clock: DOM changes that are not new notes.
      await until(() => page.evaluate(() => document.getElementById('timeelapsed')!.textContent), (v) => v !== '0:00');
      await page.waitForTimeout(1_500);
      const state = await page.evaluate(() => ({
        panels: document.querySelectorAll('earmark-panel').length,
        original: document.querySelector('earmark-panel')!.hasAttribute('data-test-original'),
        links: document.querySelectorAll('#episode_body [data-earmark-seek]').length,
      }));
      expect(state).toEqual({ panels: 1, original: true, links: 5 });
      await page.close();
    });

    it('shows the guest the notes introduce, with why we think so', async () => {
      const page = await session.open(OVERCAST_EPISODE);
      await earmarkStatus(page);
      expectOvercastGuestCard(await page.evaluate(readGuestCard));
      await page.close();
    });

    it('a guest card asks before any Wikipedia look-up: the permission page opens and nothing is sent', async () => {
      const page = await session.open(OVERCAST_EPISODE);
      await earmarkStatus(page);
      const wikipedia: string[] = [];
      const listen = (request: { url(): string }) => {
        if (request.url().includes('wikipedia.org')) wikipedia.push(request.url());
      };
      session.context.on('request', listen);
      // A page script clicking for the listener gets nothing: no window, no request.
      const opened: string[] = [];
      const onPage = (p: Page) => opened.push(p.url());
      session.context.on('page', onPage);
      await page.evaluate(() =>
        document.querySelector('earmark-panel')!.shadowRoot!.querySelector<HTMLButtonElement>('button.wiki-lookup')!.click(),
      );
      await page.waitForTimeout(500);
      session.context.off('page', onPage);
      expect(opened).toEqual([]);
      const grant = session.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/grant.html') });
      await page.locator('earmark-panel [data-guest="Ada Byron"] button.wiki-lookup').click();
      const grantPage = await grant;
      await grantPage.waitForLoadState();
      expect(await grantPage.locator('button.primary').textContent()).toBe('Allow Wikipedia look-ups');
      const state = await until(
        () => page.evaluate(() => document.querySelector('earmark-panel')!.shadowRoot!.querySelector<HTMLElement>('[data-wiki]')?.dataset.wiki),
        (v) => v !== 'busy' && v !== 'idle',
      );
      expect(state).toBe('permission');
      expect(await page.locator('earmark-panel [data-guest="Ada Byron"] .wiki-note').textContent()).toContain('permission');
      session.context.off('request', listen);
      expect(wikipedia).toEqual([]);
      await grantPage.close();
      await page.close();
    });

    it('the toolbar popup shows the tab’s guest and chapters, and a chapter there seeks the page', async () => {
      const page = await session.open(OVERCAST_EPISODE);
      await earmarkStatus(page);
      const popup = await openPopup(session.context, page);
      const read = () =>
        popup.evaluate<{ guests: Array<[string, string]>; starts: number[] }>(`({
          guests: [...document.querySelectorAll('[data-guest]')].map((g) => [g.dataset.guest, g.textContent]),
          starts: [...document.querySelectorAll('button[data-start]')].map((b) => Number(b.dataset.start)),
        })`);
      const shown = await until(read, (v) => v.starts.length > 0);
      expect(shown.guests.map(([name]) => name)).toEqual(['Ada Byron']);
      expect(shown.guests[0]![1]).toContain('harbour archivist at the Tiny Harbour Museum');
      expect(shown.starts).toEqual(await panelChapters(page).then((c) => c.map(([start]) => start)));
      await popup.evaluate(`document.querySelector('button[data-start="${shown.starts[2]}"]').click()`);
      const t = await until(() => mediaTime(page, 'audio'), (v) => v !== undefined && v >= shown.starts[2]!);
      expect(t).toBeGreaterThanOrEqual(shown.starts[2]!);
      expect(t).toBeLessThan(shown.starts[2]! + 10);
      await page.close();
    });

    it('on an episode page that shows no notes, mounts nothing and the popup says there are none', async () => {
      const page = await session.open(OVERCAST_NO_NOTES);
      await earmarkStatus(page);
      const popup = await openPopup(session.context, page);
      const message = await until(
        () => popup.evaluate<string>(`document.querySelector('.status')?.textContent ?? ''`),
        (text) => text.includes('no show notes'),
      );
      expect(message).toContain('no show notes');
      expect(await page.evaluate(() => document.querySelector('earmark-panel'))).toBeNull();
      await page.close();
    });

    it('mounts nothing on a show page it does not annotate', async () => {
      const page = await session.open(OVERCAST_SHOW);
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => document.querySelector('earmark-panel'))).toBeNull();
      await page.close();
    });
  });

  describe('hostile notes', () => {
    it('shows hostile titles as text, runs nothing, and keeps a page with 1 MB of notes responsive', async () => {
      const page = await session.open(HOSTILE);
      expect(await earmarkStatus(page, 30_000)).toBe('ready');
      const titles = (await panelChapters(page)).map(([, title]) => title);
      expect(titles).toContain('"><script>window.__pwned=3</script> and other graffiti');
      // Nothing active in our UI, and nothing added to the notes but our own links: compare the live notes with
      // an inert parse of the very same page.
      const foreign = await page.evaluate(
        () => document.querySelector('earmark-panel')!.shadowRoot!.querySelectorAll('script, img, iframe, [onerror], [onclick], [href^="javascript"]').length,
      );
      expect(foreign).toBe(0);
      const html = await page.content();
      const counts = await page.evaluate((source) => {
        const count = (root: ParentNode) =>
          [...root.querySelectorAll('#episode_body *')].filter((e) => !e.hasAttribute('data-earmark-seek')).map((e) => e.localName).sort().join(',');
        return { live: count(document), inert: count(new DOMParser().parseFromString(source, 'text/html')) };
      }, html.replace(/<a [^>]*data-earmark-seek[^>]*>([^<]*)<\/a>/g, '$1'));
      expect(counts.live).toBe(counts.inert);
      expect(await page.evaluate(() => document.querySelectorAll('#episode_body [data-earmark-seek]').length)).toBe(5);
      await page.close();
    });
  });
});
