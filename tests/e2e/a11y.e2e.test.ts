// Accessibility of Earmark's own UI in real Chromium (issue 17): axe-core over the chapter panel (in its shadow root),
// the guests card, the toolbar popup, the library and the options page in light and dark; every control reached with
// Tab, shown with a focus ring and worked with Enter or Space; Escape closing what opens; the current chapter said
// politely when it changes; and no motion when the listener asks for less.
//
// axe-core is the plain library evaluated into each document, not @axe-core/playwright: the popup is not a
// Playwright Page (it is reached through raw DevTools protocol messages, see openPopup), so only a script evaluated
// in it can audit it, and one way for every surface keeps the counts comparable.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { e2eUnavailable, earmarkStatus, fixture, gateE2e, openPopup, serviceWorker, startSession, until, type PopupHandle, type Session } from './harness';

const skip = gateE2e('Chromium', e2eUnavailable());

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const EPISODE = 'https://overcast.fm/+AbCdEfGh1';
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;

/** What one axe run found, made small in the page (the full result holds every node's HTML). */
interface Audit {
  violations: Array<{ id: string; impact: string; nodes: number; where: string[]; why: string }>;
  /** Nodes that passed a rule, and how many of them sit inside a shadow root (axe gives those a nested target). */
  passed: number;
  passedInShadow: number;
}

/** Runs axe over `context` (an axe context object, as JSON) in whatever document evaluates it. */
const auditScript = (context: unknown) => `(async () => {
  const result = await axe.run(${JSON.stringify(context)}, {});
  const passedNodes = result.passes.flatMap((rule) => rule.nodes);
  return {
    violations: result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'minor',
      nodes: v.nodes.length,
      where: v.nodes.slice(0, 4).map((n) => JSON.stringify(n.target)),
      why: (v.nodes[0]?.failureSummary ?? '').replace(/\\s+/g, ' ').slice(0, 240),
    })),
    passed: passedNodes.length,
    passedInShadow: passedNodes.filter((n) => n.target.some((t) => Array.isArray(t))).length,
  };
})()`;

/**
 * Helpers installed in a document under test (page or popup), so the same code runs in both: the focused element
 * through shadow roots, the controls a listener can reach, and whether focus is shown.
 */
const HELPERS = `window.__a11y = {
  active() {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a;
  },
  controls(root) {
    return [...root.querySelectorAll('button, a[href], input, select, textarea, summary, [tabindex]')].filter(
      (e) => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0,
    );
  },
  ringShown(e) {
    const s = getComputedStyle(e);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  },
  list: [],
  remember(root) { this.list = this.controls(root); return this.list.map((e) => this.describe(e)); },
  describe(e) { return e ? (e.tagName.toLowerCase() + ' ' + (e.getAttribute('aria-label') || e.textContent || e.getAttribute('type') || '').trim().slice(0, 40)) : 'nothing'; },
  step() {
    const a = this.active();
    return { index: this.list.indexOf(a), what: this.describe(a), focusVisible: !!(a && a.matches(':focus-visible')), ring: !!(a && this.ringShown(a)) };
  },
  is(selector) { const a = this.active(); return !!(a && a.matches(selector)); },
};`;

interface Step {
  index: number;
  what: string;
  focusVisible: boolean;
  ring: boolean;
}

/** One way to press keys and read the document, for a Playwright page and for the popup alike. */
interface Driver {
  evaluate<T>(expression: string): Promise<T>;
  press(key: 'Tab' | 'Enter' | ' ' | 'Escape'): Promise<void>;
}

const pageDriver = (page: Page): Driver => ({
  evaluate: (expression) => page.evaluate(expression),
  press: (key) => page.keyboard.press(key === ' ' ? 'Space' : key),
});

