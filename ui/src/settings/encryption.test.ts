import { describe, expect, it } from 'vitest';
import type { AppInfo, CopyProgress } from '../lib/bindings';
import { EncryptionStore } from './encryption.svelte';
import type { Every } from './polling';

const info: AppInfo = {
  version: '0.1.0',
  journal_path: '/j/journal.sqlite3',
  schema_version: 9,
  sqlite_version: '3.46.0',
  encrypted: true,
};

describe('EncryptionStore.apply', () => {
  it('checks the form before asking the core', async () => {
    const calls: unknown[] = [];
    const store = new EncryptionStore({ encryptionSet: async (...args) => (calls.push(args), info), encryptionProgress: async () => null });
    const result = await store.apply('on', { current: '', next: 'long enough', confirm: 'long enuogh' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ field: 'confirm' }) });
    expect(calls).toEqual([]);
  });

  it('sends current and next as the change needs, and gives the new facts', async () => {
    const calls: unknown[] = [];
    const store = new EncryptionStore({ encryptionSet: async (...args) => (calls.push(args), info), encryptionProgress: async () => null });
    const fields = { current: 'old passphrase', next: 'new passphrase', confirm: 'new passphrase' };
    expect(await store.apply('change', fields)).toEqual({ ok: true, info });
    expect(await store.apply('off', fields)).toEqual({ ok: true, info });
    expect(calls).toEqual([
      ['old passphrase', 'new passphrase'],
      ['old passphrase', null],
    ]);
  });

  it('passes on the core refusal by field and is free again after', async () => {
    const wrong = { kind: 'invalid', field: 'current', message: 'the current passphrase is not right', errors: [{ field: 'current', message: 'the current passphrase is not right' }] };
    const store = new EncryptionStore({ encryptionSet: () => Promise.reject(wrong), encryptionProgress: async () => null });
    const pending = store.apply('off', { current: 'guess', next: '', confirm: '' });
    expect(store.running).toBe('off');
    expect(await pending).toEqual({ ok: false, error: wrong });
    expect(store.running).toBeNull();
  });
});

describe('EncryptionStore progress', () => {
  it('polls the rewrite while it runs and stops when it ends', async () => {
    const ticks = new Set<() => void>();
    const every: Every = (_ms, tick) => {
      ticks.add(tick);
      return () => ticks.delete(tick);
    };
    let progress: CopyProgress | null = null;
    let finish!: (info: AppInfo) => void;
    const store = new EncryptionStore(
      {
        encryptionSet: () => new Promise<AppInfo>((resolve) => (finish = resolve)),
        encryptionProgress: async () => progress,
      },
      every,
    );
    const pending = store.apply('on', { current: '', next: 'long enough here', confirm: 'long enough here' });
    expect(store.running).toBe('on');
    expect(store.progress).toBeNull();
    progress = { done: 512, total: 2048 };
    ticks.forEach((t) => t());
    await new Promise((r) => setTimeout(r, 0));
    expect(store.progress).toEqual({ done: 512, total: 2048 });
    expect(store.percent).toBe(25);
    finish(info);
    expect(await pending).toEqual({ ok: true, info });
    expect(ticks.size).toBe(0);
    expect(store.running).toBeNull();
    expect(store.progress).toBeNull();
  });
});
