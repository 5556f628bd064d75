// The rehearsal stopwatch: start, one boundary per section, stop. Time is always read from
// an injected monotonic clock and derived from timestamps, never counted in ticks, so a
// window that loses focus (and has its timers throttled) still shows the right time.

/** Milliseconds from a monotonic source; `performance.now()` in the window. */
export type Clock = () => number;

export type TimerPhase = 'ready' | 'running' | 'stopped';

export interface TimerState {
  phase: TimerPhase;
  /** Time since start (frozen once stopped). */
  elapsedMs: number;
  /** The section being told; -1 before the start; the last one told once stopped. */
  section: number;
  /** Time spent in the section being told. */
  sectionElapsedMs: number;
  /** Per section, in telling order: finished ones, the running one so far, 0 for the rest. */
  sectionMs: number[];
}

export class RehearsalTimer {
  readonly sectionCount: number;
  readonly #clock: Clock;
  readonly #wallClock: () => Date;
  /** Clock readings: the start, then the end of each finished section. */
  #marks: number[] = [];
  #stoppedAt: number | null = null;
  /** The latest reading, so a clock that steps back never runs the timer backwards. */
  #latest = -Infinity;
  #startedAt: Date | null = null;

  constructor(sectionCount: number, clock: Clock = () => performance.now(), wallClock: () => Date = () => new Date()) {
    if (!Number.isInteger(sectionCount) || sectionCount < 1) throw new RangeError('a story has at least one section');
    this.sectionCount = sectionCount;
    this.#clock = clock;
    this.#wallClock = wallClock;
  }

  get phase(): TimerPhase {
    if (this.#marks.length === 0) return 'ready';
    return this.#stoppedAt === null ? 'running' : 'stopped';
  }

  /** When the rehearsal began, by the wall clock (for the record, not for timing). */
  get startedAt(): Date | null {
    return this.#startedAt;
  }

  start(): void {
    if (this.phase !== 'ready') return;
    this.#marks = [this.#now()];
    this.#startedAt = this.#wallClock();
  }

  /** Closes the section being told; after the last section, this stops the timer. */
  next(): void {
    if (this.phase !== 'running') return;
    if (this.#marks.length === this.sectionCount) {
      this.stop();
      return;
    }
    this.#marks.push(this.#now());
  }

  /** Stops; the section being told ends now, and the sections not reached stay at 0. */
  stop(): void {
    if (this.phase !== 'running') return;
    this.#stoppedAt = this.#now();
  }

  /** Back to the start, for another take. */
  reset(): void {
    this.#marks = [];
    this.#stoppedAt = null;
    this.#startedAt = null;
  }

  /** Where the rehearsal is, as of now. */
  read(): TimerState {
    const phase = this.phase;
    if (phase === 'ready') {
      return { phase, elapsedMs: 0, section: -1, sectionElapsedMs: 0, sectionMs: Array(this.sectionCount).fill(0) };
    }
    const start = this.#marks[0] ?? 0;
    const end = this.#stoppedAt ?? this.#now();
    // Whole milliseconds from the start at every boundary, so the sections add up to the total exactly.
    const offsets = [...this.#marks, end].map((mark) => Math.round(mark - start));
    const sectionMs = Array<number>(this.sectionCount).fill(0);
    for (let i = 0; i + 1 < offsets.length; i++) sectionMs[i] = (offsets[i + 1] ?? 0) - (offsets[i] ?? 0);
    const section = this.#marks.length - 1;
    return {
      phase,
      elapsedMs: offsets[offsets.length - 1] ?? 0,
      section,
      sectionElapsedMs: sectionMs[section] ?? 0,
      sectionMs,
    };
  }

  #now(): number {
    this.#latest = Math.max(this.#latest, this.#clock());
    return this.#latest;
  }
}
