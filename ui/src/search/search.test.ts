import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit, SearchPage } from '../lib/bindings';
import { ONE_LETTER_PAUSE_MS, SearchPalette } from './search.svelte';

const list = (...titles: string[]): SearchHit[] =>
  titles.map((title, i) => ({ id: i + 1, kind: 'project', project_id: i + 1, project_title: title, title, snippet: [] }));
const hits = (...titles: string[]): SearchPage => ({ hits: list(...titles), offset: 0, total: titles.length, more: 0, capped: false });

describe('SearchPalette', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks at once, then only for the newest text once the search on its way answers', async () => {
    const answers: ((h: SearchPage) => void)[] = [];
    const search = vi.fn((query: string) => new Promise<SearchPage>((resolve) => answers.push(() => resolve(hits(query)))));
    const palette = new SearchPalette(search);
    palette.open();
    palette.setQuery('ka');
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenLastCalledWith('ka', 0, expect.any(Number));
    palette.setQuery('kaf');
    palette.setQuery('kafk');
    expect(palette.status).toBe('searching');
    // One search at a time: the typing waits for the one on its way.
    expect(search).toHaveBeenCalledTimes(1);
    answers[0]?.(hits());
    await vi.advanceTimersByTimeAsync(0);
    // Its answer is stale and not shown; the newest text is asked for next, the one between never.
    expect(palette.hits).toEqual([]);
    expect(palette.answers).toBe(0);
    expect(search).toHaveBeenCalledTimes(2);
    expect(search).toHaveBeenLastCalledWith('kafk', 0, expect.any(Number));
    answers[1]?.(hits());
    await vi.advanceTimersByTimeAsync(0);
    expect(palette.status).toBe('done');
    expect(palette.hits.map((h) => h.title)).toEqual(['kafk']);
    expect(palette.selected).toBe(0);
    expect(palette.answers).toBe(1);
  });

  it('answers each keystroke without waiting for a pause when the search is quick', async () => {
    const search = vi.fn(async (query: string) => hits(query));
    const palette = new SearchPalette(search);
    palette.setQuery('la');
    await vi.advanceTimersByTimeAsync(0);
    expect(palette.hits.map((h) => h.title)).toEqual(['la']);
    palette.setQuery('lat');
    await vi.advanceTimersByTimeAsync(0);
    expect(palette.hits.map((h) => h.title)).toEqual(['lat']);
    expect(search).toHaveBeenCalledTimes(2);
    expect(palette.answers).toBe(2);
  });

  it('asks for a lone letter only once typing pauses, so a word typed on skips it', async () => {
    const search = vi.fn(async (query: string) => hits(query));
    const palette = new SearchPalette(search);
    palette.setQuery('l');
    await vi.advanceTimersByTimeAsync(ONE_LETTER_PAUSE_MS - 1);
    expect(search).not.toHaveBeenCalled();
    palette.setQuery('la');
    await vi.advanceTimersByTimeAsync(ONE_LETTER_PAUSE_MS);
    expect(search.mock.calls.map(([q]) => q)).toEqual(['la']);
    // Back to one letter, then a pause: it is asked for.
    palette.setQuery('l');
    await vi.advanceTimersByTimeAsync(ONE_LETTER_PAUSE_MS);
    expect(search.mock.calls.map(([q]) => q)).toEqual(['la', 'l']);
    expect(palette.hits.map((h) => h.title)).toEqual(['l']);
    // A lone letter waiting when the palette closes is never asked for.
    palette.setQuery('m');
    palette.close();
    await vi.advanceTimersByTimeAsync(ONE_LETTER_PAUSE_MS);
    expect(search).toHaveBeenCalledTimes(2);
  });

  it('stops asking when closed while a search is on its way', async () => {
    let release: (p: SearchPage) => void = () => {};
    const search = vi.fn(() => new Promise<SearchPage>((resolve) => (release = resolve)));
    const palette = new SearchPalette(search);
    palette.open();
    palette.setQuery('a');
    palette.setQuery('ab');
    palette.close();
    release(hits('a'));
    await vi.advanceTimersByTimeAsync(ONE_LETTER_PAUSE_MS);
    expect(search).toHaveBeenCalledTimes(1);
    expect(palette.hits).toEqual([]);
    expect(palette.status).toBe('idle');
  });

  it('does not search blank text, and clears the results', async () => {
    const search = vi.fn(async () => hits('a'));
    const palette = new SearchPalette(search);
    palette.setQuery('a');
    await vi.advanceTimersByTimeAsync(ONE_LETTER_PAUSE_MS);
    palette.setQuery('   ');
    await vi.advanceTimersByTimeAsync(ONE_LETTER_PAUSE_MS);
    expect(search).toHaveBeenCalledTimes(1);
    expect(palette.hits).toEqual([]);
    expect(palette.status).toBe('idle');
    // The cleared box counts as an answer drawn, for the probe.
    expect(palette.answers).toBe(2);
  });

  it('moves the selection with wrap-around and knows the current hit', async () => {
    const palette = new SearchPalette(async () => hits('a', 'b', 'c'));
    palette.setQuery('x');
    await vi.advanceTimersByTimeAsync(ONE_LETTER_PAUSE_MS);
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
    await vi.advanceTimersByTimeAsync(ONE_LETTER_PAUSE_MS);
    expect(palette.status).toBe('error');
    expect(palette.error?.message).toBe('disk');
  });

  it('drops the answer of a search asked for before the palette closed', async () => {
    const search = vi.fn(async () => hits('a'));
    const palette = new SearchPalette(search);
    palette.open();
    palette.setQuery('a');
    palette.close();
    await vi.advanceTimersByTimeAsync(ONE_LETTER_PAUSE_MS);
    expect(palette.hits).toEqual([]);
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
      return { hits, offset, total: all.length, more: all.length - offset - hits.length, capped: false };
    });
    const palette = new SearchPalette(search);
    palette.setQuery('latency');
    await vi.advanceTimersByTimeAsync(ONE_LETTER_PAUSE_MS);
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
      return { hits: list(q), offset, total: 5, more: 4, capped: false };
    });
    palette.setQuery('a');
    await vi.advanceTimersByTimeAsync(ONE_LETTER_PAUSE_MS);
    const pending = palette.loadMore();
    palette.setQuery('b');
    await vi.advanceTimersByTimeAsync(ONE_LETTER_PAUSE_MS);
    release({ hits: list('late'), offset: 1, total: 5, more: 3, capped: true });
    await pending;
    expect(palette.hits.map((h) => h.title)).toEqual(['b']);
    expect(palette.capped).toBe(false);
    expect(palette.loadingMore).toBe(false);
  });

  it('says when more entries match than the core ranks, until the next query', async () => {
    const palette = new SearchPalette(async (q, offset) =>
      q === 'team' ? { hits: list('Team retro'), offset, total: 1000, more: 999, capped: true } : hits('Retro'),
    );
    palette.setQuery('team');
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(palette.capped).toBe(true));
    palette.setQuery('retro');
    await vi.waitFor(() => expect(palette.status).toBe('done'));
    expect(palette.capped).toBe(false);
  });
});
