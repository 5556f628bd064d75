// A period review in plain data: the period before or after one, and the reflection typed
// under the summary as the review entry review_save takes.

import type { Period, PeriodKind, PeriodSummary, ReviewInput } from '../lib/bindings';

export const PERIOD_KINDS = ['quarter', 'half', 'year'] as const satisfies readonly PeriodKind[];
export type ReviewedKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_KIND_LABEL: Record<ReviewedKind, string> = {
  quarter: 'Quarter',
  half: 'Half',
  year: 'Year',
};

/** `date` moved by whole days ("YYYY-MM-DD", calendar arithmetic in UTC). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return moved.toISOString().slice(0, 10);
}

/** A day in the period before (-1) or after (+1) this one, to ask period_summary with. */
export function neighbour(period: Pick<Period, 'starts_on' | 'ends_on'>, direction: -1 | 1): string {
  return direction < 0 ? addDays(period.starts_on, -1) : addDays(period.ends_on, 1);
}

export interface Reflection {
  went_well: string;
  to_improve: string;
  next_focus: string;
}

export function blankReflection(): Reflection {
  return { went_well: '', to_improve: '', next_focus: '' };
}

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The review entry: the period, its summary as it reads now, and the reflection. */
export function reviewInput(summary: PeriodSummary, reflection: Reflection): ReviewInput {
  return {
    period: summary.period.kind,
    starts_on: summary.period.starts_on,
    ends_on: summary.period.ends_on,
    summary: summary.markdown,
    went_well: text(reflection.went_well),
    to_improve: text(reflection.to_improve),
    next_focus: text(reflection.next_focus),
    tags: [],
    skills: [],
  };
}
