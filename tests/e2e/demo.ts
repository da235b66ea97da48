/**
 * `npm run demo`: opens Chromium with Earmark loaded on the bundled demo pages (tests/fixtures/players, answered at the
 * real player URLs), offline, so anyone can see it work with one command. Close the browser window to end.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { MEDIA_ORIGIN, MEDIA_SECONDS, chromiumArgs, chromiumPath, fixture, serveBytes, silentMp3 } from './harness';

const PAGES: Array<{ url: string; pattern: string; file: string }> = [
  { url: 'https://podcasts.apple.com/us/podcast/the-tiny-harbour/id1234567890?i=1000123456789', pattern: 'https://podcasts.apple.com/**', file: 'apple/episode.html' },
  { url: 'https://www.youtube.com/watch?v=abcDEF12345', pattern: 'https://www.youtube.com/**', file: 'youtube/watch.html' },
  { url: 'https://overcast.fm/+AbCdEfGh1', pattern: 'https://overcast.fm/**', file: 'overcast/episode.html' },
];

async function main(): Promise<void> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install chromium, or set CHROMIUM_PATH`);
  if (!process.env.DISPLAY && process.platform === 'linux') {
    console.error('No display: the demo opens a browser window. Run it in a desktop session (or under xvfb-run).');
    process.exitCode = 1;
    return;
  }
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'earmark-demo-')), {
    executablePath: chromiumPath,
    headless: false,
    args: chromiumArgs(),
  });
  const mp3 = silentMp3(MEDIA_SECONDS);
  await context.route(`${MEDIA_ORIGIN}/**`, (route) => serveBytes(route, mp3));
  for (const page of PAGES) {
    const html = fixture(page.file);
    await context.route(page.pattern, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  }
  await context.route('https://podcasts.apple.com/us/podcast/the-tiny-harbour/id1234567890', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: fixture('apple/show.html') }),
  );
  for (const page of PAGES) await (await context.newPage()).goto(page.url);
  console.log('Earmark demo: player pages are open. Click a chapter to seek; close the browser to end.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
