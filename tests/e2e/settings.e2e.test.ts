// The listener's settings in real Chromium: each one reaches an open player tab at once, "only when I ask" leaves
// a page alone until the toolbar button, settings survive a browser restart, and a corrupt stored value costs only
// its bad fields.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { e2eUnavailable, extensionPath, gateE2e, earmarkStatus, fixture, openPopup, serviceWorker, startSession, until, type Session } from './harness';

const skip = gateE2e('Chromium', e2eUnavailable());

const EPISODE = 'https://overcast.fm/+AbCdEfGh1';
const CHAPTER_MARKERS = 5;

async function openEpisode(session: Session, wait = true): Promise<Page> {
  await session.serve('https://overcast.fm/**', fixture('overcast/episode.html'));
  const page = await session.open(EPISODE);
  if (wait) await earmarkStatus(page);
  return page;
}

async function extensionOrigin(context: BrowserContext): Promise<string> {
  // chrome-extension://<id>: Node's URL gives such an origin as "null".
  return (await serviceWorker(context)).url().split('/').slice(0, 3).join('/');
}

async function openOptions(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${await extensionOrigin(context)}/options.html`);
  await page.locator('input[data-setting="noteLinks"]').waitFor();
  return page;
}

/** What Earmark has put on the player page right now. */
const onPage = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('earmark-panel')?.shadowRoot;
    return {
      panel: document.querySelectorAll('earmark-panel').length,
      chapters: root?.querySelectorAll('button[data-start]').length ?? 0,
      guests: root?.querySelectorAll('[data-guest]').length ?? 0,
      collapsed: root?.querySelector('button.toggle')?.getAttribute('aria-expanded') === 'false',
      chapterMarkers: document.querySelectorAll('#progressbar [data-earmark-marker]').length,
      momentMarkers: document.querySelectorAll('#progressbar [data-earmark-moment]').length,
      links: document.querySelectorAll('a[data-earmark-seek]').length,
      marked: document.documentElement.dataset.earmark,
    };
  });
type OnPage = Awaited<ReturnType<typeof onPage>>;

/** Sets a checkbox on the options page (a click, as a listener would) and waits for the page to say it saved. */
async function toggle(options: Page, selector: string, checked: boolean): Promise<void> {
  const box = options.locator(selector);
  if ((await box.isChecked()) === checked) return;
  await box.click();
  await until(() => box.isChecked(), (c) => c === checked);
  await options.locator('p[role="status"]', { hasText: 'Saved' }).waitFor();
}

/** Asks the tab's top frame for its status from the service worker (the popup would wake a waiting page). */
async function topStatus(context: BrowserContext, page: Page): Promise<{ waiting?: string; chapters: unknown[] } | undefined> {
  const worker = await serviceWorker(context);
  // Earmark may not read tabs' URLs (no "tabs" permission): the page's tab is found as the active one.
  await page.bringToFront();
  return worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: object, o: object): Promise<unknown> } } }).chrome;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id === undefined ? undefined : ((await chrome.tabs.sendMessage(tab.id, { type: 'earmark:status' }, { frameId: 0 }).catch(() => undefined)) as never);
  });
}

async function storage(context: BrowserContext): Promise<Record<string, unknown>> {
  const worker = await serviceWorker(context);
  return worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get());
}

describe.skipIf(skip)('settings in real Chromium', () => {
  it('each setting changes an open player tab at once, and back, without a reload', async () => {
    const session = await startSession();
    onTestFinished(() => session.close().catch(() => undefined));
    const page = await openEpisode(session);
    // A saved moment, for the moment-marker switch.
    await page.locator('earmark-panel button[data-action="save-moment"]').click();
    const before = await until(() => onPage(page), (s) => s.momentMarkers === 1);
    expect(before).toMatchObject({ panel: 1, chapterMarkers: CHAPTER_MARKERS, momentMarkers: 1, guests: 1, collapsed: false });
    expect(before.links).toBeGreaterThan(0);
    const options = await openOptions(session.context);
    // No reload: the page's own state survives every switch.
    await page.evaluate(() => ((window as unknown as { survives: number }).survives = 42));

    const cases: Array<[string, (s: OnPage) => boolean]> = [
      ['input[data-setting="chapterMarkers"]', (s) => s.chapterMarkers === 0 && s.momentMarkers === 1],
      ['input[data-setting="momentMarkers"]', (s) => s.momentMarkers === 0],
      ['input[data-setting="noteLinks"]', (s) => s.links === 0 && s.chapters > 0],
      ['input[data-setting="guestCards"]', (s) => s.guests === 0 && s.chapters > 0],
    ];
    for (const [selector, off] of cases) {
      await toggle(options, selector, false);
      expect(off(await until(() => onPage(page), off)), selector).toBe(true);
    }
    for (const [selector] of cases) await toggle(options, selector, true);
    expect(await until(() => onPage(page), (s) => s.chapterMarkers === CHAPTER_MARKERS && s.momentMarkers === 1 && s.guests === 1 && s.links === before.links)).toMatchObject({
      chapterMarkers: CHAPTER_MARKERS,
      momentMarkers: 1,
      guests: 1,
      links: before.links,
    });

    // Every player's box has a name of its own (Transistor's own pages and its embedded player are two players), and
    // the shortcuts are listed in the order the manifest declares them.
    const names = (await options.locator('.players label').allTextContents()).map((n) => n.trim());
    expect(names.length).toBeGreaterThan(5);
    expect(new Set(names).size).toBe(names.length);
    const shortcuts = await options.locator('.shortcuts li').allTextContents();
    const manifest = JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')) as { commands: Record<string, { description?: string }> };
    const declared = Object.values(manifest.commands).flatMap((c) => (c.description ? [c.description] : []));
    expect(shortcuts.map((s) => s.slice(0, s.lastIndexOf(':')))).toEqual(declared);

    await toggle(options, 'input[data-setting="panelCollapsed"]', true);
    expect((await until(() => onPage(page), (s) => s.collapsed)).collapsed).toBe(true);
    await toggle(options, 'input[data-setting="panelCollapsed"]', false);
    expect((await until(() => onPage(page), (s) => !s.collapsed && s.chapters > 0)).collapsed).toBe(false);

    // Earmark off for Overcast: everything it added goes; on again: it all comes back.
    await toggle(options, 'input[data-player="overcast"]', false);
    const off = await until(() => onPage(page), (s) => s.panel === 0 && s.chapterMarkers === 0 && s.links === 0);
    expect(off).toMatchObject({ panel: 0, chapterMarkers: 0, momentMarkers: 0, links: 0, marked: undefined });
    expect((await topStatus(session.context, page))?.waiting).toBe('off');
    await toggle(options, 'input[data-player="overcast"]', true);
    expect(await until(() => onPage(page), (s) => s.panel === 1 && s.chapterMarkers === CHAPTER_MARKERS)).toMatchObject({ panel: 1, chapterMarkers: CHAPTER_MARKERS });
    expect(await page.evaluate(() => (window as unknown as { survives?: number }).survives)).toBe(42);
  });

  it('“only when I ask” leaves a player page untouched until the toolbar button is pressed there', async () => {
    const session = await startSession();
    onTestFinished(() => session.close().catch(() => undefined));
    const options = await openOptions(session.context);
    await toggle(options, 'input[data-setting="onlyWhenAsked"]', true);
    const page = await openEpisode(session, false);
    // The content script is there, and says it waits (asked from the service worker, not the popup).
    expect((await until(() => topStatus(session.context, page), (s) => s !== undefined))?.waiting).toBe('ask');
    expect(await onPage(page)).toMatchObject({ panel: 0, chapterMarkers: 0, links: 0, marked: undefined });
    expect(await page.evaluate(() => document.querySelectorAll('[data-earmark-seek], [data-earmark-marker], earmark-panel').length)).toBe(0);

    // The toolbar button: the popup opens, Earmark starts on this page, and the popup lists its chapters.
    const popup = await openPopup(session.context, page);
    const listed = await until(() => popup.evaluate<number>('document.querySelectorAll("button[data-start]").length'), (n) => n > 0);
    const started = await until(() => onPage(page), (s) => s.panel === 1 && s.chapterMarkers === CHAPTER_MARKERS);
    expect(started).toMatchObject({ panel: 1, chapterMarkers: CHAPTER_MARKERS });
    expect(listed).toBe(started.chapters);

    // Another tab stays idle: the button was pressed on this one only.
    const other = await openEpisode(session, false);
    expect((await until(() => topStatus(session.context, other), (s) => s !== undefined))?.waiting).toBe('ask');
    expect((await onPage(other)).panel).toBe(0);
  });

  describe('stored settings', () => {
    const profile = mkdtempSync(join(tmpdir(), 'earmark-settings-'));
    afterAll(() => rmSync(profile, { recursive: true, force: true }));

    it('survive a browser restart; a corrupt value falls back to defaults field by field, and nothing else is lost', async () => {
      let session = await startSession({ profile });
      onTestFinished(() => session.close().catch(() => undefined));
      let options = await openOptions(session.context);
      await toggle(options, 'input[data-setting="noteLinks"]', false);
      await toggle(options, 'input[data-setting="chapterMarkers"]', false);
      let page = await openEpisode(session);
      await page.locator('earmark-panel button[data-action="save-moment"]').click();
      await until(() => storage(session.context), (s) => Array.isArray(s.moments) && s.moments.length === 1);
      await session.close();

      session = await startSession({ profile });
      onTestFinished(() => session.close().catch(() => undefined));
      options = await openOptions(session.context);
      expect(await options.locator('input[data-setting="noteLinks"]').isChecked()).toBe(false);
      expect(await options.locator('input[data-setting="chapterMarkers"]').isChecked()).toBe(false);
      page = await openEpisode(session);
      expect(await until(() => onPage(page), (s) => s.chapters > 0)).toMatchObject({ links: 0, chapterMarkers: 0, momentMarkers: 1 });

      // A hand-edited or half-synced value: chapterMarkers is still valid, the rest is not.
      const worker = await serviceWorker(session.context);
      await worker.evaluate(() =>
        (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
          settings: { chapterMarkers: false, noteLinks: 'yes', disabledPlayers: 42, panelCollapsed: null, saveLastSeconds: -3 },
        }),
      );
      // The open tab follows: note links back (their default), chapter markers still off.
      expect(await until(() => onPage(page), (s) => s.links > 0 && s.momentMarkers === 1)).toMatchObject({ chapterMarkers: 0, momentMarkers: 1, panel: 1 });
      await options.reload();
      await options.locator('input[data-setting="noteLinks"]').waitFor();
      expect(await options.locator('input[data-setting="noteLinks"]').isChecked()).toBe(true);
      expect(await options.locator('input[data-setting="chapterMarkers"]').isChecked()).toBe(false);
      expect(await options.locator('input[data-setting="saveLastSeconds"]').inputValue()).toBe('30');
      expect(await options.locator('input[data-player="overcast"]').isChecked()).toBe(true);

      // Not even an object: every field at its default, and the saved moment is still there.
      await worker.evaluate(() =>
        (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ settings: '}{' }),
      );
      expect(await until(() => onPage(page), (s) => s.chapterMarkers === CHAPTER_MARKERS && s.momentMarkers === 1)).toMatchObject({ chapterMarkers: CHAPTER_MARKERS, momentMarkers: 1 });
      const stored = await storage(session.context);
      expect(stored.moments).toHaveLength(1);
      await session.close();
    });
  });
});
