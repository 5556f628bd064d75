import { describe, expect, it } from 'vitest';
import type { AppInfo, Settings } from '../lib/bindings';
import { Session } from './session.svelte';

const info: AppInfo = { version: '0.1.0', journal_path: '/tmp/j.sqlite3', schema_version: 1, sqlite_version: '3.46.0' };

describe('Session.load', () => {
  it('is ready with the journal facts and hands the settings over', async () => {
    const received: Settings[] = [];
    const session = new Session({
      appInfo: async () => info,
      settingsGet: async () => ({ theme: 'dark', words_per_minute: 140, backups_keep: 10 }),
    });
    expect(session.state.status).toBe('loading');
    await session.load((s) => received.push(s));
    expect(session.state).toEqual({ status: 'ready', info });
    expect(received).toEqual([{ theme: 'dark', words_per_minute: 140, backups_keep: 10 }]);
  });

  it('shows the problem when the journal cannot be opened', async () => {
    const error = { kind: 'newer_journal', message: 'this journal was written by a newer Career Log', field: null };
    const session = new Session({
      appInfo: () => Promise.reject(error),
      settingsGet: async () => ({ theme: 'system', words_per_minute: 140, backups_keep: 10 }),
    });
    await session.load(() => {});
    expect(session.state).toEqual({ status: 'problem', error });
  });
});
