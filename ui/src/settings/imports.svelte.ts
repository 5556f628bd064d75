// Imports from other tools (JSON Resume, LinkedIn, Day One, a Markdown folder), in two
// steps: the source is read and previewed (nothing written), then imported on the
// engineer's confirmation. Shared by the first run on Home and Settings' Import card.

import { api, toIpcError, type Api } from '../lib/api';
import type { ImportPreview, ImportProgress, ImportSource } from '../lib/bindings';
import { asSentence } from '../lib/text';
import { everyInterval, withProgress, type Every } from './polling';
import { kindsText } from './transfer';

export type ImportsApi = Pick<Api, 'importPreview' | 'importProgress' | 'importConfirm' | 'importDiscard'>;

/** The sources a person picks from, in the order they are offered, with what each reads. */
export const OTHER_SOURCES: readonly { source: ImportSource; title: string; detail: string }[] = [
  { source: 'json-resume', title: 'A JSON Resume', detail: 'resume.json: positions, highlights, skills, awards' },
  { source: 'linkedin', title: 'A LinkedIn data export', detail: 'The ZIP of "Get a copy of your data"' },
  { source: 'dayone', title: 'A Day One journal', detail: 'Its JSON export, or the ZIP around it' },
  { source: 'markdown', title: 'A Markdown folder', detail: 'One written by Career Log, perhaps edited since' },
];

export function sourceTitle(source: ImportSource): string {
  return OTHER_SOURCES.find((s) => s.source === source)?.title ?? 'The file';
}

export type ImportPhase = 'idle' | 'reading' | 'preview' | 'importing';

export class ImportsStore {
  phase: ImportPhase = $state('idle');
  source: ImportSource | null = $state(null);
  /** Files or rows read while a large source is read. */
  progress: ImportProgress | null = $state(null);
  /** What the source holds and importing it would do (phase 'preview'). */
  preview: ImportPreview | null = $state(null);
  /** Why the source was refused, in sentences; said in the dialog. */
  error: string | null = $state(null);
  /** What the last import did, for the card that started it. */
  done: { source: ImportSource; text: string } | null = $state(null);

  readonly #api: ImportsApi;
  readonly #every: Every;
  /** Bumped by a cancel, so a read that ends after it is ignored. */
  #turn = 0;

  constructor(source: ImportsApi, every: Every = everyInterval) {
    this.#api = source;
    this.#every = every;
  }

  /** Whether the import dialog is up (reading, previewing, importing, or refused). */
  get open(): boolean {
    return this.phase !== 'idle' || this.error !== null;
  }

  /** Asks for the source, reads it and shows the preview; a cancelled dialog does nothing. */
  async choose(source: ImportSource): Promise<void> {
    if (this.phase !== 'idle') return;
    const turn = ++this.#turn;
    this.source = source;
    this.error = null;
    this.preview = null;
    this.progress = null;
    this.phase = 'reading';
    try {
      const preview = await withProgress(
        this.#every,
        () => this.#api.importProgress(),
        (p) => {
          if (turn === this.#turn) this.progress = p;
        },
        () => this.#api.importPreview(source),
      );
      if (turn !== this.#turn) return;
      if (preview === null) {
        this.phase = 'idle';
        return;
      }
      this.preview = preview;
      this.phase = 'preview';
    } catch (e) {
      if (turn !== this.#turn) return;
      this.error = refusal(e);
      this.phase = 'idle';
    }
  }

  /** Imports what the preview showed; `after` reloads what shows the journal. */
  async confirm(after?: () => Promise<void> | void): Promise<void> {
    if (this.phase !== 'preview' || !this.source) return;
    const source = this.source;
    this.phase = 'importing';
    try {
      const did = await this.#api.importConfirm();
      this.done = { source, text: summary(did) };
      this.preview = null;
      this.phase = 'idle';
      await after?.();
    } catch (e) {
      this.error = refusal(e);
      this.preview = null;
      this.phase = 'idle';
    }
  }

  /** Closes the dialog; a read still running is ignored when it ends. */
  cancel(): void {
    if (this.phase === 'importing') return;
    this.#turn++;
    const previewed = this.phase === 'preview';
    this.phase = 'idle';
    this.preview = null;
    this.error = null;
    this.progress = null;
    if (previewed) void this.#api.importDiscard().catch(() => {});
  }
}

function refusal(e: unknown): string {
  const error = toIpcError(e);
  const why = error.errors.length > 1 ? error.errors.map((x) => asSentence(x.message)) : [asSentence(error.message)];
  return ['Nothing was imported; your journal is unchanged.', ...why].join(' ');
}

/** "Imported 11 entries: 3 projects, 2 metrics and 6 notes; 6 resume bullets." */
export function summary(p: ImportPreview): string {
  const changed = p.report.added + p.report.updated;
  if (changed === 0 && p.bullets === 0) {
    return p.report.unchanged > 0
      ? `Nothing new: everything in ${sourceTitle(p.source).replace(/^A /, 'the ')} was already in your journal.`
      : 'There was nothing to import; your journal is unchanged.';
  }
  const kinds = kindsText(p.report.by_kind);
  let text = `Imported ${changed.toLocaleString('en')} ${changed === 1 ? 'entry' : 'entries'}`;
  text += kinds ? `: ${kinds}` : '';
  if (p.bullets > 0) text += `; ${p.bullets.toLocaleString('en')} resume ${p.bullets === 1 ? 'bullet' : 'bullets'}`;
  text += '.';
  if (p.report.unchanged > 0) {
    text += ` ${p.report.unchanged.toLocaleString('en')} ${p.report.unchanged === 1 ? 'was' : 'were'} already there.`;
  }
  return text;
}

export const imports = new ImportsStore(api);
