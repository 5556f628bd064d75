// Settings > Capture: the folders scanned for repositories, the identities that are the
// engineer's, and the folder names passed over; edited as a draft, saved together.

import { api, toIpcError, type Api } from '../lib/api';
import type { CaptureSetup, IpcError } from '../lib/bindings';
import type { LazyStatus } from '../lib/latest';

export type CaptureApi = Pick<Api, 'captureSetupGet' | 'captureSettingsSet'>;

export type CaptureList = 'folders' | 'identities' | 'exclusions';

export class CaptureStore {
  setup: CaptureSetup | null = $state(null);
  status: LazyStatus = $state('idle');
  /** The lists as edited, not saved yet. */
  draft: Record<CaptureList, string[]> = $state({ folders: [], identities: [], exclusions: [] });
  /** Why the last save (or read) was refused; a field's error names its list. */
  error: IpcError | null = $state(null);
  saved = $state(false);
  saving = $state(false);

  readonly #api: CaptureApi;

  constructor(source: CaptureApi) {
    this.#api = source;
  }

  /** No folder saved: a scan has nowhere to look. */
  get unconfigured(): boolean {
    return this.setup !== null && this.setup.settings.folders.length === 0;
  }

  get dirty(): boolean {
    const s = this.setup?.settings;
    if (!s) return false;
    return (['folders', 'identities', 'exclusions'] as const).some((k) => s[k].join('\n') !== this.draft[k].join('\n'));
  }

  async load(): Promise<void> {
    if (this.status === 'idle') this.status = 'loading';
    try {
      this.#show(await this.#api.captureSetupGet());
      this.error = null;
    } catch (e) {
      this.error = toIpcError(e);
      this.status = 'error';
    }
  }

  /** Adds a typed value to a list (trimmed; a repeat or blank is not added). */
  add(list: CaptureList, value: string): boolean {
    const v = value.trim();
    if (!v || this.draft[list].includes(v)) return false;
    this.draft[list] = [...this.draft[list], v];
    this.saved = false;
    return true;
  }

  remove(list: CaptureList, value: string): void {
    this.draft[list] = this.draft[list].filter((v) => v !== value);
    this.saved = false;
  }

  /** Saves the draft; false when refused (the error names the list). */
  async save(): Promise<boolean> {
    this.saving = true;
    try {
      this.#show(await this.#api.captureSettingsSet({ ...this.draft }));
      this.error = null;
      this.saved = true;
      return true;
    } catch (e) {
      this.error = toIpcError(e);
      this.saved = false;
      return false;
    } finally {
      this.saving = false;
    }
  }

  #show(setup: CaptureSetup): void {
    this.setup = setup;
    this.draft = {
      folders: [...setup.settings.folders],
      identities: [...setup.settings.identities],
      exclusions: [...setup.settings.exclusions],
    };
    this.status = 'ready';
  }
}

export const capture = new CaptureStore(api);
