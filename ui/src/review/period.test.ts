import { describe, expect, it } from 'vitest';
import type { PeriodSummary } from '../lib/bindings';
import { addDays, neighbour, reviewInput } from './period';

describe('neighbour', () => {
  it.each([
    [{ starts_on: '2026-10-01', ends_on: '2026-12-31' }, -1, '2026-09-30'],
    [{ starts_on: '2026-10-01', ends_on: '2026-12-31' }, 1, '2027-01-01'],
    [{ starts_on: '2024-03-01', ends_on: '2024-05-31' }, -1, '2024-02-29'],
  ] as const)('%o by %i is %s', (period, direction, day) => {
    expect(neighbour(period, direction)).toBe(day);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('reviewInput', () => {
  it('keeps the summary as it reads and leaves blank reflections out', () => {
    const summary = {
      period: { kind: 'quarter', starts_on: '2026-10-01', ends_on: '2026-12-31', label: 'Q4 2026' },
      markdown: '## Projects\n- Checkout retries',
    } as PeriodSummary;
    expect(reviewInput(summary, { went_well: ' Shipped retries ', to_improve: '', next_focus: 'Mentoring' })).toEqual({
      period: 'quarter',
      starts_on: '2026-10-01',
      ends_on: '2026-12-31',
      summary: '## Projects\n- Checkout retries',
      went_well: 'Shipped retries',
      to_improve: null,
      next_focus: 'Mentoring',
      tags: [],
      skills: [],
    });
  });
});
