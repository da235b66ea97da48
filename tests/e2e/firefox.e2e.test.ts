// Earmark's main scenarios in real Firefox (Debian's firefox-esr, headless, over WebDriver BiDi) with the Manifest
// V2 build that goes to AMO: the panel with chapters, markers on the player's bar, seeking from the panel, the
// guests card, saving a moment, the popup and the library. Same fixture pages and silent media as the Chromium
// suites (players.e2e.test.ts, moments.e2e.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { fixture, gateE2e, until } from './harness';
import { firefoxUnavailable, startFirefoxSession, type FirefoxSession } from './firefox-harness';
import { expectOvercastGuestCard, readGuestCard } from './guest-card';

const skip = gateE2e('Firefox', firefoxUnavailable());

const OVERCAST_EPISODE = 'https://overcast.fm/+AbCdEfGh1';
const YOUTUBE_WATCH = 'https://www.youtube.com/watch?v=abcDEF12345';

/** What Earmark put on the page once it is done with it: `data-earmark` on <html>. */
async function earmarkStatus(page: Page): Promise<string> {
  await page.waitForFunction(() => document.documentElement.dataset.earmark !== undefined, { timeout: 20_000 });
  return page.evaluate(() => document.documentElement.dataset.earmark!);
}

const panelChapters = (page: Page) =>
  page.evaluate(() =>
    [...(document.querySelector('earmark-panel')?.shadowRoot?.querySelectorAll<HTMLButtonElement>('button[data-start]') ?? [])].map(
      (b) => [Number(b.dataset.start), b.querySelector('.title')?.textContent ?? ''] as [number, string],
    ),
  );
const markerStarts = (page: Page, within: string) =>
  page.evaluate((sel) => [...document.querySelectorAll<HTMLElement>(`${sel} [data-earmark-marker]`)].map((m) => Number(m.dataset.start)), within);
/**
 * Starts recording where each seek of the page's media lands (`currentTime` as its `seeking` event fires). The
 * harness's audio output is not paced (see firefox-harness.ts), so the clock runs ahead after a seek: the
 * position a seek asked for is read here, not from `currentTime` afterwards.
 */
const recordSeeks = (page: Page) =>
  page.evaluate(() => {
    const seeks: number[] = ((window as unknown as { __seeks?: number[] }).__seeks ??= []);
    document.addEventListener('seeking', (e) => seeks.push((e.target as HTMLMediaElement).currentTime), true);
  });
/** The first recorded seek to `target` or later, once the media has loaded there (undefined if none in 20 s). */
async function seekLanded(page: Page, selector: string, target: number): Promise<number | undefined> {
  const read = () =>
    page.evaluate(
      (s) => ({ seeks: (window as unknown as { __seeks?: number[] }).__seeks ?? [], ready: document.querySelector<HTMLMediaElement>(s)?.readyState ?? 0 }),
      selector,
    );
  const seen = await until(read, (v) => v.ready >= 1 && v.seeks.some((t) => t >= target), 20_000);
  return seen.ready >= 1 ? seen.seeks.find((t) => t >= target) : undefined;
}
/** Clicks a control inside the panel's shadow root, as the listener would (a real pointer click). */
const clickInPanel = async (page: Page, selector: string) => {
  const handle = await page.waitForSelector(`earmark-panel >>> ${selector}`);
  await handle!.click();
  await handle!.dispose();
};
/** Waits until the media element has read its length: seeks before that are not the ones under test. */
const metadataLoaded = (page: Page, selector: string) =>
  page.waitForFunction((s) => (document.querySelector<HTMLMediaElement>(s)?.readyState ?? 0) >= 1, { timeout: 20_000 }, selector);

/** Errors and warnings a page logs (and its uncaught errors): Earmark must add none. */
function watchConsole(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') seen.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
  return seen;
}

