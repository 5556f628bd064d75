import { describe, expect, it } from 'vitest';
import type { Settings } from '../lib/bindings';
import { SettingsStore } from './settings.svelte';

/** A save whose outcome the test decides, one call at a time. */
function pendingSaves() {
  const calls: { settings: Settings; resolve: (s: Settings) => void; reject: (e: unknown) => void }[] = [];
  const save = (settings: Settings) =>
    new Promise<Settings>((resolve, reject) => calls.push({ settings, resolve, reject }));
  return { calls, save };
}

describe('SettingsStore.setTheme', () => {
  it('shows the choice at once and keeps what was saved', async () => {
    const { calls, save } = pendingSaves();
    const store = new SettingsStore(save);
    store.loaded({ theme: 'system', words_per_minute: 140, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });

    const done = store.setTheme('dark');
    expect(store.current.theme).toBe('dark');
    expect(calls[0]?.settings).toEqual({ theme: 'dark', words_per_minute: 140, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });
    calls[0]?.resolve({ theme: 'dark', words_per_minute: 140, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });
    await done;
    expect(store.current.theme).toBe('dark');
    expect(store.error).toBeNull();
  });

  it('restores the previous choice and says why when saving fails', async () => {
    const { calls, save } = pendingSaves();
    const store = new SettingsStore(save);
    store.loaded({ theme: 'light', words_per_minute: 140, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });

    const done = store.setTheme('dark');
    calls[0]?.reject({ kind: 'storage', message: 'disk I/O error', field: null, errors: [] });
    await done;
    expect(store.current.theme).toBe('light');
    expect(store.error).toEqual({ kind: 'storage', message: 'disk I/O error', field: null, errors: [] });
  });

  it('lets only the newest change decide when saves overlap', async () => {
    const { calls, save } = pendingSaves();
    const store = new SettingsStore(save);
    store.loaded({ theme: 'system', words_per_minute: 140, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });

    const first = store.setTheme('dark');
    const second = store.setTheme('light');
    calls[0]?.reject('late failure of an older save');
    await first;
    expect(store.current.theme).toBe('light');
    expect(store.error).toBeNull();
    calls[1]?.resolve({ theme: 'light', words_per_minute: 140, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });
    await second;
    expect(store.current.theme).toBe('light');
  });

  it('falls back to the last saved value, not the one before a pending change', async () => {
    const { calls, save } = pendingSaves();
    const store = new SettingsStore(save);
    store.loaded({ theme: 'system', words_per_minute: 140, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });

    const first = store.setTheme('dark');
    calls[0]?.resolve({ theme: 'dark', words_per_minute: 140, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });
    await first;
    const second = store.setTheme('light');
    calls[1]?.reject(new Error('bridge gone'));
    await second;
    expect(store.current.theme).toBe('dark');
    expect(store.error?.message).toBe('bridge gone');
  });

  it('does not save when the choice did not change', async () => {
    const { calls, save } = pendingSaves();
    const store = new SettingsStore(save);
    store.loaded({ theme: 'dark', words_per_minute: 140, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });
    await store.setTheme('dark');
    expect(calls).toHaveLength(0);
  });
});

