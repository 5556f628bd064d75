// The Journal section's state: which view is shown (the list, a project, the trash, the
// notes), what each has loaded, and every write, each followed by a reload of what is on
// screen.
// Deletes go to the trash and offer Undo in a toast.

import { api, toIpcError, type Api } from '../lib/api';
import type {
  IpcError,
  Project,
  ProjectDetail,
  ProjectFilter,
  ProjectInput,
  ProjectSort,
  ProjectSummary,
  TrashItem,
} from '../lib/bindings';
import { Latest, type LoadStatus } from '../lib/latest';
import { asSentence } from '../lib/text';
import { toaster, type Toaster } from '../lib/toast.svelte';
import { entryTrash, type DeleteWithUndo } from '../lib/undo';

export const PAGE_SIZE = 50;
/** The most rows one reload asks for (the core's own cap on a page). */
const MAX_PAGE = 500;

/** The kinds of entry that sit in a project (or loose), by the name of their form. */
export type EntryName = 'metric' | 'decision' | 'artifact' | 'feedback' | 'note';
type EntrySave<K extends EntryName> = Api[`${K}Save`];
/** What an entry's form sends, and what the core gives back. */
export type EntryInput<K extends EntryName> = Parameters<EntrySave<K>>[1];
export type Entry<K extends EntryName> = Awaited<ReturnType<EntrySave<K>>>;

/** No filter: every project. */
export function noFilter(): ProjectFilter {
  return { text: null, status: null, scope: null, tag: null };
}

export type JournalView =
  | { name: 'list' }
  | { name: 'project'; id: number }
  | { name: 'trash' }
  /** Every note, the loose ones too: the notes store (ui/src/notes/) loads it. */
  | { name: 'notes' };

export type JournalApi = Pick<
  Api,
  | 'projectList'
  | 'projectGet'
  | 'projectSave'
  | 'metricSave'
  | 'decisionSave'
  | 'artifactSave'
  | 'feedbackSave'
  | 'noteSave'
  | 'entryDelete'
  | 'trashList'
  | 'trashRestore'
  | 'trashEmpty'
>;

export class JournalStore {
  view: JournalView = $state({ name: 'list' });

  projects: ProjectSummary[] = $state([]);
  total = $state(0);
  listStatus: LoadStatus = $state('loading');
  loadingMore = $state(false);
  /** What the list is narrowed to and how it is ordered; kept while a project is open. */
  filter: ProjectFilter = $state(noFilter());
  sort: ProjectSort = $state('newest');
  /** Every tag seen on a listed project, for the tag filter. */
  knownTags: string[] = $state([]);

  detail: ProjectDetail | null = $state(null);
  detailStatus: LoadStatus = $state('loading');

  trash: TrashItem[] = $state([]);
  trashStatus: LoadStatus = $state('loading');

  /** Why the last load failed, shown in place of what it would have shown. */
  error: IpcError | null = $state(null);
  /** Bumped after every change, so other screens (Home) know to reload. */
  revision = $state(0);
  /** An entry of the opened project to scroll to and mark, once it is shown. */
  pendingFocus: number | null = $state(null);
  /** The project just left with Back: the list puts the keyboard on its row again. */
  returnTo: number | null = $state(null);

  readonly #api: JournalApi;
  readonly #toaster: Pick<Toaster, 'show'>;
  readonly #reads = new Latest();
  readonly #trash: DeleteWithUndo<TrashItem, TrashItem>;

