// The Guides section's state: which view is shown (the library, the readiness map, a guide,
// question or skill page), what each has loaded, the decision-tree walk and the checklist
// of the open guide. Every write goes through the core and shows what it answered.

import { api, toIpcError, type Api } from '../lib/api';
import type {
  Checklist,
  DueItem,
  Guide,
  GuideSummary,
  IpcError,
  Question,
  QuestionSummary,
  Readiness,
  Skill,
  Step,
} from '../lib/bindings';
import { Latest, type LazyStatus } from '../lib/latest';
import { asSentence } from '../lib/text';
import { toaster, type Toaster } from '../lib/toast.svelte';
import type { PageKind } from './links';
import { START, answered, back, type Walk } from './tree';

export interface Page {
  kind: PageKind;
  slug: string;
}

export type GuidesView = { name: 'library' } | { name: 'readiness' } | { name: 'page'; page: Page };

/** What sits beside a guide: its table of contents or its checklist. */
export type Rail = 'contents' | 'checklist';

export type Doc =
  | { kind: 'guide'; guide: Guide }
  | { kind: 'question'; question: Question }
  | { kind: 'skill'; skill: Skill };

export type GuidesApi = Pick<
  Api,
  | 'guideList'
  | 'guideGet'
  | 'questionList'
  | 'questionGet'
  | 'skillGet'
  | 'treeWalk'
  | 'checklistGet'
  | 'checklistSet'
  | 'checklistNewCycle'
  | 'dueItems'
  | 'readinessGet'
  | 'exportIcs'
  | 'questionCoverage'
>;

export class GuidesStore {
  view: GuidesView = $state({ name: 'library' });

  guides: GuideSummary[] = $state([]);
  questions: QuestionSummary[] = $state([]);
  skills: Skill[] = $state([]);
  /** Stories linked to each question, by slug. */
  coverage: Record<string, number> = $state({});
  /** Unchecked items with due dates, across the checklists already started. */
  due: DueItem[] = $state([]);
  /**
   * Checklists already started, by guide. Reading a checklist starts its first cycle (the
   * core counts due dates from that day), so the library reads only the started ones.
   */
  checklists: Record<string, Checklist> = $state({});
  libraryStatus: LazyStatus = $state('idle');

  doc: Doc | null = $state(null);
  pageStatus: LazyStatus = $state('idle');
  rail: Rail = $state('contents');
  /** A heading to scroll to once the page is shown. */
  pendingAnchor: string | null = $state(null);

  walk: Walk = $state(START);
  step: Step | null = $state(null);
  treeBusy = $state(false);

  checklistStatus: LazyStatus = $state('idle');
  checklistBusy = $state(false);
  /** The last checklist write that failed, shown in the checklist. */
  checklistError: IpcError | null = $state(null);

  readiness: Readiness | null = $state(null);
  readinessStatus: LazyStatus = $state('idle');
  /** A stage of the readiness map to scroll to once it is shown. */
  pendingStage: string | null = $state(null);

  /** Why the view's load failed, shown in its place. */
  error: IpcError | null = $state(null);

  /** Home's card: what is due and the current stage's missing proofs. */
  glanceStatus: LazyStatus = $state('idle');
  glanceError: IpcError | null = $state(null);

  readonly #api: GuidesApi;
  readonly #toaster: Pick<Toaster, 'show'>;
  #history: GuidesView[] = [];
  /** The page shown and the steps of its tree walk; the library's own reads. */
  readonly #pageReads = new Latest();
  readonly #libraryReads = new Latest();

  constructor(source: GuidesApi, toasts: Pick<Toaster, 'show'>) {
    this.#api = source;
    this.#toaster = toasts;
  }

  // Views

  showLibrary(): void {
    this.#history = [];
    this.view = { name: 'library' };
    void this.loadLibrary();
  }

  showReadiness(stage: string | null = null): void {
    this.#history = [];
    this.view = { name: 'readiness' };
    this.pendingStage = stage;
    void this.loadReadiness();
  }

  /** Opens a guide, question or skill; Back returns to where it was opened from. */
  open(page: Page, options: { rail?: Rail; anchor?: string | null } = {}): void {
    const here = this.view;
    const same = here.name === 'page' && here.page.kind === page.kind && here.page.slug === page.slug;
    if (!same) this.#history.push(here);
    this.view = { name: 'page', page };
    this.rail = options.rail ?? 'contents';
    this.pendingAnchor = options.anchor ?? null;
    if (this.libraryStatus === 'idle') void this.loadLibrary();
    if (!same || !this.doc) void this.loadPage(page);
    else if (this.rail === 'checklist') void this.loadChecklist(page.slug);
  }

