import { describe, expect, it } from 'vitest';
import { upcomingInterview } from './format';

describe('upcomingInterview', () => {
  it.each([
    [null, null],
    ['2026-11-30', null],
    ['2026-12-01', 'Interview today'],
    ['2026-12-02', 'Interview tomorrow'],
    ['2026-12-08', 'Interview in 7 days'],
    ['2026-12-15', 'Interview in 14 days'],
    ['2027-01-12', 'Interview on 12 Jan 2027'],
    ['soon', null],
  ])('%s reads %s on 2026-12-01', (day, expected) => {
    expect(upcomingInterview(day, '2026-12-01')).toBe(expected);
  });

  it('counts days across a month and a year end', () => {
    expect(upcomingInterview('2027-01-02', '2026-12-31')).toBe('Interview in 2 days');
  });
});
