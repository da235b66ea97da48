// The show-page chips feature on a parsed page (linkedom, no browser): what it adds to the cards, that it is
// idempotent, and that it removes what it added. The browser tier checks the same on the real page.
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, fixtureUrl, parse } from './fixture-pages';
import { createShowChips } from '../../lib/content/features/show-chips';
import { apple } from '../../lib/players/apple';
import * as engine from '../../lib/content/guests-engine';
import { spotify } from '../../lib/players/spotify';

// Preact renders through the global document, as it does in the page: the parsed page stands in for it.
const scope = globalThis as { document?: Document };
afterEach(() => {
  delete scope.document;
});

function setup() {
  const doc = parse(fixture('apple/show.html'));
  scope.document = doc;
  let writes = 0;
  const chips = createShowChips({
    doc,
    adapter: apple,
    write: (fn) => {
      writes++;
      return fn();
    },
    maxNotes: 256 * 1024,
    guests: () => engine,
  });
  return { doc, chips, writes: () => writes };
}

describe('feature: show-page chips', () => {
  it('puts a chip on each card whose notes hold a timeline, through the runtime’s write', () => {
    const { doc, chips, writes } = setup();
    const url = fixtureUrl('apple/show.html');
    const cards = apple.showEpisodes!(doc, url);
    expect(chips.annotate(url)).toBe('ready');
    expect(writes()).toBe(1);
    const placed = [...doc.querySelectorAll('earmark-chip')];
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.length).toBeLessThan(cards.length + 1);
    for (const chip of placed) expect(Number((chip as HTMLElement).dataset.chapters)).toBeGreaterThanOrEqual(2);
  });

  it('keeps the same chips when nothing changed, and replaces one whose card now shows another episode', () => {
    const { doc, chips } = setup();
    const url = fixtureUrl('apple/show.html');
    chips.annotate(url);
    const before = [...doc.querySelectorAll('earmark-chip')];
    chips.annotate(url);
    const after = [...doc.querySelectorAll('earmark-chip')];
    expect(after).toEqual(before);
    const card = before[0]!.parentElement!;
    const link = card.querySelector('a[href*="?i="]')!;
    link.setAttribute('href', link.getAttribute('href')!.replace(/\?i=\d+/, '?i=1000999999999'));
    chips.annotate(url);
    expect(card.querySelectorAll('earmark-chip')).toHaveLength(1);
    expect(card.querySelector('earmark-chip')).not.toBe(before[0]);
  });

  it('names the guests on chips made before the guests engine was loaded, keeping the chips', () => {
    const url = fixtureUrl('spotify/show.html');
    const chipsOf = (doc: Document) => [...doc.querySelectorAll<HTMLElement>('earmark-chip')];
    // The engine there from the start: the chips and the guests they name.
    const first = parse(fixture('spotify/show.html'));
    scope.document = first;
    createShowChips({ doc: first, adapter: spotify, write: (fn) => fn(), maxNotes: 256 * 1024, guests: () => engine }).annotate(url);
    const expected = chipsOf(first).map((c) => c.dataset.guests);
    expect(expected.some((g) => g)).toBe(true);

    const doc = parse(fixture('spotify/show.html'));
    scope.document = doc;
    let loaded = false;
    const chips = createShowChips({ doc, adapter: spotify, write: (fn) => fn(), maxNotes: 256 * 1024, guests: () => (loaded ? engine : undefined) });
    // Chips at once, but not finished until they name their guests.
    expect(chips.annotate(url)).toBeUndefined();
    const before = chipsOf(doc);
    expect(before).toHaveLength(expected.length);
    expect(before.filter((c) => c.dataset.guests)).toEqual([]);
    loaded = true;
    expect(chips.annotate(url)).toBe('ready');
    expect(chipsOf(doc)).toEqual(before);
    expect(chipsOf(doc).map((c) => c.dataset.guests)).toEqual(expected);
  });

  it('removes every chip it added', () => {
    const { doc, chips } = setup();
    chips.annotate(fixtureUrl('apple/show.html'));
    chips.remove();
    expect(doc.querySelectorAll('earmark-chip')).toHaveLength(0);
  });

  it('draws its chips in the page’s scheme, and Escape folds an open list', async () => {
    const url = fixtureUrl('apple/show.html');
    const light = setup();
    light.chips.annotate(url);
    const lightChip = light.doc.querySelector('earmark-chip')!.shadowRoot!.querySelector('.chip')!;
    expect([...lightChip.classList]).toEqual(['chip', 'light']);
    delete scope.document;

    // A page that says it is dark (YouTube's attribute): the chip's list is drawn light on dark.
    const { doc, chips } = setup();
    doc.documentElement.setAttribute('dark', '');
    chips.annotate(url);
    const root = doc.querySelector('earmark-chip')!.shadowRoot!;
    expect([...root.querySelector('.chip')!.classList]).toEqual(['chip', 'dark']);
    const rendered = () => new Promise((resolve) => setTimeout(resolve, 0));
    root.querySelector<HTMLButtonElement>('button.summary')!.click();
    await rendered();
    expect(root.querySelector('ol a')).not.toBeNull();
    // The page's own event class (linkedom has no KeyboardEvent: its Event, with the key the browser's would carry),
    // sent to the chip, where a key pressed on its button or its links arrives.
    const PageEvent = (doc.defaultView as unknown as { Event: typeof Event }).Event;
    const escape = new PageEvent('keydown');
    Object.defineProperty(escape, 'key', { value: 'Escape' });
    root.querySelector('.chip')!.dispatchEvent(escape);
    await rendered();
    expect(root.querySelector('ol')).toBeNull();
    expect(root.querySelector('button.summary')!.getAttribute('aria-expanded')).toBe('false');
  });

  it('redraws every chip in the scheme the page switched to, a chip made after the switch included', () => {
    const { doc, chips } = setup();
    const url = fixtureUrl('apple/show.html');
    chips.annotate(url);
    const schemes = () => [...doc.querySelectorAll('earmark-chip')].map((c) => c.shadowRoot!.querySelector('.chip')!.classList.contains('dark'));
    expect(schemes().length).toBeGreaterThan(1);
    expect(schemes().every((dark) => !dark)).toBe(true);
    // The page goes dark, and a card shows another episode before the runtime's scheme check runs: its new chip is
    // drawn dark already, the others are redrawn when the check comes.
    doc.documentElement.setAttribute('dark', '');
    const link = doc.querySelector('earmark-chip')!.parentElement!.querySelector('a[href*="?i="]')!;
    link.setAttribute('href', link.getAttribute('href')!.replace(/\?i=\d+/, '?i=1000999999999'));
    chips.annotate(url);
    expect(schemes().filter(Boolean)).toHaveLength(1);
    chips.rescheme('dark');
    expect(schemes().every((dark) => dark)).toBe(true);
  });

  it('says there is nothing to show on a page without cards', () => {
    const doc = parse('<!doctype html><html><body><main></main></body></html>');
    const chips = createShowChips({ doc, adapter: apple, write: (fn) => fn(), maxNotes: 1000, guests: () => engine });
    expect(chips.annotate(new URL('https://podcasts.apple.com/us/podcast/the-tiny-harbour/id1234567890'))).toBeUndefined();
  });
});
