// The Notes view's state: the filter (tag, days, loose notes only), the notes it keeps,
// newest first, fifty at a time, and the projects a note can be attached to. Writes go
// through the journal store, whose `revision` tells this one to reload.

import { api, toIpcError, type Api } from '../lib/api';
import type { IpcError, NoteFilter, NoteRow, ProjectSummary } from '../lib/bindings';
import { Latest, type LazyStatus, type LoadStatus } from '../lib/latest';
import { asSentence } from '../lib/text';
import { toaster, type Toaster } from '../lib/toast.svelte';
import { parseDate } from '../journal/forms';

export const NOTES_PAGE = 50;
/** The most rows one reload asks for (the core's own cap on a page). */
const MAX_PAGE = 500;

export type NotesApi = Pick<Api, 'notePage' | 'projectList'>;

/** The filter as typed: text in the boxes, the scope as chosen. */
export interface NoteFilterFields {
  tag: string;
  since: string;
  until: string;
  scope: 'all' | 'loose';
}

export const NO_FILTER: NoteFilterFields = { tag: '', since: '', until: '', scope: 'all' };

/** The filter the core takes, or the field to fix (a day that is not a day). */
export function noteFilter(f: NoteFilterFields): { ok: true; filter: NoteFilter } | { ok: false; error: IpcError } {
  const since = parseDate('since', f.since);
  if (!since.ok) return since;
  const until = parseDate('until', f.until);
  if (!until.ok) return until;
  const tag = f.tag.trim().replace(/^#/, '').trim();
  return {
    ok: true,
    filter: {
      tag: tag === '' ? null : tag,
      since: since.value,
      until: until.value,
      project_id: null,
      without_project: f.scope === 'loose',
    },
  };
}

/** Whether any part of the filter narrows the list. */
export function isFiltered(f: NoteFilterFields): boolean {
  return f.tag.trim() !== '' || f.since.trim() !== '' || f.until.trim() !== '' || f.scope !== 'all';
}

export class NotesStore {
  fields: NoteFilterFields = $state({ ...NO_FILTER });
  notes: NoteRow[] = $state([]);
  total = $state(0);
  status: LoadStatus = $state('loading');
  /** Why the last load failed: a field of the filter, or the whole list. */
  error: IpcError | null = $state(null);
  loadingMore = $state(false);

  projects: ProjectSummary[] = $state([]);
  projectsStatus: LazyStatus = $state('idle');

  readonly #api: NotesApi;
  readonly #toaster: Pick<Toaster, 'show'>;
  readonly #reads = new Latest();

  constructor(source: NotesApi, toasts: Pick<Toaster, 'show'>) {
    this.#api = source;
    this.#toaster = toasts;
  }

  get hasMore(): boolean {
    return this.notes.length < this.total;
  }

  get filtered(): boolean {
    return isFiltered(this.fields);
  }

  /** The error when it names a field of the filter. */
  errorFor(field: 'tag' | 'since' | 'until'): IpcError | null {
    return this.error?.field === field ? this.error : null;
  }

  /** Changes part of the filter and reloads from the first page. */
  setFilter(change: Partial<NoteFilterFields>): Promise<void> {
    this.fields = { ...this.fields, ...change };
    return this.load(NOTES_PAGE);
  }

  clearFilter(): Promise<void> {
    this.fields = { ...NO_FILTER };
    return this.load(NOTES_PAGE);
  }

  /** Reloads as many rows as are shown (a write keeps the place), or the first page. */
  reload(): Promise<void> {
    return this.load(Math.min(Math.max(NOTES_PAGE, this.notes.length), MAX_PAGE));
  }

  load(limit: number = NOTES_PAGE): Promise<void> {
    const parsed = noteFilter(this.fields);
    if (!parsed.ok) {
      // A half-typed day waits; the list stays as it was.
      this.#reads.invalidate();
      this.error = parsed.error;
      return Promise.resolve();
    }
    if (this.notes.length === 0 && this.status !== 'ready') this.status = 'loading';
    return this.#reads.read(
      () => this.#api.notePage(parsed.filter, 0, limit),
      (page) => {
        this.notes = page.notes;
        this.total = page.total;
        this.status = 'ready';
        this.error = null;
      },
      (e) => {
        this.error = e;
        // A refused filter (the end before the start) keeps the list; anything else replaces it.
        if (!e.field) this.status = 'error';
      },
    );
  }

  async loadMore(): Promise<void> {
    const parsed = noteFilter(this.fields);
    if (!parsed.ok || this.loadingMore || !this.hasMore) return;
    const current = this.#reads.begin();
    this.loadingMore = true;
    try {
      const page = await this.#api.notePage(parsed.filter, this.notes.length, NOTES_PAGE);
      if (!current()) return;
      const known = new Set(this.notes.map((n) => n.id));
      this.notes = [...this.notes, ...page.notes.filter((n) => !known.has(n.id))];
      this.total = page.total;
    } catch (e) {
      if (!current()) return;
      this.#toaster.show(`Could not load more notes. ${asSentence(toIpcError(e).message)}`);
    } finally {
      if (current()) this.loadingMore = false;
    }
  }

  /** The projects a note can be attached to, read once per opening of the attach form. */
  async loadProjects(): Promise<void> {
    this.projectsStatus = 'loading';
    try {
      const page = await this.#api.projectList(0, MAX_PAGE);
      this.projects = page.projects;
      this.projectsStatus = 'ready';
    } catch {
      this.projectsStatus = 'error';
    }
  }
}

export const notes = new NotesStore(api, toaster);
