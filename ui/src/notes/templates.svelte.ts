// The note templates the engineer has (shipped, edited, their own): read once when first
// needed, reloaded after each change. Settings edits them; a new note starts from one.

import { api, toIpcError, type Api } from '../lib/api';
import type { IpcError, NoteTemplate, Template } from '../lib/bindings';
import { Latest, type LazyStatus } from '../lib/latest';
import { asSentence } from '../lib/text';
import { toaster, type Toaster } from '../lib/toast.svelte';

export type TemplatesApi = Pick<Api, 'templateList' | 'templateSave' | 'templateRemove' | 'templateRestore'>;

export class TemplatesStore {
  list: NoteTemplate[] = $state([]);
  status: LazyStatus = $state('idle');
  error: IpcError | null = $state(null);

  readonly #api: TemplatesApi;
  readonly #toasts: Pick<Toaster, 'show'>;
  readonly #reads = new Latest();

  constructor(source: TemplatesApi, toasts: Pick<Toaster, 'show'>) {
    this.#api = source;
    this.#toasts = toasts;
  }

  /** Reads the list the first time it is needed. */
  ensure(): Promise<void> {
    return this.status === 'idle' ? this.load() : Promise.resolve();
  }

  async load(): Promise<void> {
    const newest = this.#reads.begin();
    if (this.status !== 'ready') this.status = 'loading';
    try {
      const list = await this.#api.templateList();
      if (!newest()) return;
      this.list = list;
      this.status = 'ready';
      this.error = null;
    } catch (e) {
      if (!newest()) return;
      this.error = toIpcError(e);
      this.status = 'error';
    }
  }

  /** Saves (rejects with the core's refusal, by field) and reloads the list. */
  async save(template: Template): Promise<NoteTemplate> {
    const saved = await this.#api.templateSave(template);
    await this.load();
    return saved;
  }

  /**
   * Removes one of the engineer's own, or resets an edited one to shipped; the toast offers
   * Undo. A failure is said in the toast.
   */
  async remove(template: NoteTemplate): Promise<void> {
    const reset = template.source === 'edited';
    try {
      await this.#api.templateRemove(template.slug);
    } catch (e) {
      this.#toasts.show(`Could not ${reset ? 'reset' : 'remove'} the template. ${asSentence(toIpcError(e).message)}`);
      return;
    }
    await this.load();
    this.#toasts.show(reset ? `Reset “${template.title}” to the shipped one` : `Removed the template “${template.title}”`, {
      label: 'Undo',
      run: () => this.restore(template.slug),
    });
  }

  async restore(slug: string): Promise<boolean> {
    try {
      await this.#api.templateRestore(slug);
      await this.load();
      return true;
    } catch (e) {
      this.#toasts.show(`Could not bring the template back. ${asSentence(toIpcError(e).message)}`);
      return false;
    }
  }
}

export const templates = new TemplatesStore(api, toaster);
