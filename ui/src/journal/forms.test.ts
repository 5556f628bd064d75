import { describe, expect, it } from 'vitest';
import type { Decision, Feedback, Metric, MetricInput, Project } from '../lib/bindings';
import { attempt } from '../lib/forms';
import {
  decisionFields,
  decisionInput,
  feedbackFields,
  feedbackInput,
  metricFields,
  metricInput,
  parseDate,
  parseNumber,
  parseWhole,
  projectFields,
  projectInput,
} from './forms';

describe('parsers', () => {
  it('takes dates as YYYY-MM-DD and pads short ones', () => {
    expect(parseDate('started_on', ' 2024-3-5 ')).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseDate('started_on', '')).toEqual({ ok: true, value: null });
    const wrong = parseDate('ended_on', '05/03/2024');
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error).toMatchObject({ kind: 'invalid', field: 'ended_on' });
    const impossible = parseDate('ended_on', '2023-02-29');
    expect(!impossible.ok && impossible.error.message).toContain('not a day');
  });

  it('reads numbers as people type them', () => {
    expect(parseNumber('baseline', '1,200.5', false)).toEqual({ ok: true, value: 1200.5 });
    expect(parseNumber('baseline', '\u22123', false)).toEqual({ ok: true, value: -3 });
    expect(parseNumber('baseline', '.5', false)).toEqual({ ok: true, value: 0.5 });
    expect(parseNumber('baseline', '', false)).toEqual({ ok: true, value: null });
    expect(parseNumber('result', '', true)).toMatchObject({ ok: false, error: { field: 'result' } });
    expect(parseNumber('result', '12ms', true)).toMatchObject({ ok: false, error: { field: 'result' } });
    expect(parseNumber('result', 'Infinity', true).ok).toBe(false);
  });

  it('keeps whole numbers in range', () => {
    expect(parseWhole('confidence', '70', 0, 100)).toEqual({ ok: true, value: 70 });
    expect(parseWhole('confidence', '300', 0, 100)).toMatchObject({ ok: false, error: { field: 'confidence' } });
    expect(parseWhole('confidence', '-1', 0, 100).ok).toBe(false);
    expect(parseWhole('confidence', '7.5', 0, 100).ok).toBe(false);
  });
});

describe('form to input', () => {
  it('turns blanks into absent fields and tags into lists', () => {
    const fields = { ...projectFields(null), title: 'Checkout', organization: '  ', tags: 'perf, #perf, pay' };
    expect(projectInput(fields)).toEqual({
      ok: true,
      value: {
        title: 'Checkout',
        organization: null,
        role: null,
        started_on: null,
        ended_on: null,
        scope: null,
        status: null,
        summary: null,
        tags: ['perf', 'pay'],
        skills: [],
        person_ids: [],
        private: false,
      },
    });
  });

  it('leaves the title rule to the core: an empty title is sent as it is', () => {
    const parsed = projectInput(projectFields(null));
    expect(parsed.ok && parsed.value.title).toBe('');
  });

  it('round-trips a saved metric through its fields', () => {
    const input: MetricInput = {
      project_id: 1,
      name: 'p99',
      unit: 'ms',
      baseline: 800,
      result: 120,
      better: 'lower',
      measured_on: '2024-06-01',
      evidence: null,
      target: 100,
      measure_by: null,
      tags: ['perf'],
      skills: [],
      person_ids: [3, 1],
      private: true,
    };
    const metric: Metric = {
      ...input,
      id: 4,
      uuid: 'u',
      created_at: '2024-06-01T10:00:00.000Z',
      updated_at: '2024-06-01T10:00:00.000Z',
      change: -680,
      percent_change: -85,
      improved: true,
      told: {
        from: '800 ms',
        to: '120 ms',
        delta: '−85%',
        verdict: 'better',
        short: '800 ms → 120 ms · −85% · better',
        amount: '85%',
        phrase: 'by 85% to 120 ms',
        moved: 'fell 85% to 120 ms',
        verb: 'Cut',
      },
      waiting: null,
    };
    expect(metricInput(1, metricFields(metric))).toEqual({ ok: true, value: input });
  });

  it('logs a metric before its result: a blank result is absent, with its target and day', () => {
    const fields = { ...metricFields(null), name: 'p99', baseline: '800', target: '200', measure_by: '2027-01-31' };
    const parsed = metricInput(3, fields);
    expect(parsed.ok && parsed.value).toMatchObject({ baseline: 800, result: null, target: 200, measure_by: '2027-01-31' });
  });

  it('a waiting metric opens with its result blank, not "null"', () => {
    const waiting = { ...metricFields(null), baseline: '800' };
    const parsed = metricInput(3, waiting);
    if (!parsed.ok) throw new Error('refused');
    const saved = { ...parsed.value, id: 1, uuid: 'u', created_at: '', updated_at: '', change: null, percent_change: null, improved: null, told: null, waiting: '800 → not measured yet' };
    expect(metricFields(saved)).toMatchObject({ result: '', target: '', measure_by: '' });
  });

  it('refuses a target or a measure-by day it cannot read, by field', () => {
    const parsed = metricInput(3, { ...metricFields(null), target: 'soon', measure_by: '2027-02-30' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.errors.map((e) => e.field)).toEqual(['target', 'measure_by']);
  });

  it('starts a decision with two option rows and keeps the rows typed', () => {
    const fields = decisionFields(null);
    expect(fields.options).toHaveLength(2);
    fields.title = 'Queue or cron';
    fields.chosen = 'Queue';
    fields.options[0] = { text: 'Queue', pros: 'replay', cons: 'ops' };
    fields.confidence = '70';
    const parsed = decisionInput(7, fields);
    expect(parsed.ok && parsed.value).toMatchObject({
      project_id: 7,
      confidence: 70,
      options: [
        { text: 'Queue', pros: 'replay', cons: 'ops' },
        { text: '', pros: '', cons: '' },
      ],
    });
  });

  it('names the field of the first bad value', () => {
    const fields = { ...decisionFields({ options: [] } as unknown as Decision), confidence: '101', review_on: 'soon' };
    expect(decisionInput(null, fields)).toMatchObject({ ok: false, error: { field: 'confidence' } });
  });

  it('lists every bad value at once, each by its field', () => {
    const fields = { ...decisionFields({ options: [] } as unknown as Decision), confidence: '101', review_on: 'soon' };
    const parsed = decisionInput(null, fields);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.errors.map((e) => e.field)).toEqual(['confidence', 'review_on']);
    expect(parsed.error.errors[1]?.message).toMatch(/YYYY-MM-DD/);
  });
});

