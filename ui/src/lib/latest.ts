// The newest reply wins: each read takes a ticket, and a reply whose ticket is no longer the
// newest (a later read began, or a write came in between) is dropped instead of shown.

import { toIpcError } from './api';
import type { IpcError } from './bindings';

/** Where a screen's read stands. */
export type LoadStatus = 'loading' | 'ready' | 'error';
/** The same for a read that waits until it is first asked for. */
export type LazyStatus = 'idle' | LoadStatus;

/** True while the read that took it is still the newest. */
export type Ticket = () => boolean;

/** A store's view of one record (a project, a story): the record, its read, why it failed. */
export interface DetailView<T> {
  detail: T | null;
  detailStatus: LoadStatus;
  error: IpcError | null;
}

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

  /**
   * Runs a read as the newest: `shown` takes its answer, or `failed` its error, only while no
   * newer read has begun; a stale answer or failure is dropped.
   */
  async read<T>(ask: () => Promise<T>, shown: (answer: T) => unknown, failed: (error: IpcError) => void): Promise<void> {
    const current = this.begin();
    try {
      const answer = await ask();
      if (current()) await shown(answer);
    } catch (e) {
      if (current()) failed(toIpcError(e));
    }
  }

  /** `read` into a record's view: the answer is shown with no error; a failure clears it and says why. */
  readDetail<T>(view: DetailView<T>, ask: () => Promise<T>): Promise<void> {
    return this.read(
      ask,
      (detail) => {
        view.detail = detail;
        view.detailStatus = 'ready';
        view.error = null;
      },
      (e) => {
        view.detail = null;
        view.error = e;
        view.detailStatus = 'error';
      },
    );
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
