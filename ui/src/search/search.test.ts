import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit, SearchPage } from '../lib/bindings';
import { DEBOUNCE_MS, SearchPalette } from './search.svelte';

const list = (...titles: string[]): SearchHit[] =>
  titles.map((title, i) => ({ id: i + 1, kind: 'project', project_id: i + 1, project_title: title, title, snippet: [] }));
const hits = (...titles: string[]): SearchPage => ({ hits: list(...titles), offset: 0, total: titles.length, more: 0 });

describe('SearchPalette', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks once typing pauses, with the last text', async () => {
    const search = vi.fn(async (query: string) => hits(query));
    const palette = new SearchPalette(search);
    palette.open();
    palette.setQuery('k');
    palette.setQuery('ka');
    palette.setQuery('kaf');
    expect(palette.status).toBe('searching');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 1);
    expect(search).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith('kaf', 0, expect.any(Number));
    expect(palette.status).toBe('done');
    expect(palette.hits.map((h) => h.title)).toEqual(['kaf']);
    expect(palette.selected).toBe(0);
    expect(palette.answers).toBe(1);
  });

  it('shows only the newest answer when an older one comes late', async () => {
    const answers: ((h: SearchPage) => void)[] = [];
    const palette = new SearchPalette(() => new Promise((resolve) => answers.push(resolve)));
    palette.setQuery('old');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    palette.setQuery('new');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    answers[1]?.(hits('new'));
    await vi.advanceTimersByTimeAsync(0);
    answers[0]?.(hits('old'));
    await vi.advanceTimersByTimeAsync(0);
    expect(palette.hits.map((h) => h.title)).toEqual(['new']);
    // The stale answer is not counted as drawn.
    expect(palette.answers).toBe(1);
  });

  it('does not search blank text, and clears the results', async () => {
    const search = vi.fn(async () => hits('a'));
    const palette = new SearchPalette(search);
    palette.setQuery('a');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    palette.setQuery('   ');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(search).toHaveBeenCalledTimes(1);
    expect(palette.hits).toEqual([]);
    expect(palette.status).toBe('idle');
    // The cleared box counts as an answer drawn, for the probe.
    expect(palette.answers).toBe(2);
  });

  it('moves the selection with wrap-around and knows the current hit', async () => {
    const palette = new SearchPalette(async () => hits('a', 'b', 'c'));
    palette.setQuery('x');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    palette.move(1);
    expect(palette.current?.title).toBe('b');
    palette.move(1);
    palette.move(1);
    expect(palette.current?.title).toBe('a');
    palette.move(-1);
    expect(palette.current?.title).toBe('c');
  });

  it('keeps a failed search as an error, not as "no results"', async () => {
    const palette = new SearchPalette(() => Promise.reject({ kind: 'storage', message: 'disk', field: null, errors: [] }));
    palette.setQuery('x');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(palette.status).toBe('error');
    expect(palette.error?.message).toBe('disk');
  });

  it('forgets a pending search when closed', async () => {
    const search = vi.fn(async () => hits('a'));
    const palette = new SearchPalette(search);
    palette.open();
    palette.setQuery('a');
    palette.close();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 2);
    expect(search).not.toHaveBeenCalled();
    expect(palette.isOpen).toBe(false);
    expect(palette.query).toBe('');
  });

  it('adds the next page below with "More results", from where the shown hits end', async () => {
    const metric = (id: number): SearchHit => ({
      id,
      kind: 'metric',
      project_id: 100 + id,
      project_title: `Project ${id}`,
      title: 'p99 latency',
      snippet: [],
    });
    const search = vi.fn(async (_q: string, offset: number, limit: number): Promise<SearchPage> => {
      const all = Array.from({ length: 45 }, (_, i) => metric(i + 1));
      const hits = all.slice(offset, offset + limit);
      return { hits, offset, total: all.length, more: all.length - offset - hits.length };
    });
    const palette = new SearchPalette(search);
    palette.setQuery('latency');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(palette.hits).toHaveLength(20);
    expect([palette.total, palette.more]).toEqual([45, 25]);
    await palette.loadMore();
    expect(search).toHaveBeenLastCalledWith('latency', 20, 20);
    expect(palette.hits).toHaveLength(40);
    expect(palette.selected).toBe(20);
    await palette.loadMore();
    expect(palette.hits).toHaveLength(45);
    expect(palette.more).toBe(0);
    await palette.loadMore();
    expect(search).toHaveBeenCalledTimes(3);
  });

  it('drops a late page when the query changed meanwhile', async () => {
    let release: (p: SearchPage) => void = () => {};
    let calls = 0;
    const palette = new SearchPalette(async (q, offset) => {
      calls += 1;
      if (calls === 2) return new Promise<SearchPage>((resolve) => (release = resolve));
      return { hits: list(q), offset, total: 5, more: 4 };
    });
    palette.setQuery('a');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    const pending = palette.loadMore();
    palette.setQuery('b');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    release({ hits: list('late'), offset: 1, total: 5, more: 3 });
    await pending;
    expect(palette.hits.map((h) => h.title)).toEqual(['b']);
    expect(palette.loadingMore).toBe(false);
  });
});
