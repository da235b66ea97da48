// The pause between the runtime's steps up to the panel: when it gives the main thread back, and when the last
// step runs on in the task it is in.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FINISH_MS, nextTask, SLICE_MS, slicer } from '../../lib/content/next-task';

let now = 0;
const yields = vi.fn(() => Promise.resolve());

/** A task boundary: what a `nextTask` resumption marked as the task's start is over after it. */
const laterTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function setUp() {
  await laterTask();
  now = 1_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  vi.stubGlobal('scheduler', { yield: yields });
  yields.mockClear();
}
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('slicer', () => {
  it('runs on while a slice is short, and yields once it has run SLICE_MS', async () => {
    await setUp();
    const pause = slicer();
    now += SLICE_MS - 1;
    await pause();
    expect(yields).not.toHaveBeenCalled();
    now += 1;
    await pause();
    expect(yields).toHaveBeenCalledTimes(1);
    // The clock starts again after the yield.
    now += SLICE_MS - 1;
    await pause();
    expect(yields).toHaveBeenCalledTimes(1);
  });

  it('lets a short last step finish in the task when the task stays under FINISH_MS with it', async () => {
    await setUp();
    const pause = slicer();
    now += 30;
    await pause(FINISH_MS - 30 - 1);
    expect(yields).not.toHaveBeenCalled();
  });

  it('counts the work done in the task before it was made, when a nextTask began that task', async () => {
    await setUp();
    await nextTask();
    yields.mockClear();
    // Start-up work in the same task, then the slicer.
    now += SLICE_MS;
    const pause = slicer();
    await pause();
    expect(yields).toHaveBeenCalledTimes(1);
  });

  it('starts its clock when made, in a task that no nextTask began', async () => {
    await setUp();
    await nextTask();
    now += SLICE_MS;
    await laterTask();
    yields.mockClear();
    const pause = slicer();
    now += SLICE_MS - 1;
    await pause();
    expect(yields).not.toHaveBeenCalled();
  });

  it('yields before a last step that would take the task to FINISH_MS', async () => {
    await setUp();
    const pause = slicer();
    now += 30;
    await pause(FINISH_MS - 30);
    expect(yields).toHaveBeenCalledTimes(1);
  });
});
