// The Inbox's state: the open proposals a capture scan made, paged newest work first; the
// one under the keyboard and the ones selected; triage (accept, dismiss, merge) with Undo;
// and the scan that may be running, whose progress is polled from the core.

import { journal } from '../journal/journal.svelte';
import { api, toIpcError, type Api } from '../lib/api';
import type { IpcError, Proposal, ScanProgress, ScanReport, Triage } from '../lib/bindings';
import type { LazyStatus } from '../lib/latest';
import { Latest } from '../lib/latest';
import { asSentence } from '../lib/text';
import { toaster, type Toaster } from '../lib/toast.svelte';
import { everyInterval, withProgress, type Every } from '../settings/polling';
import { triageText, type Verb } from './describe';

export type InboxApi = Pick<
  Api,
  | 'inboxPage'
  | 'inboxAccept'
  | 'inboxAcceptMany'
  | 'inboxDismiss'
  | 'inboxMerge'
  | 'inboxUndo'
  | 'captureScan'
  | 'captureProgress'
  | 'captureCancel'
>;

/** Proposals asked for at a time; more come as the list is scrolled or walked to its end. */
export const PAGE_SIZE = 100;

/** A scan from the window: running, or how it ended. */
export interface Scan {
  phase: 'running' | 'done' | 'cancelled' | 'failed';
  progress: ScanProgress | null;
  report: ScanReport | null;
  error: IpcError | null;
  /** Cancel was pressed; the core stops at the next commit. */
  cancelling: boolean;
}

/** The last triage, as Undo (the button or `u`) takes it back. */
interface Done {
  ids: number[];
  text: string;
}

export class InboxStore {
  proposals: Proposal[] = $state([]);
  /** Open proposals in all, on every page: the nav's badge. */
  total = $state(0);
  status: LazyStatus = $state('idle');
  error: IpcError | null = $state(null);
  /** The proposal under the keyboard: the actions act on it. */
  focused: number | null = $state(null);
  selected: number[] = $state([]);
  /** Why accepting a proposal was refused, shown beside it (a metric with no project...). */
  refusals: Record<number, IpcError> = $state({});
  scan: Scan | null = $state(null);
  /** Something was triaged that Undo can take back. */
  canUndo = $state(false);

  readonly #api: InboxApi;
  readonly #toaster: Pick<Toaster, 'show'>;
  readonly #every: Every;
  /** The journal (or what Home counts of it) changed: other screens reload. */
  readonly #changed: () => void;
  readonly #reads = new Latest();
  #last: Done | null = null;
  #anchor: number | null = null;

  constructor(
    source: InboxApi,
    toasts: Pick<Toaster, 'show'> = toaster,
    every: Every = everyInterval,
    changed: () => void = () => {},
  ) {
    this.#api = source;
    this.#toaster = toasts;
    this.#every = every;
    this.#changed = changed;
  }

  get hasMore(): boolean {
    return this.proposals.length < this.total;
  }

  get scanning(): boolean {
    return this.scan?.phase === 'running';
  }

  /** The selected proposals, in list order. */
  get selection(): Proposal[] {
    return this.proposals.filter((p) => this.selected.includes(p.id));
  }

  /** Two or more notes selected, and nothing else: they can merge into one. */
  get canMerge(): boolean {
    const chosen = this.selection;
    return chosen.length >= 2 && chosen.every((p) => p.kind === 'note');
  }

  /** The open count as another screen read it (Home's overview), until the inbox reads its own. */
  know(open: number): void {
    if (this.status !== 'ready') this.total = open;
  }

