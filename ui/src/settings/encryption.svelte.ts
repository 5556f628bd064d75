// Turning encryption on, changing the passphrase, turning it off: one change at a time,
// checked here first, then rewritten by the core (the journal and every backup), with
// its progress polled while it runs.

import { api, ipcError, toIpcError, type Api } from '../lib/api';
import type { AppInfo, CopyProgress, IpcError } from '../lib/bindings';
import { progressPercent } from './backupFormat';
import { checkPassphrases, encryptionArgs, type EncryptionChange, type PassphraseFields } from './passphrase';
import { everyInterval, withProgress, type Every } from './polling';

export type EncryptionApi = Pick<Api, 'encryptionSet' | 'encryptionProgress'>;

export class EncryptionStore {
  /** The change being written, while the core rewrites the files. */
  running: EncryptionChange | null = $state(null);
  /** Kibibytes rewritten and in all, while it runs; null before the first figure. */
  progress: CopyProgress | null = $state(null);

  readonly #api: EncryptionApi;
  readonly #every: Every;

  constructor(source: EncryptionApi, every: Every = everyInterval) {
    this.#api = source;
    this.#every = every;
  }

  /** The bar's percentage while the files are rewritten. */
  get percent(): number {
    return progressPercent(this.progress, false);
  }

  /**
   * Applies the change; the journal's new facts, or the error to show by field (the
   * form's own check, or the core's: `current` wrong, `passphrase` too short).
   */
  async apply(
    change: EncryptionChange,
    fields: PassphraseFields,
  ): Promise<{ ok: true; info: AppInfo } | { ok: false; error: IpcError }> {
    const refused = checkPassphrases(change, fields);
    if (refused) return { ok: false, error: refused };
    if (this.running) return { ok: false, error: ipcError('invalid', 'a change is being written') };
    this.running = change;
    this.progress = null;
    const shown = (progress: CopyProgress) => {
      if (this.running) this.progress = progress;
    };
    try {
      const [current, next] = encryptionArgs(change, fields);
      const info = await withProgress(
        this.#every,
        () => this.#api.encryptionProgress(),
        shown,
        () => this.#api.encryptionSet(current, next),
      );
      return { ok: true, info };
    } catch (e) {
      return { ok: false, error: toIpcError(e) };
    } finally {
      this.running = null;
      this.progress = null;
    }
  }
}

export const encryption = new EncryptionStore(api);
