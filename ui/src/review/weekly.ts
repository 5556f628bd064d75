// The weekly review's answers as plain data: what each step holds while typing, which steps
// were skipped, and the one input they make for weekly_review_save. A skipped or blank step
// is left out, so it writes nothing; numbers and dates are checked here (the bridge could
// not carry letters as a number), every other rule is the core's.

import type { Direction, IpcError, WeeklyReviewInput } from '../lib/bindings';
import { collect, ok, type Parsed } from '../lib/forms';
import { parseDate, parseNumber } from '../journal/forms';

export const STEPS = ['shipped', 'moved', 'decision', 'feedback', 'learned'] as const;
export type StepName = (typeof STEPS)[number];

export const STEP_TITLE: Record<StepName, string> = {
  shipped: 'What shipped?',
  moved: 'What moved?',
  decision: 'A decision you made',
  feedback: 'Feedback received or given',
  learned: 'One thing you learned',
};

export interface ShippedFields {
  /** An existing project's id as text; '' for a new one named in `title`. */
  project_id: string;
  title: string;
  summary: string;
}

export interface MovedFields {
  name: string;
  unit: string;
  baseline: string;
  result: string;
  target: string;
  measure_by: string;
  better: Direction | '';
  /** A project's id as text; '' for the project of the shipped step. */
  project_id: string;
}

export interface DecisionFields {
  title: string;
  chosen: string;
  /** The options weighed and not chosen, one a line. */
  others: string;
  context: string;
}

export interface FeedbackFields {
  source: string;
  text: string;
  date: string;
}

export interface WeeklyFields {
  shipped: ShippedFields;
  moved: MovedFields;
  decision: DecisionFields;
  feedback: FeedbackFields;
  learned: string;
}

export type Skipped = Record<StepName, boolean>;

export function blankWeekly(): WeeklyFields {
  return {
    shipped: { project_id: '', title: '', summary: '' },
    moved: { name: '', unit: '', baseline: '', result: '', target: '', measure_by: '', better: '', project_id: '' },
    decision: { title: '', chosen: '', others: '', context: '' },
    feedback: { source: '', text: '', date: '' },
    learned: '',
  };
}

export function noneSkipped(): Skipped {
  return { shipped: false, moved: false, decision: false, feedback: false, learned: false };
}

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Whether anything was typed or chosen in a step (a blank step writes nothing). */
export function answered(fields: WeeklyFields, step: StepName): boolean {
  const value = fields[step];
  if (typeof value === 'string') return value.trim() !== '';
  return Object.values(value).some((v) => typeof v === 'string' && v.trim() !== '');
}

/** Anything typed at all: closing then asks before throwing it away. */
export function anyAnswered(fields: WeeklyFields): boolean {
  return STEPS.some((step) => answered(fields, step));
}

/** A result left empty: the metric is logged now and measured later. */
export function measuresLater(moved: MovedFields): boolean {
  return moved.result.trim() === '';
}

function shippedInput(f: ShippedFields): WeeklyReviewInput['shipped'] {
  const chosen = f.project_id === '' ? null : Number(f.project_id);
  return {
    project_id: chosen,
    title: chosen === null ? text(f.title) : null,
    summary: text(f.summary),
  };
}

function movedInput(f: MovedFields): Parsed<NonNullable<WeeklyReviewInput['moved']>> {
  const later = measuresLater(f);
  const parsed = collect<{
    baseline: number | null;
    result: number | null;
    target: number | null;
    measure_by: string | null;
  }>({
    baseline: parseNumber('moved.baseline', f.baseline, false),
    result: parseNumber('moved.result', f.result, false),
    target: later ? parseNumber('moved.target', f.target, false) : ok(null),
    measure_by: later ? parseDate('moved.measure_by', f.measure_by) : ok(null),
  });
  if (!parsed.ok) return parsed;
  return ok({
    project_id: f.project_id === '' ? 0 : Number(f.project_id),
    name: f.name,
    unit: text(f.unit),
    ...parsed.value,
    better: f.better === '' ? null : f.better,
    measured_on: null,
    evidence: null,
    tags: [],
    skills: [],
  });
}

function decisionInput(f: DecisionFields): NonNullable<WeeklyReviewInput['decision']> {
  const chosen = f.chosen.trim();
  const others = f.others
    .split('\n')
    .map((o) => o.trim())
    .filter((o) => o !== '' && o.toLowerCase() !== chosen.toLowerCase());
  const names = chosen === '' ? others : [chosen, ...others];
  return {
    project_id: null,
    title: f.title,
    context: text(f.context),
    goal: null,
    options: names.map((name) => ({ text: name, pros: '', cons: '' })),
    chosen,
    tradeoffs: null,
    expected: null,
    confidence: null,
    outcome: null,
    outcome_on: null,
    decided_on: null,
    review_on: null,
    tags: [],
    skills: [],
  };
}

function feedbackInput(f: FeedbackFields): Parsed<NonNullable<WeeklyReviewInput['feedback']>> {
  const date = parseDate('feedback.date', f.date);
  if (!date.ok) return date;
  return ok({ project_id: null, source: f.source, date: date.value, text: f.text, rating: null, tags: [], skills: [] });
}

/** The answers of the steps kept (not skipped, not blank) as the one input to save. */
export function weeklyInput(fields: WeeklyFields, skipped: Skipped): Parsed<WeeklyReviewInput> {
  const kept = (step: StepName) => !skipped[step] && answered(fields, step);
  const moved = kept('moved') ? movedInput(fields.moved) : ok(null);
  const feedback = kept('feedback') ? feedbackInput(fields.feedback) : ok(null);
  const checked = collect<{ moved: WeeklyReviewInput['moved']; feedback: WeeklyReviewInput['feedback'] }>({
    moved,
    feedback,
  });
  if (!checked.ok) return checked;
  return ok({
    shipped: kept('shipped') ? shippedInput(fields.shipped) : null,
    moved: checked.value.moved,
    decision: kept('decision') ? decisionInput(fields.decision) : null,
    feedback: checked.value.feedback,
    learned: kept('learned') ? fields.learned.trim() : null,
  });
}

/** The step a refused field is in: `moved.result` is in "moved", `learned` is its own. */
export function stepOf(field: string): StepName | null {
  const head = field.split('.')[0];
  return (STEPS as readonly string[]).includes(head ?? '') ? (head as StepName) : null;
}

/** The first step (in order) with a refused field, where the wizard goes back to. */
export function firstRefusedStep(error: IpcError): number | null {
  const fields = [error.field, ...error.errors.map((e) => e.field)].filter((f): f is string => f !== null);
  const steps = fields.map(stepOf).filter((s): s is StepName => s !== null).map((s) => STEPS.indexOf(s));
  return steps.length ? Math.min(...steps) : null;
}
