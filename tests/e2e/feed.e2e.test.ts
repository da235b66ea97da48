// "Read the podcast's feed" in real Chromium. With the production build nothing is fetched until the listener
// allows it (the setting on and the all-sites access given); with a build that declares that access up front
// (headless Chromium cannot accept a permission prompt), an Overcast page without notes (its real 2024 layout)
// shows the podcaster's chapters and guests from the feed, and the panel and the popup say so.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { e2eUnavailable, gateE2e, earmarkStatus, fixture, openPopup, repoRoot, serviceWorker, startSession, until } from './harness';
import { chaptersJson, rss } from '../feed/feeds';
import { serveFeeds, type Served } from '../feed/server';

const skip = gateE2e('Chromium', e2eUnavailable());

const PAGE = 'https://overcast.fm/+NoNoTeS01';
const GRANTED_BUILD = join(repoRoot, '.output/chrome-mv3-feed-granted');

let server: Served;

const feed = () =>
  rss({
    title: 'The Tiny Harbour',
    items: [
      {
        title: 'Slipway repairs, part two',
        guid: 'th-0042',
        duration: '3600',
        chaptersUrl: server.url('/th-0042.json'),
        content: '<p>We finish the slipway with Ines Varga.</p>',
        persons: [
          { name: 'Ines Varga', role: 'guest', href: 'https://ines.example/' },
          { name: 'Mara Quill', role: 'host' },
        ],
      },
      { title: 'Fog week', guid: 'th-0041' },
    ],
  });

/** The no-notes page, its RSS badge pointing at the local feed server. */
const page = () => fixture('overcast/episode-no-notes.html').replaceAll('https://feeds.tinyharbour.example/podcast.rss', server.url('/podcast.rss'));

const setSettings = async (context: BrowserContext, settings: object) =>
  (await serviceWorker(context)).evaluate(
    (value) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ settings: value }),
    settings,
  );

const panel = (p: Page) =>
  p.evaluate(() => {
    const root = document.querySelector('earmark-panel')?.shadowRoot;
    return {
      chapters: [...(root?.querySelectorAll<HTMLButtonElement>('button[data-start]') ?? [])].map((b) => b.querySelector('.title')?.textContent ?? ''),
      source: root?.querySelector('.source')?.textContent ?? null,
      namedBy: root?.querySelector('[data-guest="Ines Varga"]')?.getAttribute('data-named-by') ?? null,
    };
  });

beforeAll(async () => {
  server = await serveFeeds();
  server.routes.set('/podcast.rss', { body: feed() });
  server.routes.set('/th-0042.json', {
    type: 'application/json+chapters',
    body: chaptersJson([
      { startTime: 0, title: 'On the slip' },
      { startTime: 600, title: 'Greasing the ways' },
      { startTime: 1800, title: 'Launch' },
    ]),
  });
});
afterAll(() => server?.close());

describe.skipIf(skip)('the podcast’s feed (Chromium)', () => {
  it('fetches nothing with the production build until the listener allows it, and offers to', async () => {
    const session = await startSession();
    try {
      await session.serve('https://overcast.fm/**', page());
      const tab = await session.open(PAGE);
      // A page without notes: nothing to show, nothing asked.
      expect(await earmarkStatus(tab)).toBe('none');
      let popup = await openPopup(session.context, tab);
      expect(await until(() => popup.evaluate<string | null>(`document.querySelector('[data-feed]')?.dataset.feed ?? null`), (v) => v === 'off')).toBe('off');
      // The setting on (as an old profile or a synced value might have it) but no access given: still nothing.
      await setSettings(session.context, { feedLookup: true });
      await tab.waitForTimeout(1_500);
      popup = await openPopup(session.context, tab);
      expect(await until(() => popup.evaluate<string | null>(`document.querySelector('[data-feed]')?.dataset.feed ?? null`), (v) => v === 'no-access')).toBe('no-access');
      expect(await popup.evaluate<string>(`document.querySelector('[data-action="read-feed"]').textContent`)).toBe('Allow access');
      expect(server.requests).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('shows the podcaster’s chapters and guests on an Overcast page without notes once the listener turns it on', async () => {
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: repoRoot, env: { ...process.env, EARMARK_FEED_GRANTED: '1' }, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(join(GRANTED_BUILD, 'manifest.json'))).toBe(true);
    const session = await startSession({ extension: GRANTED_BUILD });
    try {
      await session.serve('https://overcast.fm/**', page());
      const tab = await session.open(PAGE);
      expect(await earmarkStatus(tab)).toBe('none');
      expect(server.requests).toEqual([]);
      // The listener turns it on in the options page (the access is already declared in this build: no prompt).
      const options = await session.context.newPage();
      await options.goto(`${(await serviceWorker(session.context)).url().split('/').slice(0, 3).join('/')}/options.html`);
      await options.locator('input[data-setting="feedLookup"]').click();
      await options.locator('p[role="status"]', { hasText: 'Saved' }).waitFor();
      // The open tab follows the setting: the feed's chapters and its guest, with where they came from.
      const shown = await until(() => panel(tab), (p) => p.chapters.length === 3);
      expect(shown).toEqual({ chapters: ['On the slip', 'Greasing the ways', 'Launch'], source: "Chapters from the podcast's feed", namedBy: 'podcast' });
      expect(await tab.evaluate(() => document.documentElement.dataset.earmark)).toBe('ready');
      expect(server.requests.map((r) => r.path)).toEqual(['/podcast.rss', '/th-0042.json']);
      const popup = await openPopup(session.context, tab);
      expect(await until(() => popup.evaluate<string | null>(`document.querySelector('.source')?.textContent ?? null`), (v) => v !== null)).toBe("Chapters from the podcast's feed");
      expect(await popup.evaluate<string | null>(`document.querySelector('[data-guest="Ines Varga"] .named')?.textContent ?? null`)).toBe('Named by the podcast');
    } finally {
      await session.close();
    }
  });
});
