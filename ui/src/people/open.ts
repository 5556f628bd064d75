// Opens a person's page from anywhere (a chip on a project, a search result, the readiness
// map), and an entry that lives there: a 1:1 in its form, an action item or a goal on the page.

import { navigation } from '../app/navigation.svelte';
import { api } from '../lib/api';
import type { EntryKind } from '../lib/bindings';
import { toaster } from '../lib/toast.svelte';
import { people } from './people.svelte';

export function openPerson(id: number): void {
  people.openPerson(id);
  navigation.go('people', { focus: true });
}

/** The page of the person an entry belongs to; a 1:1 opens in its form over it. */
export async function openPersonOf(entryId: number, kind: EntryKind | null = null): Promise<void> {
  let personId: number;
  try {
    personId = kind === 'person' ? entryId : await api.personOf(entryId);
  } catch {
    // Gone since it was shown (trashed): say so where the engineer is.
    toaster.show('That entry is not in the journal any more. It may be in the trash.');
    return;
  }
  openPerson(personId);
  if (kind === 'one_on_one') people.openOneOnOne(personId, entryId);
}

/** The kinds of entry whose place is a person's page. */
export function livesWithPeople(kind: EntryKind): boolean {
  return kind === 'person' || kind === 'one_on_one' || kind === 'action' || kind === 'goal';
}