describe('attempt', () => {
  it('does not call the core when the form refused', async () => {
    let called = false;
    const error = await attempt(parseDate('date', 'x'), async () => {
      called = true;
    });
    expect(called).toBe(false);
    expect(error?.field).toBe('date');
  });

  it('passes the core refusal through, with its field', async () => {
    const error = await attempt({ ok: true, value: 1 }, () =>
      Promise.reject({ kind: 'invalid', field: 'title', message: 'cannot be empty', errors: [{ field: 'title', message: 'cannot be empty' }] }),
    );
    expect(error).toEqual({ kind: 'invalid', field: 'title', message: 'cannot be empty', errors: [{ field: 'title', message: 'cannot be empty' }] });
  });

  it('is null once saved', async () => {
    expect(await attempt({ ok: true, value: 1 }, async () => 'saved')).toBeNull();
  });
});

describe('people and privacy through an edit', () => {
  const project: Project = {
    id: 9,
    uuid: 'p',
    created_at: '',
    updated_at: '',
    title: 'Checkout latency',
    organization: null,
    role: null,
    started_on: null,
    ended_on: null,
    scope: null,
    status: null,
    summary: null,
    tags: ['perf'],
    skills: [],
    person_ids: [4, 2],
    private: true,
  };

  it('keeps the people and the private flag of an entry being edited', () => {
    const fields = projectFields(project);
    expect(fields).toMatchObject({ person_ids: [4, 2], private: true });
    fields.title = 'Checkout latency, phase 2';
    const parsed = projectInput(fields);
    expect(parsed.ok && parsed.value).toMatchObject({ title: 'Checkout latency, phase 2', person_ids: [4, 2], private: true });
  });

  it('sends what the form changed: a person taken off, the flag cleared', () => {
    const fields = projectFields(project);
    fields.person_ids = fields.person_ids.filter((id) => id !== 4);
    fields.private = false;
    const parsed = projectInput(fields);
    expect(parsed.ok && parsed.value).toMatchObject({ person_ids: [2], private: false });
    // The form's copy is its own: editing it leaves the saved entry as it was.
    expect(project.person_ids).toEqual([4, 2]);
  });

  it('reads an entry saved without either as no one and not private', () => {
    const { person_ids: _people, private: _private, ...older } = project;
    expect(projectFields(older as Project)).toMatchObject({ person_ids: [], private: false });
  });

  it('keeps the consulted people of a decision through an edit', () => {
    const decision = { ...decisionFields(null), title: 'Queue', chosen: 'Queue', person_ids: [5] };
    const parsed = decisionInput(null, decision);
    expect(parsed.ok && parsed.value.person_ids).toEqual([5]);
  });
});

describe('feedback with a person and a direction', () => {
  it('starts as received, from no one in particular', () => {
    expect(feedbackFields(null)).toMatchObject({ direction: 'received', person_id: null, source: '' });
  });

  it('passes a blank source with a person: the core fills in their name', () => {
    const fields = { ...feedbackFields(null), direction: 'given' as const, person_id: 7, text: 'Clear RFC, tighten the rollout' };
    const parsed = feedbackInput(3, fields);
    expect(parsed).toEqual({
      ok: true,
      value: {
        project_id: 3,
        source: '',
        person_id: 7,
        direction: 'given',
        date: null,
        text: 'Clear RFC, tighten the rollout',
        rating: null,
        tags: [],
        skills: [],
        person_ids: [],
        private: false,
      },
    });
  });

  it('keeps the person, the direction and the source through an edit', () => {
    const saved = {
      id: 2,
      uuid: 'f',
      created_at: '',
      updated_at: '',
      project_id: null,
      source: 'Avery Quill',
      person_id: 7,
      direction: 'given',
      date: '2026-11-30',
      text: 'Good review',
      rating: 4,
      tags: [],
      skills: [],
      private: true,
    } satisfies Feedback;
    const parsed = feedbackInput(null, feedbackFields(saved));
    expect(parsed.ok && parsed.value).toMatchObject({ source: 'Avery Quill', person_id: 7, direction: 'given', rating: 4, private: true });
  });

  it('reads feedback saved before directions as received', () => {
    const older = { ...feedbackFields(null), source: 'Manager', text: 'x' };
    expect(feedbackFields({ ...older, id: 1, uuid: '', created_at: '', updated_at: '', project_id: null, date: null, rating: null, tags: [], skills: [] } as unknown as Feedback)).toMatchObject({
      direction: 'received',
      person_id: null,
    });
  });
});
