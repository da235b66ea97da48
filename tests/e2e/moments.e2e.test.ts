// Saved moments in real Chromium with a persistent profile: save from the panel and through the keyboard
// command's path, a browser restart, and many tabs saving at once; a range ("the last 30 s") on the bar, in the
// library, across a restart and through the sync copy into another browser; "Copy link" and "Copy as text".
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { e2eUnavailable, extensionPath, gateE2e, earmarkStatus, fixture, serviceWorker, startSession, until, type Session } from './harness';

const skip = gateE2e('Chromium', e2eUnavailable());

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


describe.skipIf(skip)('saved moments in real Chromium', () => {
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
    // The save button shows the save command's key as the browser has it: in a fresh profile, the manifest's.
    const manifest = JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')) as { commands: Record<string, { suggested_key?: { default?: string } }> };
    const suggested = manifest.commands['save-moment']!.suggested_key!.default!;
    const save = page.locator('earmark-panel button[data-action="save-moment"]');
    expect(await until(() => save.getAttribute('aria-keyshortcuts'), (k) => !!k)).toBe(suggested);
    expect(await save.getAttribute('title')).toBe(`Save this moment (${suggested})`);
    await save.click();
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
    // Saved again at the same second (a double press): the first moment is the answer, said so, with no Undo that
    // would delete it.
    await page.locator('earmark-panel button[data-action="save-moment"]').click();
    expect(await until(() => page.locator('earmark-panel [data-saved-moment]').textContent(), (t) => !!t?.startsWith('Already saved at'))).toContain('Already saved at');
    expect(await page.locator('earmark-panel button[data-action="undo-save"]').count()).toBe(0);
    // The note field is filled with the saved moment's note once the panel has read it back (a render after the toast).
    expect(await until(() => note.inputValue(), (v) => v === 'the first page, read aloud')).toBe('the first page, read aloud');
    expect(await shownMoments(page)).toEqual(shown);
    // A second save a few seconds on, undone from its toast: stored as a tombstone, gone from the list.
    await page.evaluate(() => (document.querySelector<HTMLAudioElement>('audio')!.currentTime += 5));
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

  it('the keyboard command’s path saves the moment playing now; two tabs saving 50 times each at once store it once', async () => {
    const session = await startSession({ profile });
    onTestFinished(() => session.close().catch(() => undefined));
    const first = await openEpisode(session);
    const second = await session.open(EPISODE);
    await earmarkStatus(second);
    const before = (await storedMoments(session.context)).length;
    const worker = await serviceWorker(session.context);
    // Focus on the panel's save button, as after a note kept with Enter: a save by the command leaves it there (only a
    // press of that button sends focus to the toast's note field).
    await first.locator('earmark-panel button[data-action="save-moment"]').focus();
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
    // One episode at one second (both tabs paused at its start): a hundred saves at once store one moment, and every
    // answer is that moment. The background's queue makes each save see the ones before it; without it, saves would
    // each find no twin and add their own.
    expect(saved.ids).toHaveLength(100);
    expect(saved.ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(saved.ids).size).toBe(1);
    const stored = await storedMoments(session.context);
    expect(stored.length - before).toBe(1);
    expect(await until(() => shownMoments(first), (m) => m.length >= 2)).toHaveLength(2);
    await first.locator('earmark-panel [data-saved-moment]').waitFor();
    expect(await first.evaluate(() => document.querySelector('earmark-panel')!.shadowRoot!.activeElement?.getAttribute('data-action'))).toBe('save-moment');
    // Fifty-one moments scroll inside their list instead of stretching the panel (fifty more stored, then read by a
    // fresh page).
    await worker.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome;
      const list = ((await chrome.storage.local.get('moments')).moments ?? []) as Array<{ episode: unknown; deleted?: true }>;
      const episode = list.find((m) => !m.deleted)!.episode;
      const now = Date.now();
      const more = Array.from({ length: 49 }, (_, i) => ({ id: `many-${i}`, episode, time: 20 + 10 * i, note: '', createdAt: now, updatedAt: now }));
      await chrome.storage.local.set({ moments: [...list, ...more] });
    });
    await first.reload();
    expect(await until(() => shownMoments(first), (m) => m.length >= 51)).toHaveLength(51);
    const list = await first.evaluate(() => {
      const el = document.querySelector('earmark-panel')!.shadowRoot!.querySelector<HTMLElement>('.moments')!;
      return { client: el.clientHeight, scroll: el.scrollHeight };
    });
    expect(list.client).toBeLessThanOrEqual(240);
    expect(list.scroll).toBeGreaterThan(list.client);
    await session.close();
  });
});

