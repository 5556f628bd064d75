import { describe, expect, it, vi } from 'vitest';
import { Toaster } from './toast.svelte';
import { DeleteWithUndo, entryTrash } from './undo';

interface Gone {
  trashId: number;
  title: string;
}

function setup(noun: string | null) {
  const toaster = new Toaster();
  const steps: string[] = [];
  const remove = vi.fn(async (id: number): Promise<Gone> => {
    if (id === 0) throw { kind: 'not_found', message: 'no entry 0', field: null, errors: [] };
    return { trashId: 100 + id, title: `Entry ${id}` };
  });
  const restore = vi.fn(async (id: number): Promise<string> => {
    if (id === 0) throw { kind: 'storage', message: 'disk full', field: null, errors: [] };
    return `back ${id}`;
  });
  const undo = new DeleteWithUndo<Gone, string>({
    toaster,
    noun,
    delete: remove,
    name: (gone) => gone.title,
    undoId: (gone) => gone.trashId,
    restore,
    deleted: async (gone, id) => {
      steps.push(`deleted ${gone.trashId} ${id}`);
    },
    restored: async (back) => {
      steps.push(`restored ${back}`);
    },
  });
  return { toaster, steps, remove, restore, undo };
}

describe('DeleteWithUndo', () => {
  it('deletes, reloads, then offers Undo, which restores and reloads', async () => {
    const { toaster, steps, restore, undo } = setup(null);
    expect(await undo.remove(2)).toEqual({ trashId: 102, title: 'Entry 2' });
    expect(steps).toEqual(['deleted 102 2']);
    expect(toaster.current?.text).toBe('Deleted “Entry 2”');
    expect(toaster.current?.action?.label).toBe('Undo');
    await toaster.act();
    expect(restore).toHaveBeenCalledWith(102);
    expect(steps).toEqual(['deleted 102 2', 'restored back 102']);
  });

  it('names the kind of thing in every message when given one', async () => {
    const { toaster, undo } = setup('the variant');
    await undo.remove(3);
    expect(toaster.current?.text).toBe('Deleted the variant “Entry 3”');
    await undo.remove(0);
    expect(toaster.current?.text).toBe('Could not delete the variant. No entry 0.');
    expect(await undo.restore(0)).toBe(false);
    expect(toaster.current?.text).toBe('Could not restore the variant. Disk full.');
  });

  it('says why a delete failed, and reloads nothing', async () => {
    const { toaster, steps, undo } = setup(null);
    expect(await undo.remove(0)).toBeNull();
    expect(toaster.current?.text).toBe('Could not delete. No entry 0.');
    expect(toaster.current?.action).toBeNull();
    expect(steps).toEqual([]);
  });

  it('says why a restore failed, including a reload that failed after it', async () => {
    const { toaster, steps, undo } = setup(null);
    expect(await undo.restore(0)).toBe(false);
    expect(toaster.current?.text).toBe('Could not restore. Disk full.');
    expect(steps).toEqual([]);

    const failing = new DeleteWithUndo<Gone, string>({
      toaster,
      noun: null,
      delete: async () => ({ trashId: 1, title: 'A' }),
      name: (gone) => gone.title,
      undoId: (_gone, id) => id,
      restore: async () => 'ok',
      deleted: () => {},
      restored: () => Promise.reject(new Error('list failed')),
    });
    expect(await failing.restore(1)).toBe(false);
    expect(toaster.current?.text).toBe('Could not restore. List failed.');
  });
});

describe('entryTrash', () => {
  it('deletes an entry to the trash and restores it by the trash item', async () => {
    const toaster = new Toaster();
    const item = { id: 107, kind: 'note', entry_id: 7, title: 'Kickoff', deleted_at: '', children: 0 } as const;
    const source = {
      entryDelete: vi.fn(async () => item),
      trashRestore: vi.fn(async () => item),
    };
    const steps: string[] = [];
    const trash = entryTrash(source, toaster, {
      changed: () => steps.push('changed'),
      left: (id) => steps.push(`left ${id}`),
      refresh: async () => void steps.push('refreshed'),
    });
    await trash.remove(7);
    expect(source.entryDelete).toHaveBeenCalledWith(7);
    expect(toaster.current?.text).toBe('Deleted “Kickoff”');
    await toaster.act();
    expect(source.trashRestore).toHaveBeenCalledWith(107);
    expect(steps).toEqual(['changed', 'left 7', 'changed', 'refreshed']);
  });

  it('says what went with the entry, when told', async () => {
    const toaster = new Toaster();
    const item = { id: 108, kind: 'person', entry_id: 8, title: 'Noor', deleted_at: '', children: 2 } as const;
    const source = { entryDelete: vi.fn(async () => item), trashRestore: vi.fn(async () => item) };
    const store = { changed: () => {}, left: () => {}, refresh: async () => {} };
    await entryTrash(source, toaster, store, (gone) => `${gone.children} more went too`).remove(8);
    expect(toaster.current?.text).toBe('Deleted “Noor”. 2 more went too');
  });
});
