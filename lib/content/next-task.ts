/**
 * Gives the page its main thread back until the next task: the runtime's long steps (the guests engine, linking the
 * times in long notes) each run in a task of their own, so input and the page's own work get in between.
 * `scheduler.yield()` where the browser has it (it resumes ahead of other queued tasks); a timer elsewhere (not
 * nested deep enough for the browsers' 4 ms clamp: each slice starts from a fresh task).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