  constructor(source: JournalApi, toasts: Pick<Toaster, 'show'>) {
    this.#api = source;
    this.#toaster = toasts;
    this.#trash = entryTrash(source, toasts, {
      changed: () => this.#changed(),
      // A deleted project closes its page.
      left: (id) => (this.view.name === 'project' && this.view.id === id ? this.showList() : this.refresh()),
      refresh: () => this.refresh(),
    });
  }

  showList(): void {
    this.view = { name: 'list' };
    void this.loadList();
  }

  /** Opens a project; `focus` is an entry in it to scroll to and mark. */
  openProject(id: number, focus: number | null = null): void {
    this.view = { name: 'project', id };
    this.pendingFocus = focus;
    if (this.detail?.id !== id) this.detail = null;
    void this.loadProject(id);
  }

  /** The entry to scroll to, once: a reload does not jump there again. */
  takeFocus(): number | null {
    const focus = this.pendingFocus;
    this.pendingFocus = null;
    return focus;
  }

  showTrash(): void {
    this.view = { name: 'trash' };
    void this.loadTrash();
  }

  /** The notes view; it reloads itself whenever `revision` moves. */
  showNotes(): void {
    this.view = { name: 'notes' };
  }

  /** Up one level (a project, the trash or the notes to the list); false when already at the top. */
  back(): boolean {
    if (this.view.name === 'list') return false;
    this.returnTo = this.view.name === 'project' ? this.view.id : null;
    this.showList();
    return true;
  }

  /** Reloads whatever is shown. */
  refresh(): Promise<void> {
    switch (this.view.name) {
      case 'list':
        return this.loadList();
      case 'project':
        return this.loadProject(this.view.id);
      case 'trash':
        return this.loadTrash();
      case 'notes':
        // The notes view reloads on the change of `revision` that comes with every write.
        return Promise.resolve();
    }
  }

  /** True while any filter narrows the list. */
  get filtering(): boolean {
    const f = this.filter;
    return Boolean(f.text?.trim()) || f.status !== null || f.scope !== null || f.tag !== null;
  }

  /** Narrows the list (a part left out stays as it is) and reloads it from the top. */
  setFilter(change: Partial<ProjectFilter>): Promise<void> {
    this.filter = { ...this.filter, ...change };
    return this.#reload();
  }

  setSort(sort: ProjectSort): Promise<void> {
    this.sort = sort;
    return this.#reload();
  }

  /** Every project again, in the order chosen. */
  clearFilters(): Promise<void> {
    this.filter = noFilter();
    return this.#reload();
  }

  #reload(): Promise<void> {
    this.projects = [];
    this.#reads.invalidate();
    return this.loadList();
  }

  /** The filter as the core takes it: blank words are no filter. */
  #query(): [ProjectFilter | null, ProjectSort] {
    const text = this.filter.text?.trim() || null;
    return [this.filtering ? { ...this.filter, text } : null, this.sort];
  }

  /** The first page, or as many rows as are already shown, so a reload keeps the place. */
  loadList(): Promise<void> {
    const limit = Math.min(Math.max(PAGE_SIZE, this.projects.length), MAX_PAGE);
    const key = JSON.stringify(this.#query());
    return this.#reads.once(`list:${limit}:${key}`, () => this.#loadList(limit));
  }

  #loadList(limit: number): Promise<void> {
    if (this.projects.length === 0) this.listStatus = 'loading';
    const [filter, sort] = this.#query();
    return this.#reads.read(
      () => this.#api.projectList(0, limit, filter, sort),
      (page) => {
        this.projects = page.projects;
        this.#learnTags(page.projects);
        this.total = page.total;
        this.listStatus = 'ready';
        this.error = null;
      },
      (e) => this.#failed(e, 'list'),
    );
  }

  async loadMore(): Promise<void> {
    if (this.loadingMore || this.projects.length >= this.total) return;
    const current = this.#reads.begin();
    this.loadingMore = true;
    try {
      const [filter, sort] = this.#query();
      const page = await this.#api.projectList(this.projects.length, PAGE_SIZE, filter, sort);
      if (!current()) return;
      const known = new Set(this.projects.map((p) => p.id));
      this.projects = [...this.projects, ...page.projects.filter((p) => !known.has(p.id))];
      this.#learnTags(page.projects);
      this.total = page.total;
    } catch (e) {
      if (!current()) return;
      this.#toaster.show(`Could not load more projects. ${asSentence(toIpcError(e).message)}`);
    } finally {
      if (current()) this.loadingMore = false;
    }
  }

  #learnTags(projects: ProjectSummary[]): void {
    const seen = new Map(this.knownTags.map((t) => [t.toLowerCase(), t]));
    for (const tag of projects.flatMap((p) => p.tags)) {
      if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
    }
    if (seen.size !== this.knownTags.length) {
      this.knownTags = [...seen.values()].sort((a, b) => a.localeCompare(b));
    }
  }

  get hasMore(): boolean {
    return this.projects.length < this.total;
  }

  loadProject(id: number): Promise<void> {
    return this.#reads.once(`project:${id}`, () => this.#loadProject(id));
  }

  #loadProject(id: number): Promise<void> {
    if (this.detail?.id !== id) this.detailStatus = 'loading';
    return this.#reads.readDetail(this, () => this.#api.projectGet(id));
  }

  loadTrash(): Promise<void> {
    return this.#reads.once('trash', () => this.#loadTrash());
  }

  #loadTrash(): Promise<void> {
    if (this.trash.length === 0) this.trashStatus = 'loading';
    return this.#reads.read(
      () => this.#api.trashList(),
      (items) => {
        this.trash = items;
        this.trashStatus = 'ready';
        this.error = null;
      },
      (e) => this.#failed(e, 'trash'),
    );
  }

  // Writes. Each rejects with the IpcError for the form to show; on success the screen reloads.

  async saveProject(id: number | null, input: ProjectInput): Promise<Project> {
    const project = await this.#api.projectSave(id, input);
    this.#changed();
    // A new project opens at once: its metrics and decisions are what comes next.
    if (id === null) this.openProject(project.id);
    else await this.refresh();
    return project;
  }

  /** Creates (`id` null) or updates an entry of a project, or a loose one. */
  save<K extends EntryName>(kind: K, id: number | null, input: EntryInput<K>): Promise<Entry<K>> {
    type Write = (id: number | null, input: EntryInput<K>) => Promise<Entry<K>>;
    return this.#saved((this.#api[`${kind}Save`] as Write)(id, input));
  }

  /**
   * Moves an entry to the trash and offers Undo. A deleted project closes its page.
   * Returns the trash item, or null when the delete failed (the toast says why).
   */
  remove(id: number): Promise<TrashItem | null> {
    return this.#trash.remove(id);
  }

  /** Brings a trashed entry back with everything that was under it. */
  restore(trashId: number): Promise<boolean> {
    return this.#trash.restore(trashId);
  }

  /** Empties the trash for good; the one delete with no undo, so the UI confirms first. */
  async emptyTrash(): Promise<void> {
    try {
      const removed = await this.#api.trashEmpty();
      this.#toaster.show(removed === 1 ? 'Removed 1 entry for good' : `Removed ${removed} entries for good`);
    } catch (e) {
      this.#toaster.show(`Could not empty the trash. ${asSentence(toIpcError(e).message)}`);
    }
    this.#changed();
    await this.loadTrash();
  }

  async #saved<T>(saving: Promise<T>): Promise<T> {
    const saved = await saving;
    this.#changed();
    await this.refresh();
    return saved;
  }

  /** The journal was changed from elsewhere (a proposal accepted in the Inbox). */
  external(): void {
    this.#changed();
  }

  #changed(): void {
    this.revision += 1;
    // A read that started before the write must not stand in for the one after it.
    this.#reads.invalidate();
  }

  #failed(error: IpcError, what: 'list' | 'trash'): void {
    this.error = error;
    if (what === 'list') this.listStatus = 'error';
    if (what === 'trash') this.trashStatus = 'error';
  }
}

export const journal = new JournalStore(api, toaster);
