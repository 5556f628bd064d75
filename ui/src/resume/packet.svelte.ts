// The review packet's state: the period and target asked for, the packet the core built for
// them (with the engineer's edits over the journal's words), the sentence being edited, and
// the writes: an edit, a reset that Undo puts back, and the save of the document.

import { api, toIpcError, type Api } from '../lib/api';
import type { DocumentFormat, IpcError, Packet, PacketRequest, PacketSentence, PacketTarget } from '../lib/bindings';
import { Latest, type LazyStatus } from '../lib/latest';
import { asSentence } from '../lib/text';
import { toaster, type Toaster } from '../lib/toast.svelte';
import { savedText } from './exporting';
import { BLANK_PACKET, lastYear, packetKey, packetRequest, type PacketFields } from './packet';

export type PacketApi = Pick<Api, 'packetTargets' | 'packetGet' | 'packetEdit' | 'packetReset' | 'packetSave'>;

export class PacketStore {
  fields: PacketFields = $state({ ...BLANK_PACKET });
  targets: PacketTarget[] = $state([]);

  packet: Packet | null = $state(null);
  status: LazyStatus = $state('idle');
  /** Why the last build was refused: a field's (`since`, `until`, `target`) or the journal's. */
  error: IpcError | null = $state(null);

  /** The key of the sentence whose editor is open. */
  editing: string | null = $state(null);
  /** The format being saved, while the save is under way. */
  saving: DocumentFormat | null = $state(null);
  saved: string | null = $state(null);
  saveError: string | null = $state(null);

  readonly #api: PacketApi;
  readonly #toaster: Pick<Toaster, 'show'>;
  readonly #builds = new Latest();
  /** What the packet shown was built for: edits and saves go to it, not to fields mid-typing. */
  #shown: PacketRequest | null = null;

  constructor(source: PacketApi, toasts: Pick<Toaster, 'show'>) {
    this.#api = source;
    this.#toaster = toasts;
  }

  /** The request the fields make, or the field they fail on. */
  get request() {
    return packetRequest(this.fields);
  }

  /** The request the packet shown answers, once one is shown. */
  get shownRequest(): PacketRequest | null {
    return this.#shown;
  }

  /**
   * Entering the view: the targets, and the last full year when no period is set yet. A
   * packet shown before is built again (the journal may have changed since), kept on show.
   */
  async open(today: string, fiscalStart: number): Promise<void> {
    if (this.fields.since === '' && this.fields.until === '') this.setPeriod(lastYear(today, fiscalStart));
    if (this.status !== 'loading') this.status = 'idle';
    try {
      this.targets = await this.#api.packetTargets();
    } catch (e) {
      this.error = toIpcError(e);
    }
  }

  setPeriod(period: { since: string; until: string }): void {
    this.fields.since = period.since;
    this.fields.until = period.until;
  }

  /** Whether the fields ask for something other than the packet shown (or being built). */
  get stale(): boolean {
    const r = this.request;
    return r.ok && (this.#shown === null || packetKey(r.value) !== packetKey(this.#shown));
  }

  /** Builds the packet the fields ask for; a refused field shows beside it, with no call. */
  build(): Promise<void> {
    const parsed = this.request;
    if (!parsed.ok) {
      this.error = parsed.error;
      return Promise.resolve();
    }
    const request = parsed.value;
    this.status = 'loading';
    return this.#builds.read(
      () => this.#api.packetGet(request),
      (packet) => this.#show(request, packet),
      (e) => {
        this.error = e;
        this.status = 'error';
      },
    );
  }

  #show(request: PacketRequest, packet: Packet): void {
    if (this.#shown === null || packetKey(request) !== packetKey(this.#shown)) {
      this.editing = null;
      this.saved = null;
    }
    this.#shown = request;
    this.packet = packet;
    this.status = 'ready';
    this.error = null;
    this.saveError = null;
  }

  sentence(key: string): PacketSentence | null {
    for (const section of this.packet?.sections ?? []) {
      const found = section.sentences.find((s) => s.key === key);
      if (found) return found;
    }
    return null;
  }

  /** Rewords a sentence and shows the packet rebuilt with it; rejects with the IpcError for the editor. */
  async edit(key: string, text: string): Promise<void> {
    const request = this.#shown;
    if (!request) return;
    const ticket = this.#builds.begin();
    const packet = await this.#api.packetEdit(request, key, text);
    if (ticket()) this.#show(request, packet);
    this.editing = null;
  }

  /** Back to the journal's words; Undo in the message that follows puts the edit back. */
  async reset(key: string): Promise<void> {
    const request = this.#shown;
    const previous = this.sentence(key)?.text;
    if (!request || previous === undefined) return;
    const ticket = this.#builds.begin();
    try {
      const packet = await this.#api.packetReset(request, key);
      if (ticket()) this.#show(request, packet);
      this.editing = null;
      this.#toaster.show('Back to the journal’s words', { label: 'Undo', run: () => this.#putBack(request, key, previous) });
    } catch (e) {
      this.#toaster.show(`Could not reset the sentence. ${asSentence(toIpcError(e).message)}`);
    }
  }

  async #putBack(request: PacketRequest, key: string, text: string): Promise<void> {
    const ticket = this.#builds.begin();
    try {
      const packet = await this.#api.packetEdit(request, key, text);
      if (ticket() && this.#shown && packetKey(this.#shown) === packetKey(request)) this.#show(request, packet);
    } catch (e) {
      this.#toaster.show(`Could not put the edit back. ${asSentence(toIpcError(e).message)}`);
    }
  }

  /** Saves the packet shown as a document through the native dialog. */
  async save(format: DocumentFormat): Promise<void> {
    const request = this.#shown;
    if (!request || this.saving) return;
    this.saving = format;
    this.saved = null;
    this.saveError = null;
    try {
      this.saved = savedText(await this.#api.packetSave(request, format));
    } catch (e) {
      this.saveError = `Could not save. ${asSentence(toIpcError(e).message)}`;
    } finally {
      this.saving = null;
    }
  }
}

export const packet = new PacketStore(api, toaster);
