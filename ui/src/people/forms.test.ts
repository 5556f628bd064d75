import { describe, expect, it } from 'vitest';
import { action, goal, meeting, person } from './fixtures';
import { goalFields, goalInput, oneOnOneFields, oneOnOneInput, personFields, personInput } from './forms';

describe('person form', () => {
  it('starts a new person with one empty relationship row', () => {
    expect(personFields(null).relationships).toEqual([{ relationship: '', team: '', from: '', to: '' }]);
  });

  it('turns rows into relationships and keeps what the form does not show', () => {
    const before = { ...person(3, 'Noor', [{ relationship: 'peer' }]), skills: ['mentoring'], private: true };
    const f = personFields(before);
    f.relationships.push({ relationship: 'mentee', team: ' Payments ', from: '2025-7-1', to: '' });
    const parsed = personInput(f, before);
    expect(parsed.ok && parsed.value).toMatchObject({
      name: 'Noor',
      relationships: [
        { relationship: 'peer', team: null, from: null, to: null },
        { relationship: 'mentee', team: 'Payments', from: '2025-07-01', to: null },
      ],
      skills: ['mentoring'],
      private: true,
    });
  });

  it('refuses a row without a relationship or with a bad day, by the relationships field', () => {
    const f = personFields(null);
    f.name = 'Noor';
    const blank = personInput(f, null);
    expect(!blank.ok && blank.error.field).toBe('relationships');
    f.relationships = [
      { relationship: 'peer', team: '', from: '', to: '' },
      { relationship: 'mentee', team: '', from: '2025-02-30', to: '' },
    ];
    const bad = personInput(f, null);
    expect(!bad.ok && bad.error.message).toBe('row 2 2025-02-30 is not a day in the calendar');
  });
});

describe('1:1 form', () => {
  it('dates a new 1:1 today with one item to fill', () => {
    expect(oneOnOneFields(null, [], '2026-12-02')).toEqual({
      date: '2026-12-02',
      agenda: '',
      notes: '',
      actions: [{ id: null, text: '', owner: 'me', done: false }],
      private: false,
    });
  });

  it('keeps a 1:1 private through an edit, and can make it shared again', () => {
    const m = { ...meeting(10, 3, '2026-11-03'), private: true };
    const f = oneOnOneFields(m, []);
    expect(f.private).toBe(true);
    const kept = oneOnOneInput(3, f, m);
    expect(kept.ok && kept.value.meeting.private).toBe(true);
    f.private = false;
    const shared = oneOnOneInput(3, f, m);
    expect(shared.ok && shared.value.meeting.private).toBe(false);
  });

  it('keeps saved items by id and leaves empty new rows out', () => {
    const m = meeting(10, 3, '2026-11-03');
    const f = oneOnOneFields(m, [action(11, m, 'Send the checklist', 'me', '2026-11-04')]);
    f.actions.push({ id: null, text: '  ', owner: 'them', done: false }, { id: null, text: 'Draft notes', owner: 'them', done: false });
    const parsed = oneOnOneInput(3, f, m);
    expect(parsed.ok && parsed.value.actions).toEqual([
      { id: 11, text: 'Send the checklist', owner: 'me', done: true },
      { id: null, text: 'Draft notes', owner: 'them', done: false },
    ]);
    expect(parsed.ok && parsed.value.meeting).toMatchObject({ person_id: 3, date: '2026-11-03', agenda: null });
  });

  it('refuses a day that is not one, by the date field', () => {
    const f = oneOnOneFields(null, []);
    f.date = 'next tuesday';
    const parsed = oneOnOneInput(3, f, null);
    expect(!parsed.ok && parsed.error.field).toBe('date');
  });
});

describe('goal form', () => {
  it('sets a new goal today; marking one reached fills today', () => {
    expect(goalFields(null, false, '2026-12-02')).toEqual({
      text: '',
      setOn: '2026-12-02',
      reachedOn: '',
      tookOver: false,
      private: false,
    });
    const open = goal(5, 3, 'Lead an incident review', { set_on: '2026-09-01' });
    expect(goalFields(open, true, '2026-12-02')).toMatchObject({ setOn: '2026-09-01', reachedOn: '2026-12-02' });
  });

  it('parses both days, each refused by its own field', () => {
    const f = {
      text: 'Took over the on-call rotation',
      setOn: '2026-07-01',
      reachedOn: '2026-10-20',
      tookOver: true,
      private: true,
    };
    const parsed = goalInput(3, f, null);
    expect(parsed.ok && parsed.value).toMatchObject({
      person_id: 3,
      set_on: '2026-07-01',
      reached_on: '2026-10-20',
      took_over: true,
      private: true,
    });
    const bad = goalInput(3, { ...f, setOn: 'x', reachedOn: 'y' }, null);
    expect(!bad.ok && bad.error.errors.map((e) => e.field)).toEqual(['set_on', 'reached_on']);
  });
});
