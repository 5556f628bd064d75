import { describe, expect, it, vi } from 'vitest';
import type { QuestionCoverage, QuestionSummary, Story, StoryDetail, TrashItem } from '../lib/bindings';
import { Toaster } from '../lib/toast.svelte';
import { story as storyFixture } from './fixtures';
import { StoriesStore, type StoriesApi } from './stories.svelte';

function story(id: number, questions: string[] = []): Story {
  return storyFixture(id, { questions });
}

/** A story bank in memory, with a trash, behind the API's shape. */
function fakeBank(count: number) {
  let stories = Array.from({ length: count }, (_, i) => story(count - i, i === 0 ? ['how-do-you-mentor-engineers'] : []));
  const rehearsals: StoryDetail['rehearsals'] = [];
  const trash: { item: TrashItem; story: Story }[] = [];
  const source = {
    storyList: vi.fn(async () => stories),
    storyGet: vi.fn(async (id: number): Promise<StoryDetail> => {
      const found = stories.find((s) => s.id === id);
      if (!found) throw { kind: 'not_found', message: `no story ${id}`, field: null, errors: [] };
      return { ...found, rehearsals: rehearsals.filter((r) => r.story_id === id) };
    }),
    storySave: vi.fn(async (id: number | null, input: Partial<Story>) => {
      if (!input.title?.trim()) throw { kind: 'invalid', message: 'cannot be empty', field: 'title', errors: [{ field: 'title', message: 'cannot be empty' }] };
      const saved = { ...story(id ?? 100), ...input };
      stories = [saved, ...stories.filter((s) => s.id !== saved.id)];
      return saved;
    }),
    rehearsalSave: vi.fn(async (input: { story_id: number; total_ms: number; section_ms: number[] }) => {
      const r = {
        id: 500 + rehearsals.length,
        uuid: 'r',
        story_id: input.story_id,
        started_at: '2024-03-05T18:40:00.000Z',
        total_ms: input.total_ms,
        section_ms: input.section_ms,
        rating: null,
        note: null,
        target_seconds: 120,
        over_target: false,
      };
      rehearsals.push(r);
      return r;
    }),
    storyFollowUps: vi.fn(async () => ['How was it measured?']),
    questionList: vi.fn(async (): Promise<QuestionSummary[]> => []),
    questionCoverage: vi.fn(
      async (slugs: string[]): Promise<QuestionCoverage[]> =>
        slugs.map((question) => ({ question, stories: [], rehearsed: false })),
    ),
    entryDelete: vi.fn(async (id: number): Promise<TrashItem> => {
      const found = stories.find((s) => s.id === id);
      if (!found) throw { kind: 'not_found', message: `no entry ${id}`, field: null, errors: [] };
      stories = stories.filter((s) => s.id !== id);
      const item: TrashItem = { id: 900 + id, kind: 'story', entry_id: id, title: found.title, deleted_at: '', children: 0 };
      trash.push({ item, story: found });
      return item;
    }),
    trashRestore: vi.fn(async (trashId: number): Promise<TrashItem> => {
      const found = trash.find((t) => t.item.id === trashId);
      if (!found) throw { kind: 'not_found', message: 'gone', field: null, errors: [] };
      stories = [...stories, found.story];
      return found.item;
    }),
  };
  return source as unknown as StoriesApi & typeof source;
}

