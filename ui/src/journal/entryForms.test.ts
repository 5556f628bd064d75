import { describe, expect, it, vi } from 'vitest';

vi.mock('./journal.svelte', () => ({ journal: { save: vi.fn(), saveProject: vi.fn() } }));

import type { Decision, Note } from '../lib/bindings';
import { journal } from './journal.svelte';
import { ARTIFACT_FORM, DECISION_FORM, FEEDBACK_FORM, METRIC_FORM, NOTE_FORM, PROJECT_FORM } from './entryForms';
import type { FieldSpec } from './fields';
import { decisionFields, feedbackFields, noteFields } from './forms';

/** Any of the forms, seen only as its field list. */
interface AnyForm {
  name: string;
  values: (entry: null) => object;
  fields: (values: object, entry: null) => readonly FieldSpec<Record<string, string>>[];
}

const FORMS = [PROJECT_FORM, METRIC_FORM, DECISION_FORM, ARTIFACT_FORM, FEEDBACK_FORM, NOTE_FORM] as unknown as AnyForm[];

function specs(form: AnyForm) {
  return form.fields(form.values(null), null);
}

describe('entry forms', () => {
  it('offer a template for a new note, not for one being edited', () => {
    expect(NOTE_FORM.fields(noteFields(null), null)[0]).toEqual({ kind: 'template', text: 'text', tags: 'tags' });
    const saved = { id: 1, text: 'x', date: null, tags: [], skills: [] } as unknown as Note;
    expect(NOTE_FORM.fields(noteFields(saved), saved).some((s) => s.kind === 'template')).toBe(false);
  });

  it('bind every field to one of the form values, under a test id of the form', () => {
    for (const form of FORMS) {
      const values = form.values(null);
      for (const spec of specs(form)) {
        if (spec.kind === 'gap') continue;
        if (spec.kind === 'template') {
          expect(Object.keys(values)).toEqual(expect.arrayContaining([spec.text, spec.tags]));
          continue;
        }
        expect(Object.keys(values)).toContain(spec.key);
        if (spec.kind !== 'options') expect(spec.testid.startsWith(`${form.name}-`)).toBe(true);
      }
    }
  });

  it('give each field its own key and test id, and put the keyboard in exactly one', () => {
    for (const form of FORMS) {
      const named = specs(form).filter((s) => s.kind !== 'gap' && s.kind !== 'template');
      expect(new Set(named.map((s) => s.key)).size).toBe(named.length);
      const focused = named.filter((s) => s.kind === 'text' && s.autofocus);
      expect(focused).toHaveLength(1);
    }
  });

  it('open a decision due for review on its outcome', () => {
    const due = { review_due: true, options: [], tags: [], skills: [] } as unknown as Decision;
    const fields = DECISION_FORM.fields(decisionFields(due), due);
    const focused = fields.filter((s) => s.kind === 'text' && s.autofocus).map((s) => s.kind === 'text' && s.key);
    expect(focused).toEqual(['outcome']);
  });

  it('choose among the options typed, free text only while none is', () => {
    const values = decisionFields(null);
    const free = DECISION_FORM.fields(values, null).find((s) => (s.kind === 'text' || s.kind === 'select') && s.key === 'chosen');
    expect(free).toMatchObject({ kind: 'text' });
    values.options[0]!.text = ' Kafka ';
    values.options[1]!.text = 'SQS';
    const chosen = DECISION_FORM.fields(values, null).find((s) => (s.kind === 'text' || s.kind === 'select') && s.key === 'chosen');
    expect(chosen).toMatchObject({
      kind: 'select',
      options: [
        { value: 'Kafka', label: 'Kafka' },
        { value: 'SQS', label: 'SQS' },
      ],
    });
  });

  it('ask for people on projects and decisions', () => {
    const people = (form: AnyForm) => specs(form).filter((s) => s.kind === 'people').map((s) => s.kind === 'people' && s.label);
    expect(people(PROJECT_FORM as unknown as AnyForm)).toEqual(['People you worked with']);
    expect(people(DECISION_FORM as unknown as AnyForm)).toEqual(['Consulted']);
  });

  it('label feedback by its direction, and say a person may stand for the source', () => {
    const source = (values: ReturnType<typeof feedbackFields>) => {
      const spec = FEEDBACK_FORM.fields(values, null).find((s) => s.kind === 'text' && s.key === 'source');
      return spec?.kind === 'text' ? { label: spec.label, hint: spec.hint } : null;
    };
    expect(source(feedbackFields(null))).toEqual({ label: 'From', hint: undefined });
    expect(source({ ...feedbackFields(null), direction: 'given' })).toEqual({ label: 'To', hint: undefined });
    expect(source({ ...feedbackFields(null), person_id: 3 })).toEqual({ label: 'From', hint: 'Leave empty to use their name' });
    expect(FEEDBACK_FORM.fields(feedbackFields(null), null).some((s) => s.kind === 'person' && s.key === 'person_id')).toBe(true);
  });

  it('save each kind of entry through the journal', async () => {
    await METRIC_FORM.save(4, METRIC_FORM.input(METRIC_FORM.values(null), 9) as never);
    expect(journal.save).toHaveBeenCalledWith('metric', 4, expect.anything());
    await NOTE_FORM.save(null, { project_id: null, date: null, text: 'x', tags: [], skills: [] });
    expect(journal.save).toHaveBeenLastCalledWith('note', null, expect.objectContaining({ text: 'x' }));
    await PROJECT_FORM.save(null, { title: 'T' } as never);
    expect(journal.saveProject).toHaveBeenCalledWith(null, { title: 'T' });
  });
});
