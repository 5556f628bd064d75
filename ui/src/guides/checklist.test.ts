import { describe, expect, it } from 'vitest';
import type { ChecklistEntry, Cycle, DueItem } from '../lib/bindings';
import { checkedText, cycleSummary, dueBeforeStart, dueSoon, dueText, groupBySection, percentDone, plural } from './checklist';
import { dayOfInstant, daysBetween, formatDay, localToday } from './dates';

function item(id: string, section: string | null, checked = false): ChecklistEntry {
  return { id, text: id, section, checked, checked_at: checked ? '2026-11-20T10:00:00Z' : null, due: null, due_days: null, overdue: false, suggested: null };
}

describe('groupBySection', () => {
  it('keeps the order sections first appear in, and counts what is done', () => {
    const groups = groupBySection([
      item('a', 'This week', true),
      item('b', 'This month'),
      item('c', 'This week'),
      item('d', null, true),
    ]);
    expect(groups.map((g) => [g.section, g.items.map((i) => i.id), g.done])).toEqual([
      ['This week', ['a', 'c'], 1],
      ['This month', ['b'], 0],
      [null, ['d'], 1],
    ]);
  });

  it('is empty for no items', () => {
    expect(groupBySection([])).toEqual([]);
  });
});

describe('dueText', () => {
  const today = '2026-11-25';
  it.each([
    ['2026-11-23', true, 'Overdue by 2 days', 'overdue'],
    ['2026-11-24', true, 'Overdue by 1 day', 'overdue'],
    ['2026-11-25', false, 'Due today', 'today'],
    ['2026-11-26', false, 'Due tomorrow', 'soon'],
    ['2026-12-02', false, 'Due in 7 days', 'soon'],
    ['2026-12-09', false, 'Due 9 Dec', 'later'],
    ['2027-01-03', false, 'Due 3 Jan 2027', 'later'],
    // The core's word wins: it knows the day it computed with.
    ['2026-11-25', true, 'Overdue', 'overdue'],
  ])('%s (overdue %s) reads "%s"', (due, overdue, text, tone) => {
    expect(dueText(due, overdue, today)).toEqual({ text, tone });
  });
});

describe('dates', () => {
  it('counts whole days across months and years', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
    expect(daysBetween('soon', '2026-02-27')).toBeNull();
  });

  it('formats a day, with the year only when it is not this one', () => {
    expect(formatDay('2026-02-03', '2026-11-25')).toBe('3 Feb');
    expect(formatDay('2025-02-03', '2026-11-25')).toBe('3 Feb 2025');
    expect(formatDay('garbage', '2026-11-25')).toBe('garbage');
  });

  it('reads today and instants on the local calendar', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
    const local = new Date(2026, 10, 20, 12, 0).toISOString();
    expect(dayOfInstant(local)).toBe('2026-11-20');
    expect(dayOfInstant('nope')).toBeNull();
  });
});

describe('checkedText', () => {
  it('says when an item was checked', () => {
    const noon = (d: number) => new Date(2026, 10, d, 12, 0).toISOString();
    expect(checkedText(noon(20), '2026-11-25')).toBe('Checked 20 Nov');
    expect(checkedText(noon(25), '2026-11-25')).toBe('Checked today');
    expect(checkedText(null, '2026-11-25')).toBeNull();
  });
});

describe('progress and history', () => {
  it('rounds the share done and never passes 100', () => {
    expect(percentDone(1, 3)).toBe(33);
    expect(percentDone(0, 0)).toBe(0);
    expect(percentDone(5, 4)).toBe(100);
  });

  it('sums up a cycle', () => {
    const closed: Cycle = { id: 1, guide: 'g', number: 1, started_on: '2026-03-02', closed_on: '2026-06-20', checked: 9 };
    const open: Cycle = { ...closed, id: 2, number: 2, started_on: '2026-06-20', closed_on: null, checked: 0 };
    expect(cycleSummary(closed, 14, '2026-11-25')).toBe('Cycle 1 · 2 Mar – 20 Jun · 9 of 14 checked');
    expect(cycleSummary(open, 14, '2026-11-25')).toBe('Cycle 2 · since 20 Jun · 0 of 14 checked');
  });

  it('words counts', () => {
    expect(plural(1, 'day')).toBe('1 day');
    expect(plural(3, 'item')).toBe('3 items');
  });
});

describe('dueSoon', () => {
  const due = (item: string, day: string, overdue = false): DueItem => ({
    guide: 'g',
    guide_title: 'G',
    cycle: 1,
    item,
    text: item,
    due: day,
    overdue,
  });

  it('puts overdue items first, then the nearest dates, and stops at the limit', () => {
    const list = dueSoon(
      [due('later', '2026-12-20'), due('late', '2026-11-01', true), due('next', '2026-11-28'), due('older', '2026-10-01', true)],
      3,
    );
    expect(list.map((d) => d.item)).toEqual(['older', 'late', 'next']);
  });
});

describe('before a cycle starts', () => {
  it('says how long after the start an item is due', () => {
    expect(dueBeforeStart(14)).toEqual({ text: 'Due 14 days after the start', tone: 'later' });
    expect(dueBeforeStart(1).text).toBe('Due 1 day after the start');
    expect(dueBeforeStart(0).text).toBe('Due the day the cycle starts');
  });
});
