// The People forms as plain data: what the fields hold while typing, how a saved person,
// 1:1 or goal fills them, and the typed input the core takes. Dates are checked here; every
// other rule is the core's, and its message comes back by field.

import type {
  ActionItem,
  ActionOwner,
  Goal,
  GoalInput,
  OneOnOne,
  OneOnOneForm,
  Person,
  PersonInput,
  Relationship,
  RelationshipSpan,
} from '../lib/bindings';
import { collect, ok, refuse, type Parsed } from '../lib/forms';
import { labelsText, parseLabels, today } from '../journal/format';
import { parseDate } from '../journal/forms';

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export interface SpanFields {
  relationship: Relationship | '';
  team: string;
  from: string;
  to: string;
}

export interface PersonFields {
  name: string;
  relationships: SpanFields[];
  notes: string;
  tags: string;
  private: boolean;
}

export function blankSpan(): SpanFields {
  return { relationship: '', team: '', from: '', to: '' };
}

export function personFields(person: Person | null): PersonFields {
  return {
    name: person?.name ?? '',
    relationships: person?.relationships.length
      ? person.relationships.map((r) => ({
          relationship: r.relationship,
          team: r.team ?? '',
          from: r.from ?? '',
          to: r.to ?? '',
        }))
      : [blankSpan()],
    notes: person?.notes ?? '',
    tags: labelsText(person?.tags ?? []),
    private: person?.private ?? false,
  };
}

/** The person as the core takes it; what the form does not show (skills, people) is kept. */
export function personInput(f: PersonFields, before: Person | null): Parsed<PersonInput> {
  const spans: RelationshipSpan[] = [];
  for (const [index, row] of f.relationships.entries()) {
    const which = f.relationships.length > 1 ? `row ${index + 1} ` : '';
    if (row.relationship === '') return refuse('relationships', `${which}needs a relationship: manager, mentee, peer...`);
    const dates = collect<{ from: string | null; to: string | null }>({
      from: parseDate('relationships', row.from),
      to: parseDate('relationships', row.to),
    });
    if (!dates.ok) return refuse('relationships', `${which}${dates.error.message}`);
    spans.push({ relationship: row.relationship, team: text(row.team), ...dates.value });
  }
  return ok({
    name: f.name,
    relationships: spans,
    notes: text(f.notes),
    tags: parseLabels(f.tags),
    skills: before?.skills ?? [],
    person_ids: before?.person_ids ?? [],
    private: f.private,
  });
}

export interface ActionFields {
  id: number | null;
  text: string;
  owner: ActionOwner;
  done: boolean;
}

export interface OneOnOneFields {
  date: string;
  agenda: string;
  notes: string;
  actions: ActionFields[];
  private: boolean;
}

export function blankAction(): ActionFields {
  return { id: null, text: '', owner: 'me', done: false };
}

/** A saved 1:1 with its items, or a new one dated today with one empty item to fill. */
export function oneOnOneFields(meeting: OneOnOne | null, actions: readonly ActionItem[], now = today()): OneOnOneFields {
  if (!meeting) return { date: now, agenda: '', notes: '', actions: [blankAction()], private: false };
  return {
    date: meeting.date ?? '',
    agenda: meeting.agenda ?? '',
    notes: meeting.notes ?? '',
    actions: actions.map((a) => ({ id: a.id, text: a.text, owner: a.owner, done: a.done_on !== null })),
    private: meeting.private ?? false,
  };
}

/** The meeting and its items in one form; an item row left empty is not an item. */
export function oneOnOneInput(personId: number, f: OneOnOneFields, before: OneOnOne | null): Parsed<OneOnOneForm> {
  const date = parseDate('date', f.date);
  if (!date.ok) return date;
  return ok({
    meeting: {
      person_id: personId,
      date: date.value,
      agenda: text(f.agenda),
      notes: text(f.notes),
      tags: before?.tags ?? [],
      skills: before?.skills ?? [],
      person_ids: before?.person_ids ?? [],
      private: f.private,
    },
    actions: f.actions
      .filter((a) => a.id !== null || a.text.trim() !== '')
      .map((a) => ({ id: a.id, text: a.text, owner: a.owner, done: a.done })),
  });
}

export interface GoalFields {
  text: string;
  setOn: string;
  reachedOn: string;
  tookOver: boolean;
  private: boolean;
}

/** A goal's fields; `reaching` fills the reached day with today, to mark it reached. */
export function goalFields(goal: Goal | null, reaching = false, now = today()): GoalFields {
  return {
    text: goal?.text ?? '',
    setOn: goal ? (goal.set_on ?? '') : now,
    reachedOn: goal?.reached_on ?? (reaching ? now : ''),
    tookOver: goal?.took_over ?? false,
    private: goal?.private ?? false,
  };
}

export function goalInput(personId: number, f: GoalFields, before: Goal | null): Parsed<GoalInput> {
  const dates = collect<{ set_on: string | null; reached_on: string | null }>({
    set_on: parseDate('set_on', f.setOn),
    reached_on: parseDate('reached_on', f.reachedOn),
  });
  if (!dates.ok) return dates;
  return ok({
    person_id: personId,
    text: f.text,
    ...dates.value,
    took_over: f.tookOver,
    tags: before?.tags ?? [],
    skills: before?.skills ?? [],
    person_ids: before?.person_ids ?? [],
    private: f.private,
  });
}
