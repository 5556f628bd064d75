// The responsiveness probe: how long from a keystroke (or a click) to the frame that shows
// its answer, measured in the window itself. A screen says when something was asked for
// (`start`, with the input event's own `timeStamp`) and when the answer is in the DOM
// (`drawn`); the sample ends after the next frame has been painted.
//
// Always on: a sample costs two clock reads, a frame callback and one message, and the last
// SAMPLE_LIMIT samples are kept, so nothing grows. It needs no flag from the app (the start-up
// probe's flag lives in the Rust process), so the end-to-end tests and `bench/run` read the
// same numbers a person's window records, through `window.__careerlogProbe`.

/** What is timed: a keystroke in the search palette, a page of the Journal list. */
export type ProbeName = 'search' | 'list-page';

export interface ProbeSample {
  name: ProbeName;
  /** What was asked for: the query typed, the rows shown before the page. */
  label: string;
  /** The event's `timeStamp` (same clock as `performance.now()`). */
  startedAt: number;
  /** After the frame that showed the answer was painted. */
  drawnAt: number;
  ms: number;
}

/** Calls `then` once the next frame has been painted: a frame callback runs just before the
 * paint, and a message posted from it is handled just after. */
export type AfterPaint = (then: () => void) => void;

export const SAMPLE_LIMIT = 256;

export class Probe {
  /** The samples so far, oldest first (at most SAMPLE_LIMIT). */
  readonly samples: ProbeSample[] = [];
  readonly #pending = new Map<ProbeName, { label: string; at: number }[]>();
  readonly #afterPaint: AfterPaint;
  readonly #now: () => number;

  constructor(afterPaint: AfterPaint = afterNextPaint, now: () => number = () => performance.now()) {
    this.#afterPaint = afterPaint;
    this.#now = now;
  }

  /** Something was asked for at `at` (an event's `timeStamp`); its answer is on its way. */
  start(name: ProbeName, at: number, label = ''): void {
    const list = this.#pending.get(name) ?? [];
    list.push({ label, at });
    this.#pending.set(name, list);
  }

  /**
   * The answer to everything asked for so far under `name` is in the DOM now (a newer answer
   * stands for older asks it replaced). The samples end after the next paint; asks made
   * after this call wait for the next answer.
   */
  drawn(name: ProbeName): void {
    const answered = this.#pending.get(name);
    if (!answered?.length) return;
    this.#pending.delete(name);
    this.#afterPaint(() => {
      const drawnAt = this.#now();
      for (const { label, at } of answered) {
        this.samples.push({ name, label, startedAt: at, drawnAt, ms: drawnAt - at });
      }
      if (this.samples.length > SAMPLE_LIMIT) this.samples.splice(0, this.samples.length - SAMPLE_LIMIT);
    });
  }

  /** Forgets the samples and anything still waiting (the bench starts each series afresh). */
  clear(): void {
    this.samples.length = 0;
    this.#pending.clear();
  }
}

function afterNextPaint(then: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      then();
    };
    channel.port2.postMessage(null);
  });
}

export const probe = new Probe();

declare global {
  interface Window {
    /** The probe, for the end-to-end tests and `bench/run` (read through WebDriver). */
    __careerlogProbe?: Probe;
  }
}

if (typeof window !== 'undefined') window.__careerlogProbe = probe;
