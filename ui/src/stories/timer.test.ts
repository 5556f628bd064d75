import { describe, expect, it } from 'vitest';
import { RehearsalTimer } from './timer';

/** A clock the test moves by hand. */
function fakeClock(start = 1000) {
  let now = start;
  return {
    read: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    set: (ms: number) => {
      now = ms;
    },
  };
}

describe('RehearsalTimer', () => {
  it('is ready at zero before the start', () => {
    const clock = fakeClock();
    const timer = new RehearsalTimer(4, clock.read);
    clock.advance(5000);
    expect(timer.read()).toEqual({
      phase: 'ready',
      elapsedMs: 0,
      section: -1,
      sectionElapsedMs: 0,
      sectionMs: [0, 0, 0, 0],
    });
  });

  it('starts in the first section and counts from the start', () => {
    const clock = fakeClock();
    const timer = new RehearsalTimer(4, clock.read, () => new Date('2024-03-05T18:40:00Z'));
    timer.start();
    clock.advance(12_345);
    const state = timer.read();
    expect(state.phase).toBe('running');
    expect(state.section).toBe(0);
    expect(state.elapsedMs).toBe(12_345);
    expect(state.sectionElapsedMs).toBe(12_345);
    expect(timer.startedAt?.toISOString()).toBe('2024-03-05T18:40:00.000Z');
  });

  it('records a boundary at each next section', () => {
    const clock = fakeClock();
    const timer = new RehearsalTimer(4, clock.read);
    timer.start();
    clock.advance(15_000);
    timer.next();
    clock.advance(10_000);
    timer.next();
    clock.advance(3_000);
    const state = timer.read();
    expect(state.section).toBe(2);
    expect(state.sectionMs).toEqual([15_000, 10_000, 3_000, 0]);
    expect(state.sectionElapsedMs).toBe(3_000);
    expect(state.elapsedMs).toBe(28_000);
  });

  it('stops after the last section, and the time freezes', () => {
    const clock = fakeClock();
    const timer = new RehearsalTimer(3, clock.read);
    timer.start();
    for (const ms of [20_000, 60_000, 15_000]) {
      clock.advance(ms);
      timer.next();
    }
    expect(timer.phase).toBe('stopped');
    clock.advance(99_000);
    const state = timer.read();
    expect(state.elapsedMs).toBe(95_000);
    expect(state.sectionMs).toEqual([20_000, 60_000, 15_000]);
    expect(state.section).toBe(2);
    // More presses do nothing once stopped.
    timer.next();
    timer.stop();
    expect(timer.read()).toEqual(state);
  });

  it('stops early: the section being told ends, the rest stay at zero', () => {
    const clock = fakeClock();
    const timer = new RehearsalTimer(4, clock.read);
    timer.start();
    clock.advance(18_000);
    timer.next();
    clock.advance(7_500);
    timer.stop();
    clock.advance(4_000);
    const state = timer.read();
    expect(state.phase).toBe('stopped');
    expect(state.sectionMs).toEqual([18_000, 7_500, 0, 0]);
    expect(state.elapsedMs).toBe(25_500);
  });

  it('keeps time while the window is in the background: no tick is needed', () => {
    const clock = fakeClock();
    const timer = new RehearsalTimer(4, clock.read);
    timer.start();
    clock.advance(1_000);
    expect(timer.read().elapsedMs).toBe(1_000);
    // The window loses focus for a minute; nothing reads the timer meanwhile.
    clock.advance(60_000);
    expect(timer.read().elapsedMs).toBe(61_000);
    expect(timer.read().sectionElapsedMs).toBe(61_000);
  });

  it('never runs backwards when the clock steps back', () => {
    const clock = fakeClock(50_000);
    const timer = new RehearsalTimer(2, clock.read);
    timer.start();
    clock.advance(10_000);
    expect(timer.read().elapsedMs).toBe(10_000);
    clock.set(40_000);
    expect(timer.read().elapsedMs).toBe(10_000);
    // The boundary lands at the latest reading, not at the stepped-back one.
    timer.next();
    clock.advance(20_000);
    expect(timer.read().sectionMs).toEqual([10_000, 0]);
    clock.advance(5_000);
    expect(timer.read().sectionMs).toEqual([10_000, 5_000]);
  });

  it('makes the sections add up to the total exactly, even with fractions of a millisecond', () => {
    const clock = fakeClock(0.3);
    const timer = new RehearsalTimer(4, clock.read);
    timer.start();
    for (const ms of [10_000.4, 20_000.45, 30_000.3]) {
      clock.advance(ms);
      timer.next();
    }
    clock.advance(9_999.7);
    timer.stop();
    const state = timer.read();
    expect(state.sectionMs.reduce((a, b) => a + b, 0)).toBe(state.elapsedMs);
    expect(state.sectionMs.every(Number.isInteger)).toBe(true);
    expect(state.elapsedMs).toBe(70_001);
  });

  it('shows the target passed from the clock alone', async () => {
    const { targetCue } = await import('./pacing');
    const clock = fakeClock();
    const timer = new RehearsalTimer(4, clock.read);
    timer.start();
    clock.advance(119_999);
    expect(targetCue(timer.read().elapsedMs, 120).over).toBe(false);
    clock.advance(12_001);
    const cue = targetCue(timer.read().elapsedMs, 120);
    expect(cue).toEqual({ over: true, overSeconds: 12, text: 'Over target by 0:12' });
  });

  it('resets for another take', () => {
    const clock = fakeClock();
    const timer = new RehearsalTimer(3, clock.read);
    timer.start();
    clock.advance(5_000);
    timer.stop();
    timer.reset();
    expect(timer.phase).toBe('ready');
    expect(timer.startedAt).toBeNull();
    timer.start();
    clock.advance(2_000);
    expect(timer.read().elapsedMs).toBe(2_000);
  });

  it('refuses a story with no sections', () => {
    expect(() => new RehearsalTimer(0)).toThrow(RangeError);
  });

  it('reads performance.now by default', () => {
    const timer = new RehearsalTimer(1);
    timer.start();
    expect(timer.read().elapsedMs).toBeGreaterThanOrEqual(0);
  });
});
