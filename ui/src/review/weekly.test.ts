import { describe, expect, it } from 'vitest';
import { ipcError } from '../lib/api';
import { blankWeekly, firstRefusedStep, measuresLater, noneSkipped, stepOf, weeklyInput } from './weekly';

describe('weeklyInput', () => {
  it('leaves out the steps skipped or left blank: they write nothing', () => {
    const fields = blankWeekly();
    fields.learned = '  Idempotency keys go in the request.  ';
    fields.decision.title = 'Retry delivery';
    const skipped = { ...noneSkipped(), decision: true };
    const input = weeklyInput(fields, skipped);
    expect(input).toEqual({
      ok: true,
      value: { shipped: null, moved: null, decision: null, feedback: null, learned: 'Idempotency keys go in the request.' },
    });
  });

  it('names a new project, or marks a chosen one shipped', () => {
    const fields = blankWeekly();
    fields.shipped.title = 'Checkout retries';
    expect(weeklyInput(fields, noneSkipped())).toMatchObject({
      ok: true,
      value: { shipped: { project_id: null, title: 'Checkout retries', summary: null } },
    });
    fields.shipped.project_id = '12';
    fields.shipped.summary = 'Out to every region';
    expect(weeklyInput(fields, noneSkipped())).toMatchObject({
      ok: true,
      value: { shipped: { project_id: 12, title: null, summary: 'Out to every region' } },
    });
  });

  it('makes the metric of the shipped project (0) with its numbers, or one to measure later', () => {
    const fields = blankWeekly();
    Object.assign(fields.moved, { name: 'p95', unit: 'ms', baseline: '1,200', result: '310', better: 'lower' });
    const input = weeklyInput(fields, noneSkipped());
    expect(input).toMatchObject({
      ok: true,
      value: { moved: { project_id: 0, name: 'p95', unit: 'ms', baseline: 1200, result: 310, better: 'lower', target: null } },
    });
    Object.assign(fields.moved, { result: '', target: '200', measure_by: '2027-1-31', project_id: '4' });
    expect(measuresLater(fields.moved)).toBe(true);
    expect(weeklyInput(fields, noneSkipped())).toMatchObject({
      ok: true,
      value: { moved: { project_id: 4, result: null, target: 200, measure_by: '2027-01-31' } },
    });
  });

  it('refuses letters as a number, named inside its step', () => {
    const fields = blankWeekly();
    Object.assign(fields.moved, { name: 'p95', baseline: '800', result: 'fast' });
    fields.feedback.text = 'Clear write-up';
    fields.feedback.date = 'yesterday';
    const input = weeklyInput(fields, noneSkipped());
    expect(input.ok).toBe(false);
    if (input.ok) return;
    expect(input.error.field).toBe('moved.result');
    expect(input.error.errors.map((e) => e.field)).toEqual(['moved.result', 'feedback.date']);
  });

  it('puts the chosen option first among the options, once', () => {
    const fields = blankWeekly();
    Object.assign(fields.decision, { title: 'Retries', chosen: 'Queue', others: 'Cron\n\nqueue\nClient retries' });
    expect(weeklyInput(fields, noneSkipped())).toMatchObject({
      ok: true,
      value: {
        decision: {
          chosen: 'Queue',
          options: [
            { text: 'Queue', pros: '', cons: '' },
            { text: 'Cron', pros: '', cons: '' },
            { text: 'Client retries', pros: '', cons: '' },
          ],
        },
      },
    });
  });
});

describe('the step of a refusal', () => {
  it.each([
    ['moved.result', 'moved'],
    ['shipped.title', 'shipped'],
    ['learned', 'learned'],
    ['title', null],
  ])('%s is in %s', (field, step) => {
    expect(stepOf(field)).toBe(step);
  });

  it('goes back to the first step with a refused field', () => {
    const error = {
      ...ipcError('invalid', 'cannot be empty', 'feedback.text'),
      errors: [
        { field: 'feedback.text', message: 'cannot be empty' },
        { field: 'shipped.title', message: 'cannot be empty' },
      ],
    };
    expect(firstRefusedStep(error)).toBe(0);
    expect(firstRefusedStep(ipcError('storage', 'disk full'))).toBeNull();
  });
});
