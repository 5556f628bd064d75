// The user's preferences: what is shown, what is saved, and what happens when saving fails.

import { api, toIpcError, type Api } from '../lib/api';
import type { IpcError, Settings, Theme } from '../lib/bindings';

export const DEFAULT_SETTINGS: Settings = { theme: 'system', words_per_minute: 140, backups_keep: 10 };

export class SettingsStore {
  /** What the UI shows: the choice being saved, or the saved one. */
  current: Settings = $state({ ...DEFAULT_SETTINGS });
  /** Why the last change could not be saved, until the next change. */
  error: IpcError | null = $state(null);

  #saved: Settings = { ...DEFAULT_SETTINGS };
  #latest = 0;
  readonly #save: Api['settingsSet'];

  constructor(save: Api['settingsSet']) {
    this.#save = save;
  }

  /** Takes the settings read from the journal at start-up. */
  loaded(settings: Settings): void {
    this.#saved = { ...settings };
    this.current = { ...settings };
    this.error = null;
  }

  /**
   * Shows the new theme at once and saves it. If saving fails, the last saved choice comes
   * back and `error` says why. Only the newest change decides what is shown.
   */
  async setTheme(theme: Theme): Promise<void> {
    if (theme === this.current.theme) return;
    const request = ++this.#latest;
    const wanted: Settings = { ...this.current, theme };
    this.current = wanted;
    this.error = null;
    try {
      const saved = await this.#save(wanted);
      this.#saved = { ...saved };
      if (request === this.#latest) this.current = { ...saved };
    } catch (e) {
      if (request === this.#latest) {
        this.current = { ...this.#saved };
        this.error = toIpcError(e);
      }
    }
  }
}

export const settings = new SettingsStore((s) => api.settingsSet(s));