describe.skipIf(skip)('Earmark in real Firefox (MV2 build)', () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await startFirefoxSession();
    session.serve('https://overcast.fm', (url) => (url.pathname === '/+AbCdEfGh1' ? fixture('overcast/episode.html') : ''));
    session.serve('https://www.youtube.com', (url) => (url.pathname === '/watch' ? fixture('youtube/watch.html') : ''));
  });

  afterAll(async () => {
    await session?.close();
  });

  it('Overcast: the panel lists the chapters, the slider gets markers, a chapter click seeks, the guest card shows', async () => {
    const page = await session.open(OVERCAST_EPISODE);
    const problems = watchConsole(page);
    expect(await earmarkStatus(page)).toBe('ready');
    expect((await panelChapters(page)).map(([s]) => s)).toEqual([70, 405, 750, 1145, 1540]);
    expect(await until(() => markerStarts(page, '#progressbar'), (m) => m.length === 5)).toEqual([70, 405, 750, 1145, 1540]);
    await recordSeeks(page);
    await clickInPanel(page, 'button[data-start="750"]');
    expect(await seekLanded(page, 'audio#audioplayer', 750)).toBe(750);
    expectOvercastGuestCard(await page.evaluate(readGuestCard));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('YouTube: chapters in the panel, markers on the real progress bar only, and a chapter click seeks the video', async () => {
    const page = await session.open(YOUTUBE_WATCH);
    const problems = watchConsole(page);
    expect(await earmarkStatus(page)).toBe('ready');
    expect((await panelChapters(page)).map(([s]) => s)).toEqual([35, 262, 605, 1130, 1582]);
    expect(await until(() => markerStarts(page, '#movie_player .ytp-chrome-bottom .ytp-progress-bar'), (m) => m.length === 5)).toEqual([35, 262, 605, 1130, 1582]);
    expect(await markerStarts(page, '#video-preview')).toEqual([]);
    await metadataLoaded(page, 'video.html5-main-video');
    await recordSeeks(page);
    await clickInPanel(page, 'button[data-start="605"]');
    expect(await seekLanded(page, 'video.html5-main-video', 605)).toBe(605);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('saves a moment from the panel; the popup over the tab lists guest and chapters and seeks the tab; the library lists the moment', async () => {
    const page = await session.open(OVERCAST_EPISODE);
    await earmarkStatus(page);
    await recordSeeks(page);
    await clickInPanel(page, 'button[data-start="405"]');
    expect(await seekLanded(page, 'audio#audioplayer', 405)).toBe(405);
    const pausedAt = await page.evaluate(() => {
      const audio = document.querySelector<HTMLAudioElement>('audio#audioplayer')!;
      audio.pause();
      return audio.currentTime;
    });
    await clickInPanel(page, 'button[data-action="save-moment"]');
    const shown = await until(
      () => page.evaluate(() => [...(document.querySelector('earmark-panel')?.shadowRoot?.querySelectorAll<HTMLElement>('[data-moment-time]') ?? [])].map((li) => Number(li.dataset.momentTime))),
      (m) => m.length === 1,
    );
    // The moment is where the paused audio stands (to the second).
    expect(shown).toHaveLength(1);
    expect(Math.abs(shown[0]! - pausedAt)).toBeLessThan(1);
    // The moment is marked on the player's own bar too.
    expect(await until(() => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#progressbar [data-earmark-moment]')].map((m) => Number(m.dataset.start))), (v) => v.length === 1)).toEqual(shown);

    // The popup's own page, loaded while the episode's tab is the active one, so it reads that tab as the
    // toolbar popup would (Firefox's BiDi cannot reach the toolbar panel itself).
    const popup = await session.openExtensionPage('popup.html', { behind: page });
    const read = () =>
      popup.evaluate(() => ({
        guests: [...document.querySelectorAll<HTMLElement>('[data-guest]')].map((g) => g.dataset.guest),
        starts: [...document.querySelectorAll<HTMLButtonElement>('button[data-start]')].map((b) => Number(b.dataset.start)),
      }));
    const inPopup = await until(read, (v) => v.starts.length > 0);
    expect(inPopup).toEqual({ guests: ['Ada Byron'], starts: [70, 405, 750, 1145, 1540] });
    // A chapter clicked in the popup seeks the episode's tab.
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('button[data-start="750"]')!.click());
    expect(await seekLanded(page, 'audio#audioplayer', 750)).toBe(750);
    if (!popup.isClosed()) await popup.close();

    const library = await session.openExtensionPage('moments.html');
    await library.waitForSelector('[data-moment-time]');
    const listed = await library.evaluate(() => ({
      times: [...document.querySelectorAll<HTMLElement>('[data-moment-time]')].map((li) => Number(li.dataset.momentTime)),
      heading: document.querySelector('h2')?.textContent ?? '',
    }));
    expect(listed.times).toEqual(shown);
    expect(listed.heading).toContain("The ferryman's logbook");
    // What the library shows is what the background stored.
    const stored = await library.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).browser;
      return ((await api.storage.local.get('moments')).moments ?? []) as Array<{ time: number }>;
    });
    expect(stored.map((m) => m.time)).toEqual(shown);
    await library.close();
    await page.close();
  });
});
