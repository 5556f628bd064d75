import { describe, expect, it, vi } from 'vitest';
import type {
  ActionItem,
  Goal,
  GoalInput,
  OneOnOne,
  OneOnOneDetail,
  OneOnOneForm,
  PeopleFilter,
  Person,
  PersonInput,
  PersonPage,
  TrashItem,
} from '../lib/bindings';
import { Toaster } from '../lib/toast.svelte';
import { action, meeting, person, row } from './fixtures';
import { PeopleStore, type PeopleApi } from './people.svelte';

const refused = (field: string, message: string) => ({ kind: 'invalid', message, field, errors: [{ field, message }] });

/** A journal of people in memory behind the API's shape: 1:1s, items that carry over, a trash. */
function fakeJournal() {
  let people: Person[] = [person(1, 'Noor Halvorsen', [{ relationship: 'mentee', team: 'Payments' }])];
  let meetings: OneOnOne[] = [];
  let actions: ActionItem[] = [];
  const goals: Goal[] = [];
  const trash: { item: TrashItem; person: Person; meetings: OneOnOne[] }[] = [];
  let next = 100;
  const open = (personId: number) => actions.filter((a) => a.person_id === personId && a.done_on === null);
  const page = (id: number): PersonPage => {
    const p = people.find((x) => x.id === id);
    if (!p) throw { kind: 'not_found', message: `no person ${id}`, field: null, errors: [] };
    return {
      person: p,
      timeline: meetings
        .filter((m) => m.person_id === id)
        .map((m) => ({ id: m.id, kind: 'one_on_one', role: 'one-on-one', date: m.date, title: m.agenda ?? '1:1', detail: null, project_id: null, private: false })),
      open_actions: open(id),
      goals: goals.filter((g) => g.person_id === id),
      feedback: [],
      one_on_ones: meetings.filter((m) => m.person_id === id).length,
    };
  };
  const source = {
    personList: vi.fn(async (filter: PeopleFilter = { text: null, relationship: null }) => {
      const shown = people.filter((p) => !filter.text || p.name.toLowerCase().includes(filter.text.toLowerCase()));
      return { people: shown.map((p) => row(p, { open_actions: open(p.id).length })), total: shown.length };
    }),
    personPage: vi.fn(async (id: number) => page(id)),
    personSave: vi.fn(async (id: number | null, input: PersonInput) => {
      if (!input.name.trim()) throw refused('name', 'cannot be empty');
      const saved = { ...person(id ?? next++, input.name, input.relationships), notes: input.notes };
      people = [...people.filter((p) => p.id !== saved.id), saved];
      return saved;
    }),
    oneOnOneGet: vi.fn(async (id: number): Promise<OneOnOneDetail> => {
      const m = meetings.find((x) => x.id === id);
      if (!m) throw { kind: 'not_found', message: `no 1:1 ${id}`, field: null, errors: [] };
      return {
        meeting: m,
        person: people.find((p) => p.id === m.person_id)!,
        actions: actions.filter((a) => a.one_on_one_id === id),
        carried: open(m.person_id).filter((a) => a.one_on_one_id !== id),
      };
    }),
    oneOnOneCarried: vi.fn(async (personId: number) => open(personId)),
    oneOnOneSave: vi.fn(async (id: number | null, form: OneOnOneForm): Promise<OneOnOneDetail> => {
      if (form.actions.some((a) => !a.text.trim())) throw refused('actions', 'item 1 needs its text');
      const m = { ...meeting(id ?? next++, form.meeting.person_id, form.meeting.date ?? '2026-12-02'), agenda: form.meeting.agenda };
      meetings = [...meetings.filter((x) => x.id !== m.id), m];
      const mine = form.actions.map((d) => action(d.id ?? next++, m, d.text, d.owner, d.done ? '2026-12-02' : null));
      actions = [...actions.filter((a) => a.one_on_one_id !== m.id), ...mine];
      return { meeting: m, person: people.find((p) => p.id === m.person_id)!, actions: mine, carried: [] };
    }),
    actionMark: vi.fn(async (id: number, done: boolean) => {
      const found = actions.find((a) => a.id === id);
      if (!found) throw { kind: 'not_found', message: `no action item ${id}`, field: null, errors: [] };
      const marked = { ...found, done_on: done ? '2026-12-02' : null };
      actions = actions.map((a) => (a.id === id ? marked : a));
      return marked;
    }),
    goalSave: vi.fn(async (id: number | null, input: GoalInput): Promise<Goal> => {
      if (input.took_over && !input.reached_on) throw refused('reached_on', 'is needed when they took over work');
      const saved: Goal = { id: id ?? next++, uuid: 'g', created_at: '', updated_at: '', ...input };
      goals.push(saved);
      return saved;
    }),
    reportPreview: vi.fn(async () => ({ markdown: '# Progress', projects: 1, metrics: 0, checklists: 0, rehearsals: 0, private_left_out: 2 })),
    reportSave: vi.fn(async () => '/tmp/report.md'),
    entryDelete: vi.fn(async (id: number): Promise<TrashItem> => {
      const p = people.find((x) => x.id === id)!;
      const theirs = meetings.filter((m) => m.person_id === id);
      people = people.filter((x) => x.id !== id);
      meetings = meetings.filter((m) => m.person_id !== id);
      const item: TrashItem = { id: 900 + id, kind: 'person', entry_id: id, title: p.name, deleted_at: '', children: theirs.length };
      trash.push({ item, person: p, meetings: theirs });
      return item;
    }),
    trashRestore: vi.fn(async (trashId: number) => {
      const t = trash.find((x) => x.item.id === trashId)!;
      people.push(t.person);
      meetings.push(...t.meetings);
      return t.item;
    }),
  } satisfies PeopleApi;
  return { source, actions: () => actions };
}

