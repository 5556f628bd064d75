// The export panel as plain data: its fields while typing and the request they make, the
// brag document's period, and what the status line says after a save or a copy.

import type { DocumentFormat, ExportFormat, ExportRequest } from '../lib/bindings';
import { parseLabels } from '../journal/format';
import { parseDate } from '../journal/forms';
import type { Parsed } from '../lib/forms';
import { ipcError } from '../lib/api';

export const FORMAT_LABEL: Record<ExportFormat, string> = {
  markdown: 'Markdown',
  text: 'Plain text',
  'json-resume': 'JSON Resume',
  docx: 'Word (DOCX)',
  pdf: 'PDF',
};

export const FORMATS = Object.keys(FORMAT_LABEL) as ExportFormat[];

/** The formats of a written document (the brag document, the review packet). */
export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['markdown', 'docx', 'pdf'];

/**
 * What the preview of a binary file says it is; the preview shows the same document as
 * Markdown. Null for the text formats, whose preview is the file itself.
 */
export function binaryNote(format: ExportFormat): string | null {
  if (format === 'docx') return 'Saved as a Word document laid out for hiring systems: one column, standard headings, real text. The preview shows the same document as Markdown.';
  if (format === 'pdf') return 'Saved as a PDF laid out for hiring systems: one column, standard headings, fonts embedded, links clickable. The preview shows the same document as Markdown.';
  return null;
}

export interface ExportFields {
  format: ExportFormat;
  /** A variant's name; blank for every picked bullet. */
  variant: string;
  tags: string;
  since: string;
  until: string;
}

export const BLANK_EXPORT: ExportFields = { format: 'markdown', variant: '', tags: '', since: '', until: '' };

function checkRange(since: string | null, until: string | null, field: string): Parsed<null> {
  if (since && until && until < since) {
    return { ok: false, error: ipcError('invalid', 'the end of the range is before its start', field) };
  }
  return { ok: true, value: null };
}

/** The request the fields make; a date that is not a date, or a range backwards, is refused. */
export function exportRequest(fields: ExportFields): Parsed<ExportRequest> {
  const since = parseDate('since', fields.since);
  if (!since.ok) return since;
  const until = parseDate('until', fields.until);
  if (!until.ok) return until;
  const range = checkRange(since.value, until.value, 'until');
  if (!range.ok) return range;
  return {
    ok: true,
    value: {
      format: fields.format,
      variant: fields.variant.trim() === '' ? null : fields.variant,
      tags: parseLabels(fields.tags),
      since: since.value,
      until: until.value,
    },
  };
}

/** The brag document's period; either end may be open. */
export function bragPeriod(since: string, until: string): Parsed<{ since: string | null; until: string | null }> {
  const from = parseDate('brag_since', since);
  if (!from.ok) return from;
  const to = parseDate('brag_until', until);
  if (!to.ok) return to;
  const range = checkRange(from.value, to.value, 'brag_until');
  if (!range.ok) return range;
  return { ok: true, value: { since: from.value, until: to.value } };
}

/** The same request as another, so a preview is not asked for twice. */
export function requestKey(request: ExportRequest): string {
  return JSON.stringify([request.format, request.variant, request.tags, request.since, request.until]);
}

/** "Saved to /home/me/resume.md", or null when the save dialog was cancelled. */
export function savedText(path: string | null): string | null {
  return path === null ? null : `Saved to ${path}`;
}

/** The start and end of the last full quarter before `today`, a common review period. */
export function lastQuarter(today: string): { since: string; until: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const quarter = Math.floor((month - 1) / 3);
  const [y, q] = quarter === 0 ? [year - 1, 3] : [year, quarter - 1];
  const first = q * 3 + 1;
  const last = first + 2;
  const days = new Date(Date.UTC(y, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { since: `${y}-${pad(first)}-01`, until: `${y}-${pad(last)}-${pad(days)}` };
}
