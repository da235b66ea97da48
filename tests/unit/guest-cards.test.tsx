/**
 * Guest cards in the panel and the popup: who the guest is (summary, then affiliations), then the pages the notes
 * give for them, https only; and the popup on a tab still loading. Rendered with Preact into a linkedom document.
 * Invented people and sites only.
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ChapterPanel, type GuestView, type PanelState } from '../../components/ChapterPanel';
import { Popup } from '../../components/Popup';
import { createStore } from '../../lib/content/store';
import { safeGuestLink, safeGuestLinks } from '../../lib/guest-links';

const GUEST: GuestView = {
  name: 'Marisol Quennell',
  summary: 'Professor of Tidal Studies at Saltmarsh Polytechnic and co-founder of Brinewatch',
  affiliations: ['Saltmarsh Polytechnic', 'Brinewatch'],
  evidence: ['Our guest today is Marisol Quennell'],
  links: [
    { url: 'https://quennell.example/', host: 'quennell.example' },
    { url: 'https://social.example/@mquennell', host: 'social.example' },
    { url: 'javascript:alert(1)', host: 'quennell.example' },
    { url: 'http://plain.example/marisol', host: 'plain.example' },
    { url: 'https://evil.example/phish', host: 'github.com' },
  ],
};

let container: HTMLElement;
const saved: Record<string, unknown> = {};

beforeEach(() => {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  for (const key of ['window', 'document'] as const) saved[key] = (globalThis as Record<string, unknown>)[key];
  Object.assign(globalThis, { window, document });
  container = document.getElementById('app') as unknown as HTMLElement;
});

afterEach(() => {
  render(null, container);
  Object.assign(globalThis, saved);
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

/** The card's parts in document order, by what they are. */
const partsOf = (card: Element) =>
  [...card.querySelectorAll('h2, h3, .summary, .affiliations, .guest-links, details, .wiki')].map((e) =>
    e.matches('h2, h3') ? 'name' : e.matches('.summary') ? 'summary' : e.matches('.affiliations') ? 'affiliations' : e.matches('.guest-links') ? 'links' : e.matches('details') ? 'why' : 'wiki',
  );

const linksOf = (card: Element) =>
  [...card.querySelectorAll<HTMLAnchorElement>('a[data-guest-link]')].map((a) => ({
    text: a.textContent,
    href: a.getAttribute('href'),
    target: a.getAttribute('target'),
    rel: a.getAttribute('rel'),
    label: a.getAttribute('aria-label'),
  }));

const SAFE_LINKS = [
  { text: 'quennell.example', href: 'https://quennell.example/', target: '_blank', rel: 'noopener noreferrer', label: 'quennell.example (opens in a new tab)' },
  {
    text: 'social.example',
    href: 'https://social.example/@mquennell',
    target: '_blank',
    rel: 'noopener noreferrer',
    label: 'social.example (opens in a new tab)',
  },
];

describe('the panel’s chapter list', () => {
  it('gives a chapter whose title is a whole paragraph its full text as a tooltip, and a short one none', () => {
    const long = 'Welcoming our guest to the harbour. Her first book, and the story of how she came to charts and tides after twenty years at sea.';
    const state = createStore<PanelState>({ chapters: [{ startTime: 0, title: 'Cold open' }, { startTime: 40, title: long }], guests: [], showTimeline: false, scheme: 'light' });
    act(() => render(<ChapterPanel state={state} time={createStore(0)} onSeek={() => {}} />, container));
    const buttons = [...container.querySelectorAll('button[data-start]')];
    expect(buttons.map((b) => b.getAttribute('title'))).toEqual([null, long]);
    expect(buttons[1]!.querySelector('.title')?.textContent).toBe(long);
  });
});

describe('the panel’s guest card', () => {
  const renderPanel = (guests: GuestView[]) => {
    const state = createStore<PanelState>({ chapters: [], guests, showTimeline: false, scheme: 'light' });
    act(() => render(<ChapterPanel state={state} time={createStore(0)} onSeek={() => {}} onLookup={async () => ({ ok: false, reason: 'error', message: '' })} />, container));
    return [...container.querySelectorAll('article.guest[data-guest]')];
  };

  it('shows the name, the summary before the affiliations, then the links, why we think so and the look-up', () => {
    const [card] = renderPanel([GUEST]);
    expect(card?.getAttribute('data-guest')).toBe('Marisol Quennell');
    expect(partsOf(card!)).toEqual(['name', 'summary', 'affiliations', 'links', 'why', 'wiki']);
    expect(card!.querySelector('.summary')?.textContent).toBe(GUEST.summary);
    expect(card!.querySelector('.affiliations')?.textContent).toBe('Saltmarsh Polytechnic · Brinewatch');
  });

  it('shows each https link as its host, opening in a new tab with noopener; javascript:, http: and a host that lies are dropped', () => {
    const [card] = renderPanel([GUEST]);
    expect(linksOf(card!)).toEqual(SAFE_LINKS);
    expect(card!.innerHTML).not.toContain('javascript:');
    expect(card!.innerHTML).not.toContain('plain.example');
    expect(card!.innerHTML).not.toContain('evil.example');
  });

  it('does not show a link whose text is not its URL’s host (markup included)', () => {
    const [card] = renderPanel([{ ...GUEST, links: [{ url: 'https://quennell.example/', host: '<img src=x onerror=alert(1)>' }] }]);
    expect(card!.querySelector('.guest-links')).toBeNull();
    expect(card!.querySelector('img')).toBeNull();
  });

  it('renders no list for a guest without links', () => {
    const [card] = renderPanel([{ ...GUEST, links: [] }]);
    expect(card!.querySelector('.guest-links')).toBeNull();
    expect(partsOf(card!)).toEqual(['name', 'summary', 'affiliations', 'why', 'wiki']);
  });
});

