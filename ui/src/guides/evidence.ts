// Where an entry that proves something opens: its project's page in the Journal (at the
// entry), the story itself, or for a mentee's goal, their page in People. Shared by the readiness map and the checklist's suggestions.

import { navigation } from '../app/navigation.svelte';
import { journal } from '../journal/journal.svelte';
import { openPersonOf } from '../people/open';
import type { EvidenceEntry } from '../lib/bindings';
import { stories } from '../stories/stories.svelte';

/** Whether the entry has a page to open. */
export function canOpenEvidence(entry: EvidenceEntry): boolean {
  return entry.project_id !== null || entry.kind === 'story' || entry.kind === 'goal';
}

export function openEvidence(entry: EvidenceEntry): void {
  if (entry.project_id !== null) {
    journal.openProject(entry.project_id, entry.kind === 'project' ? null : entry.id);
    navigation.go('journal');
  } else if (entry.kind === 'story') {
    stories.openStory(entry.id);
    navigation.go('stories');
  } else if (entry.kind === 'goal') {
    void openPersonOf(entry.id, 'goal');
  }
}