/** Real key events in the popup (the DevTools protocol's input domain: the same path as a key on the keyboard). */
const KEYS = { Tab: ['Tab', 9, ''], Enter: ['Enter', 13, '\r'], ' ': ['Space', 32, ' '], Escape: ['Escape', 27, ''] } as const;
const popupDriver = (popup: PopupHandle): Driver => ({
  evaluate: (expression) => popup.evaluate(expression),
  async press(key) {
    const [code, keyCode, text] = KEYS[key];
    const down = popup.send('Input.dispatchKeyEvent', { type: text ? 'keyDown' : 'rawKeyDown', key, code, windowsVirtualKeyCode: keyCode, ...(text ? { text, unmodifiedText: text } : {}) });
    const up = popup.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: keyCode });
    // Escape may close the popup on its key-down, and a closed popup answers nothing: the caller checks the popup is
    // gone instead (the protocol handles one session's messages in order, so the key-up still follows the key-down).
    if (key === 'Escape') {
      down.catch(() => undefined);
      up.catch(() => undefined);
      return;
    }
    await down;
    await up;
  },
});

/**
 * Presses Tab until every control `rootExpression` holds has had focus (or `limit` presses), and returns what each
 * press focused. Controls are listed before the walk, so one that Tab skips shows up as missing.
 */
async function tabWalk(driver: Driver, rootExpression: string, limit = 120): Promise<{ controls: string[]; steps: Step[] }> {
  await driver.evaluate(HELPERS);
  const controls = await driver.evaluate<string[]>(`window.__a11y.remember(${rootExpression})`);
  const steps: Step[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < limit && seen.size < controls.length; i++) {
    await driver.press('Tab');
    const step = await driver.evaluate<Step>('window.__a11y.step()');
    steps.push(step);
    if (step.index >= 0) seen.add(step.index);
  }
  return { controls, steps };
}

/** Checks a walk: each control reached, and each shown with a focus indicator when it was. */
function expectEveryControlReached({ controls, steps }: { controls: string[]; steps: Step[] }) {
  expect(controls.length).toBeGreaterThan(0);
  const reached = new Set(steps.filter((s) => s.index >= 0).map((s) => s.index));
  expect(controls.filter((_, i) => !reached.has(i))).toEqual([]);
  const unringed = steps.filter((s) => s.index >= 0 && !(s.focusVisible && s.ring)).map((s) => s.what);
  expect(unringed).toEqual([]);
}

