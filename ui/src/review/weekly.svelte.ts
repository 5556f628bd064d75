// The weekly review wizard's state: open or not, the step shown, the answers (kept when
// going back), the steps skipped, the core's refusal, and what a save wrote. Opened from
// Home's card or the reminder's click, from anywhere in the app.

import { journal } from '../journal/journal.svelte';
import { api, toIpcError, type Api } from '../lib/api';
import type { IpcError, ProjectSummary, WeeklyReviewSaved } from '../lib/bindings';
import {
  STEPS,
  anyAnswered,
  blankWeekly,
  firstRefusedStep,
  noneSkipped,
  weeklyInput,
  type Skipped,
  type StepName,
  type WeeklyFields,
} from './weekly';

export type WeeklyApi = Pick<Api, 'weeklyReviewSave' | 'projectList'>;

/** The projects the pickers offer: the newest this many. */
const PICKER_PROJECTS = 200;

export class WeeklyReviewStore {
  isOpen = $state(false);
  /** The step shown: 0..4 are STEPS, STEPS.length is the done screen. */
  step = $state(0);
  fields: WeeklyFields = $state(blankWeekly());
  skipped: Skipped = $state(noneSkipped());
  error: IpcError | null = $state(null);
  busy = $state(false);
  saved: WeeklyReviewSaved | null = $state(null);
  projects: ProjectSummary[] = $state([]);

  readonly #api: WeeklyApi;
  readonly #onsaved: () => void;

  /** `onsaved`: the journal changed (Home and the other screens reload). */
  constructor(source: WeeklyApi, onsaved: () => void) {
    this.#api = source;
    this.#onsaved = onsaved;
  }

  get stepName(): StepName | null {
    return STEPS[this.step] ?? null;
  }

  get done(): boolean {
    return this.saved !== null;
  }

  /** Something typed that closing would throw away. */
  get dirty(): boolean {
    return !this.done && anyAnswered(this.fields);
  }

  /** Active projects, for "what shipped". */
  get activeProjects(): ProjectSummary[] {
    return this.projects.filter((p) => p.status === 'active');
  }

  /** Opens on the first step with nothing typed (an open wizard stays as it is). */
  open(): void {
    if (this.isOpen && !this.done) return;
    this.fields = blankWeekly();
    this.skipped = noneSkipped();
    this.error = null;
    this.saved = null;
    this.step = 0;
    this.isOpen = true;
    void this.#loadProjects();
  }

  close(): void {
    this.isOpen = false;
  }

  async #loadProjects(): Promise<void> {
    try {
      this.projects = (await this.#api.projectList(0, PICKER_PROJECTS, null, 'newest')).projects;
    } catch {
      // The pickers offer a new project only; the rest of the review works.
      this.projects = [];
    }
  }

  /** The step is answered: on to the next one, or save after the last. */
  async next(): Promise<void> {
    const name = this.stepName;
    if (!name) return;
    this.skipped[name] = false;
    if (this.step === STEPS.length - 1) await this.save();
    else this.step += 1;
  }

  /** "Skip" / "Nothing this week": the step writes nothing; its answers stay for Back. */
  async skip(): Promise<void> {
    const name = this.stepName;
    if (!name) return;
    this.skipped[name] = true;
    if (this.step === STEPS.length - 1) await this.save();
    else this.step += 1;
  }

  back(): void {
    if (this.step > 0 && !this.done) this.step -= 1;
  }

  /** A step dot: any step before the done screen. */
  goTo(step: number): void {
    if (!this.done && step >= 0 && step < STEPS.length) this.step = step;
  }

  async save(): Promise<void> {
    if (this.busy) return;
    const input = weeklyInput(this.fields, this.skipped);
    if (!input.ok) {
      this.#refused(input.error);
      return;
    }
    this.busy = true;
    try {
      this.saved = await this.#api.weeklyReviewSave(input.value);
      this.error = null;
      this.step = STEPS.length;
      this.#onsaved();
    } catch (e) {
      this.#refused(toIpcError(e));
    } finally {
      this.busy = false;
    }
  }

  /** Shows the refusal by its fields, on the first step that has one. */
  #refused(error: IpcError): void {
    this.error = error;
    const step = firstRefusedStep(error);
    if (step !== null) this.step = step;
  }
}

export const weekly = new WeeklyReviewStore(api, () => journal.external());
