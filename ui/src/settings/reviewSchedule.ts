// The weekly review's slot and the fiscal year as the Settings card shows them: the choices
// and the sentence that says what they mean. The schedule itself is the core's.

import type { ReviewDay } from '../lib/bindings';
import { MONTH_NAMES } from '../guides/dates';

export const REVIEW_DAYS: readonly { value: ReviewDay; label: string }[] = [
  { value: 'monday', label: 'Monday' },
  { value: 'tuesday', label: 'Tuesday' },
  { value: 'wednesday', label: 'Wednesday' },
  { value: 'thursday', label: 'Thursday' },
  { value: 'friday', label: 'Friday' },
  { value: 'saturday', label: 'Saturday' },
  { value: 'sunday', label: 'Sunday' },
];

/** The months as the fiscal-year select offers them (the value is the core's 1-12). */
export const FISCAL_MONTHS: readonly { value: string; label: string }[] = MONTH_NAMES.map((label, i) => ({
  value: String(i + 1),
  label,
}));

function monthName(month: number): string {
  return MONTH_NAMES[(((month - 1) % 12) + 12) % 12] ?? '?';
}

/** "Q1 runs January to March": the first quarter of a fiscal year starting in `month`. */
export function firstQuarter(month: number): string {
  return `Q1 runs ${monthName(month)} to ${monthName(month + 2)}`;
}

/** "Your weekly review comes round every Friday at 16:00." */
export function reviewSlot(day: ReviewDay, time: string): string {
  const label = REVIEW_DAYS.find((d) => d.value === day)?.label ?? day;
  return `Your weekly review comes round every ${label} at ${time}.`;
}
