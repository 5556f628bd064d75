// Opens an entry where it lives, from Home's cards (a follow-up, what a weekly review
// wrote): its project's page, the story, a person's page, or Home for an entry under no project.

import { navigation } from '../app/navigation.svelte';
import { journal } from '../journal/journal.svelte';
import { openPersonOf } from '../people/open';
import type { EntryKind } from '../lib/bindings';
import { destinationOf } from '../search/palette';
import { stories } from '../stories/stories.svelte';
import { home } from './home.svelte';

export interface EntryRef {
  kind: EntryKind;
  id: number;
  project_id: number | null;
  title: string;
}

export function openEntry(entry: EntryRef): void {
  const to = destinationOf({ ...entry, project_title: null, snippet: [] });
  if (to.section === 'journal') {
    journal.openProject(to.project, to.focus);
    navigation.go('journal');
  } else if (to.section === 'stories' && entry.kind === 'story') {
    stories.openStory(entry.id);
    navigation.go('stories');
  } else if (to.section === 'home') {
    void home.reveal(to.hit);
    navigation.go('home');
  } else if (to.section === 'people') {
    void openPersonOf(to.entry, to.kind);
  } else {
    navigation.go(to.section, { focus: true });
  }
}
