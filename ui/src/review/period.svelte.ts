// The period review view's state: which kind of period and which one, its summary from the
// journal, the reflection being typed, and the review just saved.

import { journal } from '../journal/journal.svelte';
import { api, toIpcError, type Api } from '../lib/api';
import type { IpcError, PeriodSummary, Review } from '../lib/bindings';
import { Latest, type LoadStatus } from '../lib/latest';
import { blankReflection, neighbour, reviewInput, type Reflection, type ReviewedKind } from './period';

export type PeriodApi = Pick<Api, 'periodSummary' | 'reviewSave'>;

export class PeriodReviewStore {
  isOpen = $state(false);
  kind: ReviewedKind = $state('quarter');
  /** A day in the period shown; null is the one around today. */
  date: string | null = $state(null);
  summary: PeriodSummary | null = $state(null);
  status: LoadStatus = $state('loading');
  error: IpcError | null = $state(null);
  reflection: Reflection = $state(blankReflection());
  saveError: IpcError | null = $state(null);
  saving = $state(false);
  /** The review saved from this view, for its confirmation. */
  saved: Review | null = $state(null);

  readonly #api: PeriodApi;
  readonly #onsaved: () => void;
  readonly #reads = new Latest();

  constructor(source: PeriodApi, onsaved: () => void) {
    this.#api = source;
    this.#onsaved = onsaved;
  }

  /** Opens the view on the period of `kind` around `date` (today's when null). */
  open(kind: ReviewedKind = 'quarter', date: string | null = null): void {
    this.isOpen = true;
    this.kind = kind;
    this.date = date;
    this.#fresh();
    void this.load();
  }

  /** Back to Home; false when the view was not open. */
  close(): boolean {
    if (!this.isOpen) return false;
    this.isOpen = false;
    return true;
  }

  setKind(kind: ReviewedKind): void {
    if (kind === this.kind) return;
    this.kind = kind;
    // The same moment seen as a half or a year: the period around the day shown.
    this.date = this.summary ? this.summary.period.starts_on : this.date;
    this.#fresh();
    void this.load();
  }

  /** The period before (-1) or after (+1) the one shown. */
  step(direction: -1 | 1): void {
    if (!this.summary) return;
    this.date = neighbour(this.summary.period, direction);
    this.#fresh();
    void this.load();
  }

  load(): Promise<void> {
    this.status = 'loading';
    return this.#reads.read(
      () => this.#api.periodSummary(this.kind, this.date),
      (summary) => {
        this.summary = summary;
        this.status = 'ready';
        this.error = null;
      },
      (e) => {
        this.error = e;
        this.status = 'error';
      },
    );
  }

  async save(): Promise<void> {
    const summary = this.summary;
    if (!summary || this.saving) return;
    this.saving = true;
    try {
      this.saved = await this.#api.reviewSave(null, reviewInput(summary, this.reflection));
      this.saveError = null;
      this.reflection = blankReflection();
      this.#onsaved();
      await this.load();
    } catch (e) {
      this.saveError = toIpcError(e);
    } finally {
      this.saving = false;
    }
  }

  #fresh(): void {
    this.reflection = blankReflection();
    this.saveError = null;
    this.saved = null;
  }
}

export const periodReview = new PeriodReviewStore(api, () => journal.external());
