// Calendar days as the core sends them ("2026-11-28"), worded for the checklist and Home.
// English month names on purpose: the rest of the app is written in English too.

/** The months in full, January first: a period's or a timeline group's name. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

/** Today on this machine's calendar, as the core writes days. */
export function localToday(now: Date = new Date()): string {
  return isoDay(now);
}

function isoDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function parts(day: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Whole days from `from` to `to` (negative when `to` is earlier); null for a bad date. */
export function daysBetween(from: string, to: string): number | null {
  const a = parts(from);
  const b = parts(to);
  if (!a || !b) return null;
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / DAY_MS);
}

/** "28 Nov", with the year when it is not this year's: "3 Jan 2027". */
export function formatDay(day: string, today: string): string {
  const p = parts(day);
  if (!p) return day;
  const [y, m, d] = p;
  const label = `${d} ${MONTHS[m - 1] ?? ''}`;
  return parts(today)?.[0] === y ? label : `${label} ${y}`;
}

/** The calendar day of an RFC 3339 instant, on this machine's clock. */
export function dayOfInstant(instant: string): string | null {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : isoDay(date);
}
