import { describe, expect, it, vi } from 'vitest';
import type { Profile } from '../lib/bindings';
import { EMPTY_PROFILE } from './labels';
import { ProfileStore } from './profile.svelte';

function fake(initial: Profile = EMPTY_PROFILE) {
  let stored = { ...initial };
  return {
    profileGet: vi.fn(async () => ({ ...stored })),
    profileSet: vi.fn(async (p: Profile) => {
      if (p.email && !p.email.includes('@')) {
        throw { kind: 'invalid', message: `"${p.email}" is not an email address`, field: 'email', errors: [{ field: 'email', message: `"${p.email}" is not an email address` }] };
      }
      stored = { ...p };
      return { ...stored };
    }),
  };
}

describe('ProfileStore', () => {
  it('loads once and asks the first-run questions while unset', async () => {
    const source = fake();
    const store = new ProfileStore(source);
    expect(store.firstRunDue).toBe(false);
    await Promise.all([store.ensureLoaded(), store.ensureLoaded()]);
    await store.ensureLoaded();
    expect(source.profileGet).toHaveBeenCalledTimes(1);
    expect(store.firstRunDue).toBe(true);
    await store.save({ ...EMPTY_PROFILE, band: '5-7', role: 'backend' });
    expect(store.firstRunDue).toBe(false);
  });

  it('rejects with the core’s field error and keeps the saved profile', async () => {
    const store = new ProfileStore(fake({ ...EMPTY_PROFILE, band: '3-4', role: 'frontend' }));
    await store.ensureLoaded();
    await expect(store.save({ ...store.profile, email: 'nope' })).rejects.toMatchObject({ kind: 'invalid', field: 'email' });
    expect(store.profile.email).toBeNull();
  });

  it('reports a load that failed', async () => {
    const store = new ProfileStore(
      { profileGet: vi.fn(async () => Promise.reject({ kind: 'locked', message: 'busy', field: null, errors: [] })), profileSet: vi.fn() },
    );
    await store.ensureLoaded();
    expect(store.status).toBe('error');
    expect(store.error?.kind).toBe('locked');
    expect(store.firstRunDue).toBe(false);
  });
});
