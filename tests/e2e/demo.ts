/**
 * `npm run demo`: Chromium with Earmark loaded on the bundled demo pages (tests/fixtures/players, answered at the real
 * player URLs), offline, so anyone can see it work with one command.
 *
 * With a display it opens the browser: close the window to end. Without one (or with `--headless`) it runs
 * headless, saves a screenshot of each demo page with Earmark on it and of the toolbar popup over it to a folder it
 * names (`DEMO_OUT`, default `.output/demo/`), and prints what Earmark found on each page.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { MEDIA_ORIGIN, MEDIA_SECONDS, chromiumArgs, chromiumPath, extensionPath, fixture, openPopup, repoRoot, serveBytes, silentMp3 } from './harness';

const PAGES: Array<{ name: string; url: string; pattern: string; file: string }> = [
  { name: 'apple', url: 'https://podcasts.apple.com/us/podcast/the-tiny-harbour/id1234567890?i=1000123456789', pattern: 'https://podcasts.apple.com/**', file: 'apple/episode.html' },
  { name: 'youtube', url: 'https://www.youtube.com/watch?v=abcDEF12345', pattern: 'https://www.youtube.com/**', file: 'youtube/watch.html' },
  { name: 'overcast', url: 'https://overcast.fm/+AbCdEfGh1', pattern: 'https://overcast.fm/**', file: 'overcast/episode.html' },
];
const SHOW = { name: 'apple-show', url: 'https://podcasts.apple.com/us/podcast/the-tiny-harbour/id1234567890', file: 'apple/show.html' };

/** What Earmark put on a page, read through the DOM contract (README). */
interface Found {
  status: string | undefined;
  chapters: number;
  markers: number;
  guests: string[];
  links: number;
  chips: number;
}

const readFound = (page: Page): Promise<Found> =>
  page.evaluate(() => {
    const root = document.querySelector('earmark-panel')?.shadowRoot;
    return {
      status: document.documentElement.dataset.earmark,
      chapters: root?.querySelectorAll('button[data-start]').length ?? 0,
      markers: document.querySelectorAll('[data-earmark-marker]').length,
      guests: [...(root?.querySelectorAll<HTMLElement>('[data-guest]') ?? [])].map((g) => g.dataset.guest ?? ''),
      links: document.querySelectorAll('a[data-earmark-seek]').length,
      chips: document.querySelectorAll('earmark-chip').length,
    };
  });

async function serveDemo(context: BrowserContext): Promise<void> {
  const mp3 = silentMp3(MEDIA_SECONDS);
  await context.route(`${MEDIA_ORIGIN}/**`, (route) => serveBytes(route, mp3));
  for (const page of PAGES) {
    const html = fixture(page.file);
    await context.route(page.pattern, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  }
  // Registered last, so it wins over the Apple pattern above for the show page's address.
  await context.route(SHOW.url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: fixture(SHOW.file) }));
}

async function windowed(): Promise<void> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'earmark-demo-')), {
    executablePath: chromiumPath,
    headless: false,
    args: chromiumArgs(),
  });
  await serveDemo(context);
  for (const page of PAGES) await (await context.newPage()).goto(page.url);
  console.log('Earmark demo: player pages are open. Click a chapter to seek; close the browser to end.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
}

async function headless(out: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'earmark-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [...chromiumArgs(), '--no-sandbox', '--disable-gpu'],
  });
  try {
    await serveDemo(context);
    console.log(`Earmark demo (no display: headless). Screenshots go to ${out}`);
    for (const demo of [...PAGES, SHOW]) {
      const page = await context.newPage();
      await page.goto(demo.url);
      await page.waitForFunction(() => document.documentElement.dataset.earmark !== undefined, undefined, { timeout: 15_000 }).catch(() => undefined);
      // The markers need the media's length: let the page's audio load its metadata.
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(out, `${demo.name}-page.png`), fullPage: true });
      const found = await readFound(page);
      let popupFile = '';
      try {
        const popup = await openPopup(context, page);
        await popup.evaluate(`new Promise((r) => setTimeout(r, 500))`);
        popupFile = `${demo.name}-popup.png`;
        writeFileSync(join(out, popupFile), await popup.screenshot());
      } catch (error) {
        popupFile = `(popup not captured: ${error instanceof Error ? error.message : String(error)})`;
      }
      const said = found.chips
        ? `${found.chips} episode cards annotated`
        : `${found.chapters} chapters in the panel, ${found.markers} markers on the bar, ${found.links} times linked in the notes` +
          (found.guests.length ? `, guests: ${found.guests.join(', ')}` : ', no guests');
      console.log(`- ${demo.name}: ${found.status ?? 'nothing found'}: ${said}. ${demo.name}-page.png, ${popupFile}`);
      await page.close();
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install chromium, or set CHROMIUM_PATH`);
  if (!existsSync(join(extensionPath, 'manifest.json'))) throw new Error(`No build at ${extensionPath}: run \`npm run build\` first`);
  const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (noDisplay || process.argv.includes('--headless')) await headless(resolve(process.env.DEMO_OUT ?? join(repoRoot, '.output/demo')));
  else await windowed();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
