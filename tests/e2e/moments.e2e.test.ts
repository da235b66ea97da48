// Saved moments in real Chromium with a persistent profile: save from the panel and through the keyboard
// command's path, a browser restart, and many tabs saving at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { e2eUnavailable, earmarkStatus, fixture, serviceWorker, startSession, until, type Session } from './harness';

const unavailable = e2eUnavailable();
if (unavailable) console.warn(`[e2e] SKIPPED: ${unavailable}`);

const EPISODE = 'https://overcast.fm/+AbCdEfGh1';

async function openEpisode(session: Session): Promise<Page> {
  await session.serve('https://overcast.fm/**', fixture('overcast/episode.html'));
  const page = await session.open(EPISODE);
  await earmarkStatus(page);
  return page;
}

const shownMoments = (page: Page) =>
  page.evaluate(() =>
    [...(document.querySelector('earmark-panel')?.shadowRoot?.querySelectorAll<HTMLElement>('[data-moment-time]') ?? [])].map((li) => ({
      time: Number(li.dataset.momentTime),
      note: li.querySelector('.moment-note')?.textContent ?? '',
    })),
  );

/** Everything the background has stored, read in the service worker itself. */
async function storedMoments(context: BrowserContext): Promise<Array<{ time: number; note: string; deleted?: true }>> {
  const worker = await serviceWorker(context);
  return worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return ((await chrome.storage.local.get('moments')).moments ?? []) as Array<{ time: number; note: string; deleted?: true }>;
  });
}


describe.skipIf(unavailable !== undefined)('saved moments in real Chromium', () => {
  const profile = mkdtempSync(join(tmpdir(), 'earmark-moments-'));
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it('saves from the panel with a note, undoes, and keeps moments across a browser restart', async () => {
    let session = await startSession({ profile });
    onTestFinished(() => session.close().catch(() => undefined));
    let page = await openEpisode(session);
    await page.evaluate(() => {
      document.querySelector<HTMLAudioElement>('audio#audioplayer')!.currentTime = 0;
    });
    await page.locator('earmark-panel button[data-start="405"]').click();
    await until(() => page.evaluate(() => document.querySelector<HTMLAudioElement>('audio')!.currentTime), (t) => t >= 405);
    await page.evaluate(() => document.querySelector<HTMLAudioElement>('audio')!.pause());
    await page.locator('earmark-panel button[data-action="save-moment"]').click();
    const note = page.locator('earmark-panel input[aria-label="Note for this moment"]');
    await note.fill('the first page, read aloud');
    await note.press('Enter');
    const shown = await until(() => shownMoments(page), (m) => m.length === 1 && m[0]!.note === 'the first page, read aloud');
    expect(shown).toHaveLength(1);
    expect(shown[0]!.time).toBeGreaterThanOrEqual(405);
    expect(shown[0]!.time).toBeLessThan(412);
    // The moment is marked on the player's own progress bar, beside (not among) the chapter markers.
    const momentMarkers = await until(
      () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#progressbar [data-earmark-moment]')].map((m) => Number(m.dataset.start))),
      (v) => v.length === 1,
    );
    expect(momentMarkers).toEqual([shown[0]!.time]);
    // Chapter markers stay one per chapter after 0:00, none of them a moment's.
    const chapterMarkers = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#progressbar [data-earmark-marker]')].map((m) => [Number(m.dataset.start), m.hasAttribute('data-earmark-moment')]),
    );
    expect(chapterMarkers).toEqual([70, 405, 750, 1145, 1540].map((s) => [s, false]));
    // A second save, undone from its toast: stored as a tombstone, gone from the list.
    await page.locator('earmark-panel button[data-action="save-moment"]').click();
    await until(() => shownMoments(page), (m) => m.length === 2);
    await page.locator('earmark-panel button[data-action="undo-save"]').click();
    expect(await until(() => shownMoments(page), (m) => m.length === 1)).toHaveLength(1);
    await session.close();

    session = await startSession({ profile });
    onTestFinished(() => session.close().catch(() => undefined));
    page = await openEpisode(session);
    const after = await until(() => shownMoments(page), (m) => m.length > 0);
    expect(after).toEqual(shown);
    const stored = await storedMoments(session.context);
    expect(stored.filter((m) => !m.deleted)).toHaveLength(1);
    expect(stored.filter((m) => m.deleted)).toHaveLength(1);
    await session.close();
  });

  it('the keyboard command’s path saves the moment playing now; two tabs saving 50 each at once leave 100 more', async () => {
    const session = await startSession({ profile });
    onTestFinished(() => session.close().catch(() => undefined));
    const first = await openEpisode(session);
    const second = await session.open(EPISODE);
    await earmarkStatus(second);
    const before = (await storedMoments(session.context)).length;
    const worker = await serviceWorker(session.context);
    // What the background does for the save-moment command, for every tab of the page, 50 times each, at once.
    const saved = await worker.evaluate(async () => {
      const chrome = (globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>>; sendMessage(id: number, m: object): Promise<unknown> } };
      }).chrome;
      // Without the tabs permission the worker sees no URLs: every tab is asked, and only Earmark's pages answer.
      const tabs = await chrome.tabs.query({});
      const perTab = await Promise.all(
        tabs.map((t) =>
          Promise.all(Array.from({ length: 50 }, () => chrome.tabs.sendMessage(t.id, { type: 'earmark:save-here' }).catch(() => undefined))),
        ),
      );
      const answering = perTab.filter((answers) => answers.some((a) => a !== undefined));
      return { tabs: answering.length, ids: answering.flat().map((a) => (a as { id?: string } | undefined)?.id) };
    });
    expect(saved.tabs).toBe(2);
    expect(saved.ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(saved.ids).size).toBe(100);
    const stored = await storedMoments(session.context);
    expect(stored.length - before).toBe(100);
    expect(await until(() => shownMoments(first), (m) => m.length >= 51)).toHaveLength(51);
    await session.close();
  });
});

