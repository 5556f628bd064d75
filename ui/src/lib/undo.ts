// Delete with Undo: the delete, a toast that names what went and offers Undo, the restore,
// and what the screen reloads after each. A failure is said in the toast, never thrown.

import { toIpcError, type Api } from './api';
import type { TrashItem } from './bindings';
import { asSentence } from './text';
import type { Toaster } from './toast.svelte';

export interface DeleteWithUndoOptions<Gone, Back> {
  toaster: Pick<Toaster, 'show'>;
  /** What is deleted, as the messages say it ("the variant"); null for a bare "Could not delete." */
  noun: string | null;
  /** Deletes `id`; resolves to what went. */
  delete: (id: number) => Promise<Gone>;
  /** The name in "Deleted “…”". */
  name: (gone: Gone) => string;
  /** A sentence more after the name, when what went took more with it (or left some). */
  more?: (gone: Gone) => string | null;
  /** The id Undo restores (a trash item's own id, or the deleted id itself). */
  undoId: (gone: Gone, id: number) => number;
  restore: (undoId: number) => Promise<Back>;
  /** After a delete, before the toast: close what showed it, reload what is shown. */
  deleted: (gone: Gone, id: number) => unknown;
  /** After a restore: reload what is shown (a rejection counts as a failed restore). */
  restored: (back: Back) => unknown;
}

export class DeleteWithUndo<Gone, Back> {
  readonly #o: DeleteWithUndoOptions<Gone, Back>;

  constructor(options: DeleteWithUndoOptions<Gone, Back>) {
    this.#o = options;
  }

  /** Deletes and offers Undo; what went, or null when the delete failed (the toast says why). */
  async remove(id: number): Promise<Gone | null> {
    const o = this.#o;
    let gone: Gone;
    try {
      gone = await o.delete(id);
    } catch (e) {
      this.#failed('delete', e);
      return null;
    }
    await o.deleted(gone, id);
    const undoId = o.undoId(gone, id);
    const more = o.more?.(gone);
    o.toaster.show(`Deleted ${o.noun ? `${o.noun} ` : ''}“${o.name(gone)}”${more ? `. ${more}` : ''}`, {
      label: 'Undo',
      run: () => this.restore(undoId),
    });
    return gone;
  }

  /** Brings it back; false when that failed (the toast says why). */
  async restore(undoId: number): Promise<boolean> {
    try {
      await this.#o.restored(await this.#o.restore(undoId));
      return true;
    } catch (e) {
      this.#failed('restore', e);
      return false;
    }
  }

  #failed(what: 'delete' | 'restore', e: unknown): void {
    const noun = this.#o.noun ? ` ${this.#o.noun}` : '';
    this.#o.toaster.show(`Could not ${what}${noun}. ${asSentence(toIpcError(e).message)}`);
  }
}

/** What a store does around a trash delete: note the change, then move on or reload. */
export interface EntryTrashStore {
  /** The journal changed (other screens reload). */
  changed: () => void;
  /** After a delete: close what showed the entry, or reload what is shown. */
  left: (id: number) => unknown;
  /** Reloads what is shown, after a restore. */
  refresh: () => Promise<void>;
}

/**
 * A journal entry (or story) moved to the trash: "Deleted “title”" with Undo, which restores
 * the trash item with everything that was under it.
 */
export function entryTrash(
  source: Pick<Api, 'entryDelete' | 'trashRestore'>,
  toaster: Pick<Toaster, 'show'>,
  store: EntryTrashStore,
  more?: (item: TrashItem) => string | null,
): DeleteWithUndo<TrashItem, TrashItem> {
  return new DeleteWithUndo({
    toaster,
    noun: null,
    delete: (id) => source.entryDelete(id),
    name: (item) => item.title,
    ...(more ? { more } : {}),
    undoId: (item) => item.id,
    restore: (trashId) => source.trashRestore(trashId),
    deleted: async (_item, id) => {
      store.changed();
      await store.left(id);
    },
    restored: async () => {
      store.changed();
      await store.refresh();
    },
  });
}