describe.skipIf(skip)('the moments library in real Chromium', () => {
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
    // Empty, it says how to save, with the save shortcut as the browser has it (not a key written into the page).
    const shortcut = await libraryB.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> } } }).chrome;
      return (await api.commands.getAll()).find((c) => c.name === 'save-moment')?.shortcut ?? '';
    });
    expect(shortcut.length).toBeGreaterThan(0);
    expect(await until(() => libraryB.locator('.status').textContent(), (t) => !!t?.includes(shortcut))).toContain(`or ${shortcut} while listening`);
    await libraryB.locator('input[data-import]').setInputFiles({ name: 'moments.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await libraryB.waitForSelector('.toast');
    expect(await libraryB.locator('.toast').textContent()).toContain(`${before.length} new`);
    expect(await storedMoments(b.context)).toEqual(before);
    expect(await libraryB.locator('[data-moment-time]').count()).toBe(before.filter((m) => !m.deleted).length);
  });
});

/** Moments as the library page lists them: where each starts and, for a range, ends. */
const libraryMoments = (library: Page) =>
  library.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-moment-time]')].map((li) => [Number(li.dataset.momentTime), li.dataset.momentEnd === undefined ? null : Number(li.dataset.momentEnd)]),
  );
/** The bar's moment markers: start and, for a range, end. */
const barMoments = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('#progressbar [data-earmark-moment]')].map((m) => [Number(m.dataset.start), m.hasAttribute('data-moment-end') ? Number(m.getAttribute('data-moment-end')) : null]),
  );

async function openLibrary(session: Session): Promise<Page> {
  const worker = await serviceWorker(session.context);
  const library = await session.open(`chrome-extension://${new URL(worker.url()).host}/moments.html`);
  await library.waitForSelector('main');
  return library;
}

/** Everything Earmark keeps in the browser's sync area (the chunks and their meta item). */
async function syncItems(context: BrowserContext): Promise<Record<string, unknown>> {
  const worker = await serviceWorker(context);
  return worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { sync: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.sync.get(null));
}

describe.skipIf(skip)('ranges in real Chromium', () => {
  const profile = mkdtempSync(join(tmpdir(), 'earmark-ranges-'));
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it('"save the last 30 s" from the panel: a band on the bar, a range in the library, after a restart and in another browser through sync', async () => {
    let session = await startSession({ profile });
    onTestFinished(() => session.close().catch(() => undefined));
    let page = await openEpisode(session);
    await page.locator('earmark-panel button[data-start="405"]').click();
    await until(() => page.evaluate(() => document.querySelector<HTMLAudioElement>('audio')!.currentTime), (t) => t >= 405);
    await page.evaluate(() => document.querySelector<HTMLAudioElement>('audio')!.pause());
    const now = await page.evaluate(() => document.querySelector<HTMLAudioElement>('audio')!.currentTime);
    await page.locator('earmark-panel button[data-action="save-last"]').click();
    const shown = await until(
      () => page.evaluate(() => [...(document.querySelector('earmark-panel')?.shadowRoot?.querySelectorAll<HTMLElement>('[data-moment-end]') ?? [])].map((li) => [Number(li.dataset.momentTime), Number(li.dataset.momentEnd)])),
      (v) => v.length === 1,
    );
    const [[start, end]] = shown as [[number, number]];
    // The default length, ending where the listener was.
    expect(end).toBeCloseTo(now, 0);
    expect(end - start).toBeCloseTo(30, 0);
    expect(await until(() => barMoments(page), (v) => v.length === 1)).toEqual([[start, end]]);
    // A band as wide as the range: 30 s of the player's length, on its own bar.
    const widths = await page.evaluate(() => {
      const band = document.querySelector<HTMLElement>('#progressbar [data-earmark-moment]')!;
      return [band.getBoundingClientRect().width, band.parentElement!.getBoundingClientRect().width, document.querySelector<HTMLAudioElement>('audio')!.duration];
    });
    expect(widths[0]! / widths[1]!).toBeCloseTo(30 / widths[2]!, 2);

    let library = await openLibrary(session);
    expect(await until(() => libraryMoments(library), (v) => v.length === 1)).toEqual([[start, end]]);
    // Sync on, from the library: the copy in storage.sync holds the range.
    await library.locator('input[data-sync]').check();
    const items = await until(() => syncItems(session.context), (v) => Object.keys(v).length > 1);
    await session.close();

    session = await startSession({ profile });
    onTestFinished(() => session.close().catch(() => undefined));
    page = await openEpisode(session);
    expect(await until(() => barMoments(page), (v) => v.length === 1)).toEqual([[start, end]]);
    library = await openLibrary(session);
    expect(await until(() => libraryMoments(library), (v) => v.length === 1)).toEqual([[start, end]]);
    await session.close();

    // Another browser, sync on: the browser's sync engine brings it the copy (written here as it would be).
    const other = await startSession();
    onTestFinished(() => other.close().catch(() => undefined));
    const otherLibrary = await openLibrary(other);
    await otherLibrary.locator('input[data-sync]').check();
    const otherWorker = await serviceWorker(other.context);
    await otherWorker.evaluate((copy) => (globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }).chrome.storage.sync.set(copy), items);
    expect(await until(() => libraryMoments(otherLibrary), (v) => v.length === 1)).toEqual([[start, end]]);
    const stored = (await storedMoments(other.context)) as unknown as Array<{ time: number; start?: number; end?: number }>;
    expect(stored).toEqual([expect.objectContaining({ time: start, start, end })]);
    // And on that browser's player page, the same band.
    const otherPage = await openEpisode(other);
    expect(await until(() => barMoments(otherPage), (v) => v.length === 1)).toEqual([[start, end]]);
    await other.close();
  });
});

