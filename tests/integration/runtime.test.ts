// The runtime and its features together on a parsed player page (linkedom) with a fake playback: what appears,
// what a click or a key does, what a page change or navigation redoes, and that invalidation undoes everything.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixture, fixtureUrl } from '../unit/fixture-pages';
import { apple } from '../../lib/players/apple';
import { overcast } from '../../lib/players/overcast';
import { FakePlayback, memoryMoments, openPage } from './harness';
import { createStore } from '../../lib/content/store';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/model';

afterEach(() => vi.unstubAllGlobals());

const EPISODE = 'overcast/episode.html';
const starts = [70, 405, 750, 1145, 1540];

const open = (services: Parameters<typeof openPage>[3] = {}, href = fixtureUrl(EPISODE).href) => openPage(fixture(EPISODE), href, overcast, services);

const chapterButtons = (root: ShadowRoot | null) => [...(root?.querySelectorAll('button[data-start]') ?? [])];

describe('runtime on an episode page', () => {
  it('shows the panel after the notes with every chapter, links the times and says it is ready', async () => {
    const page = await open();
    expect(page.runtime.chapters().map((c) => c.startTime)).toEqual(starts);
    expect(page.doc.documentElement.dataset.earmark).toBe('ready');
    const host = page.doc.querySelector('earmark-panel')!;
    expect(host.previousElementSibling).toBe(overcast.panelAnchor(page.doc));
    expect(chapterButtons(page.panel())).toHaveLength(starts.length);
    const links = [...page.doc.querySelectorAll('#episode_body a[data-earmark-seek]')].map((a) => Number((a as HTMLElement).dataset.earmarkSeek));
    expect(links).toEqual(starts);
    expect(page.runtime.title()).toBe("The ferryman's logbook");
    expect(page.runtime.source()).toEqual({ id: 'overcast', label: overcast.label });
    page.invalidate();
  });

  it('follows the page when it switches to dark while the panel shows, and back', async () => {
    const page = await open();
    const scheme = () => [...page.panel()!.querySelector('section.panel')!.classList].filter((c) => c === 'dark' || c === 'light');
    expect(scheme()).toEqual(['light']);
    page.doc.documentElement.setAttribute('dark', '');
    await page.settle(300);
    expect(scheme()).toEqual(['dark']);
    page.doc.documentElement.removeAttribute('dark');
    await page.settle(300);
    expect(scheme()).toEqual(['light']);
    page.invalidate();
  });

  it('seeks the playback from a note link and steps between chapters', async () => {
    const page = await open();
    const link = page.doc.querySelector('#episode_body a[data-earmark-seek="750"]')!;
    link.dispatchEvent(new page.window.Event('click', { bubbles: true, cancelable: true }));
    await page.settle(30);
    expect(page.playback.seeks).toEqual([750]);
    expect(await page.runtime.step(1)).toBe(true);
    expect(page.playback.seeks.at(-1)).toBe(1145);
    // A second into the chapter, "previous" goes to the one before; further in, it restarts this one.
    page.playback.tick(1146);
    await page.runtime.step(-1);
    expect(page.playback.seeks.at(-1)).toBe(750);
    page.playback.tick(1160);
    await page.runtime.step(-1);
    expect(page.playback.seeks.at(-1)).toBe(1145);
    page.invalidate();
  });

  it('puts markers on the progress bar from the page’s length, and keeps them when the media confirms it', async () => {
    const page = await open();
    const bar = overcast.progressBar(page.doc)!;
    const marked = () => [...bar.querySelectorAll('[data-earmark-marker]')].map((m) => Number((m as HTMLElement).dataset.start));
    // The page says "30 min"; the first chapter starts after 0:00, so each start has a marker.
    expect(marked()).toEqual(starts);
    const first = bar.querySelector('[data-earmark-marker]');
    page.playback.length = 1800;
    page.playback.tick(0);
    expect(marked()).toEqual(starts);
    expect(bar.querySelector('[data-earmark-marker]')).toBe(first);
    // Media shorter than a chapter's start (another length than the page said): that marker goes.
    page.playback.length = 1200;
    page.playback.tick(1);
    expect(marked()).toEqual(starts.filter((s) => s < 1200));
    page.invalidate();
  });

  it('saves the moment playing now with its chapter and guests, and shows it in the panel and on the bar', async () => {
    const moments = memoryMoments();
    const page = await open({ moments });
    page.playback.length = 1800;
    page.playback.tick(800.04, true);
    const saved = await page.runtime.saveHere();
    expect(saved).toMatchObject({ time: 800, chapterTitle: 'Weather notes from 1911', episode: { player: 'overcast', title: "The ferryman's logbook" } });
    expect(saved?.guests).toContain('Ada Byron');
    await page.settle(30);
    expect(moments.all()).toHaveLength(1);
    expect([...page.doc.querySelectorAll('[data-earmark-moment]')].map((m) => Number((m as HTMLElement).dataset.start))).toEqual([800]);
    page.invalidate();
  });

  it('shows the save shortcut the browser has on the save button, and none it does not have', async () => {
    const button = (page: Awaited<ReturnType<typeof open>>) => page.panel()!.querySelector<HTMLButtonElement>('button[data-action="save-moment"]')!;
    const changed = await open({ moments: memoryMoments(), saveShortcut: async () => 'Ctrl+Shift+K' });
    await changed.settle(30);
    expect(button(changed).title).toBe('Save this moment (Ctrl+Shift+K)');
    expect(button(changed).getAttribute('aria-keyshortcuts')).toBe('Control+Shift+K');
    changed.invalidate();
    vi.unstubAllGlobals();
    // Cleared by the listener: no key shown or announced.
    const cleared = await open({ moments: memoryMoments(), saveShortcut: async () => '' });
    await cleared.settle(30);
    expect(button(cleared).title).toBe('Save this moment');
    expect(button(cleared).hasAttribute('aria-keyshortcuts')).toBe(false);
    cleared.invalidate();
  });

  it('saves the last N seconds (the setting) as a range: a band on the bar, an item with its end in the panel', async () => {
    const settings = createStore<Settings>({ ...DEFAULT_SETTINGS, saveLastSeconds: 45 });
    const moments = memoryMoments();
    const page = await open({ settings, moments });
    const button = () => page.panel()!.querySelector<HTMLButtonElement>('button[data-action="save-last"]');
    expect(button()?.textContent).toBe('Save last 45 s');
    page.playback.length = 1800;
    page.playback.tick(800.04, true);
    const saved = await page.runtime.saveLast();
    expect(saved).toMatchObject({ time: 755, start: 755, end: 800 });
    await page.settle(30);
    const band = page.doc.querySelector<HTMLElement>('[data-earmark-moment]')!;
    expect([band.dataset.start, band.getAttribute('data-moment-end')]).toEqual(['755', '800']);
    const item = page.panel()!.querySelector<HTMLElement>('[data-moment-time]')!;
    expect([item.dataset.momentTime, item.dataset.momentEnd]).toEqual(['755', '800']);
    expect(item.querySelector('.moment-time')?.textContent).toBe('★ 12:35–13:20');
    // A new length reaches the open panel's button without a remount; near the start, the range starts at 0:00.
    settings.set({ ...DEFAULT_SETTINGS, saveLastSeconds: 120 });
    await page.settle(30);
    expect(button()?.textContent).toBe('Save last 120 s');
    page.playback.tick(30, true);
    button()!.click();
    await page.settle(30);
    expect(moments.all().at(-1)).toMatchObject({ time: 0, end: 30 });
    page.invalidate();
  });

  it('honours an Earmark time link once the media is ready', async () => {
    const page = await open({}, `${fixtureUrl(EPISODE).href}#earmark-t=405`);
    expect(page.playback.seeks).toEqual([]);
    page.playback.length = 1800;
    page.playback.tick(0, true);
    await page.settle(30);
    expect(page.playback.seeks).toEqual([405]);
    page.playback.tick(10, true);
    await page.settle(30);
    expect(page.playback.seeks).toEqual([405]);
    page.invalidate();
  });

  it('puts the panel back when the page re-renders it away, and rereads notes the page changes', async () => {
    const page = await open();
    page.doc.querySelector('earmark-panel')!.remove();
    await page.settle(400);
    expect(page.doc.querySelectorAll('earmark-panel')).toHaveLength(1);
    const notes = page.doc.getElementById('episode_body')!;
    const p = page.doc.createElement('p');
    p.textContent = '(28:00) A late addition';
    notes.append(p);
    await page.settle(400);
    expect(page.runtime.chapters().map((c) => c.startTime)).toEqual([...starts, 1680]);
    expect(page.doc.querySelectorAll('earmark-panel')).toHaveLength(1);
    page.invalidate();
  });

  it('does not read the notes again for a change elsewhere on the page (a player clock ticking), only for one in them', async () => {
    const page = await open();
    const notes = page.doc.getElementById('episode_body')!;
    let reads = 0;
    // The DOM implementation's own accessor, wherever on the prototype chain it is: counted, then called.
    let descriptor: PropertyDescriptor | undefined;
    for (let proto = Object.getPrototypeOf(notes); proto && !descriptor?.get; proto = Object.getPrototypeOf(proto)) descriptor = Object.getOwnPropertyDescriptor(proto, 'textContent');
    Object.defineProperty(notes, 'textContent', {
      get() {
        reads++;
        return descriptor!.get!.call(this);
      },
      set(value: string) {
        descriptor!.set!.call(this, value);
      },
      configurable: true,
    });
    const clock = page.doc.getElementById('timeelapsed')!;
    for (let s = 1; s <= 3; s++) {
      clock.textContent = `0:0${s}`;
      await page.settle(200);
    }
    expect(reads).toBe(0);
    const p = page.doc.createElement('p');
    p.textContent = '(28:00) A late addition';
    notes.append(p);
    await page.settle(400);
    expect(reads).toBeGreaterThan(0);
    expect(page.runtime.chapters().map((c) => c.startTime)).toEqual([...starts, 1680]);
    page.invalidate();
  });

  it('notices a change to the notes that lands just before a write of its own (markers placed again for a new length)', async () => {
    const page = await open();
    page.playback.length = 1800;
    page.playback.tick(10, true);
    await page.settle(400);
    const notes = page.doc.getElementById('episode_body')!;
    const p = page.doc.createElement('p');
    p.textContent = '(28:00) A late addition';
    notes.append(p);
    // In the same task, before the page observer's records are delivered, the runtime writes to the page: the media
    // reports another length, and the markers are placed again.
    const markersBefore = page.doc.querySelectorAll('[data-earmark-marker]').length;
    page.playback.length = 1900;
    page.playback.tick(800, true);
    expect(markersBefore).toBeGreaterThan(0);
    await page.settle(400);
    expect(page.runtime.chapters().map((c) => c.startTime)).toEqual([...starts, 1680]);
    page.invalidate();
  });

  it('leaves the episode when the address changes to another kind of page, and undoes everything on invalidation', async () => {
    const page = await open();
    await page.navigate('https://overcast.fm/podcasts');
    expect(page.runtime.hasEpisode()).toBe(false);
    expect(page.doc.querySelector('earmark-panel')).toBeNull();
    expect(page.doc.querySelectorAll('a[data-earmark-seek]')).toHaveLength(0);
    expect(page.doc.documentElement.dataset.earmark).toBeUndefined();
    await page.navigate(fixtureUrl(EPISODE).href);
    expect(page.doc.querySelectorAll('earmark-panel')).toHaveLength(1);
    const notesBefore = page.doc.getElementById('episode_body')!.textContent;
    page.invalidate();
    expect(page.doc.querySelector('earmark-panel')).toBeNull();
    expect(page.doc.querySelectorAll('[data-earmark-seek], [data-earmark-marker]')).toHaveLength(0);
    expect(page.doc.getElementById('episode_body')!.textContent).toBe(notesBefore);
    expect(page.doc.documentElement.dataset.earmark).toBeUndefined();
  });
});

