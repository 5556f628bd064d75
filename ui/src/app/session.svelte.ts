// Start-up: open the journal once, then the shell is ready or shows the problem.

import { api, toIpcError, type Api } from '../lib/api';
import type { AppInfo, IpcError, Settings } from '../lib/bindings';

export type SessionState =
  | { status: 'loading' }
  | { status: 'ready'; info: AppInfo }
  | { status: 'problem'; error: IpcError };

export class Session {
  state: SessionState = $state({ status: 'loading' });
  readonly #api: Pick<Api, 'appInfo' | 'settingsGet'>;

  constructor(source: Pick<Api, 'appInfo' | 'settingsGet'>) {
    this.#api = source;
  }

  /** Loads the journal facts and the settings; `onSettings` receives the settings first. */
  async load(onSettings: (settings: Settings) => void): Promise<void> {
    try {
      // app_info first: it is the call that tells a journal problem apart.
      const info = await this.#api.appInfo();
      onSettings(await this.#api.settingsGet());
      this.state = { status: 'ready', info };
    } catch (e) {
      this.state = { status: 'problem', error: toIpcError(e) };
    }
  }
}

export const session = new Session(api);
