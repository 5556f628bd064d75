// How journal entries read on screen: a metric's change (as the core tells it), dates and
// periods, labels for the enums. Pure functions; the figures and their words come from Rust.

import type { ArtifactKind, Direction, Metric, ProjectStatus, Scope, Verdict } from '../lib/bindings';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const VERDICT_TEXT: Record<Verdict, string> = {
  better: '✓ better',
  worse: '✗ worse',
  unchanged: 'no change',
};

export const VERDICT_LABEL = VERDICT_TEXT;

export interface MetricChangeView {
  /** The baseline with its unit; absent without a baseline. */
  from: string | null;
  /** The result with its unit; "not measured yet" while the metric waits for it. */
  to: string;
  /** "−85%", "+0.5 points (+24%)", "5x": absent without a baseline. */
  delta: string | null;
  verdict: Verdict | null;
  /** Everything on one line, as the core tells it: "800 ms → 120 ms · −85% · better". */
  text: string;
  /** Whether the metric waits for its result (logged with its baseline, measured later). */
  waiting: boolean;
}

/** What a metric waiting for its result shows when the core sent no line for it. */
export const NOT_MEASURED = 'not measured yet';

/**
 * A metric's change as the core tells it (`Metric.told`), or, while the result is not
 * measured yet, the core's one line on what it waits for (`Metric.waiting`); nothing is
 * computed here.
 */
export function describeMetricChange(metric: Pick<Metric, 'told' | 'waiting'>): MetricChangeView {
  if (metric.told === null) {
    const line = metric.waiting ?? NOT_MEASURED;
    return { from: null, to: NOT_MEASURED, delta: null, verdict: null, text: line, waiting: true };
  }
  const { from, to, delta, verdict, short } = metric.told;
  return { from, to, delta, verdict, text: short, waiting: false };
}

interface Day {
  year: number;
  month: number;
  day: number;
}

function parts(date: string): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** "2024-03-05" -> "5 Mar 2024": day first, month in words, never ambiguous. A saved note
 * or feedback always has its day; the type allows none because it is the input's. */
export function formatDay(date: string | null): string {
  if (date === null) return '';
  const d = parts(date);
  if (!d) return date;
  return `${d.day} ${MONTHS[d.month - 1] ?? '?'} ${d.year}`;
}

/** "2024-03-05" -> "Mar 2024". */
export function formatMonth(date: string): string {
  const d = parts(date);
  if (!d) return date;
  return `${MONTHS[d.month - 1] ?? '?'} ${d.year}`;
}

/** A project's time span in months: "Jan – Jun 2024", "Nov 2023 – Feb 2024", "since Mar 2024". */
export function formatPeriod(started: string | null, ended: string | null): string | null {
  if (started && ended) {
    const a = formatMonth(started);
    const b = formatMonth(ended);
    if (a === b) return a;
    const sameYear = started.slice(0, 4) === ended.slice(0, 4);
    return sameYear ? `${a.split(' ')[0]} – ${b}` : `${a} – ${b}`;
  }
  if (started) return `since ${formatMonth(started)}`;
  if (ended) return `until ${formatMonth(ended)}`;
  return null;
}

/**
 * Tags and skills as typed: "perf, #payments, Perf" -> ["perf", "payments"]. The same
 * tidying the core does (trim, no leading #, no blanks, no repeats ignoring case), so the
 * chips shown while typing are the ones that will be saved.
 */
export function parseLabels(text: string): string[] {
  const kept: string[] = [];
  for (const raw of text.split(/[,\n]/)) {
    const label = raw.trim().replace(/^#+/, '').trim();
    if (label === '' || kept.some((k) => k.toLowerCase() === label.toLowerCase())) continue;
    kept.push(label);
  }
  return kept;
}

/** The text of a labels field for a saved entry: "perf, payments". */
export function labelsText(labels: readonly string[]): string {
  return labels.join(', ');
}

/** "1 metric", "3 metrics", "1 entry", "2 entries". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

export const SCOPE_LABEL: Record<Scope, string> = {
  task: 'Task',
  feature: 'Feature',
  service: 'Service',
  initiative: 'Initiative',
  'multi-team': 'Multi-team',
  organization: 'Organization',
};

export const STATUS_LABEL: Record<ProjectStatus, string> = {
  planned: 'Planned',
  active: 'Active',
  shipped: 'Shipped',
  paused: 'Paused',
  cancelled: 'Cancelled',
};

export const ARTIFACT_KIND_LABEL: Record<ArtifactKind, string> = {
  rfc: 'RFC',
  pr: 'Pull request',
  postmortem: 'Postmortem',
  'design-doc': 'Design doc',
  adr: 'ADR',
  runbook: 'Runbook',
  demo: 'Demo',
  talk: 'Talk',
};

export const DIRECTION_LABEL: Record<Direction, string> = {
  lower: 'Lower is better',
  higher: 'Higher is better',
};

export const SCOPES = Object.keys(SCOPE_LABEL) as Scope[];
export const STATUSES = Object.keys(STATUS_LABEL) as ProjectStatus[];
export const ARTIFACT_KINDS = Object.keys(ARTIFACT_KIND_LABEL) as ArtifactKind[];

/** "Acme Payments · Staff engineer", or whichever of the two is known. */
export function orgAndRole(organization: string | null, role: string | null): string | null {
  const known = [organization, role].filter((x): x is string => !!x && x.trim() !== '');
  return known.length ? known.join(' · ') : null;
}

/** A rating out of five as filled and empty stars: "★★★★☆". */
export function stars(rating: number): string {
  const filled = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(filled) + '☆'.repeat(5 - filled);
}

/** Today as "YYYY-MM-DD" in local time, the form the date fields use. */
export function today(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The start of a long text, cut at a word and marked with "…"; short texts as they are. */
export function excerpt(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
