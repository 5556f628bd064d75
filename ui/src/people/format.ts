// How people and what is linked to them are said on screen: relationships and their spans,
// the timeline's roles and its grouping by month, and the progress report's default period.

import type { ActionOwner, Person, Relationship, RelationshipSpan, TimelineItem, TimelineRole } from '../lib/bindings';
import { formatDay, formatPeriod } from '../journal/format';
import { MONTH_NAMES } from '../guides/dates';

export const RELATIONSHIP_LABEL: Record<Relationship, string> = {
  manager: 'Manager',
  'skip-level': 'Skip-level manager',
  report: 'Report',
  mentee: 'Mentee',
  mentor: 'Mentor',
  peer: 'Peer',
  stakeholder: 'Stakeholder',
};

export const RELATIONSHIPS = Object.keys(RELATIONSHIP_LABEL) as Relationship[];

export const RELATIONSHIP_OPTIONS = RELATIONSHIPS.map((value) => ({ value, label: RELATIONSHIP_LABEL[value] }));

export const ROLE_LABEL: Record<TimelineRole, string> = {
  'one-on-one': '1:1',
  'feedback-received': 'Feedback from them',
  'feedback-given': 'Feedback to them',
  together: 'Worked together',
  consulted: 'Consulted',
  'goal-set': 'Goal set',
  'goal-reached': 'Goal reached',
  linked: 'Linked',
};

/** "Mentee · Payments", or just "Mentee" without a team. */
export function relationshipLine(span: RelationshipSpan): string {
  const team = span.team?.trim();
  return team ? `${RELATIONSHIP_LABEL[span.relationship]} · ${team}` : RELATIONSHIP_LABEL[span.relationship];
}

/** When a relationship held: "since Mar 2024", "Jan – Jun 2024"; null when undated. */
export function spanPeriod(span: RelationshipSpan): string | null {
  return formatPeriod(span.from ?? null, span.to ?? null);
}

/** The relationships other than today's, newest first: "Peer · Search, 2021 – 2023". */
export function earlierRelationships(person: Pick<Person, 'relationships' | 'current'>): RelationshipSpan[] {
  const current = person.current;
  return person.relationships
    .filter((span) => !current || !sameSpan(span, current))
    .slice()
    .reverse();
}

function sameSpan(a: RelationshipSpan, b: RelationshipSpan): boolean {
  return (
    a.relationship === b.relationship &&
    (a.team ?? null) === (b.team ?? null) &&
    (a.from ?? null) === (b.from ?? null) &&
    (a.to ?? null) === (b.to ?? null)
  );
}

/** Whether goals are what the engineer helps this person reach: a mentee or a report, now or before. */
export function mentors(person: Pick<Person, 'relationships'>): boolean {
  return person.relationships.some((r) => r.relationship === 'mentee' || r.relationship === 'report');
}

/** "Last 1:1 5 Mar 2024", or that there has been none. */
export function lastMet(day: string | null): string {
  return day ? `Last 1:1 ${formatDay(day)}` : 'No 1:1 yet';
}

export interface TimelineGroup {
  /** "March 2024", or "Undated". */
  label: string;
  items: TimelineItem[];
}

/** The timeline in months, in the order it came (newest first), undated entries last. */
export function timelineGroups(items: readonly TimelineItem[]): TimelineGroup[] {
  const groups: TimelineGroup[] = [];
  const undated: TimelineItem[] = [];
  for (const item of items) {
    if (!item.date) {
      undated.push(item);
      continue;
    }
    const label = monthLabel(item.date);
    const last = groups[groups.length - 1];
    if (last && last.label === label) last.items.push(item);
    else groups.push({ label, items: [item] });
  }
  if (undated.length) groups.push({ label: 'Undated', items: undated });
  return groups;
}

function monthLabel(date: string): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  return `${MONTH_NAMES[month - 1] ?? '?'} ${year}`;
}

/** The progress report's period unless changed: the three months up to today. */
export function reportRange(today: string): { since: string; until: string } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, m - 1 - 3, 1));
  // The same day three months back, or that month's last day (31 May -> 28/29 Feb).
  const lastDay = new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth() + 1, 0)).getUTCDate();
  back.setUTCDate(Math.min(d, lastDay));
  return { since: back.toISOString().slice(0, 10), until: today };
}

/** Who does an action item: "You", or the person by their first name. */
export function ownerName(owner: ActionOwner, personName: string): string {
  if (owner === 'me') return 'You';
  return personName.trim().split(/\s+/)[0] || 'Them';
}
