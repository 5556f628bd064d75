import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../lib/bindings';
import { ImportsStore, summary, type ImportsApi } from './imports.svelte';
import type { Every } from './polling';

const preview: ImportPreview = {
  source: 'json-resume',
  path: '/home/me/resume.json',
  report: {
    added: 4,
    updated: 0,
    unchanged: 1,
    by_kind: [
      { kind: 'project', count: 2 },
      { kind: 'note', count: 2 },
    ],
  },
  first: [{ kind: 'project', title: 'Staff Engineer at Fabrikam', date: '2022-03-01', updated: false }],
  bullets: 2,
  profile: ['name'],
  skipped: [{ what: 'education (1)', why: 'Career Log has no place for it yet' }],
  committed: false,
};

const never: Every = () => () => {};

function store(overrides: Partial<ImportsApi> = {}) {
  const calls: string[] = [];
  const api: ImportsApi = {
    importPreview: async () => {
      calls.push('preview');
      return preview;
    },
    importProgress: async () => null,
    importConfirm: async () => {
      calls.push('confirm');
      return { ...preview, committed: true };
    },
    importDiscard: async () => {
      calls.push('discard');
    },
    ...overrides,
  };
  return { imports: new ImportsStore(api, never), calls };
}

describe('ImportsStore', () => {
  it('previews first and imports only on confirmation', async () => {
    const { imports, calls } = store();
    await imports.choose('json-resume');
    expect(imports.phase).toBe('preview');
    expect(imports.preview?.report.added).toBe(4);
    expect(calls).toEqual(['preview']);
    let reloaded = false;
    await imports.confirm(() => {
      reloaded = true;
    });
    expect(calls).toEqual(['preview', 'confirm']);
    expect(reloaded).toBe(true);
    expect(imports.open).toBe(false);
    expect(imports.done?.text).toBe('Imported 4 entries: 2 projects and 2 notes; 2 resume bullets. 1 was already there.');
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { imports } = store({ importPreview: async () => null });
    await imports.choose('linkedin');
    expect(imports.open).toBe(false);
    expect(imports.done).toBeNull();
  });

  it('forgets a preview on cancel, and a read that ends after a cancel is ignored', async () => {
    const { imports, calls } = store();
    await imports.choose('dayone');
    imports.cancel();
    expect(calls).toEqual(['preview', 'discard']);
    expect(imports.open).toBe(false);

    let finish: (p: ImportPreview) => void = () => {};
    const slow = store({ importPreview: () => new Promise((resolve) => (finish = resolve)) });
    const reading = slow.imports.choose('markdown');
    expect(slow.imports.phase).toBe('reading');
    slow.imports.cancel();
    finish(preview);
    await reading;
    expect(slow.imports.open).toBe(false);
    expect(slow.imports.preview).toBeNull();
  });

  it('says why a file was refused, every problem as a sentence, and that nothing changed', async () => {
    const errors = [
      { field: 'file', message: 'Positions.csv row 4: the start date is not a date ("Marchh 2021")' },
      { field: 'file', message: 'Positions.csv row 9: the title is missing' },
    ];
    const { imports } = store({
      importPreview: () => Promise.reject({ kind: 'invalid', field: 'file', message: errors[0]?.message, errors }),
    });
    await imports.choose('linkedin');
    expect(imports.open).toBe(true);
    expect(imports.error).toBe(
      'Nothing was imported; your journal is unchanged. Positions.csv row 4: the start date is not a date ("Marchh 2021"). Positions.csv row 9: the title is missing.',
    );
    imports.cancel();
    expect(imports.open).toBe(false);
  });

  it('says when everything was already there', () => {
    const same = { ...preview, report: { added: 0, updated: 0, unchanged: 5, by_kind: [] }, bullets: 0 };
    expect(summary(same)).toBe('Nothing new: everything in the JSON Resume was already in your journal.');
  });
});
