/**
 * The toolbar popup on a tab whose page is still loading: players' content scripts start once the page's DOM is
 * parsed, so no answer yet does not mean Earmark is not running there. Rendered with Preact into a linkedom document.
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../components/Popup';

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

const STATUS = {
  instance: 'abc-123',
  owner: true,
  playing: false,
  player: 'overcast',
  label: 'Overcast',
  kind: 'episode',
  title: 'Tides and the people who count them',
  chapters: [{ startTime: 0, title: 'Cold open' }, { startTime: 95, title: 'The tide tables' }],
  guests: [],
};

const noReceiver = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
const settle = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

describe('the popup on a page still loading', () => {
  it('asks again until the content script answers, and shows its chapters', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
    let loading = true;
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async () => ({ id: 7, status: loading ? 'loading' : 'complete' }) as never);
    let ready = false;
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((() => (ready ? Promise.resolve(STATUS) : noReceiver())) as never);
    act(() => render(<Popup />, container));
    await settle(300);
    expect(container.textContent).toContain('Looking');
    expect(container.textContent).not.toContain('not running');
    // The page is parsed: its detector answers now.
    ready = true;
    loading = false;
    await settle(600);
    expect(container.textContent).toContain('The tide tables');
    expect(send.mock.calls.filter(([, message]) => (message as { type: string }).type === 'earmark:status').length).toBeGreaterThan(1);
  });

  it('says Earmark is not running once a loaded page has no content script to answer', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 7, status: 'complete' } as never);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(noReceiver as never);
    act(() => render(<Popup />, container));
    await settle(100);
    expect(container.textContent).toContain('Earmark is not running on this page.');
    // Asked once: a loaded page is not asked again.
    expect(send.mock.calls.filter(([, message]) => (message as { type: string }).type === 'earmark:status')).toHaveLength(1);
  });
});
