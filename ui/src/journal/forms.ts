// The entry forms as plain data: what the fields hold while typing (strings), how a saved
// entry fills them, and how they become the typed input the core takes. Only what the
// bridge could not carry is checked here (a date that is not a date, a number that is not
// a number); every other rule is the core's, and its message comes back by field.

import type {
  Artifact,
  ArtifactInput,
  ArtifactKind,
  Decision,
  DecisionInput,
  Direction,
  Feedback,
  FeedbackDirection,
  FeedbackInput,
  Labels,
  Metric,
  MetricInput,
  Note,
  NoteInput,
  Project,
  ProjectInput,
  ProjectStatus,
  Scope,
} from '../lib/bindings';
import { collect, ok, refuse, type Parsed } from '../lib/forms';
import { labelsText, parseLabels } from './format';

/** Blank is absent. */
function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** "YYYY-MM-DD" or blank; a day that is not in the calendar is refused here. */
export function parseDate(field: string, value: string): Parsed<string | null> {
  const trimmed = value.trim();
  if (trimmed === '') return ok(null);
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (!match) return refuse(field, 'use the form YYYY-MM-DD, for example 2024-03-15');
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return refuse(field, `${trimmed} is not a day in the calendar`);
  }
  return ok(`${match[1]}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** A decimal number as typed ("1,200", "0.5", "-3"), or blank when not `required`. */
export function parseNumber(field: string, value: string, required: boolean): Parsed<number | null> {
  const cleaned = value.trim().replace(/[,_\s]/g, '').replace(/^\u2212/, '-');
  if (cleaned === '') return required ? refuse(field, 'cannot be empty') : ok(null);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) {
    return refuse(field, 'must be a number, for example 120 or 0.5');
  }
  return ok(Number(cleaned));
}

/** A whole number from `min` to `max`, or blank. */
export function parseWhole(field: string, value: string, min: number, max: number): Parsed<number | null> {
  const trimmed = value.trim();
  if (trimmed === '') return ok(null);
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < min || Number(trimmed) > max) {
    return refuse(field, `must be a whole number from ${min} to ${max}`);
  }
  return ok(Number(trimmed));
}

export interface ProjectFields extends LabelFields {
  title: string;
  organization: string;
  role: string;
  started_on: string;
  ended_on: string;
  scope: Scope | '';
  status: ProjectStatus | '';
  summary: string;
}

export function projectFields(p: Project | null): ProjectFields {
  return {
    title: p?.title ?? '',
    organization: p?.organization ?? '',
    role: p?.role ?? '',
    started_on: p?.started_on ?? '',
    ended_on: p?.ended_on ?? '',
    scope: p?.scope ?? '',
    status: p?.status ?? '',
    summary: p?.summary ?? '',
    ...labelFields(p),
  };
}

export function projectInput(f: ProjectFields): Parsed<ProjectInput> {
  const dates = collect<{ started_on: string | null; ended_on: string | null }>({
    started_on: parseDate('started_on', f.started_on),
    ended_on: parseDate('ended_on', f.ended_on),
  });
  if (!dates.ok) return dates;
  return ok({
    title: f.title,
    organization: text(f.organization),
    role: text(f.role),
    ...dates.value,
    scope: f.scope === '' ? null : f.scope,
    status: f.status === '' ? null : f.status,
    summary: text(f.summary),
    ...labelsInput(f),
  });
}

export interface MetricFields extends LabelFields {
  name: string;
  unit: string;
  baseline: string;
  /** Blank while the metric waits to be measured. */
  result: string;
  target: string;
  better: Direction | '';
  measured_on: string;
  measure_by: string;
  evidence: string;
}

/** A number as the field shows it; blank when absent. */
function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export function metricFields(m: Metric | null): MetricFields {
  return {
    name: m?.name ?? '',
    unit: m?.unit ?? '',
    baseline: numberText(m?.baseline),
    result: numberText(m?.result),
    target: numberText(m?.target),
    better: m?.better ?? '',
    measured_on: m?.measured_on ?? '',
    measure_by: m?.measure_by ?? '',
    evidence: m?.evidence ?? '',
    ...labelFields(m),
  };
}

// A metric may be logged before its result is known (baseline, target, measure-by date):
// a blank result is absent, and the core says which of those such a metric still needs.
export function metricInput(projectId: number, f: MetricFields): Parsed<MetricInput> {
  const parsed = collect<{
    baseline: number | null;
    result: number | null;
    target: number | null;
    measured_on: string | null;
    measure_by: string | null;
  }>({
    baseline: parseNumber('baseline', f.baseline, false),
    result: parseNumber('result', f.result, false),
    target: parseNumber('target', f.target, false),
    measured_on: parseDate('measured_on', f.measured_on),
    measure_by: parseDate('measure_by', f.measure_by),
  });
  if (!parsed.ok) return parsed;
  return ok({
    project_id: projectId,
    name: f.name,
    unit: text(f.unit),
    baseline: parsed.value.baseline,
    result: parsed.value.result,
    better: f.better === '' ? null : f.better,
    measured_on: parsed.value.measured_on,
    evidence: text(f.evidence),
    target: parsed.value.target,
    measure_by: parsed.value.measure_by,
    ...labelsInput(f),
  });
}

export interface OptionFields {
  text: string;
  pros: string;
  cons: string;
}

export interface DecisionFields extends LabelFields {
  title: string;
  context: string;
  goal: string;
  options: OptionFields[];
  chosen: string;
  tradeoffs: string;
  expected: string;
  confidence: string;
  outcome: string;
  decided_on: string;
  review_on: string;
}

export function blankOption(): OptionFields {
  return { text: '', pros: '', cons: '' };
}

export function decisionFields(d: Decision | null): DecisionFields {
  const options = d?.options.map((o) => ({ text: o.text, pros: o.pros, cons: o.cons })) ?? [];
  return {
    title: d?.title ?? '',
    context: d?.context ?? '',
    goal: d?.goal ?? '',
    // A new decision starts with two rows: a choice needs at least two options.
    options: options.length ? options : [blankOption(), blankOption()],
    chosen: d?.chosen ?? '',
    tradeoffs: d?.tradeoffs ?? '',
    expected: d?.expected ?? '',
    confidence: d?.confidence === null || d?.confidence === undefined ? '' : String(d.confidence),
    outcome: d?.outcome ?? '',
    decided_on: d?.decided_on ?? '',
    review_on: d?.review_on ?? '',
    ...labelFields(d),
  };
}

export function decisionInput(
  projectId: number | null,
  f: DecisionFields,
): Parsed<DecisionInput> {
  const parsed = collect<{ confidence: number | null; decided_on: string | null; review_on: string | null }>({
    confidence: parseWhole('confidence', f.confidence, 0, 100),
    decided_on: parseDate('decided_on', f.decided_on),
    review_on: parseDate('review_on', f.review_on),
  });
  if (!parsed.ok) return parsed;
  return ok({
    project_id: projectId,
    title: f.title,
    context: text(f.context),
    goal: text(f.goal),
    // Empty rows are dropped by the core too; a row with only pros or cons keeps its error.
    options: f.options.map((o) => ({ text: o.text, pros: o.pros, cons: o.cons })),
    chosen: f.chosen,
    tradeoffs: text(f.tradeoffs),
    expected: text(f.expected),
    confidence: parsed.value.confidence,
    outcome: text(f.outcome),
    // The journal records the day the outcome was written; what the form sends is ignored.
    outcome_on: null,
    decided_on: parsed.value.decided_on,
    review_on: parsed.value.review_on,
    ...labelsInput(f),
  });
}

export interface ArtifactFields extends LabelFields {
  kind: ArtifactKind | '';
  title: string;
  url: string;
  date: string;
}

export function artifactFields(a: Artifact | null): ArtifactFields {
  return { kind: a?.kind ?? '', title: a?.title ?? '', url: a?.url ?? '', date: a?.date ?? '', ...labelFields(a) };
}

export function artifactInput(projectId: number, f: ArtifactFields): Parsed<ArtifactInput> {
  const date = parseDate('date', f.date);
  if (!date.ok) return date;
  return ok({
    project_id: projectId,
    kind: f.kind === '' ? null : f.kind,
    title: f.title,
    url: text(f.url),
    date: date.value,
    ...labelsInput(f),
  });
}

export interface FeedbackFields extends LabelFields {
  direction: FeedbackDirection;
  /** The person it came from or went to, when they are in the journal. */
  person_id: number | null;
  source: string;
  date: string;
  text: string;
  rating: string;
}

export function feedbackFields(f: Feedback | null): FeedbackFields {
  return {
    direction: f?.direction ?? 'received',
    person_id: f?.person_id ?? null,
    source: f?.source ?? '',
    date: f?.date ?? '',
    text: f?.text ?? '',
    rating: f?.rating === null || f?.rating === undefined ? '' : String(f.rating),
    ...labelFields(f),
  };
}

export function feedbackInput(
  projectId: number | null,
  f: FeedbackFields,
): Parsed<FeedbackInput> {
  const parsed = collect<{ date: string | null; rating: number | null }>({
    date: parseDate('date', f.date),
    rating: parseWhole('rating', f.rating, 1, 5),
  });
  if (!parsed.ok) return parsed;
  // With a person, a blank source is theirs to fill: the core writes in the person's name.
  return ok({
    project_id: projectId,
    source: f.source,
    person_id: f.person_id,
    direction: f.direction,
    text: f.text,
    ...parsed.value,
    ...labelsInput(f),
  });
}

export interface NoteFields extends LabelFields {
  date: string;
  text: string;
}

export function noteFields(n: Note | null): NoteFields {
  return { date: n?.date ?? '', text: n?.text ?? '', ...labelFields(n) };
}

export function noteInput(projectId: number | null, f: NoteFields): Parsed<NoteInput> {
  const date = parseDate('date', f.date);
  if (!date.ok) return date;
  return ok({ project_id: projectId, date: date.value, text: f.text, ...labelsInput(f) });
}

/**
 * What every entry carries besides its own fields: tags and skills (typed comma-separated),
 * the people it involved, and whether it is kept out of shared documents. An edit sends
 * them all back, since the core takes an absent list or flag as cleared.
 */
export interface LabelFields {
  tags: string;
  skills: string;
  person_ids: number[];
  private: boolean;
}

type Labelled = { tags: string[]; skills: string[]; person_ids?: number[]; private?: boolean };

export function labelFields(entry: Labelled | null): LabelFields {
  return {
    tags: labelsText(entry?.tags ?? []),
    skills: labelsText(entry?.skills ?? []),
    person_ids: [...(entry?.person_ids ?? [])],
    private: entry?.private ?? false,
  };
}

export function labelsInput(f: LabelFields): Labels {
  return { tags: parseLabels(f.tags), skills: parseLabels(f.skills), person_ids: [...f.person_ids], private: f.private };
}
