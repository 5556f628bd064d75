// The weekly log: notes, newest first, cut into the weeks (Monday to Sunday) they fall in,
// each week named the way a person says it ("This week", "Week of 6 May 2024").

import { formatDay } from '../journal/format';

export interface Week<T> {
  /** The Monday the week starts on, "YYYY-MM-DD"; "undated" for notes with no day. */
  key: string;
  label: string;
  notes: T[];
}

function dayOf(date: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week `date` falls in, or null when it is not a day. */
export function mondayOf(date: string): string | null {
  const d = dayOf(date);
  if (!d) return null;
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - sinceMonday);
  return iso(d);
}

/** "This week", "Last week", or "Week of 6 May 2024", as seen on `today` ("YYYY-MM-DD"). */
export function weekLabel(monday: string, today: string): string {
  const thisWeek = mondayOf(today);
  if (monday === thisWeek) return 'This week';
  const last = thisWeek ? dayOf(thisWeek) : null;
  if (last) {
    last.setUTCDate(last.getUTCDate() - 7);
    if (iso(last) === monday) return 'Last week';
  }
  return `Week of ${formatDay(monday)}`;
}

/** Cuts notes already in order (newest first) into weeks, keeping that order. */
export function groupByWeek<T extends { date: string | null }>(notes: readonly T[], today: string): Week<T>[] {
  const weeks: Week<T>[] = [];
  for (const note of notes) {
    const key = (note.date && mondayOf(note.date)) ?? 'undated';
    let week = weeks[weeks.length - 1];
    if (week?.key !== key) {
      week = { key, label: key === 'undated' ? 'No date' : weekLabel(key, today), notes: [] };
      weeks.push(week);
    }
    week.notes.push(note);
  }
  return weeks;
}
