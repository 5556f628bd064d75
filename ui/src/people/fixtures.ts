// People, 1:1s and items as the core answers them, for the store's and helpers' tests.

import type { ActionItem, Goal, OneOnOne, Person, PersonRow, RelationshipSpan } from '../lib/bindings';

export function person(id: number, name: string, relationships: RelationshipSpan[]): Person {
  return {
    id,
    uuid: `p${id}`,
    current: relationships.find((r) => !r.to) ?? null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    name,
    relationships,
    notes: null,
    tags: [],
    skills: [],
    person_ids: [],
    private: false,
  };
}

export function row(p: Person, extra: Partial<PersonRow> = {}): PersonRow {
  return { ...p, one_on_ones: 0, last_met_on: null, open_actions: 0, ...extra };
}

export function meeting(id: number, personId: number, date: string): OneOnOne {
  return {
    id,
    uuid: `m${id}`,
    created_at: '',
    updated_at: '',
    person_id: personId,
    date,
    agenda: null,
    notes: null,
    tags: [],
    skills: [],
  };
}

export function action(id: number, oneOnOne: OneOnOne, text: string, owner: 'me' | 'them', done_on: string | null = null): ActionItem {
  return {
    id,
    uuid: `a${id}`,
    person_id: oneOnOne.person_id,
    agreed_on: oneOnOne.date ?? '',
    created_at: '',
    updated_at: '',
    one_on_one_id: oneOnOne.id,
    text,
    owner,
    done_on,
    tags: [],
    skills: [],
  };
}

export function goal(id: number, personId: number, text: string, extra: Partial<Goal> = {}): Goal {
  return {
    id,
    uuid: `g${id}`,
    created_at: '',
    updated_at: '',
    person_id: personId,
    text,
    set_on: null,
    reached_on: null,
    took_over: false,
    tags: [],
    skills: [],
    ...extra,
  };
}
