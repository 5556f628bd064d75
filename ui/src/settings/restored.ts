// What a restore brought back, kept across the reload that follows it (the window starts
// again on the restored journal) and told on Home until the engineer dismisses it.

import type { RestoredBackup } from '../lib/bindings';
import { formatBackupTime, reasonLabel } from './backupFormat';
import { kindsText } from './transfer';

const KEY = 'careerlog.restored-backup';

/** The window's session storage: it lasts across a reload, not past the window. */
export interface SessionMemory {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Keeps the restore for the window that reloads next; false when storage refused it. */
export function keepRestored(memory: SessionMemory | null, restored: RestoredBackup): boolean {
  try {
    memory?.setItem(KEY, JSON.stringify(restored));
    return memory !== null;
  } catch {
    return false;
  }
}

/** The restore kept before the reload, once: it is forgotten as it is read. */
export function takeRestored(memory: SessionMemory | null): RestoredBackup | null {
  try {
    const text = memory?.getItem(KEY) ?? null;
    memory?.removeItem(KEY);
    if (text === null) return null;
    const value = JSON.parse(text) as RestoredBackup;
    return typeof value?.created_at === 'string' && typeof value?.safety?.created_at === 'string' ? value : null;
  } catch {
    return null;
  }
}

export interface RestoredWords {
  /** "Restored the backup of 5 Mar 2024, 09:12:40 (manual)." */
  title: string;
  /** What it holds: "It holds 2 projects and 1 note (3 entries)." */
  holds: string;
  /** Where the journal as it was went, and how to go back to it. */
  undo: string;
}

/** How Home tells a restore. */
export function restoredWords(r: RestoredBackup, now: Date = new Date()): RestoredWords {
  const reason = reasonLabel(r.reason);
  const title = `Restored the backup from ${formatBackupTime(r.created_at, now)}${reason ? ` (${reason.toLowerCase()})` : ''}.`;
  const kinds = kindsText(r.entries);
  const entries = `${r.entry_count.toLocaleString('en')} ${r.entry_count === 1 ? 'entry' : 'entries'}`;
  const holds =
    r.entry_count === 0
      ? 'The backup held no entries: your journal is empty now.'
      : r.entries.length > 1
        ? `Your journal now holds ${kinds}: ${entries} in all.`
        : `Your journal now holds ${kinds}.`;
  const undo =
    `What it held before is kept as the “Before restore” backup of ${formatBackupTime(r.safety.created_at, now)}: ` +
    'restore that one in Settings › Backups to undo this.';
  return { title, holds, undo };
}
