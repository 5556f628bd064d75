import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../lib/bindings';
import { DataStore, type DataApi } from './data.svelte';

const report: ImportReport = { added: 2, updated: 0, unchanged: 0, by_kind: [{ kind: 'note', count: 2 }] };

function store(overrides: Partial<DataApi>) {
  return new DataStore({
    journalExportSave: async () => '/home/me/career-log-journal.json',
    journalImportPick: async () => report,
    markdownExportPick: async () => ({
      path: '/home/me/career-log-markdown',
      report: { files: 14, folders: 5, changed: 0, removed: 0 },
    }),
    ...overrides,
  });
}

describe('DataStore', () => {
  it('says where the export was saved', async () => {
    const data = store({});
    await data.exportJournal();
    expect(data.result).toEqual({
      action: 'export',
      tone: 'good',
      text: 'Saved the whole journal to /home/me/career-log-journal.json.',
    });
  });

  it('says where the Markdown folder went and how big it is', async () => {
    const data = store({});
    await data.exportMarkdown();
    expect(data.result).toEqual({
      action: 'markdown',
      tone: 'good',
      text: 'Wrote 14 files in 5 folders to /home/me/career-log-markdown.',
    });
  });

  it('summarises an import by kind', async () => {
    const data = store({});
    await data.importFrom('jrnl');
    expect(data.result?.tone).toBe('good');
    expect(data.result?.text).toBe('Imported 2 entries (2 added): 2 notes.');
    expect(data.running).toBeNull();
  });

  it('keeps the last result when a dialog is cancelled', async () => {
    let picked: ImportReport | null = report;
    const data = store({ journalImportPick: async () => picked });
    await data.importFrom('journal');
    picked = null;
    await data.importFrom('journal');
    expect(data.result?.text).toContain('Imported 2 entries');
  });

  it('shows the reason and the place a file was refused, and that nothing changed', async () => {
    const data = store({
      journalImportPick: () =>
        Promise.reject({ kind: 'invalid', field: 'file', message: 'line 3, column 9: expected a string for "title"', errors: [{ field: 'file', message: 'line 3, column 9: expected a string for "title"' }] }),
    });
    await data.importFrom('journal');
    expect(data.result).toEqual({
      action: 'journal',
      tone: 'error',
      text: 'Nothing was imported; your journal is unchanged. Line 3, column 9: expected a string for "title".',
    });
  });

  it('says every problem the core found, each as a sentence', async () => {
    const errors = [
      { field: 'file', message: 'entry 2 (a metric, "p99 latency"): the result is missing' },
      { field: 'file', message: 'entry 5 ("Standup"): the date is not a date ("2024-13-01"); write it as YYYY-MM-DD' },
    ];
    const data = store({
      journalImportPick: () => Promise.reject({ kind: 'invalid', field: 'file', message: errors[0]!.message, errors }),
    });
    await data.importFrom('jrnl');
    expect(data.result?.text).toBe(
      'Nothing was imported; your journal is unchanged. Entry 2 (a metric, "p99 latency"): the result is missing. ' +
        'Entry 5 ("Standup"): the date is not a date ("2024-13-01"); write it as YYYY-MM-DD.',
    );
  });

  it('runs one action at a time', async () => {
    let release!: () => void;
    const data = store({
      journalExportSave: () => new Promise((resolve) => (release = () => resolve('/x.json'))),
    });
    const first = data.exportJournal();
    expect(data.running).toBe('export');
    await data.importFrom('jrnl');
    expect(data.result).toBeNull();
    release();
    await first;
    expect(data.result?.action).toBe('export');
  });
});
