// How a checklist reads: items grouped under their sections, due dates in words, progress
// and the history of cycles. The core decides what is due and overdue; this only words it.

import type { ChecklistEntry, Cycle, DueItem } from '../lib/bindings';
import { dayOfInstant, daysBetween, formatDay } from './dates';

export interface SectionGroup {
  section: string | null;
  items: ChecklistEntry[];
  done: number;
}

/** Items under their section headings, sections in the order they first appear. */
export function groupBySection(items: readonly ChecklistEntry[]): SectionGroup[] {
  const groups: SectionGroup[] = [];
  const bySection = new Map<string | null, SectionGroup>();
  for (const item of items) {
    let group = bySection.get(item.section);
    if (!group) {
      group = { section: item.section, items: [], done: 0 };
      bySection.set(item.section, group);
      groups.push(group);
    }
    group.items.push(item);
    if (item.checked) group.done += 1;
  }
  return groups;
}

export type DueTone = 'overdue' | 'today' | 'soon' | 'later';

export interface DueText {
  text: string;
  tone: DueTone;
}

/** Days ahead that count as "soon". */
const SOON_DAYS = 7;

/** "Overdue by 2 days", "Due today", "Due in 3 days", "Due 9 Dec". */
export function dueText(due: string, overdue: boolean, today: string): DueText {
  const ahead = daysBetween(today, due);
  if (overdue || (ahead !== null && ahead < 0)) {
    const late = ahead === null ? null : -ahead;
    return { text: late ? `Overdue by ${plural(late, 'day')}` : 'Overdue', tone: 'overdue' };
  }
  if (ahead === 0) return { text: 'Due today', tone: 'today' };
  if (ahead === 1) return { text: 'Due tomorrow', tone: 'soon' };
  if (ahead !== null && ahead <= SOON_DAYS) return { text: `Due in ${ahead} days`, tone: 'soon' };
  return { text: `Due ${formatDay(due, today)}`, tone: 'later' };
}

/** Before a cycle starts an item has no date yet: "Due 14 days after the start". */
export function dueBeforeStart(days: number): DueText {
  return { text: days === 0 ? 'Due the day the cycle starts' : `Due ${plural(days, 'day')} after the start`, tone: 'later' };
}

/** "Checked 25 Nov" from the instant the core stored. */
export function checkedText(checkedAt: string | null, today: string): string | null {
  if (!checkedAt) return null;
  const day = dayOfInstant(checkedAt);
  if (!day) return 'Checked';
  return day === today ? 'Checked today' : `Checked ${formatDay(day, today)}`;
}

/** Whole percent done, 0 for an empty list. */
export function percentDone(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.round((Math.min(done, total) / total) * 100);
}

/** "Cycle 2 · 3 Mar – 20 Jun · 9 of 14 checked" for the history list. */
export function cycleSummary(cycle: Cycle, total: number, today: string): string {
  const start = formatDay(cycle.started_on, today);
  const period = cycle.closed_on ? `${start} – ${formatDay(cycle.closed_on, today)}` : `since ${start}`;
  return `Cycle ${cycle.number} · ${period} · ${cycle.checked} of ${total} checked`;
}

/** What Home lists: overdue items first, then the nearest due dates; at most `limit`. */
export function dueSoon(items: readonly DueItem[], limit: number): DueItem[] {
  return [...items]
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due) || a.text.localeCompare(b.text))
    .slice(0, limit);
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
