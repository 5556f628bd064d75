import { describe, expect, it } from 'vitest';
import { folderOf, formatBackupTime, formatBytes, parseWholeNumber, progressPercent } from './backupFormat';

describe('progressPercent', () => {
  it.each([
    [null, false, 0],
    [{ done: 0, total: 0 }, false, 0],
    [{ done: 0, total: 400 }, false, 0],
    [{ done: 100, total: 400 }, false, 25],
    [{ done: 399, total: 400 }, false, 99],
    [{ done: 400, total: 400 }, false, 99],
    [{ done: 500, total: 400 }, false, 99],
    [{ done: 1, total: 3 }, false, 33],
    [null, true, 100],
    [{ done: 10, total: 400 }, true, 100],
  ])('%o finished=%s -> %d', (progress, finished, percent) => {
    expect(progressPercent(progress, finished)).toBe(percent);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [812, '812 bytes'],
    [1023, '1023 bytes'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [10 * 1024, '10 KB'],
    [4096 * 1024 - 1, '4 MB'],
    [4.24 * 1024 * 1024, '4.2 MB'],
    [18.4 * 1024 * 1024, '18 MB'],
    [1024 * 1024 - 10, '1 MB'],
    [3 * 1024 ** 3, '3 GB'],
    [-1, '?'],
    [Number.NaN, '?'],
  ])('%d -> %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('folderOf', () => {
  it.each([
    ['/home/me/.local/share/careerlog/backups/journal-1.sqlite3', '/home/me/.local/share/careerlog/backups'],
    ['C:\\Users\\me\\backups\\journal-1.sqlite3', 'C:\\Users\\me\\backups'],
    ['/journal.sqlite3', '/'],
    ['journal.sqlite3', null],
  ])('%s', (path, folder) => {
    expect(folderOf(path)).toBe(folder);
  });
});

describe('parseWholeNumber', () => {
  const range = { min: 1, max: 365 };
  it.each([
    ['10', 10],
    [' 7 ', 7],
    ['1', 1],
    ['365', 365],
    ['0', null],
    ['366', null],
    ['-3', null],
    ['2.5', null],
    ['1e2', null],
    ['', null],
    ['ten', null],
  ])('%j -> %s', (text, value) => {
    expect(parseWholeNumber(text, range)).toBe(value);
  });
});

describe('formatBackupTime', () => {
  const now = new Date(2025, 2, 12, 18, 0, 0);
  it.each([
    [new Date(2025, 2, 12, 14, 25, 3), 'Today, 14:25:03'],
    [new Date(2025, 2, 11, 9, 5, 40), 'Yesterday, 09:05:40'],
    [new Date(2024, 2, 5, 23, 59, 59), '5 Mar 2024, 23:59:59'],
  ])('%s', (when, text) => {
    expect(formatBackupTime(when.toISOString(), now)).toBe(text);
  });

  it('gives back what is not a time', () => {
    expect(formatBackupTime('soon', now)).toBe('soon');
  });
});
