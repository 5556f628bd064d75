import { describe, expect, it } from 'vitest';
import type { BackupInfo, RestoredBackup } from '../lib/bindings';
import { keepRestored, restoredWords, takeRestored, type SessionMemory } from './restored';

const safety: BackupInfo = {
  id: 9,
  path: '/j/backups/journal-9.sqlite3',
  created_at: '2024-05-09T14:25:03',
  bytes: 8192,
  reason: 'before_restore',
};

const restored = (over: Partial<RestoredBackup> = {}): RestoredBackup => ({
  id: 4,
  path: '/j/backups/journal-4.sqlite3',
  created_at: '2024-03-05T09:12:40',
  bytes: 4096,
  reason: 'manual',
  entries: [
    { kind: 'project', count: 2 },
    { kind: 'note', count: 1 },
  ],
  entry_count: 3,
  safety,
  ...over,
});

function memory(): SessionMemory & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

describe('keepRestored and takeRestored', () => {
  it('hand the restore over the reload once', () => {
    const mem = memory();
    expect(keepRestored(mem, restored())).toBe(true);
    expect(takeRestored(mem)).toEqual(restored());
    expect(takeRestored(mem)).toBeNull();
  });

  it('ignore what is not a restore, and storage that refuses', () => {
    const mem = memory();
    mem.setItem('careerlog.restored-backup', '{"id": 1}');
    expect(takeRestored(mem)).toBeNull();
    mem.setItem('careerlog.restored-backup', 'not json');
    expect(takeRestored(mem)).toBeNull();
    const refusing: SessionMemory = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {},
    };
    expect(keepRestored(refusing, restored())).toBe(false);
    expect(takeRestored(refusing)).toBeNull();
    expect(takeRestored(null)).toBeNull();
  });
});

describe('restoredWords', () => {
  const now = new Date('2024-05-09T15:00:00');

  it('says which backup, what it holds, and how to go back', () => {
    expect(restoredWords(restored(), now)).toEqual({
      title: 'Restored the backup from 5 Mar 2024, 09:12:40 (manual).',
      holds: 'Your journal now holds 2 projects and 1 note: 3 entries in all.',
      undo:
        'What it held before is kept as the “Before restore” backup of Today, 14:25:03: ' +
        'restore that one in Settings › Backups to undo this.',
    });
  });

  it('reads well for one kind, no entries, and a backup with no reason', () => {
    const one = restored({ entries: [{ kind: 'note', count: 1 }], entry_count: 1, reason: null });
    expect(restoredWords(one, now).title).toBe('Restored the backup from 5 Mar 2024, 09:12:40.');
    expect(restoredWords(one, now).holds).toBe('Your journal now holds 1 note.');
    expect(restoredWords(restored({ entries: [], entry_count: 0 }), now).holds).toBe(
      'The backup held no entries: your journal is empty now.',
    );
  });
});
