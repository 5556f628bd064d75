import { describe, expect, it, vi } from 'vitest';
import type { ProjectPage, ProjectSummary, TrashItem } from '../lib/bindings';
import { Toaster } from '../lib/toast.svelte';
import { JournalStore, PAGE_SIZE, type JournalApi } from './journal.svelte';

function summary(id: number): ProjectSummary {
  return {
    id,
    uuid: `u${id}`,
    title: `Project ${id}`,
    organization: null,
    role: null,
    started_on: null,
    ended_on: null,
    scope: null,
    status: null,
    summary: null,
    tags: [],
    skills: [],
    created_at: '',
    updated_at: '',
    best_metric: null,
    metric_count: 0,
    decision_count: 0,
  };
}

/** A journal of `count` projects in memory, with a trash, behind the API's shape. */
function fakeJournal(count: number) {
  let projects = Array.from({ length: count }, (_, i) => summary(count - i));
  const trash: { item: TrashItem; project: ProjectSummary }[] = [];
  const source = {
    projectList: vi.fn(
      async (offset: number, limit: number): Promise<ProjectPage> => ({
        projects: projects.slice(offset, offset + limit),
        total: projects.length,
      }),
    ),
    entryDelete: vi.fn(async (id: number): Promise<TrashItem> => {
      const project = projects.find((p) => p.id === id);
      if (!project) throw { kind: 'not_found', message: `no entry ${id}`, field: null, errors: [] };
      projects = projects.filter((p) => p.id !== id);
      const item: TrashItem = {
        id: 100 + id,
        kind: 'project',
        entry_id: id,
        title: project.title,
        deleted_at: '2024-01-01 10:00:00',
        children: 2,
      };
      trash.push({ item, project });
      return item;
    }),
    trashRestore: vi.fn(async (trashId: number): Promise<TrashItem> => {
      const found = trash.find((t) => t.item.id === trashId);
      if (!found) throw { kind: 'not_found', message: 'gone', field: null, errors: [] };
      projects = [...projects, found.project].sort((a, b) => b.id - a.id);
      return found.item;
    }),
    trashList: vi.fn(async () => trash.map((t) => t.item)),
  };
  return source as unknown as JournalApi & typeof source;
}

describe('JournalStore', () => {
  it('pages through the list fifty at a time', async () => {
    const source = fakeJournal(120);
    const store = new JournalStore(source, new Toaster());
    await store.loadList();
    expect(store.projects).toHaveLength(PAGE_SIZE);
    expect(store.hasMore).toBe(true);
    await store.loadMore();
    await store.loadMore();
    expect(store.projects).toHaveLength(120);
    expect(store.hasMore).toBe(false);
    expect(source.projectList).toHaveBeenLastCalledWith(100, PAGE_SIZE, null, 'newest');
    // A reload keeps every row already shown.
    await store.loadList();
    expect(source.projectList).toHaveBeenLastCalledWith(0, 120, null, 'newest');
  });

  it('deletes to the trash and offers Undo, which brings the project back', async () => {
    vi.useFakeTimers();
    try {
      const source = fakeJournal(3);
      const toaster = new Toaster();
      const store = new JournalStore(source, toaster);
      store.openProject(2);
      await store.remove(2);
      expect(store.view).toEqual({ name: 'list' });
      await vi.advanceTimersByTimeAsync(0);
      expect(store.projects.map((p) => p.id)).toEqual([3, 1]);
      expect(toaster.current?.text).toBe('Deleted “Project 2”');
      expect(toaster.current?.action?.label).toBe('Undo');

      await toaster.act();
      expect(source.trashRestore).toHaveBeenCalledWith(102);
      expect(store.projects.map((p) => p.id)).toEqual([3, 2, 1]);
      expect(store.revision).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says why a delete failed instead of pretending', async () => {
    const source = fakeJournal(1);
    const toaster = new Toaster();
    const store = new JournalStore(source, toaster);
    expect(await store.remove(99)).toBeNull();
    expect(toaster.current?.text).toMatch(/^Could not delete\. No entry 99\.$/);
    expect(store.revision).toBe(0);
  });

  it('filters and sorts through the core, and keeps the filter across a project and back', async () => {
    const source = fakeJournal(3);
    const store = new JournalStore(source, new Toaster());
    await store.loadList();
    await store.setFilter({ text: '  latency ', status: 'shipped' });
    expect(store.filtering).toBe(true);
    expect(source.projectList).toHaveBeenLastCalledWith(
      0,
      PAGE_SIZE,
      { text: 'latency', status: 'shipped', scope: null, tag: null },
      'newest',
    );
    await store.setSort('most-metrics');
    expect(source.projectList).toHaveBeenLastCalledWith(0, PAGE_SIZE, expect.objectContaining({ text: 'latency' }), 'most-metrics');
    store.openProject(2);
    store.back();
    await store.loadList();
    expect(store.filter.status).toBe('shipped');
    expect(source.projectList).toHaveBeenLastCalledWith(0, PAGE_SIZE, expect.objectContaining({ status: 'shipped' }), 'most-metrics');
    await store.clearFilters();
    expect(store.filtering).toBe(false);
    expect(source.projectList).toHaveBeenLastCalledWith(0, PAGE_SIZE, null, 'most-metrics');
  });

  it('blank words are no filter', async () => {
    const source = fakeJournal(1);
    const store = new JournalStore(source, new Toaster());
    await store.setFilter({ text: '   ' });
    expect(store.filtering).toBe(false);
    expect(source.projectList).toHaveBeenLastCalledWith(0, PAGE_SIZE, null, 'newest');
  });

  it('goes back from a project to the list and remembers the row', () => {
    const store = new JournalStore(fakeJournal(2), new Toaster());
    store.openProject(1, 44);
    expect(store.takeFocus()).toBe(44);
    expect(store.takeFocus()).toBeNull();
    expect(store.back()).toBe(true);
    expect(store.view).toEqual({ name: 'list' });
    expect(store.returnTo).toBe(1);
    expect(store.back()).toBe(false);
  });
});

describe('JournalStore reads', () => {
  it('asks once when a view is opened and mounted at the same moment', async () => {
    const source = fakeJournal(2);
    const store = new JournalStore(source, new Toaster());
    store.showList();
    await store.refresh();
    expect(source.projectList).toHaveBeenCalledTimes(1);
    await store.refresh();
    expect(source.projectList).toHaveBeenCalledTimes(2);
  });

  it('saves an entry of any kind through its own command, then reloads what is shown', async () => {
    const source = fakeJournal(3);
    const saved = { id: 7, text: 'Shipped it' };
    const noteSave = vi.fn(async () => saved);
    const metricSave = vi.fn(async () => ({ id: 8 }));
    Object.assign(source, { noteSave, metricSave });
    const store = new JournalStore(source, new Toaster());
    const input = { project_id: null, date: null, text: 'Shipped it', tags: [], skills: [] };
    expect(await store.save('note', null, input)).toBe(saved);
    expect(noteSave).toHaveBeenCalledWith(null, input);
    expect(metricSave).not.toHaveBeenCalled();
    expect(store.revision).toBe(1);
    expect(source.projectList).toHaveBeenCalled();
  });
});