describe('runtime and the guests engine elsewhere', () => {
  it('shows the guests the background found, sending it the start of the notes', async () => {
    const asked: Array<{ title: string; notes: string }> = [];
    const page = await open({
      guests: async (input) => {
        asked.push(input);
        return [{ name: 'Mara Lindqvist', affiliations: ['Harbour Radio'], summary: 'Mara Lindqvist (Harbour Radio)', evidence: [], links: [] }];
      },
    });
    expect(asked).toHaveLength(1);
    expect(asked[0]!.notes.length).toBeGreaterThan(0);
    expect(page.runtime.guests().map((g) => g.name)).toEqual(['Mara Lindqvist']);
    expect([...(page.panel()?.querySelectorAll<HTMLElement>('[data-guest]') ?? [])].map((g) => g.dataset.guest)).toEqual(['Mara Lindqvist']);
    page.invalidate();
  });

  it('runs the engine in the page when the background does not answer', async () => {
    for (const guests of [async () => undefined, () => Promise.reject(new Error('no background'))]) {
      const page = await open({ guests });
      expect(page.runtime.guests().map((g) => g.name)).toEqual(['Ada Byron']);
      page.invalidate();
    }
  });
});

describe('runtime on a show page', () => {
  it('annotates the episode cards it can read and removes the chips on leaving', async () => {
    const page = await openPage(fixture('apple/show.html'), fixtureUrl('apple/show.html').href, apple, { playback: new FakePlayback() });
    expect(page.runtime.kind()).toBe('show');
    expect(page.doc.querySelectorAll('earmark-chip').length).toBeGreaterThan(0);
    expect(page.doc.documentElement.dataset.earmark).toBe('ready');
    await page.navigate('https://podcasts.apple.com/us/browse');
    expect(page.doc.querySelectorAll('earmark-chip')).toHaveLength(0);
    expect(page.doc.documentElement.dataset.earmark).toBeUndefined();
    page.invalidate();
  });

  it('draws the chips in the page’s scheme when it switches to dark, and back', async () => {
    const page = await openPage(fixture('apple/show.html'), fixtureUrl('apple/show.html').href, apple, { playback: new FakePlayback() });
    const schemes = () => [...page.doc.querySelectorAll('earmark-chip')].map((chip) => [...chip.shadowRoot!.querySelector('.chip')!.classList].find((c) => c === 'dark' || c === 'light'));
    expect(schemes().length).toBeGreaterThan(0);
    expect(new Set(schemes())).toEqual(new Set(['light']));
    page.doc.documentElement.setAttribute('dark', '');
    await page.settle(300);
    expect(new Set(schemes())).toEqual(new Set(['dark']));
    page.doc.documentElement.removeAttribute('dark');
    await page.settle(300);
    expect(new Set(schemes())).toEqual(new Set(['light']));
    page.invalidate();
  });
});

