// Home's follow-up queue: the list (most urgent first), snooze and dismiss with Undo, and
// the one-click acts that need the entry itself (a metric's result or evidence, a
// decision's form).

import { api, toIpcError, type Api } from '../lib/api';
import type { Decision, FollowUp, FollowUpQueue, IpcError, Metric, MetricInput } from '../lib/bindings';
import { refuse, type Parsed, ok } from '../lib/forms';
import { Latest } from '../lib/latest';
import { asSentence } from '../lib/text';
import { toaster, type Toaster } from '../lib/toast.svelte';
import { journal } from '../journal/journal.svelte';
import { parseNumber } from '../journal/forms';
import { today } from '../journal/format';

export type FollowUpsApi = Pick<Api, 'followupList' | 'followupMark' | 'projectGet' | 'metricSave'>;

/** A metric as metric_save takes it back: the saved entry without what the journal derives. */
export function metricAsInput(m: Metric): MetricInput {
  return {
    project_id: m.project_id,
    name: m.name,
    unit: m.unit,
    baseline: m.baseline,
    result: m.result,
    better: m.better,
    measured_on: m.measured_on,
    evidence: m.evidence,
    target: m.target ?? null,
    measure_by: m.measure_by ?? null,
    tags: m.tags,
    skills: m.skills,
    // The core takes an absent list or flag as cleared: an edit sends them back.
    person_ids: [...(m.person_ids ?? [])],
    private: m.private ?? false,
  };
}

/** The metric with its result written (measured today unless it says when), or the refusal. */
export function withResult(m: Metric, typed: string, on: string): Parsed<MetricInput> {
  const result = parseNumber('result', typed, true);
  if (!result.ok) return result;
  return ok({ ...metricAsInput(m), result: result.value, measured_on: m.measured_on ?? on });
}

/** The metric with its evidence (a link or a note), or the refusal when blank. */
export function withEvidence(m: Metric, typed: string): Parsed<MetricInput> {
  const evidence = typed.trim();
  if (evidence === '') return refuse('evidence', 'cannot be empty');
  return ok({ ...metricAsInput(m), evidence });
}

export class FollowUpStore {
  queue: FollowUpQueue | null = $state(null);
  error: IpcError | null = $state(null);

  readonly #api: FollowUpsApi;
  readonly #toaster: Pick<Toaster, 'show'>;
  readonly #changed: () => void;
  readonly #reads = new Latest();

  /** `changed`: the journal changed (Home and the other screens reload). */
  constructor(source: FollowUpsApi, toasts: Pick<Toaster, 'show'>, changed: () => void) {
    this.#api = source;
    this.#toaster = toasts;
    this.#changed = changed;
  }

  load(): Promise<void> {
    return this.#reads.read(
      () => this.#api.followupList(),
      (queue) => {
        this.queue = queue;
        this.error = null;
      },
      (e) => (this.error = e),
    );
  }

  /** Snoozes a week or dismisses; the toast offers Undo, which puts it back. */
  async mark(item: FollowUp, mark: 'snooze' | 'dismiss'): Promise<void> {
    try {
      this.#shown(await this.#api.followupMark(item.key, mark));
    } catch (e) {
      this.#toaster.show(`Could not ${mark} “${item.title}”. ${asSentence(toIpcError(e).message)}`);
      return;
    }
    const said = mark === 'snooze' ? `Snoozed “${item.title}” for a week` : `Dismissed “${item.title}”`;
    this.#toaster.show(said, { label: 'Undo', run: () => this.#undo(item) });
  }

  async #undo(item: FollowUp): Promise<void> {
    try {
      this.#shown(await this.#api.followupMark(item.key, 'clear'));
    } catch (e) {
      this.#toaster.show(`Could not bring “${item.title}” back. ${asSentence(toIpcError(e).message)}`);
    }
  }

  #shown(queue: FollowUpQueue): void {
    // A read on its way began before the mark: it must not put the old queue back.
    this.#reads.invalidate();
    this.queue = queue;
    this.error = null;
  }

  /** The metric an item is about, read from its project. */
  async metricOf(item: FollowUp): Promise<Metric> {
    if (item.project_id === null) throw toIpcError({ kind: 'not_found', message: 'the metric has no project' });
    const project = await this.#api.projectGet(item.project_id);
    const metric = project.metrics.find((m) => m.id === item.entry_id);
    if (!metric) throw toIpcError({ kind: 'not_found', message: 'the metric is not in the journal any more' });
    return metric;
  }

  /** The decision an item is about: from the reviews due Home already has, else its project. */
  async decisionOf(item: FollowUp, due: readonly Decision[]): Promise<Decision> {
    const known = due.find((d) => d.id === item.entry_id);
    if (known) return known;
    if (item.project_id !== null) {
      const project = await this.#api.projectGet(item.project_id);
      const decision = project.decisions.find((d) => d.id === item.entry_id);
      if (decision) return decision;
    }
    throw toIpcError({ kind: 'not_found', message: 'the decision is not in the journal any more' });
  }

  /**
   * Writes a metric's result or evidence from the queue's field: null when saved (the queue
   * reloads with the journal), else the refusal to show by the field.
   */
  async completeMetric(item: FollowUp, metric: Metric, typed: string): Promise<IpcError | null> {
    try {
      const input = item.kind === 'metric-result' ? withResult(metric, typed, today()) : withEvidence(metric, typed);
      if (!input.ok) return input.error;
      await this.#api.metricSave(metric.id, input.value);
    } catch (e) {
      return toIpcError(e);
    }
    this.#changed();
    return null;
  }
}

export const followups = new FollowUpStore(api, toaster, () => journal.external());
