// The search palette's state: open or not, the query, the results as they arrive and the
// selected one. Typing waits a moment before asking, and only the newest answer is shown.

import { api, toIpcError } from '../lib/api';
import type { IpcError, SearchHit } from '../lib/bindings';
import { Latest, type Ticket } from '../lib/latest';
import { moveSelection } from './palette';

export const DEBOUNCE_MS = 120;
export const RESULT_LIMIT = 20;

export type SearchStatus = 'idle' | 'searching' | 'done' | 'error';

/** The first `limit` hits for a query, best first. */
export type HitSource = (query: string, limit: number) => Promise<SearchHit[]>;

export class SearchPalette {
  isOpen = $state(false);
  query = $state('');
  hits: SearchHit[] = $state([]);
  selected = $state(-1);
  status: SearchStatus = $state('idle');
  error: IpcError | null = $state(null);

  readonly #search: HitSource;
  readonly #delay: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #replies = new Latest();

  constructor(search: HitSource, delay = DEBOUNCE_MS) {
    this.#search = search;
    this.#delay = delay;
  }

  /** Opens afresh: an empty query, no results. */
  open(): void {
    this.#reset('');
    this.isOpen = true;
  }

  close(): void {
    this.#reset('');
    this.isOpen = false;
  }

  /** Takes what is typed; asks once typing pauses. */
  setQuery(query: string): void {
    this.query = query;
    this.#cancel();
    if (query.trim() === '') {
      this.#reset(query);
      return;
    }
    this.status = 'searching';
    const current = this.#replies.begin();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#run(query, current);
    }, this.#delay);
  }

  move(step: number): void {
    this.selected = moveSelection(this.selected, this.hits.length, step);
  }

  select(index: number): void {
    if (index >= 0 && index < this.hits.length) this.selected = index;
  }

  get current(): SearchHit | null {
    return this.hits[this.selected] ?? null;
  }

  async #run(query: string, current: Ticket): Promise<void> {
    try {
      const hits = await this.#search(query, RESULT_LIMIT);
      if (!current()) return;
      this.hits = hits;
      this.selected = hits.length ? 0 : -1;
      this.status = 'done';
      this.error = null;
    } catch (e) {
      if (!current()) return;
      this.hits = [];
      this.selected = -1;
      this.status = 'error';
      this.error = toIpcError(e);
    }
  }

  #reset(query: string): void {
    this.#cancel();
    this.#replies.invalidate();
    this.query = query;
    this.hits = [];
    this.selected = -1;
    this.status = 'idle';
    this.error = null;
  }

  #cancel(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}

export const palette = new SearchPalette(async (query, limit) => (await api.search(query, limit)).hits);
