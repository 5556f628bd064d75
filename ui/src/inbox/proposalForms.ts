// The journal's own entry forms (journal/entryForms), for a proposal: prefilled with what it
// proposes, and saved by accepting it as edited. The same fields, checks and errors.

import type * as core from '../lib/bindings';
import { ARTIFACT_FORM, METRIC_FORM, NOTE_FORM, PROJECT_FORM, type EntryFormSpec } from '../journal/entryForms';
import * as forms from '../journal/forms';
import { KIND_LABEL } from './describe';

type Accept = (input: unknown) => Promise<unknown>;

function accepting<E, F extends forms.LabelFields, I, P>(
  spec: EntryFormSpec<E, F, I, P>,
  kind: core.Proposal['kind'],
  values: F,
  accept: Accept,
): EntryFormSpec<E, F, I, P> {
  return {
    ...spec,
    title: { add: `Edit the proposed ${KIND_LABEL[kind].toLowerCase()}, then accept`, edit: spec.title.edit },
    addLabel: 'Accept',
    values: () => values,
    save: (_id, input) => accept(input),
  };
}

// The forms fill themselves from a saved entry; a proposal's fields are that entry's input,
// which has every field they read.
export const projectForm = (fields: core.ProjectInput, accept: Accept) =>
  accepting(PROJECT_FORM, 'project', forms.projectFields(fields as core.Project), accept);
export const noteForm = (fields: core.NoteInput, accept: Accept) =>
  accepting(NOTE_FORM, 'note', forms.noteFields(fields as core.Note), accept);
export const artifactForm = (fields: core.ArtifactInput, accept: Accept) =>
  accepting(ARTIFACT_FORM, 'artifact', forms.artifactFields(fields as core.Artifact), accept);
export const metricForm = (fields: core.MetricInput, accept: Accept) =>
  accepting(METRIC_FORM, 'metric', forms.metricFields(fields as core.Metric), accept);
