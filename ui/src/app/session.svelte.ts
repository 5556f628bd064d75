// Start-up: open the journal once, then the shell is ready, waits for the passphrase of an
// encrypted journal, or shows the problem.

import { api, toIpcError, type Api } from '../lib/api';
import type { AppInfo, Boot, IpcError, Settings } from '../lib/bindings';
import { takeBoot } from '../lib/boot';

export type SessionState =
  | { status: 'loading' }
  /** An encrypted journal waits for its passphrase; `refusal` says why the last one failed. */
  | { status: 'locked'; refusal: IpcError | null }
  | { status: 'ready'; info: AppInfo }
  | { status: 'problem'; error: IpcError };

export type SessionApi = Pick<Api, 'appInfo' | 'settingsGet' | 'journalUnlock'>;

/** Where the page's boot data comes from (`takeBoot`); a test passes its own. */
export type BootSource = <K extends 'info' | 'settings'>(key: K) => Boot[K] | null;

/** The refusals the unlock screen answers; anything else is a problem with the journal. */
function asksForPassphrase(error: IpcError): boolean {
  return error.kind === 'passphrase_needed' || error.kind === 'wrong_passphrase';
}

export class Session {
  state: SessionState = $state({ status: 'loading' });
  readonly #api: SessionApi;
  readonly #boot: BootSource;
  #onSettings: (settings: Settings) => void = () => {};

  constructor(source: SessionApi, boot: BootSource = (key) => takeBoot(key)) {
    this.#api = source;
    this.#boot = boot;
  }

  /** Loads the journal facts and the settings; `onSettings` receives the settings first. */
  async load(onSettings: (settings: Settings) => void): Promise<void> {
    this.#onSettings = onSettings;
    let info: AppInfo;
    try {
      // The facts that came with the page, else app_info first: it is the call that tells a
      // journal problem apart (a page without boot data is one that could not read them).
      info = this.#boot('info') ?? (await this.#api.appInfo());
    } catch (e) {
      const error = toIpcError(e);
      // A wrong CAREERLOG_PASSPHRASE is worth saying; a missing one is the usual start.
      if (asksForPassphrase(error)) {
        this.state = { status: 'locked', refusal: error.kind === 'wrong_passphrase' ? error : null };
      } else {
        this.state = { status: 'problem', error };
      }
      return;
    }
    await this.#open(info);
  }

  /**
   * Opens the encrypted journal with `passphrase` and goes on with start-up. Resolves to
   * the refusal the unlock screen shows, or null once the journal is open (or the start-up
   * problem screen took over).
   */
  async unlock(passphrase: string): Promise<IpcError | null> {
    if (this.state.status !== 'locked') return null;
    let info: AppInfo;
    try {
      info = await this.#api.journalUnlock(passphrase);
    } catch (e) {
      const error = toIpcError(e);
      if (!asksForPassphrase(error)) {
        this.state = { status: 'problem', error };
        return null;
      }
      this.state = { status: 'locked', refusal: error };
      return error;
    }
    await this.#open(info);
    return null;
  }

  /** The journal's facts after a change (encryption turned on or off). */
  changed(info: AppInfo): void {
    if (this.state.status === 'ready') this.state = { status: 'ready', info };
  }

  async #open(info: AppInfo): Promise<void> {
    try {
      this.#onSettings(this.#boot('settings') ?? (await this.#api.settingsGet()));
      this.state = { status: 'ready', info };
    } catch (e) {
      this.state = { status: 'problem', error: toIpcError(e) };
    }
  }
}

export const session = new Session(api);
