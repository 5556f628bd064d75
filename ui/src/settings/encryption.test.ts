import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../lib/bindings';
import { EncryptionStore } from './encryption.svelte';

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
    const store = new EncryptionStore({ encryptionSet: async (...args) => (calls.push(args), info) });
    const result = await store.apply('on', { current: '', next: 'long enough', confirm: 'long enuogh' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ field: 'confirm' }) });
    expect(calls).toEqual([]);
  });

  it('sends current and next as the change needs, and gives the new facts', async () => {
    const calls: unknown[] = [];
    const store = new EncryptionStore({ encryptionSet: async (...args) => (calls.push(args), info) });
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
    const store = new EncryptionStore({ encryptionSet: () => Promise.reject(wrong) });
    const pending = store.apply('off', { current: 'guess', next: '', confirm: '' });
    expect(store.running).toBe('off');
    expect(await pending).toEqual({ ok: false, error: wrong });
    expect(store.running).toBeNull();
  });
});
