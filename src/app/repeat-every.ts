/**
 * Runs `task` every `everyMs` until the returned function is called, never twice at once: a run
 * still going when the next is due makes that one skip. Failures go to `failed`. The timer does
 * not keep the process alive.
 */
export function repeatEvery(
  everyMs: number,
  task: () => Promise<unknown>,
  failed: (error: unknown) => void,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch(failed)
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
