// The newest reply wins: each read takes a ticket, and a reply whose ticket is no longer the
// newest (a later read began, or a write came in between) is dropped instead of shown.

/** True while the read that took it is still the newest. */
export type Ticket = () => boolean;

export class Latest {
  #newest = 0;
  #shared: { key: string; promise: Promise<unknown> } | null = null;

  /** Starts a read (or a change) whose reply counts only until a newer one starts. */
  begin(): Ticket {
    const mine = ++this.#newest;
    return () => mine === this.#newest;
  }

  /** A ticket for the read already under way, for a step that belongs to it (no new read). */
  current(): Ticket {
    const mine = this.#newest;
    return () => mine === this.#newest;
  }

  /** Every reply on its way goes stale, and no read is shared any more: after a write or a reset. */
  invalidate(): void {
    this.#newest += 1;
    this.#shared = null;
  }

  /** The same read asked for again while it is on its way (a view opened and mounted) runs once. */
  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.#shared?.key === key) return this.#shared.promise as Promise<T>;
    const promise = load().finally(() => {
      if (this.#shared?.promise === promise) this.#shared = null;
    });
    this.#shared = { key, promise };
    return promise;
  }
}
