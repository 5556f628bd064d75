import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../lib/bindings';
import { destinationOf, matchCount, moveSelection, snippetAddsContext } from './palette';

const hit = (fields: Partial<SearchHit>): SearchHit => ({
  id: 1,
  kind: 'project',
  project_id: 1,
  project_title: null,
  title: 't',
  snippet: [],
  ...fields,
});

describe('moveSelection', () => {
  it('moves down and up', () => {
    expect(moveSelection(0, 3, 1)).toBe(1);
    expect(moveSelection(2, 3, -1)).toBe(1);
  });

  it('wraps around at both ends', () => {
    expect(moveSelection(2, 3, 1)).toBe(0);
    expect(moveSelection(0, 3, -1)).toBe(2);
  });

  it('starts from the first or the last when nothing is selected', () => {
    expect(moveSelection(-1, 3, 1)).toBe(0);
    expect(moveSelection(-1, 3, -1)).toBe(2);
  });

  it('selects nothing in an empty list', () => {
    expect(moveSelection(0, 0, 1)).toBe(-1);
    expect(moveSelection(-1, 0, -1)).toBe(-1);
  });

  it('stays on the one result there is', () => {
    expect(moveSelection(0, 1, 1)).toBe(0);
    expect(moveSelection(0, 1, -1)).toBe(0);
  });
});

describe('destinationOf', () => {
  it('opens a project on its page', () => {
    expect(destinationOf(hit({ id: 5, kind: 'project', project_id: 5 }))).toEqual({
      section: 'journal',
      project: 5,
      focus: null,
    });
  });

  it('opens an entry on its project page, focused', () => {
    expect(destinationOf(hit({ id: 9, kind: 'decision', project_id: 5 }))).toEqual({
      section: 'journal',
      project: 5,
      focus: 9,
    });
  });

  it('shows an entry outside any project on Home', () => {
    const note = hit({ id: 12, kind: 'note', project_id: null });
    expect(destinationOf(note)).toEqual({ section: 'home', hit: note });
  });

  it('opens a person, and their 1:1s, action items and goals, in People', () => {
    for (const kind of ['person', 'one_on_one', 'action', 'goal'] as const) {
      expect(destinationOf(hit({ id: 7, kind, project_id: null }))).toEqual({ section: 'people', entry: 7, kind });
    }
    // Feedback from a person stays where it was logged.
    expect(destinationOf(hit({ id: 8, kind: 'feedback', project_id: 5 }))).toMatchObject({ section: 'journal' });
  });
});

describe('snippetAddsContext', () => {
  const part = (text: string, hit = false) => ({ text, hit });
  it('drops a snippet that only repeats the title', () => {
    expect(snippetAddsContext({ title: 'p99 latency', snippet: [part('p99 '), part('latency', true)] })).toBe(false);
    expect(snippetAddsContext({ title: 'p99 latency', snippet: [] })).toBe(false);
  });
  it('keeps one that says where the words matched', () => {
    expect(
      snippetAddsContext({ title: 'How we rebuilt checkout', snippet: [part('…p99 '), part('latency', true), part(' went from 1547 to 1001 ms.')] }),
    ).toBe(true);
  });
});


describe('matchCount', () => {
  it('counts the matches, and says when more match than are ranked', () => {
    expect(matchCount(1, 1, false)).toBe('1 match');
    expect(matchCount(12, 12, false)).toBe('12 matches');
    expect(matchCount(20, 1340, false)).toBe('20 of 1,340 matches');
    expect(matchCount(20, 1000, true)).toBe('20 of 1,000+ matches');
    expect(matchCount(1000, 1000, true)).toBe('1,000 of 1,000+ matches');
  });
});
