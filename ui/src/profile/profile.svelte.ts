// The engineer's profile: loaded once, shared by the first-run card, the Settings card and
// the guide reader (which highlights the engineer's rows). Saving goes through the core,
// whose field errors the forms show inline.

import { api, toIpcError, type Api } from '../lib/api';
import type { IpcError, Profile } from '../lib/bindings';
import type { LazyStatus } from '../lib/latest';
import { EMPTY_PROFILE, laterKey, needsFirstRun } from './labels';

export type ProfileApi = Pick<Api, 'profileGet' | 'profileSet'>;

/** Where "Later" on the first-run card is remembered (localStorage in the window). */
export interface Memory {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export class ProfileStore {
  profile: Profile = $state({ ...EMPTY_PROFILE });
  status: LazyStatus = $state('idle');
  error: IpcError | null = $state(null);
  /** "Later" was chosen on the first-run card for this journal. */
  later = $state(false);

  readonly #api: ProfileApi;
  readonly #memory: Memory | null;
  #loading: Promise<void> | null = null;

  constructor(source: ProfileApi, memory: Memory | null) {
    this.#api = source;
    this.#memory = memory;
  }

  /** The first-run questions are shown: the profile is read, unset, and not put off. */
  get firstRunDue(): boolean {
    return this.status === 'ready' && needsFirstRun(this.profile) && !this.later;
  }

  /** Loads the profile once; later calls wait for (or reuse) the same load. */
  ensureLoaded(): Promise<void> {
    if (this.status === 'ready') return Promise.resolve();
    this.#loading ??= this.#load();
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

  /** Reads whether "Later" was chosen for this journal before. */
  recall(journalPath: string): void {
    try {
      this.later = this.#memory?.getItem(laterKey(journalPath)) === 'yes';
    } catch {
      this.later = false;
    }
  }

  /** Puts the first-run questions off for this journal; Settings keeps the same fields. */
  putOff(journalPath: string): void {
    this.later = true;
    try {
      this.#memory?.setItem(laterKey(journalPath), 'yes');
    } catch {
      // Storage refused: the card stays away for this session only.
    }
  }
}

function windowMemory(): Memory | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export const profile = new ProfileStore(api, windowMemory());
