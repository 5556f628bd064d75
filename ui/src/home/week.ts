// The This week card and the follow-up queue in words: what the week added, when the review
// falls, what each kind of follow-up is and what acting on it says.

import {
  ENTRY_KIND_WORDS,
  type EntryCount,
  type EntryKind,
  type FollowUpKind,
  type Metric,
  type WeekSummary,
} from '../lib/bindings';

// The week speaks of feedback as pieces of it; every other kind as the core says it.
const KIND_WORDS: Record<EntryKind, readonly [string, string]> = {
  ...ENTRY_KIND_WORDS,
  feedback: ['piece of feedback', 'pieces of feedback'],
};

/** "2 projects, 3 metrics and 1 note"; empty when nothing was added. */
export function addedInWords(added: readonly EntryCount[]): string {
  // The week's own review entry is said on the card's review line, not counted here.
  const parts = added
    .filter((a) => a.count > 0 && a.kind !== 'review')
    .map((a) => {
      const [one, many] = KIND_WORDS[a.kind];
      return `${a.count.toLocaleString('en')} ${a.count === 1 ? one : many}`;
    });
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** A metric's one line: how it moved, or what it waits for. */
export function metricLine(metric: Pick<Metric, 'told' | 'waiting'>): string {
  return metric.told?.short ?? metric.waiting ?? 'not measured yet';
}

/** "Friday 4 December" for a day or a timestamp, in local time. */
export function weekday(date: string): string {
  // A bare day is read as local midnight (new Date('2026-12-04') would be UTC).
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00`) : new Date(date);
  if (Number.isNaN(day.getTime())) return date;
  // Put together here: engines disagree on the comma after the weekday.
  const name = day.toLocaleDateString('en-GB', { weekday: 'long' });
  const month = day.toLocaleDateString('en-GB', { month: 'long' });
  return `${name} ${day.getDate()} ${month}`;
}

export type ReviewState =
  | { state: 'done'; text: string }
  | { state: 'due'; text: string }
  | { state: 'upcoming'; text: string };

/** Where this week's review stands: written (and when), due now, or when it falls. */
export function reviewState(week: Pick<WeekSummary, 'review' | 'review_due' | 'review_at'>): ReviewState {
  if (week.review) return { state: 'done', text: `Weekly review written on ${weekday(week.review.created_at)}` };
  if (week.review_due) return { state: 'due', text: `Weekly review due now · ${week.review_at}` };
  return { state: 'upcoming', text: `Weekly review ${week.review_at}` };
}

export const FOLLOWUP_KIND: Record<FollowUpKind, string> = {
  'decision-review': 'Decision to review',
  'metric-result': 'Metric waiting for its result',
  'story-rehearsal': 'Story to rehearse',
  'metric-evidence': 'Metric without evidence',
  'stale-project': 'Quiet project',
  'year-ago': 'A year ago',
};

export const FOLLOWUP_ACT: Record<FollowUpKind, string> = {
  'decision-review': 'Write the outcome',
  'metric-result': 'Add the result',
  'story-rehearsal': 'Open the story',
  'metric-evidence': 'Add evidence',
  'stale-project': 'Open the project',
  'year-ago': 'Open the entry',
};

/** Kinds acted on right in the queue, with a field; the others open the entry. */
export type InlineKind = 'metric-result' | 'metric-evidence';

export function isInline(kind: FollowUpKind): kind is InlineKind {
  return kind === 'metric-result' || kind === 'metric-evidence';
}