describe.skipIf(skip)('start/stop with the save command in real Chromium', () => {
  it('the command’s first press saves a point, the second makes it a range ending there', async () => {
    const session = await startSession();
    onTestFinished(() => session.close().catch(() => undefined));
    const page = await openEpisode(session);
    const worker = await serviceWorker(session.context);
    /** What the background sends for the save-moment command (its keyboard shortcut cannot be pressed here). */
    const press = () =>
      worker.evaluate(async () => {
        const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>>; sendMessage(id: number, m: object): Promise<unknown> } } }).chrome;
        const answers = await Promise.all((await chrome.tabs.query({})).map((t) => chrome.tabs.sendMessage(t.id, { type: 'earmark:save-here', command: true }).catch(() => undefined)));
        return answers.find((a) => a !== undefined) as { time: number; end?: number } | undefined;
      });
    const at = (t: number) =>
      page.evaluate(
        (time) =>
          new Promise<void>((resolve) => {
            const el = document.querySelector<HTMLAudioElement>('audio#audioplayer')!;
            const go = () => {
              el.currentTime = time;
              el.addEventListener('seeked', () => resolve(), { once: true });
            };
            if (el.readyState >= 1) go();
            else (el.addEventListener('loadedmetadata', go, { once: true }), el.load());
          }),
        t,
      );
    await at(100);
    expect(await press()).toMatchObject({ time: 100 });
    expect(await page.locator('earmark-panel .toast').textContent()).toContain('press the save shortcut again');
    await at(142);
    expect(await press()).toMatchObject({ time: 100, end: 142 });
    const stored = (await storedMoments(session.context)) as unknown as Array<{ time: number; end?: number }>;
    expect(stored).toEqual([expect.objectContaining({ time: 100, start: 100, end: 142 })]);
    expect(await until(() => barMoments(page), (v) => v.length === 1 && v[0]![1] !== null)).toEqual([[100, 142]]);
  });
});

describe.skipIf(skip)('"Copy link" and "Copy as text" in real Chromium', () => {
  /** Saves the moment at `seconds` from the panel, then presses one of its copy buttons; the clipboard's text. */
  async function copyFromPanel(session: Session, url: string, media: string, seconds: number, action: 'copy-link' | 'copy-text'): Promise<string> {
    const page = await session.open(url);
    await earmarkStatus(page);
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    await page.evaluate(
      ([sel, t]) =>
        new Promise<void>((resolve) => {
          const el = document.querySelector<HTMLMediaElement>(sel as string)!;
          const go = () => {
            el.currentTime = t as number;
            el.addEventListener('seeked', () => resolve(), { once: true });
          };
          if (el.readyState >= 1) go();
          else {
            el.addEventListener('loadedmetadata', go, { once: true });
            el.load();
          }
        }),
      [media, seconds],
    );
    await page.locator('earmark-panel button[data-action="save-moment"]').click();
    // The moment just saved (the episode's list holds the earlier ones too).
    const item = page.locator(`earmark-panel [data-moment-time^="${seconds}"]`);
    await item.waitFor();
    await page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));
    await item.locator(`button[data-action="${action}"]`).click();
    const said = await until(() => page.locator('earmark-panel .copied').textContent(), (t) => !!t);
    expect(said).toBe(action === 'copy-link' ? 'Link copied.' : 'Copied as text.');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    await page.close();
    return text;
  }

  it('gives YouTube’s own t= link, Overcast’s own share link with timestamp, and the moment as one line of text', async () => {
    const session = await startSession();
    onTestFinished(() => session.close().catch(() => undefined));
    await session.serve('https://www.youtube.com/**', fixture('youtube/watch.html'));
    await session.serve('https://overcast.fm/**', fixture('overcast/episode.html'));
    expect(await copyFromPanel(session, 'https://www.youtube.com/watch?v=abcDEF12345', 'video', 754, 'copy-link')).toBe('https://www.youtube.com/watch?v=abcDEF12345&t=754s');
    expect(await copyFromPanel(session, EPISODE, 'audio#audioplayer', 754, 'copy-link')).toBe('https://overcast.fm/+AbCdEfGh1/12:34');
    expect(await copyFromPanel(session, EPISODE, 'audio#audioplayer', 1200, 'copy-text')).toBe(
      '“The ferryman\'s logbook” (The Tiny Harbour) at 20:00 — https://overcast.fm/+AbCdEfGh1/20:00',
    );
  });
});