describe('StoriesStore', () => {
  it('loads the bank', async () => {
    const store = new StoriesStore(fakeBank(3), new Toaster());
    expect(store.listStatus).toBe('loading');
    await store.loadList();
    expect(store.listStatus).toBe('ready');
    expect(store.stories.map((s) => s.id)).toEqual([3, 2, 1]);
  });

  it('moves between views and back up one level at a time', async () => {
    const store = new StoriesStore(fakeBank(2), new Toaster());
    store.openStory(2);
    store.rehearse(2);
    expect(store.view).toEqual({ name: 'rehearse', id: 2 });
    expect(store.back()).toBe(true);
    expect(store.view).toEqual({ name: 'story', id: 2 });
    store.edit(null);
    expect(store.back()).toBe(true);
    expect(store.view).toEqual({ name: 'bank' });
    expect(store.back()).toBe(false);
    store.showCoverage();
    expect(store.back()).toBe(true);
    expect(store.view).toEqual({ name: 'bank' });
  });

  it('keeps only the answer of the latest load', async () => {
    const source = fakeBank(2);
    const store = new StoriesStore(source, new Toaster());
    const first = store.loadStory(1);
    const second = store.loadStory(2);
    await Promise.all([first, second]);
    expect(store.detail?.id).toBe(2);
  });

  it('shows why a story could not be loaded', async () => {
    const store = new StoriesStore(fakeBank(1), new Toaster());
    store.openStory(42);
    await vi.waitFor(() => expect(store.detailStatus).toBe('error'));
    expect(store.error?.kind).toBe('not_found');
  });

  it('saves a story and opens it; a refusal rejects with the field', async () => {
    const source = fakeBank(1);
    const store = new StoriesStore(source, new Toaster());
    await expect(store.save(null, { ...story(0), title: ' ' })).rejects.toMatchObject({ field: 'title' });
    expect(store.revision).toBe(0);
    const saved = await store.save(null, { ...story(0), title: 'New one' });
    expect(store.view).toEqual({ name: 'story', id: saved.id });
    expect(store.revision).toBe(1);
  });

  it('records a rehearsal and reloads the story with it', async () => {
    const source = fakeBank(1);
    const store = new StoriesStore(source, new Toaster());
    await store.loadStory(1);
    await store.saveRehearsal({
      story_id: 1,
      started_at: null,
      total_ms: 4000,
      section_ms: [1000, 1000, 1000, 1000],
      rating: 4,
      note: null,
      target_seconds: null,
    });
    expect(store.detail?.rehearsals).toHaveLength(1);
    expect(await store.followUps(1)).toEqual(['How was it measured?']);
  });

  it('gives no follow-ups rather than failing', async () => {
    const source = fakeBank(1);
    source.storyFollowUps.mockRejectedValueOnce({ kind: 'not_found', message: 'gone', field: null, errors: [] });
    const store = new StoriesStore(source, new Toaster());
    expect(await store.followUps(9)).toEqual([]);
  });

  it('deletes a story with Undo in a toast, and Undo brings it back', async () => {
    const source = fakeBank(2);
    const toasts = new Toaster();
    const store = new StoriesStore(source, toasts);
    store.openStory(2);
    await store.loadStory(2);
    await store.remove(2);
    expect(store.view).toEqual({ name: 'bank' });
    await vi.waitFor(() => expect(store.stories.map((s) => s.id)).toEqual([1]));
    expect(toasts.current?.text).toBe('Deleted “Story 2”');
    expect(toasts.current?.action?.label).toBe('Undo');
    await toasts.act();
    expect(source.trashRestore).toHaveBeenCalledWith(902);
    expect(store.stories.map((s) => s.id).sort()).toEqual([1, 2]);
  });

  it('says so when a delete fails', async () => {
    const toasts = new Toaster();
    const store = new StoriesStore(fakeBank(1), toasts);
    expect(await store.remove(77)).toBeNull();
    expect(toasts.current?.text).toBe('Could not delete. No entry 77.');
  });

  it('covers the guides’ questions and the ones stories link', async () => {
    const source = fakeBank(2);
    source.questionList.mockResolvedValueOnce([
      {
        slug: 'tell-me-about-your-leadership-experience',
        title: 'Tell me about your leadership experience',
        framework: 'star',
        skills: [],
      },
    ]);
    const store = new StoriesStore(source, new Toaster());
    store.showCoverage();
    await vi.waitFor(() => expect(store.coverageStatus).toBe('ready'));
    expect(source.questionCoverage).toHaveBeenCalledWith([
      'tell-me-about-your-leadership-experience',
      'how-do-you-mentor-engineers',
    ]);
    expect(store.questions[1]?.title).toBe('How do you mentor engineers');
  });

  it('still covers linked questions when the question list fails', async () => {
    const source = fakeBank(1);
    source.questionList.mockRejectedValueOnce(new Error('no list'));
    const store = new StoriesStore(source, new Toaster());
    await store.loadCoverage();
    expect(store.coverageStatus).toBe('ready');
    expect(store.questions.map((q) => q.slug)).toEqual(['how-do-you-mentor-engineers']);
  });

  it('finds the feedback given to each person in the journal, for the editor to link', async () => {
    const given = (id: number, direction: 'given' | 'received') => ({ id, direction, source: 'Bram Okafor', date: '2026-11-02' });
    const pages: Record<number, { feedback: ReturnType<typeof given>[] }> = {
      1: { feedback: [given(10, 'given'), given(11, 'received')] },
      2: { feedback: [given(12, 'given')] },
    };
    const source = {
      ...fakeBank(0),
      personList: vi.fn(async () => ({ people: [{ id: 1 }, { id: 2 }], total: 2 })),
      personPage: vi.fn(async (id: number) => pages[id]),
    } as unknown as StoriesApi;
    const store = new StoriesStore(source, new Toaster());
    expect((await store.givenFeedback()).map((f) => f.id)).toEqual([10, 12]);
  });
});