describe('the popup’s guest section', () => {
  const status = (links: unknown[]) => ({
    instance: 'abc-123',
    owner: true,
    playing: false,
    player: 'overcast',
    label: 'Overcast',
    kind: 'episode',
    title: 'Tides and the people who count them',
    chapters: [{ startTime: 0, title: 'Intro' }],
    guests: [{ name: GUEST.name, affiliations: GUEST.affiliations, summary: GUEST.summary, links }],
  });

  const renderPopup = async (answer: unknown) => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(answer);
    act(() => render(<Popup />, container)); // runs the effect that asks the tab
    await act(() => new Promise((resolve) => setTimeout(resolve, 0))); // and renders its answer
    // The top frame is asked first, and owns this episode: no other frame is asked.
    expect(send).toHaveBeenCalledWith(7, { type: 'earmark:status' }, { frameId: 0 });
    expect(send).toHaveBeenCalledTimes(1);
    return [...container.querySelectorAll('section.guest[data-guest]')];
  };

  it('shows the name, the summary before the affiliations, the https links, then the look-up', async () => {
    const [section] = await renderPopup(status(GUEST.links as unknown[]));
    expect(section?.getAttribute('data-guest')).toBe('Marisol Quennell');
    expect(partsOf(section!)).toEqual(['name', 'summary', 'affiliations', 'links', 'wiki']);
    expect(linksOf(section!)).toEqual(SAFE_LINKS);
  });

  it('drops links that are not https, whatever the content script answered', async () => {
    const [section] = await renderPopup(
      status([
        { url: 'javascript:alert(1)', host: 'x' },
        { url: 'http://plain.example/', host: 'plain.example' },
        { url: 'data:text/html,<b>hi</b>', host: 'data' },
      ]),
    );
    expect(section?.querySelector('.guest-links')).toBeNull();
    expect(section?.querySelector('a[data-guest-link]')).toBeNull();
  });
});

describe('the popup on a page still loading', () => {
  // Players' content scripts start once the page's DOM is parsed: no answer yet does not mean Earmark is not there.
  const noReceiver = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
  const settle = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));
  const statusAsks = (send: { mock: { calls: unknown[][] } }) => send.mock.calls.filter(([, message]) => (message as { type: string }).type === 'earmark:status').length;
  const answer = { instance: 'abc-123', owner: true, playing: false, player: 'overcast', label: 'Overcast', kind: 'episode', title: 'Tides', chapters: [{ startTime: 95, title: 'The tide tables' }], guests: [] };

  it('asks again until the content script answers, and shows its chapters', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
    let loading = true;
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async () => ({ id: 7, status: loading ? 'loading' : 'complete' }) as never);
    let ready = false;
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((() => (ready ? Promise.resolve(answer) : noReceiver())) as never);
    act(() => render(<Popup />, container));
    await settle(300);
    expect(container.textContent).toContain('Looking');
    expect(container.textContent).not.toContain('not running');
    // The page is parsed: its detector answers now.
    ready = true;
    loading = false;
    await settle(600);
    expect(container.textContent).toContain('The tide tables');
    expect(statusAsks(send)).toBeGreaterThan(1);
  });

  it('says Earmark is not running once a loaded page has no content script to answer', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 7, status: 'complete' } as never);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(noReceiver as never);
    act(() => render(<Popup />, container));
    await settle(100);
    expect(container.textContent).toContain('Earmark is not running on this page.');
    // Asked once: a loaded page is not asked again.
    expect(statusAsks(send)).toBe(1);
  });
});

describe('safeGuestLink', () => {
  it('keeps an https link whose text is its own host, rebuilt from its parts', () => {
    expect(safeGuestLink({ url: 'https://Wrenfield.example/a b', host: 'wrenfield.example' })).toEqual({
      url: 'https://wrenfield.example/a%20b',
      host: 'wrenfield.example',
    });
    expect(safeGuestLink({ url: 'https://wrenfield.example/', host: 'other.example' })).toBeUndefined();
    expect(safeGuestLinks([{ url: 'https://a.example/', host: 'a.example' }, { url: 'https://a.example/', host: 'a.example' }])).toHaveLength(1);
  });
});
