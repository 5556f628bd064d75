// The journal's entry forms, each declared once as data: its title, its fields in order, how
// a saved entry fills them, how they become the core's input and where that is saved.
// EntryForm draws any of them in FormDialog, with the entry's tags and skills last.

import type * as core from '../lib/bindings';
import type { Parsed } from '../lib/forms';
import { choices, GAP, type FieldSpec, type TextSpec } from './fields';
import {
  ARTIFACT_KIND_LABEL,
  ARTIFACT_KINDS,
  DIRECTION_LABEL,
  SCOPE_LABEL,
  SCOPES,
  STATUS_LABEL,
  STATUSES,
  stars,
} from './format';
import * as forms from './forms';
import { journal } from './journal.svelte';

export interface EntryFormSpec<E, F extends forms.LabelFields, I, P> {
  /** The kind of entry: the prefix of the form's test ids (`metric-save`, `metric-tags`...). */
  name: string;
  title: { add: string; edit: string };
  /** The save button's label while adding (while editing it says Save). */
  addLabel?: string;
  size?: 'medium' | 'large';
  /** The fields in order, above the tags and skills; they may follow what is typed. */
  fields: (values: F, entry: E | null) => readonly FieldSpec<F>[];
  values: (entry: E | null) => F;
  input: (values: F, projectId: P) => Parsed<I>;
  save: (id: number | null, input: I) => Promise<unknown>;
  /** The entry as the live bullet preview takes it, when it makes a bullet. */
  preview?: (input: I) => core.PreviewEntry;
}

/** A text area of two rows. */
function paragraph<F>(spec: Omit<TextSpec<F>, 'kind'>): TextSpec<F> {
  return { kind: 'text', multiline: true, rows: 2, ...spec };
}

export const PROJECT_FORM: EntryFormSpec<core.Project, forms.ProjectFields, core.ProjectInput, null> = {
  name: 'project',
  title: { add: 'New project', edit: 'Edit project' },
  addLabel: 'Create project',
  size: 'large',
  values: forms.projectFields,
  input: forms.projectInput,
  save: (id, input) => journal.saveProject(id, input),
  fields: () => [
    { kind: 'text', key: 'title', label: 'Title', testid: 'project-title', placeholder: 'Checkout latency rewrite', autofocus: true },
    { kind: 'text', key: 'organization', label: 'Organization', testid: 'project-organization', placeholder: 'Acme Payments', half: true },
    { kind: 'text', key: 'role', label: 'Your role', testid: 'project-role', placeholder: 'Tech lead', half: true },
    { kind: 'date', key: 'started_on', label: 'Started', testid: 'project-started' },
    { kind: 'date', key: 'ended_on', label: 'Ended', testid: 'project-ended', hint: 'Leave empty while it is going on' },
    { kind: 'select', key: 'scope', label: 'Scope', testid: 'project-scope', options: choices(SCOPES, (s) => SCOPE_LABEL[s]), blank: 'Not set', half: true },
    { kind: 'select', key: 'status', label: 'Status', testid: 'project-status', options: choices(STATUSES, (s) => STATUS_LABEL[s]), blank: 'Not set', half: true },
    {
      kind: 'text',
      key: 'summary',
      label: 'Summary',
      testid: 'project-summary',
      multiline: true,
      rows: 4,
      placeholder: 'What you built, for whom, and why it mattered.',
    },
    { kind: 'people', key: 'person_ids', label: 'People you worked with', testid: 'project-people', hint: 'From People; their pages list the project' },
  ],
};