  /** The first page again, keeping at least as many as are shown (after a scan or an undo). */
  load(): Promise<void> {
    if (this.status === 'idle') this.status = 'loading';
    const want = Math.max(PAGE_SIZE, Math.min(this.proposals.length, 500));
    return this.#reads.read(
      () => this.#api.inboxPage(0, want),
      (page) => {
        this.proposals = page.proposals;
        this.total = page.total;
        this.status = 'ready';
        this.error = null;
        const ids = new Set(page.proposals.map((p) => p.id));
        this.selected = this.selected.filter((id) => ids.has(id));
        if (this.focused === null || !ids.has(this.focused)) this.focused = page.proposals[0]?.id ?? null;
      },
      (e) => {
        this.error = e;
        this.status = 'error';
      },
    );
  }

  /** The next page, after those shown. */
  more(): Promise<void> {
    if (!this.hasMore) return Promise.resolve();
    const ticket = this.#reads.current();
    const offset = this.proposals.length;
    return this.#reads.once(`more-${offset}`, async () => {
      try {
        const page = await this.#api.inboxPage(offset, PAGE_SIZE);
        if (!ticket() || this.proposals.length !== offset) return;
        this.proposals = [...this.proposals, ...page.proposals];
        this.total = page.total;
      } catch (e) {
        this.#toaster.show(`Could not read more of the inbox. ${asSentence(toIpcError(e).message)}`);
      }
    });
  }

  // --- The keyboard and the selection ---

  focus(id: number): void {
    this.focused = id;
  }

  /** Moves the focus down (1) or up (-1); at the end of what is shown, the next page comes. */
  move(step: 1 | -1): void {
    const at = this.proposals.findIndex((p) => p.id === this.focused);
    const next = Math.max(0, Math.min(this.proposals.length - 1, at + step));
    const target = this.proposals[next];
    if (target) this.focused = target.id;
    if (step === 1 && next >= this.proposals.length - 5) void this.more();
  }

  /** Selects or unselects one; with `range`, everything from the last one toggled to it. */
  toggle(id: number, range = false): void {
    const ids = this.proposals.map((p) => p.id);
    if (range && this.#anchor !== null && ids.includes(this.#anchor)) {
      const from = ids.indexOf(this.#anchor);
      const to = ids.indexOf(id);
      const span = ids.slice(Math.min(from, to), Math.max(from, to) + 1);
      this.selected = [...new Set([...this.selected, ...span])];
    } else {
      this.selected = this.selected.includes(id) ? this.selected.filter((s) => s !== id) : [...this.selected, id];
    }
    this.#anchor = id;
  }

  clearSelection(): void {
    this.selected = [];
  }

  // --- Triage ---

  /** Accepts one as proposed, or under `projectId`; false when refused (the item says why). */
  async accept(id: number, projectId: number | null = null): Promise<boolean> {
    try {
      const triage = await this.#api.inboxAccept(id, null, projectId);
      this.#done('accept', [id], triage);
      return true;
    } catch (e) {
      this.#refused(id, toIpcError(e));
      return false;
    }
  }

  /**
   * Accepts one as its form sent it. A refusal is thrown on, for the form to show next to
   * its fields.
   */
  async acceptEdited(id: number, input: unknown): Promise<void> {
    const triage = await this.#api.inboxAccept(id, input, null);
    this.#done('accept', [id], triage);
  }

  /** Accepts the repository's project proposal, then `id` under it. */
  async acceptWithProject(id: number, projectProposal: number): Promise<boolean> {
    try {
      const triage = await this.#api.inboxAcceptMany([projectProposal, id], null);
      this.#done('accept', [projectProposal, id], triage);
      return true;
    } catch (e) {
      this.#refused(id, toIpcError(e));
      return false;
    }
  }

  /** Accepts the selection: all of it, or none when one cannot be. */
  async acceptSelected(projectId: number | null = null): Promise<boolean> {
    const ids = this.selection.map((p) => p.id);
    if (!ids.length) return false;
    return this.#bulk('accept', ids, () => this.#api.inboxAcceptMany(ids, projectId));
  }

  dismiss(ids: number[]): Promise<boolean> {
    if (!ids.length) return Promise.resolve(false);
    return this.#bulk('dismiss', ids, () => this.#api.inboxDismiss(ids));
  }

  dismissSelected(): Promise<boolean> {
    return this.dismiss(this.selection.map((p) => p.id));
  }

  /** Merges the selected notes into one proposed note, which takes their place. */
  async mergeSelected(): Promise<boolean> {
    if (!this.canMerge) return false;
    const ids = this.selection.map((p) => p.id);
    try {
      const triage = await this.#api.inboxMerge(ids);
      const merged = triage.proposals[0];
      const at = this.proposals.findIndex((p) => ids.includes(p.id));
      const kept = this.proposals.filter((p) => !ids.includes(p.id));
      if (merged) kept.splice(Math.max(at, 0), 0, merged);
      this.proposals = kept;
      this.total = triage.open;
      this.selected = [];
      this.focused = merged?.id ?? kept[0]?.id ?? null;
      this.#remember(
        merged ? [merged.id] : [],
        triageText('merge', ids.length),
      );
      return true;
    } catch (e) {
      this.#toaster.show(`Could not merge. ${asSentence(toIpcError(e).message)}`);
      return false;
    }
  }

  /** Takes back the last triage: its proposals come back to the inbox. */
  async undo(): Promise<boolean> {
    const last = this.#last;
    if (!last) return false;
    this.#last = null;
    this.canUndo = false;
    try {
      const triage = await this.#api.inboxUndo(last.ids);
      this.total = triage.open;
      this.#changed();
      this.#reads.invalidate();
      await this.load();
      const back = triage.proposals[0];
      if (back) this.focused = back.id;
      this.#toaster.show(`Undone: ${triage.proposals.length === 1 ? 'the proposal is' : `${triage.proposals.length} proposals are`} back in the inbox`);
      return true;
    } catch (e) {
      this.#toaster.show(`Could not undo. ${asSentence(toIpcError(e).message)}`);
      return false;
    }
  }

  async #bulk(verb: Verb, ids: number[], act: () => Promise<Triage>): Promise<boolean> {
    try {
      this.#done(verb, ids, await act());
      return true;
    } catch (e) {
      const error = toIpcError(e);
      if (ids.length === 1) this.#refused(ids[0] as number, error);
      else this.#toaster.show(`Nothing was ${verb === 'accept' ? 'accepted' : 'dismissed'}. ${asSentence(error.message)}`);
      return false;
    }
  }

  /** The proposals acted on leave the list; the focus goes to the one after them. */
  #done(verb: Verb, ids: number[], triage: Triage): void {
    const before = this.proposals;
    const kept = before.filter((p) => !ids.includes(p.id));
    this.proposals = kept;
    this.total = triage.open;
    this.selected = this.selected.filter((id) => !ids.includes(id));
    const refusals = { ...this.refusals };
    for (const id of ids) delete refusals[id];
    this.refusals = refusals;
    if (this.focused !== null && ids.includes(this.focused)) {
      const at = before.findIndex((p) => p.id === this.focused);
      const after = before.slice(at).find((p) => !ids.includes(p.id)) ?? kept[kept.length - 1];
      this.focused = after?.id ?? null;
    }
    // Home's count follows every triage, and an accepted one is a new entry.
    this.#changed();
    this.#remember(ids, triageText(verb, ids.length, triage.proposals));
    if (verb === 'accept' && triage.proposals.some((p) => p.kind === 'project')) {
      // Its repository has a project now: what else it proposed lands under it.
      this.refusals = {};
      this.#reads.invalidate();
      void this.load();
    } else if (this.proposals.length < PAGE_SIZE / 2 && this.hasMore) {
      void this.more();
    }
  }

  #remember(ids: number[], text: string): void {
    this.#last = { ids, text };
    this.canUndo = ids.length > 0;
    this.#toaster.show(text, { label: 'Undo', run: () => this.undo() });
  }

  #refused(id: number, error: IpcError): void {
    if (error.field === 'project_id' || error.errors.some((e) => e.field === 'project_id')) {
      this.refusals = { ...this.refusals, [id]: error };
    } else {
      this.#toaster.show(`Could not do that. ${asSentence(error.message)}`);
    }
  }

  /** Forgets a refusal shown beside a proposal. */
  forget(id: number): void {
    const refusals = { ...this.refusals };
    delete refusals[id];
    this.refusals = refusals;
  }

  // --- Scans ---

  /** Scans the settings' folders into the inbox, with its progress shown as it goes. */
  async startScan(): Promise<ScanReport | null> {
    if (this.scanning) return null;
    this.scan = { phase: 'running', progress: null, report: null, error: null, cancelling: false };
    const shown = (progress: ScanProgress) => {
      if (this.scan?.phase === 'running') this.scan.progress = progress;
    };
    try {
      const report = await withProgress(
        this.#every,
        () => this.#api.captureProgress(),
        shown,
        () => this.#api.captureScan(null),
      );
      this.scan = { phase: 'done', progress: this.scan?.progress ?? null, report, error: null, cancelling: false };
      if (report.proposed.project + report.proposed.note + report.proposed.artifact + report.proposed.metric > 0) {
        this.#changed();
      }
      this.#reads.invalidate();
      await this.load();
      return report;
    } catch (e) {
      const error = toIpcError(e);
      const progress = this.scan?.progress ?? null;
      const phase = error.kind === 'cancelled' ? 'cancelled' : 'failed';
      this.scan = { phase, progress, report: null, error: phase === 'failed' ? error : null, cancelling: false };
      return null;
    }
  }

  /** Asks the running scan to stop; it ends as `cancelled`, with the inbox as it was. */
  async cancelScan(): Promise<void> {
    if (!this.scan || this.scan.phase !== 'running') return;
    this.scan.cancelling = true;
    try {
      await this.#api.captureCancel();
    } catch {
      // The scan ends by itself then; its own answer says how.
    }
  }

  /** Forgets a finished scan's summary. */
  dismissScan(): void {
    if (this.scan && this.scan.phase !== 'running') this.scan = null;
  }
}

// An accepted proposal is a new journal entry: the journal's screens reload.
export const inbox = new InboxStore(api, toaster, everyInterval, () => journal.external());
