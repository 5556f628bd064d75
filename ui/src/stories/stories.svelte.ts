// The Stories section's state: which view is shown (the bank, a story, the editor, rehearse
// mode, question coverage), what each has loaded, and every write, each followed by a
// reload of what is on screen. A deleted story goes to the trash with Undo in a toast.

import { api, type Api } from '../lib/api';
import type {
  Feedback,
  IpcError,
  ProjectDetail,
  ProjectSummary,
  QuestionCoverage,
  Rehearsal,
  RehearsalInput,
  Story,
  StoryDetail,
  StoryInput,
  StoryPreview,
  TrashItem,
} from '../lib/bindings';
import { Latest, type LoadStatus } from '../lib/latest';
import { toaster, type Toaster } from '../lib/toast.svelte';
import { DeleteWithUndo, entryTrash } from '../lib/undo';
import { formatWhen } from './format';
import { withLinked, type QuestionSummary } from './questions';

export type StoriesView =
  | { name: 'bank' }
  | { name: 'story'; id: number }
  /** `id: null` is a new story; `question` links a new story to that question from the start. */
  | { name: 'edit'; id: number | null; question?: string }
  | { name: 'rehearse'; id: number }
  | { name: 'coverage' };

export type StoriesApi = Pick<
  Api,
  | 'storyList'
  | 'storyGet'
  | 'storySave'
  | 'rehearsalSave'
  | 'storyFollowUps'
  | 'questionCoverage'
  | 'entryDelete'
  | 'trashRestore'
  | 'storyPreview'
  | 'projectList'
  | 'projectGet'
  | 'questionList'
  | 'personList'
  | 'personPage'
>;

/** The most projects the editor offers to link (the core's cap on a page). */
export const PROJECT_LIMIT = 200;

export class StoriesStore {
  view: StoriesView = $state({ name: 'bank' });

  stories: Story[] = $state([]);
  listStatus: LoadStatus = $state('loading');

  detail: StoryDetail | null = $state(null);
  detailStatus: LoadStatus = $state('loading');

  /** The guides' questions, with any a story links that they no longer list. */
  questions: QuestionSummary[] = $state([]);
  coverage: QuestionCoverage[] = $state([]);
  coverageStatus: LoadStatus = $state('loading');

  /** Why the last load failed, shown in place of what it would have shown. */
  error: IpcError | null = $state(null);
  /** Bumped after every change, so other screens know to reload. */
  revision = $state(0);

  readonly #api: StoriesApi;
  readonly #reads = new Latest();
  readonly #trash: DeleteWithUndo<TrashItem, TrashItem>;
  /** One rehearsal out of a story's history, named by when it was; Undo restores it. */
  readonly #rehearsalTrash: DeleteWithUndo<{ item: TrashItem; when: string }, TrashItem>;
  #questionsLoaded = false;