describe('SettingsStore pace and backups', () => {
  it('saves the pace with the other settings as they are', async () => {
    const { calls, save } = pendingSaves();
    const store = new SettingsStore(save);
    store.loaded({ theme: 'dark', words_per_minute: 140, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });

    const done = store.setPace(150);
    expect(calls[0]?.settings).toEqual({ theme: 'dark', words_per_minute: 150, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });
    calls[0]?.resolve({ theme: 'dark', words_per_minute: 150, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });
    expect(await done).toBe(true);
    expect(store.current.words_per_minute).toBe(150);
  });

  it('ties a refusal to the setting it is about', async () => {
    const { calls, save } = pendingSaves();
    const store = new SettingsStore(save);
    store.loaded({ theme: 'system', words_per_minute: 140, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });

    const done = store.setBackupsKeep(400);
    const refusal = { kind: 'invalid', message: 'must be between 1 and 365 backups', field: 'backups_keep', errors: [{ field: 'backups_keep', message: 'must be between 1 and 365 backups' }] };
    calls[0]?.reject(refusal);
    expect(await done).toBe(false);
    expect(store.current.backups_keep).toBe(10);
    expect(store.errorFor('backups_keep')).toEqual(refusal);
    expect(store.errorFor('theme')).toBeNull();
    expect(store.errorFor('words_per_minute')).toBeNull();

    // Going back to the saved value clears the refusal without a save.
    expect(await store.setBackupsKeep(10)).toBe(true);
    expect(store.errorFor('backups_keep')).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('says a change was overtaken when a newer one is saving', async () => {
    const { calls, save } = pendingSaves();
    const store = new SettingsStore(save);
    store.loaded({ theme: 'system', words_per_minute: 140, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });

    const first = store.setBackupsKeep(5);
    const second = store.setPace(130);
    expect(calls[1]?.settings).toEqual({ theme: 'system', words_per_minute: 130, backups_keep: 5, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });
    calls[0]?.resolve({ theme: 'system', words_per_minute: 140, backups_keep: 5, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });
    expect(await first).toBe(false);
    calls[1]?.resolve({ theme: 'system', words_per_minute: 130, backups_keep: 5, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });
    expect(await second).toBe(true);
    expect(store.current).toEqual({ theme: 'system', words_per_minute: 130, backups_keep: 5, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 });
  });
});

describe('SettingsStore.putOffFirstRun', () => {
  const loaded: Settings = { theme: 'system', words_per_minute: 140, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 };

  it('puts the questions off at once and keeps what the journal saved', async () => {
    const { calls, save } = pendingSaves();
    let asked = 0;
    const store = new SettingsStore(save, async () => (asked++, { ...loaded, first_run_put_off: true, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 }));
    store.loaded(loaded);
    const done = store.putOffFirstRun();
    expect(store.current.first_run_put_off).toBe(true);
    expect(await done).toBeNull();
    expect(asked).toBe(1);
    // A later change sends it along, so it is not undone by another setting.
    void store.setTheme('dark');
    expect(calls[0]?.settings.first_run_put_off).toBe(true);
  });

  it('says why it could not be kept, and stays put off for the session', async () => {
    const { save } = pendingSaves();
    const store = new SettingsStore(save, () => Promise.reject({ kind: 'locked', message: 'the journal is busy', field: null, errors: [] }));
    store.loaded(loaded);
    expect(await store.putOffFirstRun()).toMatchObject({ kind: 'locked' });
    expect(store.current.first_run_put_off).toBe(true);
  });
});

describe('SettingsStore weekly review', () => {
  const loaded: Settings = { theme: 'system', words_per_minute: 140, backups_keep: 10, first_run_put_off: false, rendering: 'auto', review_day: 'friday', review_time: '16:00', fiscal_year_start: 1 };

  it('saves the day, the time as the core writes it, and the fiscal month', async () => {
    const { calls, save } = pendingSaves();
    const store = new SettingsStore(save);
    store.loaded(loaded);
    const day = store.setReviewDay('monday');
    calls[0]?.resolve({ ...loaded, review_day: 'monday' });
    expect(await day).toBe(true);
    const time = store.setReviewTime(' 9:30 ');
    expect(calls[1]?.settings.review_time).toBe('9:30');
    calls[1]?.resolve({ ...loaded, review_day: 'monday', review_time: '09:30' });
    expect(await time).toBe(true);
    expect(store.current.review_time).toBe('09:30');
    const month = store.setFiscalYearStart(4);
    calls[2]?.resolve({ ...loaded, review_day: 'monday', review_time: '09:30', fiscal_year_start: 4 });
    expect(await month).toBe(true);
    expect(store.current).toMatchObject({ review_day: 'monday', review_time: '09:30', fiscal_year_start: 4 });
  });

  it('keeps a refused time as the error of review_time, with the saved time back', async () => {
    const { calls, save } = pendingSaves();
    const store = new SettingsStore(save);
    store.loaded(loaded);
    const refusal = { kind: 'invalid' as const, message: 'should be a time of day as HH:MM', field: 'review_time', errors: [{ field: 'review_time', message: 'should be a time of day as HH:MM' }] };
    const done = store.setReviewTime('25:00');
    calls[0]?.reject(refusal);
    expect(await done).toBe(false);
    expect(store.current.review_time).toBe('16:00');
    expect(store.errorFor('review_time')).toEqual(refusal);
    expect(store.errorFor('review_day')).toBeNull();
  });
});