function store() {
  const journal = fakeJournal();
  const toaster = new Toaster(60_000);
  return { ...journal, toaster, people: new PeopleStore(journal.source, toaster) };
}

const form = (personId: number, texts: [string, 'me' | 'them'][]): OneOnOneForm => ({
  meeting: { person_id: personId, date: '2026-12-01', agenda: 'Career goals', notes: null, tags: [], skills: [] },
  actions: texts.map(([text, owner]) => ({ id: null, text, owner, done: false })),
});

describe('PeopleStore views', () => {
  it('lists people, filters through the core, and opens a person; back returns to the list', async () => {
    const { people, source } = store();
    await people.loadList();
    expect(people.listStatus).toBe('ready');
    expect(people.people.map((p) => p.name)).toEqual(['Noor Halvorsen']);

    await people.setFilter({ text: 'zed' });
    expect(source.personList).toHaveBeenLastCalledWith({ text: 'zed', relationship: null });
    expect(people.filtering).toBe(true);
    expect(people.people).toEqual([]);
    await people.clearFilters();
    expect(people.people).toHaveLength(1);

    people.openPerson(1);
    await vi.waitFor(() => expect(people.detailStatus).toBe('ready'));
    expect(people.view).toEqual({ name: 'person', id: 1 });
    expect(people.detail?.person.name).toBe('Noor Halvorsen');
    expect(people.back()).toBe(true);
    expect(people.view).toEqual({ name: 'list' });
    expect(people.back()).toBe(false);
  });

  it('says why a person could not be read, in place of the page', async () => {
    const { people } = store();
    people.openPerson(42);
    await vi.waitFor(() => expect(people.detailStatus).toBe('error'));
    expect(people.error?.kind).toBe('not_found');
    expect(people.detail).toBeNull();
  });
});

