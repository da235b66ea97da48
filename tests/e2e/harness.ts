/**
 * Real-browser test harness: Debian's Chromium (never a downloaded browser) driven by playwright-core, with the
 * built extension loaded and real player URLs answered from local fixture pages, so content scripts run exactly
 * as on the live sites. Media is a silent constant-bitrate MP3 made here, served with Range support so Chromium
 * reads its duration and seeks it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
export const extensionPath = join(repoRoot, '.output/chrome-mv3');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why e2e tests cannot run here, or undefined when they can. */
export function e2eUnavailable(): string | undefined {
  if (!existsSync(chromiumPath)) return `Chromium not found at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (!existsSync(join(extensionPath, 'manifest.json'))) return `no extension build at ${extensionPath} (run npm run build)`;
  return undefined;
}

/**
 * Skips a real-browser suite, with a message, when its browser or build is missing (`reason` from e2eUnavailable or
 * firefoxUnavailable); in CI (process.env.CI set) that is a failure instead: CI exists to run these tests, and a
 * silent skip there would pass without them. Returns whether to skip.
 */
export function gateE2e(browser: string, reason: string | undefined): boolean {
  if (reason === undefined) return false;
  if (process.env.CI) throw new Error(`[e2e] ${browser} tests cannot run in CI: ${reason}`);
  console.warn(`[e2e] SKIPPED (${browser}): ${reason}`);
  return true;
}

/** A fixture page by its path under tests/fixtures/players/ (`overcast/episode.html`), shared with the unit tests. */
export function fixture(name: string): string {
  return readFileSync(join(here, '../fixtures/players', name), 'utf8');
}

/** The host our fixtures load media from (routed; never reaches a network). */
export const MEDIA_ORIGIN = 'https://media.earmark.test';

/**
 * A silent MPEG-2 Layer III stream: the 36-byte frame FF F3 18 C0 + 32 zero bytes lasts 36 ms, so `seconds`
 * of audio is ceil(seconds / 0.036) frames.
 */
export function silentMp3(seconds: number): Buffer {
  const frame = Buffer.alloc(36);
  frame.set([0xff, 0xf3, 0x18, 0xc0]);
  const frames = Math.ceil(seconds / 0.036);
  const out = Buffer.alloc(frames * 36);
  for (let i = 0; i < frames; i++) frame.copy(out, i * 36);
  return out;
}

/** Answers a media request, honouring a Range header as a real file server would. */
export async function serveBytes(route: Route, bytes: Buffer, contentType = 'audio/mpeg'): Promise<void> {
  const range = /bytes=(\d*)-(\d*)/.exec(route.request().headers()['range'] ?? '');
  if (!range) {
    await route.fulfill({ status: 200, body: bytes, headers: { 'content-type': contentType, 'accept-ranges': 'bytes' } });
    return;
  }
  const start = range[1] ? Number(range[1]) : 0;
  const end = range[2] ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1;
  await route.fulfill({
    status: 206,
    body: bytes.subarray(start, end + 1),
    headers: {
      'content-type': contentType,
      'accept-ranges': 'bytes',
      'content-range': `bytes ${start}-${end}/${bytes.length}`,
    },
  });
}

export interface Session {
  context: BrowserContext;
  /** Serves `html` at every URL under `pattern` (a Playwright glob such as `https://overcast.fm/**`). */
  serve(pattern: string, html: string | ((url: URL) => string)): Promise<void>;
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension and no traffic of its own: this machine's network is closed, and the
 * browser's background connections would only fail (loudly) against it.
 */
export function chromiumArgs(extension = extensionPath): string[] {
  return [
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/** Media length the fixtures' chapters fit in (and a little more). */
export const MEDIA_SECONDS = 3700;

/**
 * `profile`: a profile directory to reuse (a browser restart); it is then left in place on close. `extension`: another
 * build than the production one (the feed e2e's, with its permission declared).
 */
export async function startSession(options: { profile?: string; extension?: string } = {}): Promise<Session> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'earmark-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      ...chromiumArgs(options.extension),
      '--no-sandbox',
      '--disable-gpu',
      // Tests press play through the page's own buttons; no user gesture should be needed for that.
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  const mp3 = silentMp3(MEDIA_SECONDS);
  await context.route(`${MEDIA_ORIGIN}/**`, (route) => serveBytes(route, mp3));
  // Anything else the fixtures might reference stays offline and answers at once.
  await context.route(/^https?:\/\/(?!media\.earmark\.test)[^/]*\.(?:test|invalid)\//, (route) => route.abort());
  return {
    context,
    async serve(pattern, html) {
      await context.route(pattern, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: typeof html === 'function' ? html(new URL(route.request().url())) : html,
        }),
      );
    },
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async close() {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until Earmark has finished with the page: `document.documentElement.dataset.earmark` is set. */
/** An init script that records every value `<html data-earmark>` takes (null when removed), in `window.__earmarkStatuses`. */
export const STATUS_LOG = `(() => {
  const log = (window.__earmarkStatuses = []);
  new MutationObserver(() => log.push(document.documentElement.dataset.earmark ?? null)).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-earmark'] });
})();`;

/** What STATUS_LOG recorded on `page`. */
export async function statusLog(page: Page): Promise<Array<string | null>> {
  return page.evaluate(() => (window as unknown as { __earmarkStatuses: Array<string | null> }).__earmarkStatuses);
}

export async function earmarkStatus(page: Page, timeout = 15_000): Promise<string> {
  await page.waitForFunction(() => document.documentElement.dataset.earmark !== undefined, undefined, { timeout });
  return page.evaluate(() => document.documentElement.dataset.earmark!);
}

/** The panel's chapters as [start, title] pairs, read through its open shadow root. */
export async function panelChapters(page: Page): Promise<Array<[number, string]>> {
  return page.evaluate(() => {
    const root = document.querySelector('earmark-panel')?.shadowRoot;
    return [...(root?.querySelectorAll<HTMLButtonElement>('button[data-start]') ?? [])].map(
      (b) => [Number(b.dataset.start), b.querySelector('.title')?.textContent ?? ''] as [number, string],
    );
  });
}

/** Start of the chapter the panel marks as current, or undefined. */
export async function currentChapter(page: Page): Promise<number | undefined> {
  return page.evaluate(() => {
    const b = document.querySelector('earmark-panel')?.shadowRoot?.querySelector<HTMLButtonElement>('button[aria-current="true"]');
    return b ? Number(b.dataset.start) : undefined;
  });
}

export async function mediaTime(page: Page, selector: string): Promise<number | undefined> {
  return page.evaluate((s) => document.querySelector<HTMLMediaElement>(s)?.currentTime, selector);
}

/** The toolbar popup, opened for real on a page's tab and driven through the DevTools protocol. */
export interface PopupHandle {
  /** Evaluates `expression` in the popup and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** The popup as a PNG (for the demo's screenshots). */
  screenshot(): Promise<Buffer>;
  /** Any other DevTools protocol call in the popup (media emulation, real key presses), answering its result. */
  send<T>(method: string, params?: Record<string, unknown>): Promise<T>;
}

/**
 * Opens Earmark's toolbar popup over `page`, as a click on the toolbar button would (`action.openPopup()` from the
 * service worker). Playwright does not list popups among a context's pages, so the popup is found among the
 * browser's DevTools targets and driven with raw protocol messages.
 */
export async function openPopup(context: BrowserContext, page: Page): Promise<PopupHandle> {
  const worker = await serviceWorker(context);
  await page.bringToFront();
  await worker.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup());
  const cdp = await context.newCDPSession(page);
  type TargetInfo = { targetId: string; url: string; type: string };
  let target: TargetInfo | undefined;
  for (let tries = 0; !target && tries < 50; tries++) {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    target = targetInfos.find((t) => t.type === 'page' && /^chrome-extension:\/\/[^/]+\/popup\.html/.test(t.url));
    if (!target) await new Promise((r) => setTimeout(r, 100));
  }
  if (!target) throw new Error('the popup did not open');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const waiting = new Map<number, (reply: { result?: { result: { value?: unknown }; exceptionDetails?: unknown } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply as never);
  });
  let nextId = 0;
  /** One DevTools protocol call in the popup's own session. */
  const call = async (method: string, params: Record<string, unknown>) => {
    const id = ++nextId;
    const reply = new Promise<Parameters<Parameters<typeof waiting.set>[1]>[0]>((resolve) => waiting.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return reply;
  };
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const { result } = await call('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      if (!result || result.exceptionDetails) throw new Error(`popup evaluation failed: ${JSON.stringify(result?.exceptionDetails)}`);
      return result.result.value as T;
    },
    async screenshot() {
      const { result } = (await call('Page.captureScreenshot', { format: 'png' })) as unknown as { result?: { data: string } };
      if (!result) throw new Error('the popup could not be captured');
      return Buffer.from(result.data, 'base64');
    },
    async send<T>(method: string, params: Record<string, unknown> = {}) {
      const reply = (await call(method, params)) as unknown as { result?: T; error?: { message: string } };
      if (reply.error) throw new Error(`popup ${method} failed: ${reply.error.message}`);
      return reply.result as T;
    },
  };
}

/** Waits until `read` returns a value that satisfies `ok` (media, the panel and storage update asynchronously). */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** The extension's service worker (waiting for it to start when it has not yet). */
export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Starts of the chapter markers inside the element `within` selects, in page order. */
export function markerStarts(page: Page, within: string): Promise<number[]> {
  return page.evaluate(
    (sel) => [...document.querySelectorAll<HTMLElement>(`${sel} [data-earmark-marker]`)].map((m) => Number(m.dataset.start)),
    within,
  );
}

/** Console errors and warnings a page logs while open (and its uncaught errors): Earmark must add none. */
export function consoleProblems(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  return seen;
}

/**
 * A message the page's window posts to itself reaches every message listener of the player's own code: Earmark posts
 * none (its frames talk between windows, never to the page itself). Logged as a warning, so consoleProblems sees it.
 */
const SELF_MESSAGES = `addEventListener('message', (e) => {
  if (e.source !== window) return;
  const type = e.data && typeof e.data === 'object' && typeof e.data.type === 'string' ? e.data.type : typeof e.data;
  console.warn('message posted to the page itself: ' + type);
});`;

/** Opens `url` in a new page of `session`, collecting what it logs (see consoleProblems) and what is posted to it. */
export async function openWatched(session: Session, url: string, initScript?: string): Promise<{ page: Page; problems: string[] }> {
  const page = await session.context.newPage();
  await page.addInitScript({ content: SELF_MESSAGES });
  if (initScript) await page.addInitScript({ content: initScript });
  const problems = consoleProblems(page);
  await page.goto(url);
  return { page, problems };
}
