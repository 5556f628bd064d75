import { describe, expect, it } from 'vitest';
import type { BackupInfo, CopyProgress, RestoredBackup } from '../lib/bindings';
import { BackupsStore, type BackupsApi } from './backups.svelte';
import type { Every } from './polling';

const backup = (id: number): BackupInfo => ({
  id,
  path: `/j/backups/journal-${id}.sqlite3`,
  created_at: new Date(id).toISOString(),
  bytes: 4096,
  reason: 'manual',
});

/** A clock the test advances one poll at a time. */
function manualTicks() {
  const ticks = new Set<() => void>();
  const every: Every = (_ms, tick) => {
    ticks.add(tick);
    return () => ticks.delete(tick);
  };
  return { every, tick: () => ticks.forEach((t) => t()), running: () => ticks.size };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function fakeApi(list: BackupInfo[]) {
  const copy = deferred<BackupInfo>();
  let progress: CopyProgress | null = null;
  const source: BackupsApi = {
    backupList: async () => [...list],
    backupCreate: () => copy.promise,
    backupRestore: () =>
      copy.promise.then((b): RestoredBackup => ({ ...b, entries: [], entry_count: 0, safety: backup(1) })),
    backupProgress: async () => progress,
  };
  return { source, copy, setProgress: (p: CopyProgress | null) => (progress = p) };
}

describe('BackupsStore', () => {
  it('shows the progress while a backup is made, then 100 and the new list', async () => {
    const list = [backup(1000)];
    const { source, copy, setProgress } = fakeApi(list);
    const clock = manualTicks();
    const store = new BackupsStore(source, clock.every);
    await store.load();
    expect(store.list).toHaveLength(1);

    const made = store.create();
    expect(store.busy).toBe(true);
    expect(store.percent).toBe(0);
    setProgress({ done: 256, total: 1024 });
    clock.tick();
    await flush();
    expect(store.percent).toBe(25);
    setProgress({ done: 1024, total: 1024 });
    clock.tick();
    await flush();
    expect(store.percent).toBe(99);

    list.unshift(backup(2000));
    setProgress(null);
    copy.resolve(backup(2000));
    expect((await made)?.id).toBe(2000);
    expect(clock.running()).toBe(0);
    expect(store.busy).toBe(false);
    expect(store.task?.phase).toBe('done');
    expect(store.percent).toBe(100);
    expect(store.list.map((b) => b.id)).toEqual([2000, 1000]);
  });

  it('says why a restore failed and stops polling', async () => {
    const { source, copy } = fakeApi([backup(1000)]);
    const clock = manualTicks();
    const store = new BackupsStore(source, clock.every);
    const restored = store.restore(1000);
    copy.reject({ kind: 'invalid', message: 'the backup is damaged', field: 'backup', errors: [{ field: 'backup', message: 'the backup is damaged' }] });
    expect(await restored).toBeNull();
    expect(clock.running()).toBe(0);
    expect(store.task?.phase).toBe('failed');
    expect(store.task?.error?.message).toBe('the backup is damaged');
    store.dismiss();
    expect(store.task).toBeNull();
  });

  it('runs one copy at a time and asks for progress once per answer', async () => {
    const { source, copy } = fakeApi([]);
    let asked = 0;
    const slow = deferred<CopyProgress | null>();
    source.backupProgress = () => {
      asked += 1;
      return slow.promise;
    };
    const clock = manualTicks();
    const store = new BackupsStore(source, clock.every);
    const first = store.create();
    expect(await store.create()).toBeNull();
    clock.tick();
    clock.tick();
    clock.tick();
    expect(asked).toBe(1);
    slow.resolve({ done: 1, total: 2 });
    await flush();
    expect(store.percent).toBe(50);
    copy.resolve(backup(5));
    await first;
  });

  it('keeps the reason when the list cannot be read', async () => {
    const store = new BackupsStore({
      ...fakeApi([]).source,
      backupList: () => Promise.reject({ kind: 'io', message: 'cannot read /j/backups', field: null, errors: [] }),
    });
    await store.load();
    expect(store.status).toBe('error');
    expect(store.error?.message).toBe('cannot read /j/backups');
  });
});