// A number that moved: baseline, result, and which way is better. The change is the core's.
// The result may wait: logged with its baseline (and a target, a day to measure it by), the
// metric is measured later and makes no bullet until then.
export const METRIC_FORM: EntryFormSpec<core.Metric, forms.MetricFields, core.MetricInput, number> = {
  name: 'metric',
  title: { add: 'Add a metric', edit: 'Edit metric' },
  values: forms.metricFields,
  input: (f, projectId) => forms.metricInput(projectId, f),
  save: (id, input) => journal.save('metric', id, input),
  preview: (metric) => ({ metric }),
  fields: () => [
    { kind: 'text', key: 'name', label: 'What was measured', testid: 'metric-name', placeholder: 'p99 checkout latency', autofocus: true },
    { kind: 'text', key: 'baseline', label: 'Baseline', testid: 'metric-baseline', placeholder: '800', inputmode: 'decimal', hint: 'Before the work', half: true },
    {
      kind: 'text',
      key: 'result',
      label: 'Result',
      testid: 'metric-result',
      placeholder: '120',
      inputmode: 'decimal',
      hint: 'After the work; leave empty to measure later',
      half: true,
    },
    { kind: 'text', key: 'unit', label: 'Unit', testid: 'metric-unit', placeholder: 'ms, %, $, req/s', half: true },
    {
      kind: 'select',
      key: 'better',
      label: 'Which way is better',
      testid: 'metric-better',
      options: choices(['lower', 'higher'] as const, (d) => DIRECTION_LABEL[d]),
      blank: 'Not set',
      half: true,
    },
    { kind: 'text', key: 'target', label: 'Target', testid: 'metric-target', placeholder: '200', inputmode: 'decimal', hint: 'The number aimed for, if any', half: true },
    { kind: 'date', key: 'measure_by', label: 'Measure by', testid: 'metric-measure-by', hint: 'While the result waits: when to measure it' },
    { kind: 'date', key: 'measured_on', label: 'Measured on', testid: 'metric-measured' },
    GAP,
    paragraph({
      key: 'evidence',
      label: 'Evidence',
      testid: 'metric-evidence',
      placeholder: 'Where the number comes from: a dashboard, a report, a query.',
    }),
  ],
};

// A decision as a decision journal keeps it: the options weighed, the choice, what was
// expected and how sure; later the outcome, on the review date. One due for review opens on
// its outcome: that is what is left to write.
export const DECISION_FORM: EntryFormSpec<core.Decision, forms.DecisionFields, core.DecisionInput, number | null> = {
  name: 'decision',
  title: { add: 'Record a decision', edit: 'Edit decision' },
  size: 'large',
  values: forms.decisionFields,
  input: (f, projectId) => forms.decisionInput(projectId, f),
  save: (id, input) => journal.save('decision', id, input),
  preview: (decision) => ({ decision }),
  fields: (f, decision) => {
    const reviewing = decision?.review_due ?? false;
    const named = f.options.map((o) => o.text.trim()).filter((t) => t !== '');
    return [
      {
        kind: 'text',
        key: 'title',
        label: 'Decision',
        testid: 'decision-title',
        placeholder: 'Move order events from cron polling to a queue',
        autofocus: !reviewing,
      },
      paragraph({
        key: 'context',
        label: 'Context',
        testid: 'decision-context',
        placeholder: 'What forced the decision, and the constraints at the time.',
      }),
      {
        kind: 'text',
        key: 'goal',
        label: 'Goal',
        testid: 'decision-goal',
        placeholder: 'to keep checkout writes replayable',
        hint: 'What the choice was for, as the bullet says it after “to”',
      },
      { kind: 'options', key: 'options' },
      // The choice is one of the options typed above; free text only while none is.
      named.length
        ? {
            kind: 'select',
            key: 'chosen',
            label: 'Chosen option',
            testid: 'decision-chosen',
            options: choices([...new Set(named)], (o) => o),
            blank: 'Choose one of the options',
          }
        : { kind: 'text', key: 'chosen', label: 'Chosen option', testid: 'decision-chosen', placeholder: 'What you chose', hint: 'Or list the options above and pick one' },
      paragraph({ key: 'tradeoffs', label: 'Trade-offs accepted', testid: 'decision-tradeoffs', placeholder: 'What you gave up, knowingly.' }),
      paragraph({
        key: 'expected',
        label: 'Expected outcome',
        testid: 'decision-expected',
        placeholder: 'What you expect to happen, in a way you could check later.',
      }),
      {
        kind: 'text',
        key: 'confidence',
        label: 'Confidence (0-100)',
        testid: 'decision-confidence',
        inputmode: 'numeric',
        maxlength: 3,
        placeholder: '70',
        half: true,
      },
      GAP,
      { kind: 'date', key: 'decided_on', label: 'Decided on', testid: 'decision-decided' },
      { kind: 'date', key: 'review_on', label: 'Review on', testid: 'decision-review', hint: 'When to look back and write the outcome' },
      paragraph({
        key: 'outcome',
        label: 'Actual outcome',
        testid: 'decision-outcome',
        placeholder: 'Written at the review: what happened, and what you would decide now.',
        autofocus: reviewing,
      }),
      { kind: 'people', key: 'person_ids', label: 'Consulted', testid: 'decision-people', hint: 'Who you asked before deciding' },
    ];
  },
};

