// What the Import and export card says after an import: counts in words, by kind.

import { ENTRY_KIND_WORDS, type EntryKind, type ImportReport, type KindCount } from '../lib/bindings';

export type ImportSource = 'journal' | 'jrnl';

/** "project", "1:1": one entry of the kind, in words. */
export function kindWord(kind: EntryKind): string {
  return ENTRY_KIND_WORDS[kind][0];
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "3 projects, 1 metric and 12 notes". */
function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** "2 projects, 1 metric and 12 notes": the kinds with any, in the order given. */
export function kindsText(counts: readonly KindCount[]): string {
  return list(counts.filter((k) => k.count > 0).map((k) => count(k.count, ...ENTRY_KIND_WORDS[k.kind])));
}

/**
 * One or two sentences on what an import did: "Imported 14 entries: 2 projects and 12
 * notes. 3 were already in your journal." Kinds are those added or updated.
 */
export function importSummary(report: ImportReport, source: ImportSource): string {
  const changed = report.added + report.updated;
  const from = source === 'jrnl' ? 'the jrnl file' : 'the file';
  if (changed === 0) {
    if (report.unchanged === 0) return `There were no entries in ${from}; your journal is unchanged.`;
    const were = report.unchanged === 1 ? 'was' : 'were';
    return `Nothing new: all ${count(report.unchanged, 'entry', 'entries')} in ${from} ${were} already in your journal.`;
  }
  const kinds = kindsText(report.by_kind);
  const how = [
    report.added > 0 ? `${report.added.toLocaleString('en')} added` : null,
    report.updated > 0 ? `${report.updated.toLocaleString('en')} updated` : null,
  ].filter((part): part is string => part !== null);
  let text = `Imported ${count(changed, 'entry', 'entries')} (${how.join(', ')})`;
  text += kinds.length > 0 ? `: ${kinds}.` : '.';
  if (report.unchanged > 0) {
    text += ` ${count(report.unchanged, 'entry was', 'entries were')} already in your journal.`;
  }
  return text;
}
