import { describe, expect, it, vi } from 'vitest';
import type { Checklist, Guide, GuideSummary, Step } from '../lib/bindings';
import { GuidesStore, titleOfSlug, type GuidesApi } from './guides.svelte';

function summary(slug: string): GuideSummary {
  return { slug, title: titleOfSlug(slug), summary: '', skills: ['mentoring'], checklist_items: 2, has_tree: slug === 'leader' };
}

function guide(slug: string): Guide {
  return {
    slug,
    title: titleOfSlug(slug),
    summary: '',
    questions: [],
    skills: [],
    related: [],
    checklist: [
      { id: 'one', text: 'One', due_days: 3, section: 'Now', evidence: null },
      { id: 'two', text: 'Two', due_days: null, section: 'Now', evidence: null },
    ],
    stages: [],
    tree:
      slug === 'leader'
        ? { start: 'q', nodes: [{ id: 'q', question: 'Q?', answers: [{ label: 'A', next: null, path: 'p' }] }], paths: [] }
        : null,
    html: '',
    toc: [],
  };
}

/** Two guides behind the API's shape; `leader` has a started checklist with a due item. */
function fake() {
  const checked: Record<string, Set<string>> = { leader: new Set() };
  const checklist = (slug: string): Checklist => {
    checked[slug] ??= new Set();
    const done = checked[slug];
    return {
      guide: slug,
      title: titleOfSlug(slug),
      cycle: { id: 1, guide: slug, number: 1, started_on: '2026-11-20', closed_on: null, checked: done.size },
      items: guide(slug).checklist.map((i) => ({
        id: i.id,
        text: i.text,
        section: i.section,
        checked: done.has(i.id),
        checked_at: done.has(i.id) ? '2026-11-25T09:00:00Z' : null,
        due: i.due_days ? '2026-11-23' : null,
        due_days: i.due_days,
        overdue: i.due_days !== null && !done.has(i.id),
        suggested: null,
      })),
      done: done.size,
      total: 2,
      suggested: 0,
      history: [],
    };
  };
  const source: GuidesApi = {
    guideList: vi.fn(async () => [summary('leader'), summary('lead')]),
    guideGet: vi.fn(async (slug: string) => guide(slug)),
    questionList: vi.fn(async () => [{ slug: 'q1', title: 'Q1?', framework: 'star' as const, skills: [] }]),
    questionGet: vi.fn(async (slug: string) => ({
      slug,
      title: 'Q1?',
      skills: [],
      guides: [],
      looking_for: [],
      follow_ups: [],
      framework: 'star' as const,
      html: '',
      toc: [],
    })),
    skillGet: vi.fn(async (slug: string) => ({ slug, title: 'Mentoring', summary: '', questions: [], guides: [], html: '', toc: [] })),
    treeWalk: vi.fn(async (_slug: string, answers: number[]): Promise<Step> =>
      answers.length
        ? { step: 'path', answered: 1, path: { id: 'p', title: 'P', summary: '', guide: 'lead' } }
        : { step: 'question', answered: 0, node: guide('leader').tree!.nodes[0]! },
    ),
    checklistGet: vi.fn(async (slug: string) => checklist(slug)),
    checklistSet: vi.fn(async (slug: string, item: string, on: boolean) => {
      checked[slug] ??= new Set();
      if (on) checked[slug].add(item);
      else checked[slug].delete(item);
      return checklist(slug);
    }),
    checklistNewCycle: vi.fn(async (slug: string) => checklist(slug)),
    dueItems: vi.fn(async () =>
      Object.keys(checked).flatMap((slug) =>
        checklist(slug)
          .items.filter((i) => i.due && !i.checked)
          .map((i) => ({ guide: slug, guide_title: '', cycle: 1, item: i.id, text: i.text, due: i.due!, overdue: i.overdue })),
      ),
    ),
    readinessGet: vi.fn(async () => ({ stages: [], current_stage: null, band: null })),
    exportIcs: vi.fn(async () => '/home/me/career-log.ics'),
    questionCoverage: vi.fn(async (slugs: string[]) => slugs.map((question) => ({ question, stories: [], rehearsed: false }))),
  };
  return source;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('GuidesStore', () => {
  it('reads the checklists already started, and never starts one from the library', async () => {
    const source = fake();
    const store = new GuidesStore(source, { show: vi.fn() });
    await store.loadLibrary();
    expect(store.libraryStatus).toBe('ready');
    expect(source.checklistGet).toHaveBeenCalledTimes(1);
    expect(source.checklistGet).toHaveBeenCalledWith('leader');
    expect(Object.keys(store.checklists)).toEqual(['leader']);
    expect(store.skills.map((s) => s.title)).toEqual(['Mentoring']);
    expect(store.coverage).toEqual({ q1: 0 });
  });

  it('starts a checklist only when it is opened beside its guide', async () => {
    const source = fake();
    const store = new GuidesStore(source, { show: vi.fn() });
    await store.loadLibrary();
    store.open({ kind: 'guide', slug: 'lead' });
    await settle();
    expect(store.doc?.kind).toBe('guide');
    expect(store.checklist).toBeNull();
    expect(source.checklistGet).not.toHaveBeenCalledWith('lead');
    store.showRail('checklist');
    await settle();
    expect(store.checklist?.guide).toBe('lead');
  });

  it('checks an item and keeps the due list in step', async () => {
    const store = new GuidesStore(fake(), { show: vi.fn() });
    await store.loadLibrary();
    store.open({ kind: 'guide', slug: 'leader' }, { rail: 'checklist' });
    await settle();
    expect(store.due.map((d) => d.item)).toEqual(['one']);
    expect(await store.setChecked('one', true)).toBe(true);
    expect(store.checklist?.items[0]?.checked).toBe(true);
    expect(store.due).toEqual([]);
  });

  it('walks the tree and goes back through the pages opened', async () => {
    const store = new GuidesStore(fake(), { show: vi.fn() });
    await store.loadLibrary();
    store.open({ kind: 'guide', slug: 'leader' });
    await settle();
    expect(store.step?.step).toBe('question');
    await store.answer(0);
    expect(store.step?.step).toBe('path');
    expect(store.walk.trail).toEqual([{ question: 'Q?', answer: 'A' }]);
    await store.treeRestart();
    expect(store.walk.answers).toEqual([]);

    store.open({ kind: 'question', slug: 'q1' });
    await settle();
    expect(store.doc?.kind).toBe('question');
    expect(store.back()).toBe(true);
    expect(store.view).toEqual({ name: 'page', page: { kind: 'guide', slug: 'leader' } });
    expect(store.back()).toBe(true);
    expect(store.view).toEqual({ name: 'library' });
    expect(store.back()).toBe(false);
  });

  it('says where the calendar was saved, and nothing when cancelled', async () => {
    const show = vi.fn();
    const source = fake();
    const store = new GuidesStore(source, { show });
    await store.exportCalendar();
    expect(show).toHaveBeenCalledWith('Saved to /home/me/career-log.ics');
    vi.mocked(source.exportIcs).mockResolvedValueOnce(null);
    show.mockClear();
    await store.exportCalendar();
    expect(show).not.toHaveBeenCalled();
  });

  it('titles a slug it has not loaded', () => {
    expect(titleOfSlug('decision-making')).toBe('Decision making');
  });
});
