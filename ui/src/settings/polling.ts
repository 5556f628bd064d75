// Progress polled from the core while a long copy runs (a backup, a restore, encryption
// turned on or off): one question at a time, every POLL_MS, until the work ends.

import type { CopyProgress } from '../lib/bindings';

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
export async function withProgress<T>(
  every: Every,
  ask: () => Promise<CopyProgress | null>,
  shown: (progress: CopyProgress) => void,
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
