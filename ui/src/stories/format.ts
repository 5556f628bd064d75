// How stories read on screen: names of frameworks and sections, what each section asks
// for, and the times of rehearsals. Pure functions; estimates and plans come from Rust.

import type { Framework, Section } from '../lib/bindings';

export const FRAMEWORK_LABEL: Record<Framework, string> = {
  star: 'STAR',
  car: 'CAR',
};

export const FRAMEWORK_NAME: Record<Framework, string> = {
  star: 'Situation, Task, Action, Result',
  car: 'Context, Action, Result',
};

/**
 * The sections of each framework in telling order, as the core's `Framework::sections`
 * has them (the estimate it sends back lists them too); the editor needs them before the
 * first estimate arrives.
 */
export const FRAMEWORK_SECTIONS: Record<Framework, readonly Section[]> = {
  star: ['situation', 'task', 'action', 'result'],
  car: ['context', 'action', 'result'],
};

export const SECTION_LABEL: Record<Section, string> = {
  situation: 'Situation',
  task: 'Task',
  context: 'Context',
  action: 'Action',
  result: 'Result',
};

/** What each section should carry, shown as the text area's placeholder. */
export const SECTION_PROMPT: Record<Section, string> = {
  situation: 'Where and when: the team, the system, and what was at stake.',
  task: 'What you were responsible for, and what good would look like.',
  context: 'The situation and the challenge, in two or three sentences.',
  action: 'What you did, in the first person: the calls you made, the trade-offs, who you brought along.',
  result: 'What changed, in numbers: cite the metrics linked beside.',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

function clockTime(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** "5 Mar 2024", in local time; the text as given when it is not a time. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getDate()} ${MONTHS[d.getMonth()] ?? '?'} ${d.getFullYear()}`;
}

/** "5 Mar", for the chart's axis. */
export function formatShortDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getDate()} ${MONTHS[d.getMonth()] ?? '?'}`;
}

/** When a rehearsal happened: "Today, 18:40", "Yesterday, 09:12", "5 Mar 2024, 18:40". */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  const day = sameDay(d, now) ? 'Today' : sameDay(d, yesterday) ? 'Yesterday' : formatDate(iso);
  return `${day}, ${clockTime(d)}`;
}

/** The date part alone of `formatWhen`: "Today", "Yesterday", "5 Mar 2024". */
export function formatDay(iso: string, now: Date = new Date()): string {
  return formatWhen(iso, now).replace(/, \d{2}:\d{2}$/, '');
}

/** A day in a sentence: "today", "yesterday", "5 Mar 2024". */
export function formatDayInline(iso: string, now: Date = new Date()): string {
  const day = formatDay(iso, now);
  return day === 'Today' || day === 'Yesterday' ? day.toLowerCase() : day;
}

/** "1 rehearsal", "3 rehearsals". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** A question slug as a title, for a question the guides no longer list. */
export function titleOfSlug(slug: string): string {
  const words = slug.split('-').filter(Boolean).join(' ');
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : slug;
}

/** What a self-rating means, so the five buttons are not a bare scale. */
export const RATING_LABEL: Record<number, string> = {
  1: 'Lost it',
  2: 'Rough',
  3: 'Got there',
  4: 'Solid',
  5: 'Ready',
};

function dayNumber(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

/**
 * A story's interview while it is ahead ("Interview today", "Interview tomorrow",
 * "Interview in 5 days", "Interview on 12 Jan 2027" past two weeks); null once it is past
 * or when there is none. `today` is the local day as YYYY-MM-DD.
 */
export function upcomingInterview(interviewOn: string | null | undefined, today: string): string | null {
  if (!interviewOn) return null;
  const at = dayNumber(interviewOn);
  const now = dayNumber(today);
  if (at === null || now === null || at < now) return null;
  const days = at - now;
  if (days === 0) return 'Interview today';
  if (days === 1) return 'Interview tomorrow';
  if (days <= 14) return `Interview in ${days} days`;
  const [y, m, d] = interviewOn.split('-').map(Number) as [number, number, number];
  return `Interview on ${d} ${MONTHS[m - 1] ?? '?'} ${y}`;
}
