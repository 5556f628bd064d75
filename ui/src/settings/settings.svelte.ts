// The user's preferences: what is shown, what is saved, and what happens when saving fails.

import { api, toIpcError, type Api } from '../lib/api';
import type { IpcError, Rendering, ReviewDay, Settings, Theme } from '../lib/bindings';
import { Latest } from '../lib/latest';

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  words_per_minute: 140,
  backups_keep: 10,
  first_run_put_off: false,
  rendering: 'auto',
  review_day: 'friday',
  review_time: '16:00',
  fiscal_year_start: 1,
};

export type SettingKey = keyof Settings;

export class SettingsStore {
  /** What the UI shows: the choice being saved, or the saved one. */
  current: Settings = $state({ ...DEFAULT_SETTINGS });
  /** Why the last change could not be saved, until the next change. */
  error: IpcError | null = $state(null);
  /** Which setting `error` is about. */
  failed: SettingKey | null = $state(null);

  #saved: Settings = { ...DEFAULT_SETTINGS };
  readonly #changes = new Latest();
  readonly #save: Api['settingsSet'];
  readonly #putOff: Api['firstRunPutOff'];

  constructor(save: Api['settingsSet'], putOff: Api['firstRunPutOff'] = () => api.firstRunPutOff()) {
    this.#save = save;
    this.#putOff = putOff;
  }

  /** Takes the settings read from the journal at start-up. */
  loaded(settings: Settings): void {
    this.#saved = { ...settings };
    this.current = { ...settings };
    this.error = null;
    this.failed = null;
  }

  /** The error of the last change when it was a change of `key`. */
  errorFor(key: SettingKey): IpcError | null {
    return this.failed === key ? this.error : null;
  }

  /**
   * Shows the new theme at once and saves it. If saving fails, the last saved choice comes
   * back and `error` says why. Only the newest change decides what is shown.
   */
  setTheme(theme: Theme): Promise<boolean> {
    return this.#change('theme', theme);
  }

  /** The speaking pace for story estimates, in words a minute (the core checks 80-220). */
  setPace(wordsPerMinute: number): Promise<boolean> {
    return this.#change('words_per_minute', wordsPerMinute);
  }

  /** How the window draws from its next start: automatic, GPU or software. */
  setRendering(rendering: Rendering): Promise<boolean> {
    return this.#change('rendering', rendering);
  }

  /** How many backups to keep (the core checks 1-365). */
  setBackupsKeep(keep: number): Promise<boolean> {
    return this.#change('backups_keep', keep);
  }

  /** The weekly review's day. */
  setReviewDay(day: ReviewDay): Promise<boolean> {
    return this.#change('review_day', day);
  }

  /** The weekly review's local time, "HH:MM" (the core checks it and writes it as 09:30). */
  setReviewTime(time: string): Promise<boolean> {
    return this.#change('review_time', time.trim());
  }

  /** The month (1-12) the fiscal year starts in, for quarter, half and year reviews. */
  setFiscalYearStart(month: number): Promise<boolean> {
    return this.#change('fiscal_year_start', month);
  }

  /**
   * "Later" on the first-run questions: they go at once, and the journal keeps the choice
   * (so another journal still asks). Resolves to null once saved, or to why it was not
   * (the questions stay away for this session).
   */
  async putOffFirstRun(): Promise<IpcError | null> {
    this.current = { ...this.current, first_run_put_off: true, rendering: 'auto' };
    try {
      const saved = await this.#putOff();
      this.#saved = { ...this.#saved, first_run_put_off: saved.first_run_put_off };
      this.current = { ...this.current, first_run_put_off: saved.first_run_put_off };
      return null;
    } catch (e) {
      return toIpcError(e);
    }
  }

  /** Resolves to true when this change is saved and still the newest. */
  async #change<K extends SettingKey>(key: K, value: Settings[K]): Promise<boolean> {
    if (value === this.current[key]) {
      // Typing the saved value back after a refusal clears the refusal.
      if (this.failed === key) {
        this.error = null;
        this.failed = null;
      }
      return true;
    }
    const newest = this.#changes.begin();
    const wanted: Settings = { ...this.current, [key]: value };
    this.current = wanted;
    this.error = null;
    this.failed = null;
    try {
      const saved = await this.#save(wanted);
      this.#saved = { ...saved };
      if (!newest()) return false;
      this.current = { ...saved };
      return true;
    } catch (e) {
      if (newest()) {
        this.current = { ...this.#saved };
        this.error = toIpcError(e);
        this.failed = key;
      }
      return false;
    }
  }
}

export const settings = new SettingsStore((s) => api.settingsSet(s));
