// What the Backups card says: how far a copy is, how big a backup is, where they live.

import type { BackupReason, CopyProgress } from '../lib/bindings';
import { formatWhen } from '../stories/format';

/** How many backups can be kept (the core's range for `backups_keep`). */
export const KEEP_RANGE = { min: 1, max: 365 } as const;

/**
 * The percentage a progress bar shows. While the copy runs it stops at 99, so 100 means
 * the backup is complete (renamed into place and rotated), not just copied.
 */
export function progressPercent(progress: CopyProgress | null, finished: boolean): number {
  if (finished) return 100;
  if (!progress || progress.total <= 0) return 0;
  const percent = Math.floor((progress.done / progress.total) * 100);
  return Math.max(0, Math.min(99, percent));
}

const UNITS = ['KB', 'MB', 'GB', 'TB'];

/** "812 bytes", "4.2 MB", "18 MB": one decimal below ten, in powers of 1024. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  if (bytes < 1024) return `${Math.round(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // 1023.96 KB would round to "1024 KB": say "1 MB" instead.
  if (Math.round(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = value < 10 ? (Math.round(value * 10) / 10).toString() : Math.round(value).toString();
  return `${shown} ${UNITS[unit]}`;
}

/** The folder a backup file is in (either slash), or null for a bare name. */
export function folderOf(path: string): string | null {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut < 0) return null;
  return cut === 0 ? path.slice(0, 1) : path.slice(0, cut);
}

/** A whole number in `range` from what was typed, or null. */
export function parseWholeNumber(text: string, range: { min: number; max: number }): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= range.min && value <= range.max ? value : null;
}

/**
 * When a backup was made, to the second (two made in one minute must differ): "Today,
 * 14:25:03", "5 Mar 2024, 09:12:40", in local time.
 */
export function formatBackupTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatWhen(iso, now)}:${String(d.getSeconds()).padStart(2, '0')}`;
}

// Keyed by the generated union: a new reason in Rust must be named here.
const REASONS: Record<BackupReason, string> = {
  manual: 'Manual',
  daily: 'Daily',
  before_restore: 'Before restore',
};

/** Why a backup was made, as its label says it; null for one made before reasons were kept. */
export function reasonLabel(reason: BackupReason | null): string | null {
  return reason === null ? null : REASONS[reason];
}
