import { describe, expect, it } from 'vitest';
import { groupByWeek, mondayOf, weekLabel } from './weeks';

describe('mondayOf', () => {
  it.each([
    ['2024-05-06', '2024-05-06'], // a Monday
    ['2024-05-12', '2024-05-06'], // the Sunday after it
    ['2024-05-08', '2024-05-06'],
    ['2024-01-03', '2024-01-01'],
    ['2023-01-01', '2022-12-26'], // a Sunday: the week began the year before
    ['2024-03-01', '2024-02-26'], // across a leap day
  ])('%s is in the week of %s', (day, monday) => {
    expect(mondayOf(day)).toBe(monday);
  });

  it('is null for what is not a day', () => {
    expect(mondayOf('soon')).toBeNull();
  });
});

describe('weekLabel', () => {
  const today = '2024-05-09'; // a Thursday
  it.each([
    ['2024-05-06', 'This week'],
    ['2024-04-29', 'Last week'],
    ['2024-04-22', 'Week of 22 Apr 2024'],
    ['2024-05-13', 'Week of 13 May 2024'],
  ])('%s reads %s', (monday, label) => {
    expect(weekLabel(monday, today)).toBe(label);
  });
});

describe('groupByWeek', () => {
  it('keeps the order and cuts at each new week', () => {
    const notes = [
      { id: 5, date: '2024-05-08' },
      { id: 4, date: '2024-05-06' },
      { id: 3, date: '2024-05-05' },
      { id: 2, date: '2024-04-22' },
      { id: 1, date: null },
    ];
    const weeks = groupByWeek(notes, '2024-05-09');
    expect(weeks.map((w) => [w.key, w.label, w.notes.map((n) => n.id)])).toEqual([
      ['2024-05-06', 'This week', [5, 4]],
      ['2024-04-29', 'Last week', [3]],
      ['2024-04-22', 'Week of 22 Apr 2024', [2]],
      ['undated', 'No date', [1]],
    ]);
  });

  it('is empty for no notes', () => {
    expect(groupByWeek([], '2024-05-09')).toEqual([]);
  });
});