// Something that shows the work: an RFC, a pull request, a postmortem, a demo.
export const ARTIFACT_FORM: EntryFormSpec<core.Artifact, forms.ArtifactFields, core.ArtifactInput, number> = {
  name: 'artifact',
  title: { add: 'Link an artifact', edit: 'Edit artifact' },
  values: forms.artifactFields,
  input: (f, projectId) => forms.artifactInput(projectId, f),
  save: (id, input) => journal.save('artifact', id, input),
  fields: () => [
    { kind: 'text', key: 'title', label: 'Title', testid: 'artifact-title', placeholder: 'RFC: Event-driven order pipeline', autofocus: true },
    {
      kind: 'select',
      key: 'kind',
      label: 'Kind',
      testid: 'artifact-kind',
      options: choices(ARTIFACT_KINDS, (k) => ARTIFACT_KIND_LABEL[k]),
      blank: 'Choose a kind',
      blankDisabled: true,
      half: true,
    },
    { kind: 'date', key: 'date', label: 'Date', testid: 'artifact-date' },
    {
      kind: 'text',
      key: 'url',
      label: 'Link',
      testid: 'artifact-url',
      placeholder: 'https://…',
      inputmode: 'url',
      hint: 'A web address; one typed without https:// gets it added',
    },
  ],
};

const RATINGS = choices(['5', '4', '3', '2', '1'] as const, (r) => `${stars(Number(r))}  ${r} of 5`);

const DIRECTIONS = choices(['received', 'given'] as const, (d) => (d === 'received' ? 'Received' : 'Given'));

// What someone said about the work (a peer, a manager, a mock interviewer), or feedback the
// engineer gave. With a person from the journal the source may stay blank: the core writes
// in their name.
export const FEEDBACK_FORM: EntryFormSpec<core.Feedback, forms.FeedbackFields, core.FeedbackInput, number | null> = {
  name: 'feedback',
  title: { add: 'Add feedback', edit: 'Edit feedback' },
  values: forms.feedbackFields,
  input: (f, projectId) => forms.feedbackInput(projectId, f),
  save: (id, input) => journal.save('feedback', id, input),
  fields: (f) => {
    const given = f.direction === 'given';
    return [
      {
        kind: 'select',
        key: 'direction',
        label: 'Feedback',
        testid: 'feedback-direction',
        options: DIRECTIONS,
        blank: 'Received',
        blankDisabled: true,
        half: true,
      },
      { kind: 'person', key: 'person_id', label: 'Person', testid: 'feedback-person', blank: 'No one from People' },
      {
        kind: 'text',
        key: 'source',
        label: given ? 'To' : 'From',
        testid: 'feedback-source',
        suggestions: given ? ['Report', 'Mentee', 'Peer', 'Manager'] : ['Manager', 'Peer', 'Skip-level', 'Report', 'Mock interview'],
        placeholder: given ? 'Report, mentee, peer…' : 'Manager, peer, mock interviewer…',
        ...(f.person_id !== null ? { hint: 'Leave empty to use their name' } : {}),
        autofocus: true,
        half: true,
      },
      { kind: 'date', key: 'date', label: 'Date', testid: 'feedback-date', hint: 'Empty for today' },
      {
        kind: 'text',
        key: 'text',
        label: given ? 'What you said' : 'What they said',
        testid: 'feedback-text',
        multiline: true,
        rows: 4,
        placeholder: given ? 'What you told them, and what you asked of them.' : 'In their words, as close as you remember.',
      },
      { kind: 'select', key: 'rating', label: 'Rating', testid: 'feedback-rating', options: RATINGS, blank: 'No rating', half: true },
      GAP,
    ];
  },
};

// A dated note: what happened this week on the project. A new one may start from a
// template (an incident, a 1:1...): its headings and prompts, and its tags.
export const NOTE_FORM: EntryFormSpec<core.Note, forms.NoteFields, core.NoteInput, number | null> = {
  name: 'note',
  title: { add: 'Add a note', edit: 'Edit note' },
  values: forms.noteFields,
  input: (f, projectId) => forms.noteInput(projectId, f),
  save: (id, input) => journal.save('note', id, input),
  fields: (_f, note) => [
    ...(note === null ? [{ kind: 'template', text: 'text', tags: 'tags' } as const] : []),
    {
      kind: 'text',
      key: 'text',
      label: 'Note',
      testid: 'note-text',
      multiline: true,
      rows: note === null ? 8 : 5,
      placeholder: 'What happened, what you learned, what is next.',
      autofocus: true,
    },
    { kind: 'date', key: 'date', label: 'Date', testid: 'note-date', hint: 'Empty for today' },
    GAP,
  ],
};
