// The people an entry's form can name (worked with, consulted, feedback from or to): the
// journal's people list, read when a form opens, and the plain rules for filtering it.

import { api, type Api } from '../lib/api';
import type { IpcError, PersonRow, Relationship } from '../lib/bindings';
import { Latest, type LazyStatus } from '../lib/latest';

/** One person as a picker offers them: the name, and what they are to the engineer today. */
export interface PersonChoice {
  id: number;
  name: string;
  /** "Manager · Payments"; blank when no relationship holds today. */
  detail: string;
}

const RELATIONSHIP_LABEL: Record<Relationship, string> = {
  manager: 'Manager',
  'skip-level': 'Skip-level',
  report: 'Report',
  mentee: 'Mentee',
  mentor: 'Mentor',
  peer: 'Peer',
  stakeholder: 'Stakeholder',
};

export function personChoice(row: Pick<PersonRow, 'id' | 'name' | 'current'>): PersonChoice {
  const current = row.current;
  const detail = current ? [RELATIONSHIP_LABEL[current.relationship], current.team ?? ''].filter(Boolean).join(' · ') : '';
  return { id: row.id, name: row.name, detail };
}

/**
 * The people to offer for what is typed: not those already chosen, every word of the text
 * in the name or the detail (any case), names that start with it first.
 */
export function matchPeople(people: readonly PersonChoice[], text: string, chosen: readonly number[]): PersonChoice[] {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const open = people.filter((p) => !chosen.includes(p.id));
  const matching = open.filter((p) => {
    const haystack = `${p.name} ${p.detail}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  const first = words[0];
  if (!first) return matching;
  const starts = (p: PersonChoice) => p.name.toLowerCase().startsWith(first);
  return [...matching.filter(starts), ...matching.filter((p) => !starts(p))];
}

/** Names for ids, in the ids' order; an id no longer in the journal is named by itself. */
export function chosenPeople(people: readonly PersonChoice[], ids: readonly number[]): PersonChoice[] {
  return ids.map((id) => people.find((p) => p.id === id) ?? { id, name: `Person ${id}`, detail: 'No longer in the journal' });
}

export class PeopleChoices {
  people: PersonChoice[] = $state([]);
  status: LazyStatus = $state('idle');
  error: IpcError | null = $state(null);

  readonly #api: Pick<Api, 'personList'>;
  readonly #reads = new Latest();

  constructor(source: Pick<Api, 'personList'>) {
    this.#api = source;
  }

  /** Reads the list again: a form opened after a person was added offers them. */
  async load(): Promise<void> {
    if (this.status !== 'ready') this.status = 'loading';
    await this.#reads.read(
      () => this.#api.personList(),
      (page) => {
        this.people = page.people.map(personChoice);
        this.error = null;
        this.status = 'ready';
      },
      (error) => {
        this.error = error;
        this.status = 'error';
      },
    );
  }
}

export const peopleChoices = new PeopleChoices(api);
