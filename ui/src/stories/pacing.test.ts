import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDelta,
  formatDuration,
  formatSeconds,
  paceSections,
  sectionResults,
  targetCue,
  totalVerdict,
} from './pacing';
import type { TimerState } from './timer';

describe('formatting times', () => {
  it.each([
    [0, '00:00', '0:00'],
    [999, '00:00', '0:00'],
    [1_000, '00:01', '0:01'],
    [59_999, '00:59', '0:59'],
    [60_000, '01:00', '1:00'],
    [83_400, '01:23', '1:23'],
    [725_000, '12:05', '12:05'],
    [3_600_000, '60:00', '60:00'],
    [-5_000, '00:00', '0:00'],
  ])('%i ms reads %s on the clock and %s as a duration', (ms, clock, duration) => {
    expect(formatClock(ms)).toBe(clock);
    expect(formatDuration(ms)).toBe(duration);
  });

  it.each([
    [0, '0:00'],
    [14.4, '0:14'],
    [112.6, '1:53'],
    [120, '2:00'],
    [-3, '0:00'],
  ])('%f s reads %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });

  it.each([
    [12_000, '+0:12'],
    [-8_000, '\u22120:08'],
    [400, '±0:00'],
    [-61_000, '\u22121:01'],
  ])('a difference of %i ms reads %s', (ms, text) => {
    expect(formatDelta(ms)).toBe(text);
  });
});

describe('targetCue', () => {
  it.each([
    [0, 120, false, '2:00 left'],
    [65_000, 120, false, '0:55 left'],
    [120_999, 120, false, '0:00 left'],
    [121_000, 120, true, 'Over target by 0:01'],
    [132_500, 120, true, 'Over target by 0:12'],
    [200_000, 120, true, 'Over target by 1:20'],
  ])('at %i ms against %i s: over %s, "%s"', (ms, target, over, text) => {
    const cue = targetCue(ms, target);
    expect(cue.over).toBe(over);
    expect(cue.text).toBe(text);
  });
});

function state(partial: Partial<TimerState>): TimerState {
  return { phase: 'running', elapsedMs: 0, section: 0, sectionElapsedMs: 0, sectionMs: [0, 0, 0, 0], ...partial };
}

describe('paceSections', () => {
  const plan = [18, 18, 72, 12];

  it('shows every bar empty and upcoming before the start', () => {
    const bars = paceSections(plan, state({ phase: 'ready', section: -1 }));
    expect(bars.map((b) => b.status)).toEqual(['upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(bars.map((b) => b.fill)).toEqual([0, 0, 0, 0]);
    expect(bars.map((b) => b.plannedMs)).toEqual([18_000, 18_000, 72_000, 12_000]);
  });

  it('fills the bars against the plan while running, and marks a section over its plan', () => {
    const bars = paceSections(plan, state({ section: 2, sectionMs: [24_000, 9_000, 36_000, 0] }));
    expect(bars.map((b) => b.status)).toEqual(['done', 'done', 'current', 'upcoming']);
    expect(bars.map((b) => b.fill)).toEqual([1, 0.5, 0.5, 0]);
    expect(bars.map((b) => b.over)).toEqual([true, false, false, false]);
  });

  it('marks the sections told as done once stopped, and the rest as not reached', () => {
    const bars = paceSections(plan, state({ phase: 'stopped', section: 1, sectionMs: [10_000, 5_000, 0, 0] }));
    expect(bars.map((b) => b.status)).toEqual(['done', 'done', 'upcoming', 'upcoming']);
  });

  it('copes with a plan of zero for a section', () => {
    const bars = paceSections([0, 60], state({ section: 0, sectionMs: [3_000, 0] }));
    expect(bars[0]).toMatchObject({ fill: 1, over: true });
    expect(bars[1]).toMatchObject({ fill: 0, over: false });
  });
});

describe('sectionResults', () => {
  it('compares each section with its plan, calling small differences on plan', () => {
    const rows = sectionResults([18, 18, 72, 12], [19_000, 30_000, 50_000, 12_000]);
    expect(rows.map((r) => r.verdict)).toEqual(['on-plan', 'over', 'under', 'on-plan']);
    expect(rows.map((r) => r.deltaMs)).toEqual([1_000, 12_000, -22_000, 0]);
    expect(rows[2]?.plannedMs).toBe(72_000);
  });

  it('allows a tenth of a long section before calling it off plan', () => {
    const rows = sectionResults([100], [109_000]);
    expect(rows[0]?.verdict).toBe('on-plan');
    expect(sectionResults([100], [111_000])[0]?.verdict).toBe('over');
  });
});

describe('totalVerdict', () => {
  it.each([
    [134_000, 120, true, '0:14 over target'],
    [112_000, 120, false, '0:08 under target'],
    [120_300, 120, false, 'on target'],
  ])('%i ms against %i s', (ms, target, over, text) => {
    expect(totalVerdict(ms, target)).toEqual({ over, text });
  });
});
