import { describe, expect, it, vi } from 'vitest';
import type { InboxPage, Proposal, ScanProgress, ScanReport, Triage } from '../lib/bindings';
import { ipcError } from '../lib/api';
import { Toaster } from '../lib/toast.svelte';
import type { Every } from '../settings/polling';
import { summaryOf } from './describe';
import { InboxStore, PAGE_SIZE, type InboxApi } from './inbox.svelte';
import { inboxKey } from './keys';

function note(id: number, text = `Week ${id}: checkout work`): Proposal {
  return {
    id,
    kind: 'note',
    fields: { project_id: null, date: '2026-11-02', text, tags: [], skills: [] },
    state: 'open',
    source: {
      repository: 'payments-api',
      path: '/src/payments-api',
      web_url: null,
      commits: ['a1b2c3d4e5'],
      first_on: '2026-11-02',
      last_on: '2026-11-06',
      request: null,
      file: null,
      phrase: null,
      link: null,
    },
    told: null,
    project_id: null,
    project_title: null,
    entry_id: null,
    created_at: '',
  };
}

const REPORT: ScanReport = {
  repositories: [],
  skipped: [],
  proposed: { project: 1, note: 2, artifact: 0, metric: 1 },
  already_proposed: 0,
  identities: ['robin@example.com'],
  since: null,
  until: null,
};

/** An inbox of `count` open notes in memory, behind the API's shape. */
function fakeInbox(count: number) {
  let open = Array.from({ length: count }, (_, i) => note(count - i));
  const gone = new Map<number, Proposal>();
  const triage = (ids: number[]): Triage => ({ proposals: ids.map((id) => gone.get(id) ?? note(id)), open: open.length });
  const take = (ids: number[]) => {
    for (const id of ids) {
      const p = open.find((q) => q.id === id);
      if (p) gone.set(id, p);
    }
    open = open.filter((p) => !ids.includes(p.id));
  };
  let progressAsked = 0;
  let finishScan: ((r: ScanReport) => void) | null = null;
  let failScan: ((e: unknown) => void) | null = null;
  const source = {
    inboxPage: vi.fn(async (offset: number, limit: number): Promise<InboxPage> => ({
      proposals: open.slice(offset, offset + limit),
      total: open.length,
    })),
    inboxAccept: vi.fn(async (id: number) => {
      take([id]);
      return triage([id]);
    }),
    inboxAcceptMany: vi.fn(async (ids: number[]) => {
      take(ids);
      return triage(ids);
    }),
    inboxDismiss: vi.fn(async (ids: number[]) => {
      take(ids);
      return triage(ids);
    }),
    inboxMerge: vi.fn(async (ids: number[]) => {
      take(ids);
      const merged = note(1000, 'Merged');
      open = [merged, ...open];
      return { proposals: [merged], open: open.length };
    }),
    inboxUndo: vi.fn(async (ids: number[]) => {
      const back = ids.map((id) => gone.get(id)).filter((p): p is Proposal => !!p);
      open = [...open, ...back].sort((a, b) => b.id - a.id);
      return { proposals: back, open: open.length };
    }),
    captureScan: vi.fn(
      () =>
        new Promise<ScanReport>((resolve, reject) => {
          finishScan = resolve;
          failScan = reject;
        }),
    ),
    captureProgress: vi.fn(async (): Promise<ScanProgress | null> => {
      progressAsked += 1;
      return { repositories_found: 3, repositories_read: 1, commits_read: 1200, current: 'payments-api' };
    }),
    captureCancel: vi.fn(async () => failScan?.(ipcError('cancelled', 'the scan was cancelled'))),
  } satisfies InboxApi;
  return {
    source,
    open: () => open,
    progressAsked: () => progressAsked,
    finish: (r: ScanReport) => finishScan?.(r),
  };
}

