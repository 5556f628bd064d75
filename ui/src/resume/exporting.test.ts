import { describe, expect, it } from 'vitest';
import { binaryNote, BLANK_EXPORT, bragPeriod, DOCUMENT_FORMATS, exportRequest, FORMAT_LABEL, FORMATS, lastQuarter, requestKey, savedText } from './exporting';

describe('exportRequest', () => {
  it('builds the request from the fields', () => {
    expect(exportRequest(BLANK_EXPORT)).toEqual({
      ok: true,
      value: { format: 'markdown', variant: null, tags: [], since: null, until: null },
    });
    expect(
      exportRequest({ format: 'json-resume', variant: 'Staff backend', tags: '#backend, api, Backend', since: '2023-1-5', until: '' }),
    ).toEqual({
      ok: true,
      value: { format: 'json-resume', variant: 'Staff backend', tags: ['backend', 'api'], since: '2023-01-05', until: null },
    });
  });

  it('refuses bad dates and a backwards range, naming the field', () => {
    const bad = exportRequest({ ...BLANK_EXPORT, since: 'last spring' });
    expect(bad.ok || bad.error.field).toBe('since');
    const backwards = exportRequest({ ...BLANK_EXPORT, since: '2024-05-01', until: '2024-01-01' });
    expect(backwards.ok || backwards.error.field).toBe('until');
  });

  it('keys equal requests equally', () => {
    const a = exportRequest({ ...BLANK_EXPORT, tags: 'a, b' });
    const b = exportRequest({ ...BLANK_EXPORT, tags: 'a,b ' });
    if (!a.ok || !b.ok) throw new Error('parsed');
    expect(requestKey(a.value)).toBe(requestKey(b.value));
    expect(requestKey(a.value)).not.toBe(requestKey({ ...a.value, format: 'text' }));
  });
});

describe('the brag document and the status line', () => {
  it('takes an open or closed period', () => {
    expect(bragPeriod('', '')).toEqual({ ok: true, value: { since: null, until: null } });
    expect(bragPeriod('2024-01-01', '2024-03-31')).toEqual({ ok: true, value: { since: '2024-01-01', until: '2024-03-31' } });
    const bad = bragPeriod('2024-04-01', '2024-03-31');
    expect(bad.ok || bad.error.field).toBe('brag_until');
  });

  it('finds the last full quarter', () => {
    expect(lastQuarter('2024-05-17')).toEqual({ since: '2024-01-01', until: '2024-03-31' });
    expect(lastQuarter('2024-02-29')).toEqual({ since: '2023-10-01', until: '2023-12-31' });
    expect(lastQuarter('2024-08-01')).toEqual({ since: '2024-04-01', until: '2024-06-30' });
  });

  it('says where the file went, or nothing when cancelled', () => {
    expect(savedText('/tmp/resume.md')).toBe('Saved to /tmp/resume.md');
    expect(savedText(null)).toBeNull();
  });
});

describe('DOCX and PDF', () => {
  it('are offered beside the text formats, and for written documents', () => {
    expect(FORMATS).toEqual(['markdown', 'text', 'json-resume', 'docx', 'pdf']);
    expect(DOCUMENT_FORMATS.map((f) => FORMAT_LABEL[f])).toEqual(['Markdown', 'Word (DOCX)', 'PDF']);
  });

  it('carry a note that the preview is their Markdown; the text formats none', () => {
    expect(binaryNote('docx')).toMatch(/^Saved as a Word document laid out for hiring systems/);
    expect(binaryNote('pdf')).toMatch(/^Saved as a PDF laid out for hiring systems/);
    for (const format of ['markdown', 'text', 'json-resume'] as const) expect(binaryNote(format)).toBeNull();
  });

  it('go into the request as chosen', () => {
    const parsed = exportRequest({ ...BLANK_EXPORT, format: 'docx', variant: 'Staff backend' });
    expect(parsed.ok && parsed.value.format).toBe('docx');
  });
});
