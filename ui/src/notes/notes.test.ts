import { describe, expect, it, vi } from 'vitest';
import type { NoteFilter, NotePage, NoteRow, ProjectPage } from '../lib/bindings';
import { NotesStore, noteFilter, type NotesApi } from './notes.svelte';

const row = (id: number, date: string): NoteRow => ({
  id,
  uuid: `u${id}`,
  created_at: '',
  updated_at: '',
  project_id: null,
  project_title: null,
  date,
  text: `Note ${id}`,
  tags: [],
  skills: [],
});

/** A journal of `count` loose notes, newest (highest id) first. */
function fake(count: number) {
  const all = Array.from({ length: count }, (_, i) => row(count - i, '2024-05-06'));
  const asked: [NoteFilter, number, number][] = [];
  const source: NotesApi = {
    notePage: vi.fn(async (filter: NoteFilter, offset: number, limit: number): Promise<NotePage> => {
      asked.push([filter, offset, limit]);
      if (filter.since && filter.until && filter.until < filter.since) {
        throw { kind: 'invalid', field: 'until', message: 'the end is before the start', errors: [] };
      }
      return { notes: all.slice(offset, offset + limit), total: all.length };
    }),
    projectList: vi.fn(async (): Promise<ProjectPage> => ({ projects: [], total: 0 }) as unknown as ProjectPage),
  };
  return { source, asked };
}

const toasts = { show: vi.fn() };

describe('noteFilter', () => {
  it('turns the boxes into the core’s filter', () => {
    expect(noteFilter({ tag: ' #oncall ', since: '2024-5-1', until: '', scope: 'loose' })).toEqual({
      ok: true,
      filter: { tag: 'oncall', since: '2024-05-01', until: null, project_id: null, without_project: true },
    });
  });

  it('names the box that holds no day', () => {
    const parsed = noteFilter({ tag: '', since: '', until: '2024-02-30', scope: 'all' });
    expect(parsed).toMatchObject({ ok: false, error: { field: 'until' } });
  });
});

describe('NotesStore', () => {
  it('pages fifty at a time and keeps the place on a reload', async () => {
    const { source, asked } = fake(120);
    const store = new NotesStore(source, toasts);
    await store.load();
    expect(store.notes).toHaveLength(50);
    expect(store.hasMore).toBe(true);
    await store.loadMore();
    expect(store.notes).toHaveLength(100);
    await store.reload();
    expect(asked.at(-1)?.slice(1)).toEqual([0, 100]);
    expect(store.notes).toHaveLength(100);
  });

  it('keeps the list when the filter is refused, and says which box', async () => {
    const { source } = fake(3);
    const store = new NotesStore(source, toasts);
    await store.load();
    await store.setFilter({ since: '2024-05-09', until: '2024-05-01' });
    expect(store.status).toBe('ready');
    expect(store.notes).toHaveLength(3);
    expect(store.errorFor('until')?.message).toContain('before the start');
    expect(store.filtered).toBe(true);
    await store.clearFilter();
    expect(store.error).toBeNull();
    expect(store.filtered).toBe(false);
  });

  it('does not ask the core while a day is not one', async () => {
    const { source, asked } = fake(3);
    const store = new NotesStore(source, toasts);
    await store.setFilter({ since: '2024-13' });
    expect(asked).toHaveLength(0);
    expect(store.errorFor('since')).not.toBeNull();
  });
});