/** A clock the test moves by hand: every tick runs when `tick()` is called. */
function manualEvery() {
  const ticks = new Set<() => void>();
  const every: Every = (_ms, tick) => {
    ticks.add(tick);
    return () => ticks.delete(tick);
  };
  return { every, tick: () => ticks.forEach((t) => t()), running: () => ticks.size };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('InboxStore paging', () => {
  it('reads the first page, then the next ones, and knows when all are shown', async () => {
    const fake = fakeInbox(PAGE_SIZE * 2 + 5);
    const inbox = new InboxStore(fake.source, new Toaster(), manualEvery().every);
    await inbox.load();
    expect(inbox.proposals).toHaveLength(PAGE_SIZE);
    expect(inbox.total).toBe(PAGE_SIZE * 2 + 5);
    expect(inbox.focused).toBe(inbox.proposals[0]?.id);
    await inbox.more();
    await inbox.more();
    expect(inbox.proposals).toHaveLength(PAGE_SIZE * 2 + 5);
    expect(inbox.hasMore).toBe(false);
    expect(fake.source.inboxPage).toHaveBeenLastCalledWith(PAGE_SIZE * 2, PAGE_SIZE);
  });

  it('walks down with the keyboard and asks for the next page near the end', async () => {
    const fake = fakeInbox(PAGE_SIZE + 10);
    const inbox = new InboxStore(fake.source, new Toaster(), manualEvery().every);
    await inbox.load();
    inbox.focus(inbox.proposals[PAGE_SIZE - 3]!.id);
    inbox.move(1);
    await flush();
    expect(inbox.proposals).toHaveLength(PAGE_SIZE + 10);
    inbox.move(-1);
    expect(inbox.focused).toBe(inbox.proposals[PAGE_SIZE - 3]!.id);
  });

  it('takes the open count from Home until it reads its own', async () => {
    const inbox = new InboxStore(fakeInbox(3).source, new Toaster(), manualEvery().every);
    inbox.know(7);
    expect(inbox.total).toBe(7);
    await inbox.load();
    inbox.know(9);
    expect(inbox.total).toBe(3);
  });
});

describe('InboxStore triage', () => {
  it('accepts the focused one, moves on to the next, and Undo brings it back', async () => {
    const fake = fakeInbox(3);
    const toaster = new Toaster();
    const changed = vi.fn();
    const inbox = new InboxStore(fake.source, toaster, manualEvery().every, changed);
    await inbox.load();
    expect(await inbox.accept(3)).toBe(true);
    expect(inbox.proposals.map((p) => p.id)).toEqual([2, 1]);
    expect(inbox.focused).toBe(2);
    expect(inbox.total).toBe(2);
    expect(changed).toHaveBeenCalledOnce();
    expect(toaster.current?.text).toBe('Accepted “Week 3: checkout work”');
    expect(toaster.current?.action?.label).toBe('Undo');

    await toaster.act();
    expect(fake.source.inboxUndo).toHaveBeenCalledWith([3]);
    expect(inbox.proposals.map((p) => p.id)).toEqual([3, 2, 1]);
    expect(inbox.total).toBe(3);
    expect(inbox.canUndo).toBe(false);
  });

  it('dismisses and accepts a selection together, and undoes the last of them', async () => {
    const fake = fakeInbox(5);
    const inbox = new InboxStore(fake.source, new Toaster(), manualEvery().every);
    await inbox.load();
    inbox.toggle(5);
    inbox.toggle(3, true);
    expect(inbox.selected.sort()).toEqual([3, 4, 5]);
    expect(await inbox.dismissSelected()).toBe(true);
    expect(fake.source.inboxDismiss).toHaveBeenCalledWith([5, 4, 3]);
    expect(inbox.selected).toEqual([]);
    expect(inbox.total).toBe(2);
    expect(await inbox.undo()).toBe(true);
    expect(fake.source.inboxUndo).toHaveBeenCalledWith([5, 4, 3]);
    expect(inbox.total).toBe(5);
  });

  it('merges two notes into the one the core made, and keeps a refusal beside its proposal', async () => {
    const fake = fakeInbox(3);
    const inbox = new InboxStore(fake.source, new Toaster(), manualEvery().every);
    await inbox.load();
    inbox.toggle(2);
    expect(inbox.canMerge).toBe(false);
    inbox.toggle(1);
    expect(inbox.canMerge).toBe(true);
    await inbox.mergeSelected();
    expect(inbox.proposals.map((p) => p.id)).toEqual([3, 1000]);
    expect(inbox.focused).toBe(1000);

    fake.source.inboxAccept.mockRejectedValueOnce(
      ipcError('invalid', 'this repository has no project yet', 'project_id'),
    );
    expect(await inbox.accept(3)).toBe(false);
    expect(inbox.refusals[3]?.message).toContain('no project');
    expect(inbox.proposals.map((p) => p.id)).toEqual([3, 1000]);
  });

  it('says a metric in short, with its direction', () => {
    const metric: Proposal = {
      ...note(9),
      kind: 'metric',
      fields: {
        project_id: 0,
        name: 'p99 latency',
        unit: 'ms',
        baseline: 800,
        result: 120,
        better: 'lower',
        measured_on: null,
        evidence: null,
        tags: [],
        skills: [],
      },
      told: { from: '800 ms', to: '120 ms', delta: '−85%', verdict: 'better', short: '', amount: null, phrase: null, moved: null, verb: null },
    } as Proposal;
    expect(summaryOf(metric)).toBe('800 ms → 120 ms, lower is better');
  });
});

describe('InboxStore scans', () => {
  it('polls the progress while the scan runs, stops when it ends, and reloads the list', async () => {
    const fake = fakeInbox(2);
    const clock = manualEvery();
    const inbox = new InboxStore(fake.source, new Toaster(), clock.every);
    await inbox.load();
    const done = inbox.startScan();
    expect(inbox.scanning).toBe(true);
    clock.tick();
    await flush();
    expect(inbox.scan?.progress?.commits_read).toBe(1200);
    fake.finish(REPORT);
    expect(await done).toEqual(REPORT);
    expect(clock.running()).toBe(0);
    expect(inbox.scan?.phase).toBe('done');
    expect(fake.source.inboxPage).toHaveBeenCalledTimes(2);
  });

  it('a cancelled scan ends quietly as cancelled, the list as it was', async () => {
    const fake = fakeInbox(2);
    const clock = manualEvery();
    const inbox = new InboxStore(fake.source, new Toaster(), clock.every);
    await inbox.load();
    const done = inbox.startScan();
    await inbox.cancelScan();
    expect(await done).toBeNull();
    expect(inbox.scan?.phase).toBe('cancelled');
    expect(inbox.scan?.error).toBeNull();
    expect(clock.running()).toBe(0);
    expect(inbox.proposals).toHaveLength(2);
  });
});

describe('inboxKey', () => {
  const press = (key: string, extra: object = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...extra,
  });

  it('maps the triage keys', () => {
    const keys = ['j', 'k', 'ArrowDown', 'ArrowUp', 'a', 'd', 'e', 'x', ' ', 'u'].map((k) => inboxKey(press(k)));
    expect(keys).toEqual(['next', 'previous', 'next', 'previous', 'accept', 'dismiss', 'edit', 'toggle', 'toggle', 'undo']);
  });

  it('leaves fields, dialogs, modified keys and a control’s own Space alone', () => {
    expect(inboxKey(press('a', { inField: true }))).toBeNull();
    expect(inboxKey(press('a', { inDialog: true }))).toBeNull();
    expect(inboxKey(press('a', { ctrlKey: true }))).toBeNull();
    expect(inboxKey(press('A', { shiftKey: true }))).toBeNull();
    expect(inboxKey(press(' ', { onControl: true }))).toBeNull();
    expect(inboxKey(press('ф', { code: 'KeyA' }))).toBe('accept');
  });
});
