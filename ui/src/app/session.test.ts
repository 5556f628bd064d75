import { describe, expect, it } from 'vitest';
import type { AppInfo, Boot, IpcError, Settings } from '../lib/bindings';
import { Session, type SessionApi } from './session.svelte';

const info: AppInfo = {
  version: '0.1.0',
  journal_path: '/tmp/j.sqlite3',
  schema_version: 1,
  sqlite_version: '3.46.0',
  encrypted: false,
};
const settings: Settings = { theme: 'dark', words_per_minute: 140, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 };
const needed: IpcError = { kind: 'passphrase_needed', message: 'this journal is encrypted', field: null, errors: [] };
const wrong: IpcError = { kind: 'wrong_passphrase', message: 'the passphrase does not open this journal', field: null, errors: [] };

function source(overrides: Partial<SessionApi>): SessionApi {
  return {
    appInfo: async () => info,
    settingsGet: async () => settings,
    journalUnlock: () => Promise.reject(new Error('not encrypted')),
    ...overrides,
  };
}

describe('Session.load', () => {
  it('takes the facts and settings that came with the page, without asking', async () => {
    const received: Settings[] = [];
    const boot: Pick<Boot, 'info' | 'settings'> = {
      info: { ...info, schema_version: 8 },
      settings: { ...settings, theme: 'light' },
    };
    const asked = () => Promise.reject(new Error('asked over IPC'));
    const session = new Session(source({ appInfo: asked, settingsGet: asked }), <K extends 'info' | 'settings'>(key: K) => boot[key]);
    await session.load((s) => received.push(s));
    expect(session.state).toEqual({ status: 'ready', info: boot.info });
    expect(received).toEqual([boot.settings]);
  });

  it('is ready with the journal facts and hands the settings over', async () => {
    const received: Settings[] = [];
    const session = new Session(source({}));
    expect(session.state.status).toBe('loading');
    await session.load((s) => received.push(s));
    expect(session.state).toEqual({ status: 'ready', info });
    expect(received).toEqual([settings]);
  });

  it('shows the problem when the journal cannot be opened', async () => {
    const error = { kind: 'newer_journal', message: 'this journal was written by a newer Career Log', field: null, errors: [] };
    const session = new Session(source({ appInfo: () => Promise.reject(error) }));
    await session.load(() => {});
    expect(session.state).toEqual({ status: 'problem', error });
  });

  it('waits for the passphrase of an encrypted journal, saying nothing yet', async () => {
    const session = new Session(source({ appInfo: () => Promise.reject(needed) }));
    await session.load(() => {});
    expect(session.state).toEqual({ status: 'locked', refusal: null });
  });

  it('says so when the passphrase from the environment is wrong', async () => {
    const session = new Session(source({ appInfo: () => Promise.reject(wrong) }));
    await session.load(() => {});
    expect(session.state).toEqual({ status: 'locked', refusal: wrong });
  });
});

describe('Session.unlock', () => {
  it('keeps the screen with the refusal for a wrong passphrase, then opens with the right one', async () => {
    const received: Settings[] = [];
    const tried: string[] = [];
    const session = new Session(
      source({
        appInfo: () => Promise.reject(needed),
        journalUnlock: async (passphrase) => {
          tried.push(passphrase);
          if (passphrase !== 'right passphrase') throw wrong;
          return { ...info, encrypted: true };
        },
      }),
    );
    await session.load((s) => received.push(s));
    expect(await session.unlock('guess')).toEqual(wrong);
    expect(session.state).toEqual({ status: 'locked', refusal: wrong });
    expect(received).toEqual([]);

    expect(await session.unlock('right passphrase')).toBeNull();
    expect(session.state).toEqual({ status: 'ready', info: { ...info, encrypted: true } });
    expect(received).toEqual([settings]);
    expect(tried).toEqual(['guess', 'right passphrase']);
  });

  it('hands any other failure to the problem screen', async () => {
    const newer = { kind: 'newer_journal', message: 'written by a newer Career Log', field: null, errors: [] };
    const session = new Session(
      source({ appInfo: () => Promise.reject(needed), journalUnlock: () => Promise.reject(newer) }),
    );
    await session.load(() => {});
    expect(await session.unlock('right passphrase')).toBeNull();
    expect(session.state).toEqual({ status: 'problem', error: newer });
  });

  it('takes the new facts after encryption changes, only once ready', async () => {
    const session = new Session(source({}));
    session.changed({ ...info, encrypted: true });
    expect(session.state.status).toBe('loading');
    await session.load(() => {});
    session.changed({ ...info, encrypted: true });
    expect(session.state).toEqual({ status: 'ready', info: { ...info, encrypted: true } });
  });
});