describe('runtime following the listener’s settings', () => {
  it('applies each page setting to an open page at once, and back', async () => {
    const settings = createStore<Settings>(DEFAULT_SETTINGS);
    const moments = memoryMoments();
    const page = await open({ settings, moments });
    page.playback.length = 1800;
    page.playback.tick(800, true);
    await page.runtime.saveHere();
    await page.settle(60);
    const count = (selector: string) => page.doc.querySelectorAll(selector).length;
    expect(count('[data-earmark-marker]')).toBe(starts.length);
    expect(count('[data-earmark-moment]')).toBe(1);
    expect(count('a[data-earmark-seek]')).toBe(starts.length);
    expect(page.panel()?.querySelectorAll('[data-guest]').length).toBe(1);

    settings.set({ ...DEFAULT_SETTINGS, chapterMarkers: false, noteLinks: false, guestCards: false });
    await page.settle(60);
    page.playback.tick(801, true);
    await page.settle(60);
    expect(count('[data-earmark-marker]')).toBe(0);
    expect(count('[data-earmark-moment]')).toBe(1);
    expect(count('a[data-earmark-seek]')).toBe(0);
    expect(page.panel()?.querySelectorAll('[data-guest]').length).toBe(0);
    // The popup still names the guest.
    expect(page.runtime.guests().map((g) => g.name)).toEqual(['Ada Byron']);
    expect(chapterButtons(page.panel())).toHaveLength(starts.length);

    settings.set({ ...DEFAULT_SETTINGS, momentMarkers: false, panelCollapsed: true });
    await page.settle(60);
    page.playback.tick(802, true);
    await page.settle(60);
    expect(count('[data-earmark-marker]')).toBe(starts.length);
    expect(count('[data-earmark-moment]')).toBe(0);
    expect(count('a[data-earmark-seek]')).toBe(starts.length);
    // Collapsed: the header only, opened by its toggle.
    expect(chapterButtons(page.panel())).toHaveLength(0);
    const toggle = page.panel()!.querySelector<HTMLButtonElement>('button.toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    page.invalidate();
  });

  it('keeps the page as it is when a setting that changes nothing on it does (another player turned off)', async () => {
    const settings = createStore<Settings>(DEFAULT_SETTINGS);
    const page = await open({ settings });
    const panel = page.doc.querySelector('earmark-panel');
    const link = page.doc.querySelector('a[data-earmark-seek]');
    expect(panel).not.toBeNull();
    expect(link).not.toBeNull();
    settings.set({ ...DEFAULT_SETTINGS, disabledPlayers: ['spotify'], saveLastSeconds: 60 });
    await page.settle(60);
    // The same elements, not a remount.
    expect(page.doc.querySelector('earmark-panel')).toBe(panel);
    expect(page.doc.querySelector('a[data-earmark-seek]')).toBe(link);
    page.invalidate();
  });

  it('undoes everything when disposed (the listener turned it off here), and reads nothing after', async () => {
    const page = await open();
    const notesBefore = page.doc.getElementById('episode_body')!.textContent;
    page.runtime.dispose();
    expect(page.doc.querySelector('earmark-panel')).toBeNull();
    expect(page.doc.querySelectorAll('[data-earmark-seek], [data-earmark-marker]')).toHaveLength(0);
    expect(page.doc.documentElement.dataset.earmark).toBeUndefined();
    expect(page.doc.getElementById('episode_body')!.textContent).toBe(notesBefore);
    page.doc.getElementById('episode_body')!.append(page.doc.createElement('p'));
    await page.navigate(fixtureUrl(EPISODE).href);
    expect(page.doc.querySelector('earmark-panel')).toBeNull();
    expect(page.runtime.hasEpisode()).toBe(false);
    page.invalidate();
  });
});

describe('runtime reading the podcast’s feed', () => {
  const NO_NOTES = 'overcast/episode-no-notes.html';
  const openNoNotes = (services: Parameters<typeof openPage>[3]) => openPage(fixture(NO_NOTES), fixtureUrl(NO_NOTES).href, overcast, services);
  const found = {
    state: 'found' as const,
    feed: { url: 'https://feeds.tinyharbour.example/podcast.rss', title: 'The Tiny Harbour' },
    episode: 'Slipway repairs, part two',
    chapters: [
      { startTime: 0, title: 'On the slip' },
      { startTime: 200, title: 'Greasing the ways' },
    ],
    source: 'audio' as const,
    guests: [{ name: 'Ines Varga', role: 'guest', img: 'https://tinyharbour.example/ines.jpg' }],
  };

  it('asks nothing while the setting is off', async () => {
    const asked: unknown[] = [];
    const page = await openNoNotes({ feed: async (r) => (asked.push(r), found) });
    expect(asked).toEqual([]);
    expect(page.doc.querySelector('earmark-panel')).toBeNull();
    page.invalidate();
  });

  it('shows the podcaster’s chapters and named guests on a page without notes, and says where they came from', async () => {
    const asked: Array<Record<string, unknown>> = [];
    const settings = createStore<Settings>({ ...DEFAULT_SETTINGS, feedLookup: true });
    const page = await openNoNotes({ settings, guests: async () => [], feed: async (r) => (asked.push(r), found) });
    await page.settle();
    expect(asked).toEqual([
      expect.objectContaining({
        type: 'earmark:feed',
        title: 'Slipway repairs, part two',
        show: 'The Tiny Harbour',
        appleId: '1234567890',
        rss: 'https://feeds.tinyharbour.example/podcast.rss',
        pageNotes: { length: 0, cut: false },
        pageChapters: 0,
      }),
    ]);
    expect(page.runtime.chapters().map((c) => c.title)).toEqual(['On the slip', 'Greasing the ways']);
    expect(page.runtime.chapterSource()).toBe('audio');
    expect(page.doc.documentElement.dataset.earmark).toBe('ready');
    const root = page.panel()!;
    expect(chapterButtons(root).map((b) => (b as HTMLElement).dataset.start)).toEqual(['0', '200']);
    expect(root.querySelector('.source')?.textContent).toBe('Chapters from the audio file');
    const card = root.querySelector('[data-guest="Ines Varga"]')!;
    expect(card.getAttribute('data-named-by')).toBe('podcast');
    expect(card.querySelector('.named')?.textContent).toBe('Named by the podcast');
    expect(card.querySelector('img')?.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(page.runtime.feed()).toEqual({ state: 'found', title: 'The Tiny Harbour' });
    page.invalidate();
  });

  it('keeps the page’s chapters when the feed has none to add, and tells why when it has no answer', async () => {
    const settings = createStore<Settings>({ ...DEFAULT_SETTINGS, feedLookup: true });
    const page = await open({ settings, feed: async () => ({ state: 'none', message: "This episode is not in the podcast's feed." }) });
    await page.settle();
    expect(page.runtime.chapters().map((c) => c.startTime)).toEqual(starts);
    expect(page.runtime.chapterSource()).toBe('notes');
    expect(page.panel()!.querySelector('.source')).toBeNull();
    expect(page.runtime.feed()).toEqual({ state: 'none', message: "This episode is not in the podcast's feed." });
    page.invalidate();
  });
});