describe.skipIf(unavailable !== undefined)('the moments library in real Chromium', () => {
  it('lists and searches, exports JSON that imports into a fresh browser exactly, and refuses a corrupted file', async () => {
    const a = await startSession();
    onTestFinished(() => a.close().catch(() => undefined));
    await openEpisode(a);
    const worker = await serviceWorker(a.context);
    // A moment saved through the keyboard command’s path, in every tab that runs Earmark.
    await worker.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>>; sendMessage(id: number, m: object): Promise<unknown> } } }).chrome;
      for (const tab of await chrome.tabs.query({})) await chrome.tabs.sendMessage(tab.id, { type: 'earmark:save-here' }).catch(() => undefined);
    });
    const extensionId = new URL(worker.url()).host;
    const library = await a.open(`chrome-extension://${extensionId}/moments.html`);
    await library.waitForSelector('[data-moment-time]');
    expect(await library.locator('h2').first().textContent()).toContain("The ferryman's logbook");
    await library.locator('textarea').first().fill('noted in the library');
    await library.locator('input[type="search"]').click(); // blur saves the note
    await until(() => storedMoments(a.context), (list) => list.some((m) => m.note === 'noted in the library'));
    await library.locator('input[type="search"]').fill('in the library');
    expect(await library.locator('[data-moment-time]').count()).toBe(1);
    await library.locator('input[type="search"]').fill('no such words anywhere');
    expect(await library.locator('[data-moment-time]').count()).toBe(0);

    const [download] = await Promise.all([library.waitForEvent('download'), library.locator('button[data-export="json"]').click()]);
    const exported = await download.path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p, 'utf8')));
    const before = await storedMoments(a.context);
    expect(JSON.parse(exported).moments).toEqual(before);

    // A corrupted copy changes nothing and says why.
    const corrupted = exported.replace('"time": ', '"time": "soon", "x": ');
    await library.locator('input[data-import]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(corrupted) });
    await library.waitForSelector('.toast.error');
    expect(await library.locator('.toast').textContent()).toContain('nothing was imported');
    expect(await storedMoments(a.context)).toEqual(before);

    // The export, imported into another browser profile, is the same list.
    const b = await startSession();
    onTestFinished(() => b.close().catch(() => undefined));
    const workerB = await serviceWorker(b.context);
    const libraryB = await b.open(`chrome-extension://${new URL(workerB.url()).host}/moments.html`);
    await libraryB.waitForSelector('main');
    await libraryB.locator('input[data-import]').setInputFiles({ name: 'moments.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await libraryB.waitForSelector('.toast');
    expect(await libraryB.locator('.toast').textContent()).toContain(`${before.length} new`);
    expect(await storedMoments(b.context)).toEqual(before);
    expect(await libraryB.locator('[data-moment-time]').count()).toBe(before.filter((m) => !m.deleted).length);
  });
});
