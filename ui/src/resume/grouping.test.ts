import { describe, expect, it } from 'vitest';
import { bullet } from './fixtures';
import { groupBullets, inOrder, lastPage, matchesFilter, movedOrder, pageCount, pageHolding, pageOfGroups, roleHeading } from './grouping';

const ids = (list: { id: number }[]) => list.map((b) => b.id);

describe('groupBullets', () => {
  const bullets = [
    bullet(1, { project_id: 10, project_title: 'Checkout', organization: 'Acme', role: 'Staff engineer', started_on: '2023-01-01', ended_on: '2023-06-30' }),
    bullet(2, { project_id: 20, project_title: 'Search', organization: 'Initech', role: 'Tech lead', started_on: '2024-02-01', ended_on: null }),
    bullet(3, { project_id: 10, project_title: 'Checkout', organization: 'Acme', role: 'Staff engineer', started_on: '2023-01-01', ended_on: '2023-06-30' }),
    bullet(4, { project_id: 30, project_title: 'Billing', organization: 'Acme', role: 'Staff engineer', started_on: '2023-07-01', ended_on: '2023-12-31' }),
  ];

  it('groups by project, most recent first, keeping resume order inside', () => {
    const groups = groupBullets(bullets, 'project');
    expect(groups.map((g) => g.title)).toEqual(['Search', 'Billing', 'Checkout']);
    expect(ids(groups[2]!.bullets)).toEqual([1, 3]);
    expect(groups[2]!.meta).toBe('Acme · Staff engineer · Jan – Jun 2023');
    expect(groups[0]!.meta).toBe('Initech · Tech lead · Feb 2024 – present');
  });

  it('groups by organization and role as the exports do', () => {
    const groups = groupBullets(bullets, 'role');
    expect(groups.map((g) => g.title)).toEqual(['Tech lead, Initech', 'Staff engineer, Acme']);
    expect(ids(groups[1]!.bullets)).toEqual([1, 3, 4]);
    expect(groups[1]!.meta).toBe('Jan – Dec 2023');
  });

  it('names a group without role or organization', () => {
    expect(roleHeading(null, null)).toBe('No role or organization');
    expect(roleHeading(null, 'Acme')).toBe('Acme');
    expect(roleHeading('Staff engineer', null)).toBe('Staff engineer');
  });

  it('has no groups for no bullets', () => {
    expect(groupBullets([], 'project')).toEqual([]);
  });
});

describe('movedOrder', () => {
  // Resume order 1..5; project A has 1, 3, 5 and project B has 2, 4.
  const order = [
    bullet(1, { project_id: 1 }),
    bullet(2, { project_id: 2 }),
    bullet(3, { project_id: 1 }),
    bullet(4, { project_id: 2 }),
    bullet(5, { project_id: 1 }),
  ];
  const groups = groupBullets(order, 'project');

  it('trades places with the neighbour in the group, leaving the rest', () => {
    expect(movedOrder(order, groups, 3, -1)).toEqual([3, 2, 1, 4, 5]);
    expect(movedOrder(order, groups, 3, 1)).toEqual([1, 2, 5, 4, 3]);
    expect(movedOrder(order, groups, 4, -1)).toEqual([1, 4, 3, 2, 5]);
  });

  it('cannot move past the ends of a group', () => {
    expect(movedOrder(order, groups, 1, -1)).toBeNull();
    expect(movedOrder(order, groups, 5, 1)).toBeNull();
    expect(movedOrder(order, groups, 4, 1)).toBeNull();
    expect(movedOrder(order, groups, 99, 1)).toBeNull();
  });

  it('moves within a role group across projects', () => {
    const sameRole = groupBullets(order, 'role');
    expect(movedOrder(order, sameRole, 2, -1)).toEqual([2, 1, 3, 4, 5]);
  });
});

describe('inOrder', () => {
  it('puts items in the order given, unlisted ones after', () => {
    const items = [bullet(1), bullet(2), bullet(3)];
    expect(ids(inOrder(items, [3, 1]))).toEqual([3, 1, 2]);
    expect(ids(inOrder(items, [9, 2]))).toEqual([2, 1, 3]);
  });
});

describe('pages of grouped bullets', () => {
  // Three groups of 3, 4 and 2 bullets, in that order.
  const groups = groupBullets(
    [
      ...[1, 2, 3].map((id) => bullet(id, { project_id: 1, ended_on: null, started_on: '2024-01-01' })),
      ...[4, 5, 6, 7].map((id) => bullet(id, { project_id: 2, ended_on: '2023-12-31' })),
      ...[8, 9].map((id) => bullet(id, { project_id: 3, ended_on: '2022-12-31' })),
    ],
    'project',
  );

  it('cuts the groups at the page edges, keeping where each run starts in its group', () => {
    const page = pageOfGroups(groups, 2, 4);
    expect(page.map((p) => [p.group.key, ids(p.bullets), p.first])).toEqual([
      ['project:1', [3], 2],
      ['project:2', [4, 5, 6], 0],
    ]);
    expect(page[1]!.group.bullets).toHaveLength(4);
    expect(pageOfGroups(groups, 8, 4).map((p) => ids(p.bullets))).toEqual([[9]]);
    expect(pageOfGroups(groups, 0, 50).flatMap((p) => ids(p.bullets))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pageOfGroups([], 0, 50)).toEqual([]);
  });

  it('finds the page that holds a bullet, and the last page', () => {
    expect(pageHolding(groups, 1, 4)).toBe(0);
    expect(pageHolding(groups, 5, 4)).toBe(4);
    expect(pageHolding(groups, 9, 4)).toBe(8);
    expect(pageHolding(groups, 99, 4)).toBeNull();
    expect([lastPage(9, 4), lastPage(8, 4), lastPage(0, 4)]).toEqual([8, 4, 0]);
  });

  it('says which bullets of how many', () => {
    expect(pageCount(0, 50, 1484)).toBe('1–50 of 1,484');
    expect(pageCount(1450, 34, 1484)).toBe('1,451–1,484 of 1,484');
  });

  it('filters on every word, in the wording, project or role', () => {
    const b = bullet(1, { text: 'Cut p99 latency by 85%', project_title: 'Checkout rewrite', role: 'Tech lead' });
    expect(matchesFilter(b, '')).toBe(true);
    expect(matchesFilter(b, 'LATENCY checkout')).toBe(true);
    expect(matchesFilter(b, 'tech lead 85%')).toBe(true);
    expect(matchesFilter(b, 'latency billing')).toBe(false);
  });
});
