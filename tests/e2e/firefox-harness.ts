/**
 * Real-browser harness for Firefox: Debian's firefox-esr, headless, driven by puppeteer-core over WebDriver BiDi,
 * with the built Firefox extension (.output/firefox-mv2, the AMO package's Manifest V2) installed as a temporary
 * add-on. Real player URLs are answered from the same fixture pages and silent MP3 as the Chromium harness
 * (harness.ts), so content scripts run as they would on the live sites.
 *
 * Firefox is started here, in its own process with its own profile, and puppeteer connects to it: the profile's
 * prefs (a fixed extension UUID, media allowed to load without a gesture) are written before start, and
 * --remote-allow-system-access lets BiDi navigate tabs to the extension's own moz-extension:// pages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { MEDIA_ORIGIN, MEDIA_SECONDS, repoRoot, silentMp3 } from './harness';

export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const firefoxExtensionPath = join(repoRoot, '.output/firefox-mv2');
/** The add-on id from wxt.config.ts (browser_specific_settings.gecko.id). */
const ADDON_ID = 'earmark@earmark.app';
/** Fixed through extensions.webextensions.uuids, so tests know the moz-extension:// origin of the library and popup. */
export const EXTENSION_UUID = '3d1f7c2a-8b4e-4f6a-9c0d-5e2b7a1f4c83';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/**
 * Why the Firefox e2e tests cannot run here, or undefined when they can. In CI (process.env.CI set) a missing
 * browser or build is a failure, not a skip: see requireBrowser().
 */
export function firefoxUnavailable(): string | undefined {
  if (!existsSync(firefoxPath)) return `Firefox not found at ${firefoxPath} (apt-get install firefox-esr, or set FIREFOX_PATH)`;
  if (!existsSync(join(firefoxExtensionPath, 'manifest.json'))) return `no Firefox build at ${firefoxExtensionPath} (run npm run build:firefox)`;
  return undefined;
}

const PREFS: Record<string, string | number | boolean> = {
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
  // Tests press play through the page's own buttons, and seek media that was never played: no gesture asked.
  'media.autoplay.default': 0,
  'media.autoplay.blocking_policy': 0,
  // No first-run pages, no default-browser question, no update or add-on checks: nothing of the browser's own
  // reaches for the (closed) network or opens a tab beside the tests'.
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'app.update.disabledForTesting': true,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'browser.newtabpage.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  // Player fixture pages are served at https:// URLs by interception; the first-party checks on them are not ours.
  'dom.security.https_first': false,
  // Headless Firefox on a machine with no sound server has no audio output: playback then fails with a sink
  // error, which an <audio> with <source> children (Overcast's markup) takes as its source failing — the element
  // drops to NETWORK_NO_SOURCE and back to 0 s. ALSA's null device (see ASOUNDRC) gives it an output to play into.
  'media.cubeb.backend': 'alsa',
};

/**
 * ALSA's configuration for the browser's process (read from $HOME, set to the profile): the default device
 * discards what it is given. It is not paced, so media plays faster than real time while it plays: tests read
 * where a seek landed from the `seeking` event, not from the clock afterwards.
 */
const ASOUNDRC = 'pcm.!default { type null }\n';

export interface FirefoxSession {
  browser: Browser;
  /** Serves `html` for every page URL on `origin` (`https://overcast.fm`), by URL or one page for all. */
  serve(origin: string, html: string | ((url: URL) => string)): void;
  /** A new tab at `url`, its requests answered by the fixtures. */
  open(url: string): Promise<Page>;
  /** A new tab at one of the extension's pages (`moments.html`), loaded. */
  openExtensionPage(path: string, options?: { behind?: Page }): Promise<Page>;
  close(): Promise<void>;
}

/** Starts firefox-esr with a fresh profile and reads its BiDi endpoint from what it prints. */
async function startFirefox(profile: string): Promise<{ child: ChildProcess; endpoint: string }> {
  writeFileSync(join(profile, '.asoundrc'), ASOUNDRC);
  writeFileSync(join(profile, 'user.js'), Object.entries(PREFS).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`).join(''));
  const child = spawn(firefoxPath, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0', '--remote-allow-system-access', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // The browser's own diagnostics (remote settings it cannot reach, graphics) go nowhere near the test output.
    env: { ...process.env, HOME: profile, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  let seen = '';
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Firefox printed no BiDi endpoint in 60 s:\n${seen.slice(-2000)}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      if (seen.length < 100_000) seen += chunk.toString();
      const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
      if (found) (clearTimeout(timer), resolve(found[1]!));
    });
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`Firefox exited (${code}) before listening:\n${seen.slice(-2000)}`))));
  });
  // Keep draining stderr so the browser never blocks on a full pipe.
  child.stderr!.resume();
  return { child, endpoint };
}

/** Answers a media request from `bytes`, honouring a Range header as a real file server would. */
function respondBytes(request: HTTPRequest, bytes: Buffer): Promise<void> {
  const range = /bytes=(\d*)-(\d*)/.exec(request.headers()['range'] ?? '');
  if (!range) return request.respond({ status: 200, body: bytes, headers: { 'content-type': 'audio/mpeg', 'accept-ranges': 'bytes' } });
  const start = range[1] ? Number(range[1]) : 0;
  const end = range[2] ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1;
  return request.respond({
    status: 206,
    body: bytes.subarray(start, end + 1),
    headers: { 'content-type': 'audio/mpeg', 'accept-ranges': 'bytes', 'content-range': `bytes ${start}-${end}/${bytes.length}` },
  });
}

export async function startFirefoxSession(): Promise<FirefoxSession> {
  const profile = mkdtempSync(join(tmpdir(), 'earmark-ff-e2e-'));
  const { child, endpoint } = await startFirefox(profile);
  const browser = await puppeteer.connect({ browserWSEndpoint: `${endpoint}/session`, protocol: 'webDriverBiDi' });
  await browser.installExtension(firefoxExtensionPath);
  const mp3 = silentMp3(MEDIA_SECONDS);
  const sites = new Map<string, string | ((url: URL) => string)>();

  const route = (request: HTTPRequest): Promise<void> => {
    const url = new URL(request.url());
    if (url.origin === MEDIA_ORIGIN) return respondBytes(request, mp3);
    const site = sites.get(url.origin);
    if (site !== undefined) {
      const body = typeof site === 'function' ? site(url) : site;
      return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
    }
    // Extension pages and data: URLs load as usual; anything else stays offline and fails at once.
    if (/^(moz-extension|data|blob|about):/.test(request.url())) return request.continue();
    return request.abort('failed');
  };

  return {
    browser,
    serve(origin, html) {
      sites.set(origin, html);
    },
    async open(url) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => void route(request).catch(() => undefined));
      await page.goto(url);
      return page;
    },
    async openExtensionPage(path, options = {}) {
      const page = await browser.newPage();
      // The page to act on must be the active tab (the popup asks for the active tab of its window).
      if (options.behind) await options.behind.bringToFront();
      const url = `${EXTENSION_ORIGIN}/${path}`;
      // Firefox's BiDi sends no navigation events for a tab moving to a moz-extension:// page, so goto() would
      // wait for them until its timeout: start the navigation, then watch the document itself.
      void page.goto(url, { timeout: 0 }).catch(() => undefined);
      const loaded = async () => page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
      const end = Date.now() + 30_000;
      while ((await loaded()) !== `${url} complete`) {
        if (Date.now() > end) throw new Error(`${url} did not load`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return page;
    },
    async close() {
      await browser.close().catch(() => undefined);
      if (child.exitCode === null) {
        await new Promise((resolve) => {
          child.once('exit', resolve);
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        });
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
