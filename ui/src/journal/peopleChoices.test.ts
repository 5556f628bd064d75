import { describe, expect, it, vi } from 'vitest';
import type { PeoplePage, PersonRow } from '../lib/bindings';
import { chosenPeople, matchPeople, PeopleChoices, personChoice, type PersonChoice } from './peopleChoices.svelte';

const PEOPLE: PersonChoice[] = [
  { id: 1, name: 'Avery Quill', detail: 'Manager · Payments' },
  { id: 2, name: 'Bram Okafor', detail: 'Mentee' },
  { id: 3, name: 'Cleo Avendaño', detail: 'Peer · Search' },
];

function row(id: number, name: string, current: PersonRow['current']): PersonRow {
  return {
    id,
    name,
    current,
    uuid: '',
    created_at: '',
    updated_at: '',
    relationships: current ? [current] : [],
    notes: null,
    tags: [],
    skills: [],
    one_on_ones: 0,
    last_met_on: null,
    open_actions: 0,
  };
}

describe('people choices', () => {
  it('say what each person is today', () => {
    expect(personChoice(row(1, 'Avery Quill', { relationship: 'skip-level', team: 'Payments' })).detail).toBe('Skip-level · Payments');
    expect(personChoice(row(2, 'Bram Okafor', { relationship: 'mentee' })).detail).toBe('Mentee');
    expect(personChoice(row(3, 'Cleo', null)).detail).toBe('');
  });

  it('match every word typed, in the name or the team, names starting with it first', () => {
    expect(matchPeople(PEOPLE, '', []).map((p) => p.id)).toEqual([1, 2, 3]);
    expect(matchPeople(PEOPLE, 'av', []).map((p) => p.id)).toEqual([1, 3]);
    expect(matchPeople(PEOPLE, 'ave', []).map((p) => p.id)).toEqual([1, 3]);
    expect(matchPeople(PEOPLE, 'aven', []).map((p) => p.id)).toEqual([3]);
    expect(matchPeople(PEOPLE, 'search', []).map((p) => p.id)).toEqual([3]);
    expect(matchPeople(PEOPLE, 'okafor', []).map((p) => p.id)).toEqual([2]);
    expect(matchPeople(PEOPLE, 'peer payments', [])).toEqual([]);
  });

  it('leave out the people already chosen', () => {
    expect(matchPeople(PEOPLE, '', [1, 3]).map((p) => p.id)).toEqual([2]);
  });

  it('name the chosen in their order, and one no longer in the journal as such', () => {
    expect(chosenPeople(PEOPLE, [3, 1]).map((p) => p.name)).toEqual(['Cleo Avendaño', 'Avery Quill']);
    expect(chosenPeople(PEOPLE, [9])).toEqual([{ id: 9, name: 'Person 9', detail: 'No longer in the journal' }]);
  });

  it('read the list each time a form asks, and keep the error of a failed read', async () => {
    const pages: PeoplePage[] = [
      { people: [], total: 0 },
      { people: [row(4, 'Dara Lind', { relationship: 'peer' })], total: 1 },
    ];
    const personList = vi.fn(async () => pages.shift() ?? Promise.reject({ kind: 'storage', message: 'disk', field: null, errors: [] }));
    const choices = new PeopleChoices({ personList });
    expect(choices.status).toBe('idle');
    await choices.load();
    expect(choices).toMatchObject({ status: 'ready', people: [] });
    await choices.load();
    expect(choices.people).toEqual([{ id: 4, name: 'Dara Lind', detail: 'Peer' }]);
    await choices.load();
    expect(choices.status).toBe('error');
    expect(choices.error?.message).toBe('disk');
  });
});
