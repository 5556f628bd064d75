import { describe, expect, it } from 'vitest';
import type { Rehearsal } from '../lib/bindings';
import { historySeries, labelledSlots, niceCeiling, valueSplits } from './history';

function rehearsal(id: number, total_ms: number, target_seconds = 120, started_at = '2024-03-05T18:40:00Z'): Rehearsal {
  return {
    id,
    uuid: `r${id}`,
    story_id: 1,
    started_at,
    total_ms,
    section_ms: [],
    rating: null,
    note: null,
    target_seconds,
    over_target: total_ms > target_seconds * 1000,
  };
}

describe('historySeries', () => {
  it('puts each rehearsal in its slot, with the target spanning both edges', () => {
    const s = historySeries([rehearsal(1, 150_000), rehearsal(2, 118_000), rehearsal(3, 95_000, 90)]);
    expect(s.x).toEqual([0.5, 1, 2, 3, 3.5]);
    expect(s.seconds).toEqual([null, 150, 118, 95, null]);
    expect(s.target).toEqual([120, 120, 120, 90, 90]);
    expect(s.over).toEqual([null, 150, null, 95, null]);
    expect(s.labels).toHaveLength(3);
    expect(s.yMax).toBe(180);
  });

  it('draws one rehearsal with a target line across', () => {
    const s = historySeries([rehearsal(1, 60_000)]);
    expect(s.x).toEqual([0.5, 1, 1.5]);
    expect(s.target).toEqual([120, 120, 120]);
    expect(s.yMax).toBe(150);
  });

  it('is empty with no rehearsals', () => {
    const s = historySeries([]);
    expect(s.x).toEqual([0.5, 0.5]);
    expect(s.labels).toEqual([]);
  });
});

describe('axes', () => {
  it('labels at most eight slots', () => {
    const days = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1} Mar`);
    expect(labelledSlots(days(3))).toEqual([1, 2, 3]);
    expect(labelledSlots(days(20))).toEqual([1, 4, 7, 10, 13, 16, 19]);
    expect(labelledSlots([])).toEqual([]);
  });

  it('labels each day once, at its first take', () => {
    expect(labelledSlots(['5 Mar', '5 Mar', '5 Mar', '6 Mar', '6 Mar', '9 Mar'])).toEqual([1, 4, 6]);
    expect(labelledSlots(['5 Mar', '5 Mar'])).toEqual([1]);
    const many = Array.from({ length: 40 }, (_, i) => `${Math.floor(i / 2) + 1} Mar`);
    const slots = labelledSlots(many);
    expect(slots.length).toBeLessThanOrEqual(8);
    expect(new Set(slots.map((s) => many[s - 1])).size).toBe(slots.length);
  });

  it('rounds the top to a tidy time', () => {
    expect(niceCeiling(40)).toBe(45);
    expect(niceCeiling(138)).toBe(150);
    expect(niceCeiling(0)).toBe(60);
  });

  it('draws a few value lines', () => {
    expect(valueSplits(150)).toEqual([0, 30, 60, 90, 120, 150]);
    expect(valueSplits(45)).toEqual([0, 15, 30, 45]);
    expect(valueSplits(600)).toEqual([0, 120, 240, 360, 480, 600]);
  });
});
