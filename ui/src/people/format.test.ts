import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../lib/bindings';
import { person } from './fixtures';
import { earlierRelationships, lastMet, mentors, ownerName, relationshipLine, reportRange, spanPeriod, timelineGroups } from './format';

function item(id: number, date: string | null): TimelineItem {
  return { id, kind: 'one_on_one', role: 'one-on-one', date, title: `1:1 ${id}`, detail: null, project_id: null, private: false };
}

describe('relationship wording', () => {
  it('says the relationship with its team, and when it held', () => {
    expect(relationshipLine({ relationship: 'mentee', team: 'Payments' })).toBe('Mentee · Payments');
    expect(relationshipLine({ relationship: 'skip-level', team: '  ' })).toBe('Skip-level manager');
    expect(spanPeriod({ relationship: 'peer', from: '2024-02-01', to: '2025-06-30' })).toBe('Feb 2024 – Jun 2025');
    expect(spanPeriod({ relationship: 'peer', from: '2025-07-01' })).toBe('since Jul 2025');
    expect(spanPeriod({ relationship: 'peer' })).toBeNull();
  });

  it('lists the earlier relationships newest first, without today’s', () => {
    const p = person(1, 'Noor', [
      { relationship: 'peer', team: 'Search', from: '2021-01-01', to: '2022-01-01' },
      { relationship: 'report', team: 'Search', from: '2022-01-02', to: '2024-01-01' },
      { relationship: 'mentee', team: 'Payments', from: '2024-01-02' },
    ]);
    expect(earlierRelationships(p).map((r) => r.relationship)).toEqual(['report', 'peer']);
    expect(mentors(p)).toBe(true);
    expect(mentors(person(2, 'Marta', [{ relationship: 'manager' }]))).toBe(false);
  });

  it('names who owns an item and when you last met', () => {
    expect(ownerName('me', 'Noor Halvorsen')).toBe('You');
    expect(ownerName('them', 'Noor Halvorsen')).toBe('Noor');
    expect(ownerName('them', '')).toBe('Them');
    expect(lastMet('2026-03-05')).toBe('Last 1:1 5 Mar 2026');
    expect(lastMet(null)).toBe('No 1:1 yet');
  });
});

describe('timelineGroups', () => {
  it('groups by month in the order given, undated last', () => {
    const groups = timelineGroups([item(1, '2026-03-20'), item(2, '2026-03-02'), item(3, null), item(4, '2026-01-15'), item(5, '2025-03-30')]);
    expect(groups.map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([
      ['March 2026', [1, 2]],
      ['January 2026', [4]],
      ['March 2025', [5]],
      ['Undated', [3]],
    ]);
    expect(timelineGroups([])).toEqual([]);
  });
});

describe('reportRange', () => {
  it('covers the three months up to today, at a short month’s last day', () => {
    expect(reportRange('2026-12-02')).toEqual({ since: '2026-09-02', until: '2026-12-02' });
    expect(reportRange('2026-05-31')).toEqual({ since: '2026-02-28', until: '2026-05-31' });
    expect(reportRange('2026-02-15')).toEqual({ since: '2025-11-15', until: '2026-02-15' });
  });
});
