import { describe, expect, it, vi } from 'vitest';
import { Latest, type DetailView } from './latest';

/** A promise resolved by hand, to let replies arrive in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Latest', () => {
  it('drops an older reply that arrives after a newer one', async () => {
    const latest = new Latest();
    const shown: string[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    const read = async (reply: Promise<string>) => {
      const ticket = latest.begin();
      const value = await reply;
      if (ticket()) shown.push(value);
    };
    const a = read(first.promise);
    const b = read(second.promise);
    second.resolve('new');
    await b;
    first.resolve('old');
    await a;
    expect(shown).toEqual(['new']);
  });

  it('keeps the newest reply even when it arrives last', async () => {
    const latest = new Latest();
    const older = latest.begin();
    const newer = latest.begin();
    expect(older()).toBe(false);
    expect(newer()).toBe(true);
  });

  it('makes a reply on its way stale after a write', () => {
    const latest = new Latest();
    const read = latest.begin();
    latest.invalidate();
    expect(read()).toBe(false);
  });

  it('gives a step of the current read its ticket without starting a new read', () => {
    const latest = new Latest();
    const page = latest.begin();
    const step = latest.current();
    expect(page()).toBe(true);
    expect(step()).toBe(true);
    latest.begin();
    expect(step()).toBe(false);
  });

  it('runs the same read once while it is on its way, and again once it is done', async () => {
    const latest = new Latest();
    const reply = deferred<number>();
    const load = vi.fn(() => reply.promise);
    const a = latest.once('list', load);
    const b = latest.once('list', load);
    expect(load).toHaveBeenCalledTimes(1);
    reply.resolve(7);
    expect(await a).toBe(7);
    expect(await b).toBe(7);
    await latest.once('list', async () => 8);
    expect(load).toHaveBeenCalledTimes(1);
    const c = latest.once('list', load);
    expect(load).toHaveBeenCalledTimes(2);
    await c;
  });

  it('does not share a read with another key', () => {
    const latest = new Latest();
    const load = vi.fn(() => new Promise<void>(() => {}));
    void latest.once('list', load);
    void latest.once('trash', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not let a read begun before a write stand in for the one after it', async () => {
    const latest = new Latest();
    const before = deferred<string>();
    const load = vi.fn(() => before.promise);
    void latest.once('list', load);
    latest.invalidate();
    void latest.once('list', async () => 'after');
    expect(load).toHaveBeenCalledTimes(1);
    // The read after the write is its own; asking again shares that one, not the old one.
    const again = latest.once('list', load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(await again).toBe('after');
    before.resolve('before');
  });
});

describe('Latest.read', () => {
  it('shows the newest answer and drops an older one that arrives later', async () => {
    const latest = new Latest();
    const shown: string[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    const a = latest.read(() => first.promise, (v) => void shown.push(v), () => shown.push('failed'));
    const b = latest.read(() => second.promise, (v) => void shown.push(v), () => shown.push('failed'));
    second.resolve('new');
    await b;
    first.resolve('old');
    await a;
    expect(shown).toEqual(['new']);
  });

  it('hands over a failure as an IpcError, unless a newer read began', async () => {
    const latest = new Latest();
    const failures: string[] = [];
    await latest.read(() => Promise.reject(new Error('disk gone')), () => {}, (e) => failures.push(`${e.kind}: ${e.message}`));
    expect(failures).toEqual(['io: disk gone']);

    const late = deferred<string>();
    const stale = latest.read(() => late.promise.then(() => Promise.reject(new Error('late'))), () => {}, (e) => failures.push(e.message));
    latest.invalidate();
    late.resolve('');
    await stale;
    expect(failures).toEqual(['io: disk gone']);
  });

  it('counts an error while showing the answer as a failed read', async () => {
    const latest = new Latest();
    const failures: string[] = [];
    await latest.read(async () => 1, async () => Promise.reject({ kind: 'not_found', message: 'gone', field: null, errors: [] }), (e) => failures.push(e.kind));
    expect(failures).toEqual(['not_found']);
  });

  it('reads a record into its view: shown with no error, cleared with the reason on failure', async () => {
    const latest = new Latest();
    const view: DetailView<{ id: number }> = {
      detail: null,
      detailStatus: 'loading',
      error: { kind: 'io', message: 'earlier', field: null, errors: [] },
    };
    await latest.readDetail(view, async () => ({ id: 3 }));
    expect(view).toEqual({ detail: { id: 3 }, detailStatus: 'ready', error: null });
    await latest.readDetail(view, () => Promise.reject({ kind: 'not_found', message: 'gone', field: null, errors: [] }));
    expect(view).toEqual({ detail: null, detailStatus: 'error', error: { kind: 'not_found', message: 'gone', field: null, errors: [] } });
  });

  it('leaves a record view alone when a newer read has begun', async () => {
    const latest = new Latest();
    const view: DetailView<{ id: number }> = { detail: { id: 1 }, detailStatus: 'ready', error: null };
    const slow = deferred<{ id: number }>();
    const reading = latest.readDetail(view, () => slow.promise);
    latest.begin();
    slow.resolve({ id: 2 });
    await reading;
    expect(view.detail).toEqual({ id: 1 });
  });
});