/** Presses Tab until the focused element matches `selector` (matched through shadow roots); fails after `limit`. */
async function tabTo(driver: Driver, selector: string, limit = 80): Promise<void> {
  await driver.evaluate(HELPERS);
  for (let i = 0; i < limit; i++) {
    await driver.press('Tab');
    if (await driver.evaluate<boolean>(`window.__a11y.is(${JSON.stringify(selector)})`)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focusedMatches = (driver: Driver, selector: string) => driver.evaluate<boolean>(`${HELPERS}\nwindow.__a11y.is(${JSON.stringify(selector)})`);

const audioTime = (page: Page) => page.evaluate(() => document.querySelector<HTMLAudioElement>('audio#audioplayer')!.currentTime);

describe.skipIf(skip)('accessibility in real Chromium', () => {
  let session: Session;
  let origin: string;
  const table: string[] = [];

  /** A player page with the panel (and its guest card) on it, in `scheme` from the first paint. */
  async function openEpisode(scheme: Scheme = 'light', reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<Page> {
    const page = await session.context.newPage();
    // Before the page loads: the panel takes the page's scheme when it mounts.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion });
    await page.goto(EPISODE);
    expect(await earmarkStatus(page)).toBe('ready');
    await page.locator('earmark-panel article.guest').first().waitFor();
    return page;
  }

  async function openExtensionPage(path: 'moments.html' | 'options.html', scheme: Scheme = 'light', reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<Page> {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme, reducedMotion });
    await page.goto(`${origin}/${path}`);
    await page.locator(path === 'moments.html' ? 'li[data-moment-time]' : 'input[data-setting="noteLinks"]').first().waitFor();
    return page;
  }

  /** The popup over `page`, in `scheme`, once it lists the episode's chapters. */
  async function openPopupOver(page: Page, scheme: Scheme = 'light', reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<PopupHandle> {
    const popup = await openPopup(session.context, page);
    await popup.send('Emulation.setEmulatedMedia', {
      features: [
        { name: 'prefers-color-scheme', value: scheme },
        { name: 'prefers-reduced-motion', value: reducedMotion },
      ],
    });
    // A popup is focused while open; headless has no window focus to give it, so the protocol says it is.
    await popup.send('Emulation.setFocusEmulationEnabled', { enabled: true });
    expect(await until(() => popup.evaluate<number>(`document.querySelectorAll('button[data-start]').length`), (n) => n > 0)).toBeGreaterThan(0);
    return popup;
  }

  const record = (surface: string, scheme: Scheme, audit: Audit) => {
    const count = (impact: string) => audit.violations.filter((v) => v.impact === impact).reduce((n, v) => n + v.nodes, 0);
    table.push(`${surface.padEnd(12)} ${scheme.padEnd(6)} ${IMPACTS.map((i) => String(count(i)).padStart(9)).join('')} ${String(audit.passed).padStart(8)}`);
  };
  const serious = (audit: Audit) => audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

  beforeAll(async () => {
    session = await startSession();
    await session.serve('https://overcast.fm/**', fixture('overcast/episode.html'));
    origin = (await serviceWorker(session.context)).url().split('/').slice(0, 3).join('/');
    // One saved moment, so the panel's moment list and the library have something to show.
    const page = await openEpisode();
    await page.locator('earmark-panel button[data-action="save-moment"]').click();
    await page.locator('earmark-panel li[data-moment-time]').first().waitFor();
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
    if (table.length) {
      console.log(
        `\naxe-core ${JSON.parse(readFileSync(createRequire(import.meta.url).resolve('axe-core/package.json'), 'utf8')).version}: violating nodes by impact\n` +
          `${'surface'.padEnd(12)} ${'scheme'.padEnd(6)} ${IMPACTS.map((i) => i.padStart(9)).join('')} ${'passed'.padStart(8)}\n${table.join('\n')}\n`,
      );
    }
  });

  describe.each(SCHEMES)('axe-core, %s', (scheme) => {
    it('the chapter panel and its guests card, audited inside the shadow root', async () => {
      const page = await openEpisode(scheme);
      // "Why we think so" open, so its list is audited too.
      await page.locator('earmark-panel article.guest summary').first().click();
      await page.evaluate(AXE_SOURCE);
      const panel = await page.evaluate<Audit>(auditScript({ include: { fromShadowDom: ['earmark-panel', 'section.panel'] } }));
      const card = await page.evaluate<Audit>(auditScript({ include: { fromShadowDom: ['earmark-panel', 'article.guest'] } }));
      record('panel', scheme, panel);
      record('guests card', scheme, card);
      // axe's older nested-array form ([['earmark-panel', 'section.panel']]) selects nothing here and passes with no
      // node checked; fromShadowDom reaches into the shadow root. The shadow content was really audited: nodes inside the shadow root passed rules (contrast among them).
      expect(panel.passedInShadow).toBeGreaterThan(10);
      expect(card.passedInShadow).toBeGreaterThan(0);
      // The panel took the scheme asked for (it follows the page, which follows the media query here).
      expect(await page.evaluate(() => document.querySelector('earmark-panel')!.shadowRoot!.querySelector('section.panel')!.className)).toContain(scheme);
      expect(serious(panel)).toEqual([]);
      expect(serious(card)).toEqual([]);
      await page.close();
    });

    it('the toolbar popup', async () => {
      const page = await openEpisode(scheme);
      const popup = await openPopupOver(page, scheme);
      expect(await popup.evaluate<boolean>(`matchMedia('(prefers-color-scheme: ${scheme})').matches`)).toBe(true);
      await popup.evaluate(`${AXE_SOURCE};0`);
      const audit = await popup.evaluate<Audit>(auditScript({ include: [['body']] }));
      record('popup', scheme, audit);
      expect(audit.passed).toBeGreaterThan(10);
      expect(serious(audit)).toEqual([]);
      await page.close();
    });

    it.each([
      ['library', 'moments.html'],
      ['options', 'options.html'],
    ] as const)('the %s page', async (name, path) => {
      const page = await openExtensionPage(path, scheme);
      await page.evaluate(AXE_SOURCE);
      const audit = await page.evaluate<Audit>(auditScript({ include: [['body']] }));
      record(name, scheme, audit);
      expect(audit.passed).toBeGreaterThan(10);
      expect(serious(audit)).toEqual([]);
      await page.close();
    });
  });

  describe('keyboard', () => {
    it('the panel: every control by Tab with a focus ring; chapters seek, save, undo and Escape by keys', async () => {
      const page = await openEpisode();
      await page.locator('earmark-panel article.guest summary').first().waitFor();
      const keys = pageDriver(page);
      expectEveryControlReached(await tabWalk(keys, `document.querySelector('earmark-panel').shadowRoot`));

      // Chapters seek with Enter and with Space.
      await tabTo(keys, 'button[data-start="750"]');
      await keys.press('Enter');
      expect(await until(() => audioTime(page), (t) => t >= 750 && t < 760)).toBeGreaterThanOrEqual(750);
      await tabTo(keys, 'button[data-start="1145"]');
      await keys.press(' ');
      expect(await until(() => audioTime(page), (t) => t >= 1145 && t < 1155)).toBeGreaterThanOrEqual(1145);
      await page.evaluate(() => document.querySelector<HTMLAudioElement>('audio#audioplayer')!.pause());
      // Escape in the chapter list folds it, with focus back on the button that opens it; Enter opens it again.
      await keys.press('Escape');
      expect(await until(() => page.locator('earmark-panel ol.chapters').count(), (n) => n === 0)).toBe(0);
      expect(await focusedMatches(keys, 'button.toggle[aria-expanded="false"]')).toBe(true);
      await keys.press('Enter');
      expect(await until(() => page.locator('earmark-panel ol.chapters').count(), (n) => n === 1)).toBe(1);
      expect(await focusedMatches(keys, 'button.toggle[aria-expanded="true"]')).toBe(true);

      // Save with Enter: the toast comes with focus in its note field, so what is typed next is the note (on the save
      // button, its space and Enter would save again); Enter keeps it and gives focus back to the save button.
      const saved = () => page.locator('earmark-panel li[data-moment-time]').count();
      const before = await saved();
      await tabTo(keys, 'button[data-action="save-moment"]');
      await keys.press('Enter');
      await page.locator('earmark-panel [data-saved-moment]').waitFor();
      expect(await until(saved, (n) => n === before + 1)).toBe(before + 1);
      expect(await until(() => focusedMatches(keys, '.toast input'), (f) => f)).toBe(true);
      await page.keyboard.type('the keeper and the lamp');
      await keys.press('Enter');
      await page.locator('earmark-panel .toast').waitFor({ state: 'detached' });
      expect(await focusedMatches(keys, 'button[data-action="save-moment"]')).toBe(true);
      expect(await saved()).toBe(before + 1);
      // The note shows in the panel's list, beside its time and copy buttons (not squeezed to nothing by them).
      const note = page.locator('earmark-panel .moment-note', { hasText: 'the keeper and the lamp' });
      expect((await note.boundingBox())?.width ?? 0).toBeGreaterThan(60);
      for (const copy of await page.locator('earmark-panel .moment-copy').all()) expect((await copy.boundingBox())!.width).toBeLessThan(80);

      // Saved again from the button, a few seconds on (at the same second the moment saved before is the answer): Undo (Space, reached back from the note field) swaps for "Put it back" with focus
      // on it; Enter puts it back.
      await page.evaluate(() => (document.querySelector<HTMLAudioElement>('audio#audioplayer')!.currentTime += 5));
      await keys.press('Enter');
      expect(await until(saved, (n) => n === before + 2)).toBe(before + 2);
      expect(await until(() => focusedMatches(keys, '.toast input'), (f) => f)).toBe(true);
      await page.keyboard.press('Shift+Tab');
      expect(await focusedMatches(keys, 'button[data-action="undo-save"]')).toBe(true);
      await keys.press(' ');
      expect(await until(saved, (n) => n === before + 1)).toBe(before + 1);
      expect(await until(() => focusedMatches(keys, '.toast button'), (f) => f)).toBe(true);
      expect(await page.locator('earmark-panel .toast').textContent()).toContain('Removed');
      await keys.press('Enter');
      expect(await until(saved, (n) => n === before + 2)).toBe(before + 2);
      expect(await until(() => focusedMatches(keys, 'button[data-action="undo-save"]'), (f) => f)).toBe(true);
      // Escape closes the toast from its button, and focus goes back to the save button.
      await keys.press('Escape');
      await page.locator('earmark-panel .toast').waitFor({ state: 'detached' });
      expect(await focusedMatches(keys, 'button[data-action="save-moment"]')).toBe(true);

      // Delete from the panel's list with Enter: focus stays in the list rather than falling to the page.
      const times = await page.locator('earmark-panel li[data-moment-time]').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.momentTime!));
      const newest = times.find((t) => Number(t) >= 1145)!;
      await tabTo(keys, `li[data-moment-time="${newest}"] .moment-delete`);
      await keys.press('Enter');
      expect(await until(saved, (n) => n === before + 1)).toBe(before + 1);
      expect(await until(() => focusedMatches(keys, '.moment-time, button[data-action="save-moment"]'), (f) => f)).toBe(true);
      await page.close();
    });

    it('the popup: every control by Tab with a focus ring; a chapter seeks with Enter, Space saves, Escape closes', async () => {
      const page = await openEpisode();
      const popup = await openPopupOver(page);
      const keys = popupDriver(popup);
      expectEveryControlReached(await tabWalk(keys, 'document'));
      await tabTo(keys, 'button[data-start="405"]');
      await keys.press('Enter');
      expect(await until(() => audioTime(page), (t) => t >= 405 && t < 415)).toBeGreaterThanOrEqual(405);
      await tabTo(keys, 'button[data-action="save-moment"]');
      await keys.press(' ');
      expect(await until(() => popup.evaluate<string>(`document.querySelector('p[role="status"]')?.textContent ?? ''`), (t) => t.startsWith('Saved'))).toMatch(/^Saved/);
      await keys.press('Escape');
      expect(await until(() => popupOpen(page), (open) => !open)).toBe(false);
      await page.close();
    });

    it('the library: every control by Tab with a focus ring; export with Enter, delete and undo by keys, Escape', async () => {
      const page = await openExtensionPage('moments.html');
      const keys = pageDriver(page);
      expectEveryControlReached(await tabWalk(keys, 'document'));
      await tabTo(keys, 'button[data-export="md"]');
      const download = page.waitForEvent('download');
      await keys.press('Enter');
      expect((await download).suggestedFilename()).toMatch(/^earmark-moments-.*\.md$/);

      const rows = () => page.locator('li[data-moment-time]').count();
      const before = await rows();
      await tabTo(keys, 'li[data-moment-id] button[aria-label^="Delete"]');
      const id = await page.evaluate(() => document.activeElement!.closest('li')!.dataset.momentId!);
      await keys.press('Enter');
      expect(await until(rows, (n) => n === before - 1)).toBe(before - 1);
      // Focus went to the toast's Undo: Space undoes, and focus lands on the moment put back.
      expect(await until(() => focusedMatches(keys, '.toast button'), (f) => f)).toBe(true);
      await keys.press(' ');
      expect(await until(rows, (n) => n === before)).toBe(before);
      expect(await until(() => focusedMatches(keys, `li[data-moment-id="${id}"] a.when`), (f) => f)).toBe(true);
      // Delete again; Escape dismisses the toast (the moment stays deleted).
      await tabTo(keys, `li[data-moment-id="${id}"] button[aria-label^="Delete"]`);
      await keys.press(' ');
      await page.locator('.toast').waitFor();
      await keys.press('Escape');
      await page.locator('.toast').waitFor({ state: 'detached' });
      expect(await rows()).toBe(before - 1);
      expect(await focusedMatches(keys, 'input[type="search"]')).toBe(true);
      await page.close();
    });

    it('the options page: every control by Tab with a focus ring; Space toggles a setting and it is saved', async () => {
      const page = await openExtensionPage('options.html');
      const keys = pageDriver(page);
      expectEveryControlReached(await tabWalk(keys, 'document'));
      const box = page.locator('input[data-setting="noteLinks"]');
      const was = await box.isChecked();
      await tabTo(keys, 'input[data-setting="noteLinks"]');
      await keys.press(' ');
      expect(await until(() => box.isChecked(), (c) => c !== was)).toBe(!was);
      await page.locator('p[role="status"]', { hasText: 'Saved' }).waitFor();
      // Stored, not only ticked: a fresh page shows it.
      await page.reload();
      expect(await until(() => page.locator('input[data-setting="noteLinks"]').isChecked(), (c) => c !== was)).toBe(!was);
      await tabTo(keys, 'input[data-setting="noteLinks"]');
      await keys.press(' ');
      expect(await until(() => page.locator('input[data-setting="noteLinks"]').isChecked(), (c) => c === was)).toBe(was);
      await page.locator('p[role="status"]', { hasText: 'Saved' }).waitFor();
      await page.close();
    });
  });

  describe('screen reader', () => {
    it('the panel is a labelled region of lists and named buttons, with a polite live region', async () => {
      const page = await openEpisode();
      const cdp = await session.context.newCDPSession(page);
      const tree = await accessibilityTree(cdp);
      const region = tree.find((n) => n.role === 'region' && n.name === 'Chapters');
      expect(region).toBeDefined();
      const inside = tree.filter((n) => n.ancestors.includes(region!.id));
      const buttons = inside.filter((n) => n.role === 'button');
      expect(buttons.length).toBeGreaterThan(5);
      expect(buttons.filter((b) => !b.name.trim())).toEqual([]);
      // The chapters and the saved moments are lists of list items.
      const lists = inside.filter((n) => n.role === 'list');
      expect(lists.length).toBeGreaterThanOrEqual(2);
      for (const list of lists) expect(inside.some((n) => n.role === 'listitem' && n.ancestors.includes(list.id))).toBe(true);
      expect(inside.filter((n) => n.live === 'polite').length).toBeGreaterThan(0);
      await cdp.detach();
      await page.close();
    });

    it('says the chapter when playback crosses into the next one, and not on every time update', async () => {
      const page = await openEpisode();
      const region = page.locator('earmark-panel [data-announce="chapter"]');
      expect(await region.getAttribute('aria-live')).toBe('polite');
      // Heard, not seen: it takes no room in the panel.
      expect(await region.evaluate((e) => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])).toEqual([1, 1]);
      // Loading the page says nothing.
      expect(await region.textContent()).toBe('');
      // A chapter click (which seeks and plays) is a change: it is said.
      await page.locator('earmark-panel button[data-start="750"]').click();
      expect(await until(() => region.textContent(), (t) => t !== '')).toBe('Chapter 3 of 5: Weather notes from 1911');
      // Every change to the region from now on, with the media time when it happened.
      await page.evaluate(() => {
        const w = window as unknown as { __said: Array<[number, string]> };
        w.__said = [];
        const live = document.querySelector('earmark-panel')!.shadowRoot!.querySelector('[data-announce="chapter"]')!;
        const audio = document.querySelector<HTMLAudioElement>('audio#audioplayer')!;
        new MutationObserver(() => w.__said.push([audio.currentTime, live.textContent ?? ''])).observe(live, { childList: true, characterData: true, subtree: true });
        // Later in the same chapter, a few seconds before the next: a seek that changes nothing to say.
        audio.currentTime = 1141;
      });
      await until(() => audioTime(page), (t) => t >= 1146.5, 20_000);
      await page.evaluate(() => document.querySelector<HTMLAudioElement>('audio#audioplayer')!.pause());
      const said = await page.evaluate(() => (window as unknown as { __said: Array<[number, string]> }).__said);
      // Seconds of time updates inside chapter 3 changed nothing; crossing 19:05 changed the text once.
      expect(said.map(([, text]) => text)).toEqual(['Chapter 4 of 5: The missing week']);
      expect(said[0]![0]).toBeGreaterThanOrEqual(1145 - 0.25);
      await page.close();
    });
  });

  describe('reduced motion', () => {
    /**
     * In the document `driver` drives, under `root`: every element's transition and animation durations and scroll
     * behaviour, and the same for a probe element given a transition, an animation and smooth scrolling, to show the
     * read would see motion where there is some.
     */
    const MOTION = (root: string) => `(() => {
      const root = ${root};
      const host = root.querySelector('ol, main, section') ?? root.body ?? root;
      const probe = document.createElement('div');
      probe.className = 'a11y-motion-probe';
      probe.style.cssText = 'transition: opacity 0.3s; animation: a11y-probe 2s infinite; scroll-behavior: smooth;';
      host.appendChild(probe);
      const seconds = (list) => list.split(',').map((d) => parseFloat(d));
      const moving = [...root.querySelectorAll('*')].filter((e) => {
        const s = getComputedStyle(e);
        return seconds(s.transitionDuration).some((d) => d > 0) || seconds(s.animationDuration).some((d) => d > 0) || s.scrollBehavior === 'smooth';
      });
      probe.remove();
      return moving.map((e) => e.className || e.tagName);
    })()`;

    it.each(['no-preference', 'reduce'] as const)('%s: no transition, animation or smooth scroll runs in any surface', async (reducedMotion) => {
      const page = await openEpisode('light', reducedMotion);
      const panel = await page.evaluate<string[]>(MOTION(`document.querySelector('earmark-panel').shadowRoot`));
      const popup = await openPopupOver(page, 'light', reducedMotion);
      const inPopup = await popup.evaluate<string[]>(MOTION('document'));
      const library = await openExtensionPage('moments.html', 'light', reducedMotion);
      const inLibrary = await library.evaluate<string[]>(MOTION('document'));
      const options = await openExtensionPage('options.html', 'light', reducedMotion);
      const inOptions = await options.evaluate<string[]>(MOTION('document'));
      // Without the preference only the probe moves (Earmark's own UI has no motion); with it, nothing does.
      const expected = reducedMotion === 'reduce' ? [] : ['a11y-motion-probe'];
      expect({ panel, popup: inPopup, library: inLibrary, options: inOptions }).toEqual({ panel: expected, popup: expected, library: expected, options: expected });
      await Promise.all([library.close(), options.close(), page.close()]);
    });
  });
});

/** Whether Earmark's popup is still open (its DevTools target is listed). */
async function popupOpen(page: Page): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ url: string; type: string }> };
  await cdp.detach();
  return targetInfos.some((t) => t.type === 'page' && /^chrome-extension:\/\/[^/]+\/popup\.html/.test(t.url));
}

interface AxNode {
  id: string;
  role: string;
  name: string;
  live?: string;
  /** Ids of every ancestor, nearest first. */
  ancestors: string[];
}

/** Chromium's accessibility tree for the page (what a screen reader is given), flattened with each node's ancestors. */
async function accessibilityTree(cdp: CDPSession): Promise<AxNode[]> {
  await cdp.send('Accessibility.enable');
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{ nodeId: string; parentId?: string; role?: { value: string }; name?: { value: string }; properties?: Array<{ name: string; value: { value: unknown } }> }>;
  };
  const parent = new Map(nodes.map((n) => [n.nodeId, n.parentId]));
  return nodes.map((n) => {
    const ancestors: string[] = [];
    for (let p = n.parentId; p; p = parent.get(p)) ancestors.push(p);
    const live = n.properties?.find((p) => p.name === 'live')?.value.value;
    return { id: n.nodeId, role: n.role?.value ?? '', name: n.name?.value ?? '', ...(typeof live === 'string' ? { live } : {}), ancestors };
  });
}