  /** Up one level; false when already at the top (the library or the readiness map). */
  back(): boolean {
    if (this.view.name !== 'page') return false;
    const previous = this.#history.pop() ?? { name: 'library' };
    this.view = previous;
    if (previous.name === 'page') {
      this.rail = 'contents';
      void this.loadPage(previous.page);
    } else if (previous.name === 'readiness') {
      void this.loadReadiness();
    } else {
      void this.loadLibrary();
    }
    return true;
  }

  /** Reloads the top-level view shown (after the journal changed elsewhere, say). */
  refresh(): void {
    if (this.view.name === 'library') void this.loadLibrary();
    else if (this.view.name === 'readiness') void this.loadReadiness();
  }

  // Titles for links between pages

  guideTitle(slug: string): string {
    return this.guides.find((g) => g.slug === slug)?.title ?? titleOfSlug(slug);
  }

  questionTitle(slug: string): string {
    return this.questions.find((q) => q.slug === slug)?.title ?? titleOfSlug(slug);
  }

  skillTitle(slug: string): string {
    return this.skills.find((s) => s.slug === slug)?.title ?? titleOfSlug(slug);
  }

  // Loads

  loadLibrary(): Promise<void> {
    if (this.libraryStatus !== 'ready') this.libraryStatus = 'loading';
    return this.#libraryReads.read(
      async () => {
        const [guides, questions, due] = await Promise.all([
          this.#api.guideList(),
          this.#api.questionList(),
          this.#api.dueItems(),
        ]);
        const skillSlugs = [...new Set(guides.flatMap((g) => g.skills))];
        const started = [...new Set([...due.map((d) => d.guide), ...Object.keys(this.checklists)])];
        const [skills, checklists, coverage] = await Promise.all([
          Promise.all(skillSlugs.map((slug) => this.#api.skillGet(slug))),
          Promise.all(started.map((slug) => this.#api.checklistGet(slug))),
          this.#api.questionCoverage(questions.map((q) => q.slug)),
        ]);
        return { guides, questions, due, skills, checklists, coverage };
      },
      ({ guides, questions, due, skills, checklists, coverage }) => {
        this.guides = guides;
        this.questions = questions;
        this.due = due;
        this.skills = skills;
        this.checklists = { ...this.checklists, ...Object.fromEntries(checklists.map((c) => [c.guide, c])) };
        this.coverage = Object.fromEntries(coverage.map((c) => [c.question, c.stories.length]));
        this.libraryStatus = 'ready';
        if (this.view.name === 'library') this.error = null;
      },
      (e) => {
        this.libraryStatus = 'error';
        if (this.view.name === 'library') this.error = e;
      },
    );
  }

  loadPage(page: Page): Promise<void> {
    this.pageStatus = 'loading';
    this.error = null;
    this.doc = null;
    this.step = null;
    this.walk = START;
    this.checklistError = null;
    return this.#pageReads.read(
      () => this.#fetchDoc(page),
      (doc) => this.#showDoc(doc),
      (e) => {
        this.pageStatus = 'error';
        this.error = e;
      },
    );
  }

  #showDoc(doc: Doc): void {
    this.doc = doc;
    this.pageStatus = 'ready';
    if (doc.kind === 'guide') {
      if (doc.guide.tree) void this.#walkTo(doc.guide.slug, START);
      // A started checklist is only read; an unstarted one starts when it is opened.
      const started = doc.guide.slug in this.checklists || this.due.some((d) => d.guide === doc.guide.slug);
      if (doc.guide.checklist.length && (started || this.rail === 'checklist')) {
        void this.loadChecklist(doc.guide.slug);
      }
    }
  }

  async #fetchDoc(page: Page): Promise<Doc> {
    switch (page.kind) {
      case 'guide':
        return { kind: 'guide', guide: await this.#api.guideGet(page.slug) };
      case 'question': {
        const [question, coverage] = await Promise.all([
          this.#api.questionGet(page.slug),
          this.#api.questionCoverage([page.slug]),
        ]);
        this.coverage = { ...this.coverage, [page.slug]: coverage[0]?.stories.length ?? 0 };
        return { kind: 'question', question };
      }
      case 'skill':
        return { kind: 'skill', skill: await this.#api.skillGet(page.slug) };
    }
  }

  async loadReadiness(): Promise<void> {
    if (this.readinessStatus !== 'ready') this.readinessStatus = 'loading';
    try {
      this.readiness = await this.#api.readinessGet();
      this.readinessStatus = 'ready';
      if (this.view.name === 'readiness') this.error = null;
    } catch (e) {
      this.readinessStatus = 'error';
      if (this.view.name === 'readiness') this.error = toIpcError(e);
    }
  }

  /** What Home shows of the guides: the due items and the readiness map. */
  async loadGlance(): Promise<void> {
    if (this.glanceStatus !== 'ready') this.glanceStatus = 'loading';
    try {
      const [due, readiness] = await Promise.all([this.#api.dueItems(), this.#api.readinessGet()]);
      this.due = due;
      this.readiness = readiness;
      this.readinessStatus = 'ready';
      this.glanceStatus = 'ready';
      this.glanceError = null;
    } catch (e) {
      this.glanceStatus = 'error';
      this.glanceError = toIpcError(e);
    }
  }

  /** The stage to scroll to, once: a reload does not jump there again. */
  takeStage(): string | null {
    const stage = this.pendingStage;
    this.pendingStage = null;
    return stage;
  }

  takeAnchor(): string | null {
    const anchor = this.pendingAnchor;
    this.pendingAnchor = null;
    return anchor;
  }

  // The checklist beside a guide

  /** The open guide's checklist, when it has been read. */
  get checklist(): Checklist | null {
    return this.doc?.kind === 'guide' ? (this.checklists[this.doc.guide.slug] ?? null) : null;
  }

  showRail(rail: Rail): void {
    this.rail = rail;
    if (rail === 'checklist' && this.doc?.kind === 'guide' && !this.checklist) {
      void this.loadChecklist(this.doc.guide.slug);
    }
  }

  async loadChecklist(slug: string): Promise<void> {
    this.checklistStatus = 'loading';
    try {
      this.#keep(await this.#api.checklistGet(slug));
      this.checklistStatus = 'ready';
      this.checklistError = null;
    } catch (e) {
      this.checklistStatus = 'error';
      this.checklistError = toIpcError(e);
    }
  }

  /** Checks or unchecks an item; false when the core refused (the box then goes back). */
  async setChecked(item: string, checked: boolean): Promise<boolean> {
    const current = this.checklist;
    if (!current) return false;
    try {
      this.#keep(await this.#api.checklistSet(current.guide, item, checked));
      this.checklistError = null;
      return true;
    } catch (e) {
      this.checklistError = toIpcError(e);
      return false;
    }
  }

  async startNewCycle(): Promise<void> {
    const current = this.checklist;
    if (!current) return;
    this.checklistBusy = true;
    try {
      const next = await this.#api.checklistNewCycle(current.guide);
      this.#keep(next);
      this.checklistError = null;
      const number = next.cycle?.number ?? 1;
      this.#toaster.show(
        current.cycle ? `Cycle ${number} started; cycle ${current.cycle.number} is in the history` : `Cycle ${number} started`,
      );
    } catch (e) {
      this.checklistError = toIpcError(e);
    } finally {
      this.checklistBusy = false;
    }
  }

  /** Saves the due items as a calendar file where the engineer chooses. */
  async exportCalendar(): Promise<void> {
    try {
      const path = await this.#api.exportIcs();
      if (path) this.#toaster.show(`Saved to ${path}`);
    } catch (e) {
      this.#toaster.show(`The calendar could not be saved. ${asSentence(toIpcError(e).message)}`);
    }
  }

  #keep(checklist: Checklist): void {
    this.checklists = { ...this.checklists, [checklist.guide]: checklist };
    this.due = [
      ...this.due.filter((d) => d.guide !== checklist.guide),
      ...checklist.items
        .filter((i) => !i.checked && i.due !== null)
        .map((i) => ({
          guide: checklist.guide,
          guide_title: checklist.title,
          cycle: checklist.cycle?.number ?? 1,
          item: i.id,
          text: i.text,
          due: i.due ?? '',
          overdue: i.overdue,
        })),
    ];
  }

  // The decision tree

  async answer(index: number): Promise<void> {
    const guide = this.doc?.kind === 'guide' ? this.doc.guide : null;
    if (!guide || !this.step || this.treeBusy) return;
    await this.#walkTo(guide.slug, answered(this.walk, this.step, index));
  }

  async treeBack(): Promise<void> {
    const guide = this.doc?.kind === 'guide' ? this.doc.guide : null;
    if (guide && this.walk.answers.length) await this.#walkTo(guide.slug, back(this.walk));
  }

  async treeRestart(): Promise<void> {
    const guide = this.doc?.kind === 'guide' ? this.doc.guide : null;
    if (guide) await this.#walkTo(guide.slug, START);
  }

  async #walkTo(slug: string, walk: Walk): Promise<void> {
    const current = this.#pageReads.current();
    this.treeBusy = true;
    try {
      const step = await this.#api.treeWalk(slug, walk.answers);
      if (!current()) return;
      this.step = step;
      this.walk = walk;
    } catch (e) {
      if (current()) this.#toaster.show(asSentence(toIpcError(e).message));
    } finally {
      this.treeBusy = false;
    }
  }
}

/** "decision-making" → "Decision making", for a slug whose page is not loaded yet. */
export function titleOfSlug(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const guides = new GuidesStore(api, toaster);
