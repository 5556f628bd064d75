// The search palette's state: open or not, the query, the results as they arrive and the
// selected one. Typing asks at once; while a search is on its way, further typing waits for
// it and then asks only for the newest text, so at most one search runs and only the newest
// answer is shown. A lone first letter waits for a pause in the typing. "More results" asks
// for the next page and adds it below.

import { api, toIpcError } from '../lib/api';
import type { IpcError, SearchHit, SearchPage } from '../lib/bindings';
import { Latest, type Ticket } from '../lib/latest';
import { moveSelection } from './palette';

export const RESULT_LIMIT = 20;
/**
 * A lone letter matches most of a large journal and is the costliest search to rank (seconds
 * at a million entries), so it is asked for only once typing pauses this long: a word typed
 * on never waits for its first letter's answer.
 */
export const ONE_LETTER_PAUSE_MS = 150;

export type SearchStatus = 'idle' | 'searching' | 'done' | 'error';

/** One page of hits for `query` from `offset`. */
export type SearchFn = (query: string, offset: number, limit: number) => Promise<SearchPage>;

export class SearchPalette {
  isOpen = $state(false);
  query = $state('');
  hits: SearchHit[] = $state([]);
  selected = $state(-1);
  status: SearchStatus = $state('idle');
  error: IpcError | null = $state(null);
  /** How many entries match in all (the hits shown are the first of them). */
  total = $state(0);
  /** More entries match than the core ranks (`total` of them, the ones added last). */
  capped = $state(false);
  /** How many matches are not shown yet. */
  more = $state(0);
  /** The next page is being asked for. */
  loadingMore = $state(false);
  /**
   * Counts the times what is shown was settled for the text typed: an answer shown, a failure,
   * or blank text cleared. The palette tells the responsiveness probe when it moves.
   */
  answers = $state(0);

  readonly #search: SearchFn;
  readonly #replies = new Latest();
  /** A first-page search is on its way. */
  #asking = false;
  /** A lone letter waiting for the pause. */
  #pause: ReturnType<typeof setTimeout> | null = null;

  constructor(search: SearchFn) {
    this.#search = search;
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

  /**
   * Takes what is typed and asks at once (a lone letter after a pause), or, while a search is
   * on its way, right after it.
   */
  setQuery(query: string): void {
    this.#cancelPause();
    if (query.trim() === '') {
      this.#reset(query);
      this.answers += 1;
      return;
    }
    this.query = query;
    this.status = 'searching';
    this.loadingMore = false;
    const current = this.#replies.begin();
    if (this.#asking) return;
    if ([...query.trim()].length === 1) {
      this.#pause = setTimeout(() => {
        this.#pause = null;
        void this.#run(query, current);
      }, ONE_LETTER_PAUSE_MS);
    } else {
      void this.#run(query, current);
    }
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

  /** Adds the next page of hits below those shown; the selection moves to its first hit. */
  async loadMore(): Promise<void> {
    if (this.more === 0 || this.loadingMore || this.status !== 'done') return;
    const query = this.query;
    const current = this.#replies.begin();
    this.loadingMore = true;
    try {
      const page = await this.#search(query, this.hits.length, RESULT_LIMIT);
      if (!current()) return;
      const first = this.hits.length;
      const known = new Set(this.hits.map((h) => h.id));
      this.hits = [...this.hits, ...page.hits.filter((h) => !known.has(h.id))];
      this.total = page.total;
      this.capped = page.capped;
      this.more = page.more;
      if (this.hits.length > first) this.selected = first;
    } catch (e) {
      if (!current()) return;
      this.status = 'error';
      this.error = toIpcError(e);
    } finally {
      if (current()) this.loadingMore = false;
    }
  }

  async #run(query: string, current: Ticket): Promise<void> {
    this.#asking = true;
    let page: SearchPage | null = null;
    let failure: unknown = null;
    try {
      page = await this.#search(query, 0, RESULT_LIMIT);
    } catch (e) {
      failure = e;
    } finally {
      this.#asking = false;
    }
    if (!current()) {
      // Typed on meanwhile (or closed): the answer is stale; ask for what the box holds now.
      if (this.status === 'searching') void this.#run(this.query, this.#replies.current());
      return;
    }
    if (page) {
      this.hits = page.hits;
      this.total = page.total;
      this.capped = page.capped;
      this.more = page.more;
      this.selected = page.hits.length ? 0 : -1;
      this.status = 'done';
      this.error = null;
    } else {
      this.hits = [];
      this.total = 0;
      this.capped = false;
      this.more = 0;
      this.selected = -1;
      this.status = 'error';
      this.error = toIpcError(failure);
    }
    this.answers += 1;
  }

  #reset(query: string): void {
    this.#cancelPause();
    this.#replies.invalidate();
    this.query = query;
    this.hits = [];
    this.total = 0;
    this.capped = false;
    this.more = 0;
    this.loadingMore = false;
    this.selected = -1;
    this.status = 'idle';
    this.error = null;
  }

  #cancelPause(): void {
    if (this.#pause !== null) clearTimeout(this.#pause);
    this.#pause = null;
  }
}

export const palette = new SearchPalette((query, offset, limit) => api.search(query, offset, limit));
