/**
 * Gives the page its main thread back until the next task: the runtime's long steps (the guests engine, linking the
 * times in long notes) each run in a task of their own, so input and the page's own work get in between.
 * `scheduler.yield()` where the browser has it (it resumes ahead of other queued tasks); a timer elsewhere (not
 * nested deep enough for the browsers' 4 ms clamp: each slice starts from a fresh task).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield().then(resumed);
  return new Promise<void>((resolve) => setTimeout(resolve, 0)).then(resumed);
}

/**
 * When the task running now began, if it began where a `nextTask` resumed; undefined once that task is over (a timer
 * queued at the resumption clears it in a later task). A slicer made in that task counts its work from there: the
 * runtime's start-up (settings, page data) runs before its first slicer is made, in the same task.
 */
let taskStart: number | undefined;
function resumed(): void {
  taskStart = performance.now();
  setTimeout(() => (taskStart = undefined), 0);
}

/** How long a slice may run before it gives the main thread back: well under the 50 ms that makes a long task. */
export const SLICE_MS = 12;

/**
 * A pause that yields (`nextTask`) only once the work since the last yield has run `SLICE_MS`. On an ordinary page
 * the steps before the panel take a few milliseconds each, and a yield after each let a frame of the page's own
 * rendering in before the panel (a few milliseconds more, each time); on a page with long notes each step still
 * gets a task of its own.
 *
 * `last`: the step after this pause is the last one, and takes about this long. It then runs on in this task when
 * the task stays under FINISH_MS with it: on a page with long notes, a yield right before the panel let the page's
 * own first rendering in (about 50 ms for 1 MB of notes) and the panel waited for it in one visit out of three.
 * The clock starts at the task's start when the slicer is made in a task a `nextTask` began (see taskStart), else
 * when it is made.
 */
export function slicer(): (last?: number) => Promise<void> {
  let since = taskStart ?? performance.now();
  return async (last?: number) => {
    const ran = performance.now() - since;
    if (ran < SLICE_MS || (last !== undefined && ran + last < FINISH_MS)) return;
    await nextTask();
    since = performance.now();
  };
}

/** The longest a task may run when it finishes a series (see slicer): under the 50 ms of a long task, with room. */
export const FINISH_MS = 40;
