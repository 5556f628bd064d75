// Turning encryption on, changing the passphrase, turning it off: one change at a time,
// checked here first, then rewritten by the core (the journal and every backup).

import { api, ipcError, toIpcError, type Api } from '../lib/api';
import type { AppInfo, IpcError } from '../lib/bindings';
import { checkPassphrases, encryptionArgs, type EncryptionChange, type PassphraseFields } from './passphrase';

export type EncryptionApi = Pick<Api, 'encryptionSet'>;

export class EncryptionStore {
  /** The change being written, while the core rewrites the files. */
  running: EncryptionChange | null = $state(null);

  readonly #api: EncryptionApi;

  constructor(source: EncryptionApi) {
    this.#api = source;
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
    try {
      const [current, next] = encryptionArgs(change, fields);
      return { ok: true, info: await this.#api.encryptionSet(current, next) };
    } catch (e) {
      return { ok: false, error: toIpcError(e) };
    } finally {
      this.running = null;
    }
  }
}

export const encryption = new EncryptionStore(api);
