// The search palette's rules: moving the selection, and where a result leads.

import type { EntryKind, SearchHit } from '../lib/bindings';

/** Whether the snippet says more than the title: a metric matched on its name repeats it. */
export function snippetAddsContext(hit: Pick<SearchHit, 'title' | 'snippet'>): boolean {
  const norm = (text: string) => text.replace(/…/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  const said = norm(hit.snippet.map((p) => p.text).join(''));
  return said !== '' && said !== norm(hit.title);
}

/** Moves the selection by `step`, wrapping around at both ends; -1 when there is nothing. */
export function moveSelection(selected: number, count: number, step: number): number {
  if (count <= 0) return -1;
  const from = selected < 0 ? (step > 0 ? -1 : 0) : selected;
  return (((from + step) % count) + count) % count;
}

/** Where opening a result takes the engineer. */
export type Destination =
  | { section: 'journal'; project: number; focus: number | null }
  | { section: 'home'; hit: SearchHit }
  | { section: 'stories' }
  /** A person's page: the person, or the 1:1, action item or goal found (whose person the
   *  core names, see `api.personOf`); a 1:1 opens in its form there. */
  | { section: 'people'; entry: number; kind: EntryKind };

export function destinationOf(hit: SearchHit): Destination {
  if (hit.kind === 'person' || hit.kind === 'one_on_one' || hit.kind === 'action' || hit.kind === 'goal') {
    return { section: 'people', entry: hit.id, kind: hit.kind };
  }
  if (hit.kind === 'story' || hit.kind === 'rehearsal') return { section: 'stories' };
  if (hit.kind === 'project') return { section: 'journal', project: hit.id, focus: null };
  if (hit.project_id !== null) return { section: 'journal', project: hit.project_id, focus: hit.id };
  // Entries outside any project (a quick note, a loose decision) live on Home.
  return { section: 'home', hit };
}

export const KIND_LABEL: Record<EntryKind, string> = {
  project: 'Project',
  metric: 'Metric',
  decision: 'Decision',
  artifact: 'Artifact',
  feedback: 'Feedback',
  note: 'Note',
  story: 'Story',
  rehearsal: 'Rehearsal',
  review: 'Review',
  person: 'Person',
  one_on_one: '1:1',
  action: 'Action item',
  goal: 'Goal',
};

/**
 * The footer's count: "12 matches", "20 of 340 matches", and past what the core ranks,
 * "20 of the 1,000 newest of more matches" said short as "20 of 1,000+ matches".
 */
export function matchCount(shown: number, total: number, capped: boolean): string {
  const all = `${total.toLocaleString('en')}${capped ? '+' : ''}`;
  const noun = total === 1 && !capped ? 'match' : 'matches';
  return shown === total && !capped ? `${all} ${noun}` : `${shown.toLocaleString('en')} of ${all} ${noun}`;
}
