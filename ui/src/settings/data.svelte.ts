// The Import and export card's state: one file action at a time, and what the last one
// did (a saved path, an import's counts, or why a file was refused).

import { api, toIpcError, type Api } from '../lib/api';
import { asSentence } from '../lib/text';
import { importSummary, type ImportSource } from './transfer';

export type DataApi = Pick<Api, 'journalExportSave' | 'journalImportPick' | 'markdownExportPick'>;

export type DataAction = 'export' | 'markdown' | ImportSource;

export interface DataResult {
  action: DataAction;
  tone: 'good' | 'error';
  text: string;
}

export class DataStore {
  running: DataAction | null = $state(null);
  result: DataResult | null = $state(null);

  readonly #api: DataApi;

  constructor(source: DataApi) {
    this.#api = source;
  }

  /** Saves the whole journal as JSON where the engineer picks (native dialog). */
  async exportJournal(): Promise<void> {
    await this.#run('export', async () => {
      const path = await this.#api.journalExportSave();
      return path === null ? null : `Saved the whole journal to ${path}.`;
    });
  }

  /** Writes the journal as a folder of Markdown files where the engineer picks. */
  async exportMarkdown(): Promise<void> {
    await this.#run('markdown', async () => {
      const done = await this.#api.markdownExportPick();
      if (done === null) return null;
      const { files, folders } = done.report;
      return `Wrote ${files.toLocaleString('en')} files in ${folders.toLocaleString('en')} folders to ${done.path}.`;
    });
  }

  /** Imports a file the engineer picks, all or nothing. */
  async importFrom(source: ImportSource): Promise<void> {
    await this.#run(source, async () => {
      const report = await this.#api.journalImportPick(source);
      if (report === null) return null;
      return importSummary(report, source);
    });
  }

  /** `work` gives the text to show, or null when the dialog was cancelled. */
  async #run(action: DataAction, work: () => Promise<string | null>): Promise<void> {
    if (this.running) return;
    this.running = action;
    try {
      const text = await work();
      // A cancelled dialog leaves the last result as it was.
      if (text !== null) this.result = { action, tone: 'good', text };
    } catch (e) {
      const error = toIpcError(e);
      const what =
        action === 'export' || action === 'markdown'
          ? 'The journal was not exported.'
          : 'Nothing was imported; your journal is unchanged.';
      // Every problem the core found, each in its own sentence (the first is `message`).
      const why = error.errors.length > 1 ? error.errors.map((e) => asSentence(e.message)) : [asSentence(error.message)];
      this.result = { action, tone: 'error', text: [what, ...why].join(' ') };
    } finally {
      this.running = null;
    }
  }
}

export const data = new DataStore(api);
