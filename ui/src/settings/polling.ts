// Progress polled from the core while long work runs (a backup, a restore, encryption
// turned on or off, a capture scan): one question at a time, every POLL_MS, until it ends.

/** Runs `tick` every `ms` until the returned function is called. */
export type Every = (ms: number, tick: () => void) => () => void;

/** How often the progress is asked for while a copy runs. */
export const POLL_MS = 150;

export const everyInterval: Every = (ms, tick) => {
  const timer = setInterval(tick, ms);
  return () => clearInterval(timer);
};

/**
 * Runs `work` while asking `ask` for its progress; each figure goes to `shown` (an idle
 * answer, null, is not shown: the copy ended between polls). The polling stops when the
 * work settles, whichever way; `work`'s answer or rejection is passed on.
 */
export async function withProgress<T, P>(
  every: Every,
  ask: () => Promise<P | null>,
  shown: (progress: P) => void,
  work: () => Promise<T>,
): Promise<T> {
  let asking = false;
  let running = true;
  const stop = every(POLL_MS, () => {
    if (asking) return;
    asking = true;
    ask()
      .then((progress) => {
        if (progress && running) shown(progress);
      })
      .catch(() => {
        // A missed poll only delays the bar.
      })
      .finally(() => (asking = false));
  });
  try {
    return await work();
  } finally {
    running = false;
    stop();
  }
}