describe('PeopleStore writes', () => {
  it('opens a new person on their page; a refusal is kept for the form and nothing moves', async () => {
    const { people } = store();
    people.editPerson(null);
    const input: PersonInput = { name: ' ', relationships: [{ relationship: 'peer' }], notes: null, tags: [], skills: [] };
    await expect(people.savePerson(null, input)).rejects.toMatchObject({ field: 'name' });
    expect(people.dialog).toEqual({ name: 'person', person: null });
    expect(people.view).toEqual({ name: 'list' });

    const saved = await people.savePerson(null, { ...input, name: 'Theo Brandt' });
    expect(people.dialog).toBeNull();
    expect(people.view).toEqual({ name: 'person', id: saved.id });
    expect(people.revision).toBe(1);
  });

  it('carries the open items of a 1:1 to the next one until they are ticked done', async () => {
    const { people } = store();
    people.openPerson(1);
    people.openOneOnOne(1, null);
    await vi.waitFor(() => expect(people.meetingStatus).toBe('ready'));
    expect(people.meeting?.carried).toEqual([]);

    await people.saveOneOnOne(null, form(1, [['Send the checklist', 'me'], ['Draft the handover notes', 'them']]));
    expect(people.dialog).toBeNull();
    expect(people.detail?.open_actions.map((a) => a.text)).toEqual(['Send the checklist', 'Draft the handover notes']);

    const mine = people.detail!.open_actions[0]!;
    const marked = await people.markAction(mine.id, true);
    expect(marked?.done_on).toBe('2026-12-02');
    // Ticked where it is, until the page reloads.
    expect(people.detail?.open_actions.find((a) => a.id === mine.id)?.done_on).toBe('2026-12-02');

    people.openOneOnOne(1, null);
    await vi.waitFor(() => expect(people.meetingStatus).toBe('ready'));
    expect(people.meeting?.carried.map((a) => a.text)).toEqual(['Draft the handover notes']);
    const theirs = people.meeting!.carried[0]!;
    await people.markAction(theirs.id, true);
    expect(people.meeting?.carried[0]?.done_on).toBe('2026-12-02');
  });

  it('keeps a refused 1:1 open, and says a failed tick without changing the item', async () => {
    const { people } = store();
    people.openPerson(1);
    people.openOneOnOne(1, null);
    await vi.waitFor(() => expect(people.meetingStatus).toBe('ready'));
    await expect(people.saveOneOnOne(null, form(1, [[' ', 'me']]))).rejects.toMatchObject({ field: 'actions' });
    expect(people.dialog).toMatchObject({ name: 'one-on-one', personId: 1, id: null });

    expect(await people.markAction(999, true)).toBeNull();
    expect(people.markError?.kind).toBe('not_found');
  });

  it('opens a saved 1:1 with its own items, and says when it is gone', async () => {
    const { people } = store();
    const detail = await people.saveOneOnOne(null, form(1, [['Send the checklist', 'me']]));
    people.openOneOnOne(1, detail.meeting.id);
    await vi.waitFor(() => expect(people.meetingStatus).toBe('ready'));
    expect(people.meeting?.meeting?.id).toBe(detail.meeting.id);
    expect(people.meeting?.actions.map((a) => a.text)).toEqual(['Send the checklist']);

    people.openOneOnOne(1, 4242);
    await vi.waitFor(() => expect(people.meetingStatus).toBe('error'));
    expect(people.meetingError?.kind).toBe('not_found');
    people.closeDialog();
    expect(people.meeting).toBeNull();
  });

  it('saves a goal and reloads the page; a goal taken over needs its day', async () => {
    const { people } = store();
    people.openPerson(1);
    await vi.waitFor(() => expect(people.detailStatus).toBe('ready'));
    people.editGoal(1, null);
    const input: GoalInput = { person_id: 1, text: 'Took over the on-call rotation', set_on: null, reached_on: null, took_over: true, tags: [], skills: [] };
    await expect(people.saveGoal(null, input)).rejects.toMatchObject({ field: 'reached_on' });
    expect(people.dialog?.name).toBe('goal');
    await people.saveGoal(null, { ...input, reached_on: '2026-10-20' });
    expect(people.dialog).toBeNull();
    expect(people.detail?.goals.map((g) => g.text)).toEqual(['Took over the on-call rotation']);
  });

  it('deletes a person with their 1:1s, back to the list; Undo brings both back', async () => {
    const { people, toaster } = store();
    await people.saveOneOnOne(null, form(1, [['Send the checklist', 'me']]));
    people.openPerson(1);
    await vi.waitFor(() => expect(people.detailStatus).toBe('ready'));

    const item = await people.remove(1);
    expect(item?.children).toBe(1);
    expect(people.view).toEqual({ name: 'list' });
    await vi.waitFor(() => expect(people.people).toEqual([]));
    expect(toaster.current?.text).toBe(
      'Deleted “Noor Halvorsen”. Their 1:1s, action items and goals went too; entries that named them stay, unlinked',
    );

    await toaster.act();
    await vi.waitFor(() => expect(people.people.map((p) => p.name)).toEqual(['Noor Halvorsen']));
    people.openPerson(1);
    await vi.waitFor(() => expect(people.detailStatus).toBe('ready'));
    expect(people.detail?.one_on_ones).toBe(1);
  });

  it('previews and saves the progress report through the API', async () => {
    const { people, source } = store();
    const report = await people.reportPreview(1, '2026-09-02', '2026-12-02');
    expect(report.private_left_out).toBe(2);
    expect(await people.reportSave(1, '2026-09-02', '2026-12-02')).toBe('/tmp/report.md');
    expect(source.reportSave).toHaveBeenCalledWith(1, '2026-09-02', '2026-12-02');
  });
});
