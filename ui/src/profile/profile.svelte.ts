// The engineer's profile: loaded once, shared by the first-run card, the Settings card and
// the guide reader (which highlights the engineer's rows). Saving goes through the core,
// whose field errors the forms show inline.

import { api, toIpcError, type Api } from '../lib/api';
import type { IpcError, Profile } from '../lib/bindings';
import type { LazyStatus } from '../lib/latest';
import { EMPTY_PROFILE, needsFirstRun } from './labels';

export type ProfileApi = Pick<Api, 'profileGet' | 'profileSet'>;

export class ProfileStore {
  profile: Profile = $state({ ...EMPTY_PROFILE });
  status: LazyStatus = $state('idle');
  error: IpcError | null = $state(null);

  readonly #api: ProfileApi;
  #loading: Promise<void> | null = null;

  constructor(source: ProfileApi) {
    this.#api = source;
  }

  /**
   * The first-run questions are due: the profile is read and unset. Whether they were put
   * off is the journal's setting (`Settings.first_run_put_off`), not the profile's.
   */
  get firstRunDue(): boolean {
    return this.status === 'ready' && needsFirstRun(this.profile);
  }

  /** Loads the profile once; later calls wait for (or reuse) the same load. */
  ensureLoaded(): Promise<void> {
    if (this.status === 'ready') return Promise.resolve();
    this.#loading ??= this.#load();
    return this.#loading;
  }

  /** Reads the profile again (an import may have filled it). */
  reload(): Promise<void> {
    this.#loading = this.#load();
    return this.#loading;
  }

  async #load(): Promise<void> {
    this.status = 'loading';
    try {
      this.profile = await this.#api.profileGet();
      this.error = null;
      this.status = 'ready';
    } catch (e) {
      this.error = toIpcError(e);
      this.status = 'error';
    } finally {
      this.#loading = null;
    }
  }

  /** Saves the whole profile; rejects with the core's IpcError for the form to show. */
  async save(profile: Profile): Promise<Profile> {
    try {
      const saved = await this.#api.profileSet(profile);
      this.profile = saved;
      this.status = 'ready';
      return saved;
    } catch (e) {
      throw toIpcError(e);
    }
  }
}

export const profile = new ProfileStore(api);
