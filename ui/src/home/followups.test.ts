import { describe, expect, it } from 'vitest';
import type { FollowUp, FollowUpQueue, Metric } from '../lib/bindings';
import { FollowUpStore, withEvidence, withResult } from './followups.svelte';

const metric = {
  id: 7,
  project_id: 3,
  name: 'p95',
  unit: 'ms',
  baseline: 800,
  result: null,
  better: 'lower',
  measured_on: null,
  evidence: null,
  target: 200,
  measure_by: '2026-11-30',
  tags: ['checkout'],
  skills: [],
  told: null,
  waiting: '800 ms → not measured yet',
} as unknown as Metric;

const item: FollowUp = {
  key: 'metric-result:7',
  kind: 'metric-result',
  entry_kind: 'metric',
  entry_id: 7,
  project_id: 3,
  title: 'p95',
  detail: 'Measure by 30 November',
  due_on: '2026-11-30',
  overdue: true,
};

describe('a metric completed from the queue', () => {
  it('keeps the whole metric and sets its result, measured today', () => {
    expect(withResult(metric, '1,20', '2026-12-01')).toEqual({
      ok: true,
      value: {
        project_id: 3,
        name: 'p95',
        unit: 'ms',
        baseline: 800,
        result: 120,
        better: 'lower',
        measured_on: '2026-12-01',
        evidence: null,
        target: 200,
        measure_by: '2026-11-30',
        tags: ['checkout'],
        skills: [],
        person_ids: [],
        private: false,
      },
    });
  });

  it('keeps the people and the private flag of the metric', () => {
    const kept = { ...metric, person_ids: [2, 5], private: true } as Metric;
    expect(withResult(kept, '120', '2026-12-01')).toMatchObject({ ok: true, value: { person_ids: [2, 5], private: true } });
    expect(withEvidence(kept, 'https://dash/p95')).toMatchObject({ ok: true, value: { person_ids: [2, 5], private: true } });
  });

  it('refuses a result that is not a number, and empty evidence', () => {
    expect(withResult(metric, 'soon', '2026-12-01')).toMatchObject({ ok: false, error: { field: 'result' } });
    expect(withEvidence(metric, '  ')).toMatchObject({ ok: false, error: { field: 'evidence' } });
    expect(withEvidence(metric, 'https://dash/p95')).toMatchObject({ ok: true, value: { evidence: 'https://dash/p95' } });
  });
});

describe('FollowUpStore.mark', () => {
  it('snoozes, offers Undo in the toast, and Undo clears the mark', async () => {
    const marks: string[] = [];
    const queue = (items: FollowUp[]): FollowUpQueue => ({ items, total: items.length, snoozed: 0 });
    const toasts: { text: string; run?: () => unknown }[] = [];
    const store = new FollowUpStore(
      {
        followupList: async () => queue([item]),
        followupMark: async (key, mark) => {
          marks.push(`${mark} ${key}`);
          return queue(mark === 'clear' ? [item] : []);
        },
        projectGet: async () => {
          throw new Error('not used');
        },
        metricSave: async () => {
          throw new Error('not used');
        },
      },
      { show: (text, action) => toasts.push({ text, ...(action ? { run: action.run } : {}) }) },
      () => {},
    );
    await store.load();
    await store.mark(item, 'snooze');
    expect(store.queue?.items).toEqual([]);
    expect(toasts[0]?.text).toBe('Snoozed “p95” for a week');
    await toasts[0]?.run?.();
    expect(marks).toEqual(['snooze metric-result:7', 'clear metric-result:7']);
    expect(store.queue?.items).toEqual([item]);
  });
});
