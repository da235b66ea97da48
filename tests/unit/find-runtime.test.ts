/**
 * Which frame speaks for a tab (lib/find-runtime.ts): the top frame when it has an episode, else an embed with
 * one (the playing one first), else the top frame's answer as it is. And the background's list of the embeds'
 * frames (lib/background/embed-frames.ts), which must survive the service worker being stopped.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createEmbedFrames, MAX_FRAMES_PER_TAB, type EmbedFrames } from '../../lib/background/embed-frames';
import { chooseFrame, findRuntime } from '../../lib/find-runtime';
import type { ContentStatus } from '../../lib/messages';

const status = (instance: string, owner: boolean, playing = false): ContentStatus => ({
  instance,
  owner,
  playing,
  player: 'libsyn',
  label: 'Libsyn',
  kind: 'episode',
  chapters: owner ? [{ startTime: 0, title: 'Intro' }] : [],
  guests: [],
});

describe('chooseFrame', () => {
  it('takes the top frame when it owns an episode, whatever the embeds say', () => {
    const top = status('top', true);
    expect(chooseFrame(top, [{ frameId: 5, status: status('a', true, true) }])).toEqual({ frameId: 0, status: top });
  });

  it('else the playing embed, whatever its place in the list', () => {
    const embeds = [
      { frameId: 4, status: status('idle', true) },
      { frameId: 9, status: status('playing', true, true) },
    ];
    expect(chooseFrame(status('top', false), embeds)?.frameId).toBe(9);
    expect(chooseFrame(undefined, embeds)?.frameId).toBe(9);
  });

  it('else the first embed listed that has an episode', () => {
    const embeds = [{ frameId: 3 }, { frameId: 4, status: status('empty', false, true) }, { frameId: 6, status: status('one', true) }, { frameId: 8, status: status('two', true) }];
    expect(chooseFrame(undefined, embeds)).toEqual({ frameId: 6, status: status('one', true) });
  });

  it('else the top frame’s answer (which player, what it lacks), or nothing', () => {
    const top = status('top', false);
    expect(chooseFrame(top, [{ frameId: 4, status: status('empty', false) }])).toEqual({ frameId: 0, status: top });
    expect(chooseFrame(undefined, [{ frameId: 4, status: status('empty', false) }, { frameId: 5 }])).toBeUndefined();
  });

  it('never takes frame 0 from the embeds’ list as an embed', () => {
    expect(chooseFrame(undefined, [{ frameId: 0, status: status('forged', true, true) }])).toBeUndefined();
  });
});

describe('findRuntime', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  /** A tab whose frames answer `earmark:status` with these (none: no content script there). */
  const tab = (answers: Record<number, ContentStatus | undefined>) =>
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((_tabId: number, _message: unknown, options?: { frameId?: number }) => {
      const answer = answers[options?.frameId ?? -1];
      return answer ? Promise.resolve(answer) : Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    }) as never);

  it('asks only the top frame when it owns the episode', async () => {
    const send = tab({ 0: status('top', true), 7: status('embed', true, true) });
    const list = vi.fn(async () => [7]);
    expect(await findRuntime(1, { list })).toEqual({ frameId: 0, status: status('top', true) });
    expect(send).toHaveBeenCalledTimes(1);
    expect(list).not.toHaveBeenCalled();
  });

  it('on a page without Earmark, asks each listed frame by its id and forgets those that are gone', async () => {
    const send = tab({ 7: status('idle', true), 8: status('playing', true, true) });
    const forgotten: number[] = [];
    const found = await findRuntime(1, { list: async () => [5, 7, 8], forget: (id) => forgotten.push(id) });
    expect(found).toEqual({ frameId: 8, status: status('playing', true, true) });
    expect(send.mock.calls.map((c) => (c[2] as { frameId: number }).frameId).sort()).toEqual([0, 5, 7, 8]);
    expect(forgotten).toEqual([5]);
  });

  it('an unreachable list is an empty one', async () => {
    tab({ 0: status('top', false) });
    expect(await findRuntime(1, { list: () => Promise.reject(new Error('no background')) })).toEqual({ frameId: 0, status: status('top', false) });
  });
});

describe('the background’s list of embed frames', () => {
  /** A session storage that outlives the registry, as storage.session outlives a stopped service worker. */
  const memory = () => {
    let stored: EmbedFrames = {};
    return { load: async () => structuredClone(stored), save: async (frames: EmbedFrames) => void (stored = structuredClone(frames)) };
  };

  it('keeps frames by tab in the order they came, once each, and forgets what goes', async () => {
    const frames = createEmbedFrames(memory());
    await Promise.all([frames.here(1, 7, true), frames.here(1, 9, true), frames.here(2, 4, true), frames.here(1, 7, true)]);
    expect(await frames.list(1)).toEqual([7, 9]);
    await frames.here(1, 7, false);
    expect(await frames.list(1)).toEqual([9]);
    await frames.forget(1, 9);
    expect(await frames.list(1)).toEqual([]);
    await frames.dropTab(2);
    expect(await frames.list(2)).toEqual([]);
  });

  it('loses nothing when many frames speak at once, and is there again after a restart', async () => {
    const store = memory();
    const frames = createEmbedFrames(store);
    await Promise.all(Array.from({ length: 12 }, (_, i) => frames.here(3, 10 + i, true)));
    const restarted = createEmbedFrames(store);
    expect(await restarted.list(3)).toEqual(Array.from({ length: 12 }, (_, i) => 10 + i));
  });

  it('keeps the newest frames of a tab that makes too many', async () => {
    const frames = createEmbedFrames(memory());
    for (let id = 1; id <= MAX_FRAMES_PER_TAB + 3; id++) await frames.here(5, id, true);
    const list = await frames.list(5);
    expect(list).toHaveLength(MAX_FRAMES_PER_TAB);
    expect(list[0]).toBe(4);
  });

  it('starts empty when the stored list cannot be read', async () => {
    const frames = createEmbedFrames({ load: () => Promise.reject(new Error('no session storage')), save: async () => undefined });
    await frames.here(1, 2, true);
    expect(await frames.list(1)).toEqual([2]);
  });
});