  constructor(source: StoriesApi, toasts: Pick<Toaster, 'show'>) {
    this.#api = source;
    this.#trash = entryTrash(source, toasts, {
      changed: () => this.#changed(),
      left: (id) => {
        if (this.detail?.id === id) this.detail = null;
        this.showBank();
      },
      refresh: () => this.refresh(),
    });
    this.#rehearsalTrash = new DeleteWithUndo({
      toaster: toasts,
      noun: 'the rehearsal of',
      delete: async (id) => {
        const rehearsal = this.detail?.rehearsals.find((r) => r.id === id);
        const item = await this.#api.entryDelete(id);
        return { item, when: rehearsal ? formatWhen(rehearsal.started_at) : item.title };
      },
      name: (gone) => gone.when,
      undoId: (gone) => gone.item.id,
      restore: (trashId) => this.#api.trashRestore(trashId),
      deleted: async () => {
        this.#changed();
        await this.refresh();
      },
      restored: async () => {
        this.#changed();
        await this.refresh();
      },
    });
  }

  showBank(): void {
    this.view = { name: 'bank' };
    void this.loadList();
  }

  openStory(id: number): void {
    this.view = { name: 'story', id };
    void this.loadStory(id);
  }

  /** The editor, for a story or (`null`) a new one, perhaps for a question. */
  edit(id: number | null, question?: string): void {
    this.view = question === undefined ? { name: 'edit', id } : { name: 'edit', id, question };
    if (id !== null) void this.loadStory(id);
  }

  rehearse(id: number): void {
    this.view = { name: 'rehearse', id };
    void this.loadStory(id);
  }

  showCoverage(): void {
    this.view = { name: 'coverage' };
    void this.loadCoverage();
  }

  /** Up one level; false when already at the bank. */
  back(): boolean {
    const view = this.view;
    switch (view.name) {
      case 'bank':
        return false;
      case 'edit':
      case 'rehearse':
        if (view.id !== null) this.openStory(view.id);
        else this.showBank();
        return true;
      default:
        this.showBank();
        return true;
    }
  }

  /** Reloads whatever is shown. */
  refresh(): Promise<void> {
    const view = this.view;
    switch (view.name) {
      case 'bank':
        return this.loadList();
      case 'coverage':
        return this.loadCoverage();
      case 'edit':
        return view.id === null ? Promise.resolve() : this.loadStory(view.id);
      default:
        return this.loadStory(view.id);
    }
  }

  loadList(): Promise<void> {
    if (this.stories.length === 0) this.listStatus = 'loading';
    return this.#reads.read(
      () => this.#api.storyList(),
      (stories) => {
        this.stories = stories;
        this.listStatus = 'ready';
        this.error = null;
      },
      (e) => {
        this.error = e;
        this.listStatus = 'error';
      },
    );
  }

  loadStory(id: number): Promise<void> {
    if (this.detail?.id !== id) {
      this.detail = null;
      this.detailStatus = 'loading';
    }
    return this.#reads.readDetail(this, () => this.#api.storyGet(id));
  }

  /** Every question of the guides and every question a story links, with its stories. */
  loadCoverage(): Promise<void> {
    if (this.coverage.length === 0) this.coverageStatus = 'loading';
    return this.#reads.read(
      async () => {
        const [known, stories] = await Promise.all([
          this.#api.questionList().catch((): QuestionSummary[] => []),
          this.#api.storyList(),
        ]);
        const questions = withLinked(
          known,
          stories.flatMap((s) => s.questions),
        );
        return { stories, questions, coverage: await this.#api.questionCoverage(questions.map((q) => q.slug)) };
      },
      ({ stories, questions, coverage }) => {
        this.stories = stories;
        this.questions = questions;
        this.#questionsLoaded = true;
        this.coverage = coverage;
        this.coverageStatus = 'ready';
        this.error = null;
      },
      (e) => {
        this.error = e;
        this.coverageStatus = 'error';
      },
    );
  }

  /** The guides' questions, loaded once (the coverage view reloads them). */
  async ensureQuestions(): Promise<QuestionSummary[]> {
    if (!this.#questionsLoaded) {
      this.#questionsLoaded = true;
      const known = await this.#api.questionList().catch((): QuestionSummary[] => []);
      this.questions = withLinked(known, []);
    }
    return this.questions;
  }

  /** The estimate and pacing plan of a story being written; nothing is saved. */
  preview(input: StoryInput): Promise<StoryPreview> {
    return this.#api.storyPreview(input);
  }

  /** The projects a story can be told from, newest first. */
  async projects(): Promise<ProjectSummary[]> {
    return (await this.#api.projectList(0, PROJECT_LIMIT)).projects;
  }

  /** A project's metrics and decisions, to link. */
  project(id: number): Promise<ProjectDetail> {
    return this.#api.projectGet(id);
  }

  /**
   * The feedback the engineer gave to people in the journal, to link to a story: read from
   * each person's page (the journal lists feedback by person).
   */
  async givenFeedback(): Promise<Feedback[]> {
    const { people } = await this.#api.personList();
    const pages = await Promise.all(people.map((p) => this.#api.personPage(p.id)));
    return pages.flatMap((page) => page.feedback.filter((f) => f.direction === 'given'));
  }

  // Writes. Each rejects with the IpcError for the form to show; on success the screen moves on.

  /** Saves a story and opens it. */
  async save(id: number | null, input: StoryInput): Promise<Story> {
    const story = await this.#api.storySave(id, input);
    this.#changed();
    this.openStory(story.id);
    return story;
  }

  /** Records a rehearsal; the story's history reloads with it. */
  async saveRehearsal(input: RehearsalInput): Promise<Rehearsal> {
    const rehearsal = await this.#api.rehearsalSave(input);
    this.#changed();
    await this.loadStory(input.story_id);
    return rehearsal;
  }

  /** The one or two questions to answer aloud after a rehearsal; none when they cannot be had. */
  async followUps(id: number): Promise<string[]> {
    try {
      return await this.#api.storyFollowUps(id);
    } catch {
      return [];
    }
  }

  /** Moves a story (with its rehearsals) to the trash and offers Undo; back to the bank. */
  remove(id: number): Promise<TrashItem | null> {
    return this.#trash.remove(id);
  }

  /** Deletes one rehearsal from the story shown and offers Undo. */
  removeRehearsal(id: number): Promise<unknown> {
    return this.#rehearsalTrash.remove(id);
  }

  /** Brings a deleted story back, rehearsals and all. */
  restore(trashId: number): Promise<boolean> {
    return this.#trash.restore(trashId);
  }

  #changed(): void {
    this.revision += 1;
  }
}

export const stories = new StoriesStore(api, toaster);
