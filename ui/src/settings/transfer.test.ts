import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../lib/bindings';
import { importSummary } from './transfer';

const report = (r: Partial<ImportReport>): ImportReport => ({ added: 0, updated: 0, unchanged: 0, by_kind: [], ...r });

describe('importSummary', () => {
  it.each([
    [report({}), 'journal', 'There were no entries in the file; your journal is unchanged.'],
    [report({ unchanged: 1 }), 'journal', 'Nothing new: all 1 entry in the file was already in your journal.'],
    [report({ unchanged: 40 }), 'jrnl', 'Nothing new: all 40 entries in the jrnl file were already in your journal.'],
    [
      report({ added: 1, by_kind: [{ kind: 'note', count: 1 }] }),
      'jrnl',
      'Imported 1 entry (1 added): 1 note.',
    ],
    [
      report({
        added: 12,
        updated: 2,
        unchanged: 3,
        by_kind: [
          { kind: 'project', count: 2 },
          { kind: 'metric', count: 1 },
          { kind: 'feedback', count: 11 },
        ],
      }),
      'journal',
      'Imported 14 entries (12 added, 2 updated): 2 projects, 1 metric and 11 feedback entries. 3 entries were already in your journal.',
    ],
    [
      report({ updated: 2, unchanged: 1, by_kind: [{ kind: 'story', count: 2 }] }),
      'journal',
      'Imported 2 entries (2 updated): 2 stories. 1 entry was already in your journal.',
    ],
    [
      report({
        added: 9,
        by_kind: [
          { kind: 'person', count: 1 },
          { kind: 'one_on_one', count: 4 },
          { kind: 'action', count: 3 },
          { kind: 'goal', count: 1 },
        ],
      }),
      'journal',
      'Imported 9 entries (9 added): 1 person, 4 1:1s, 3 action items and 1 goal.',
    ],
    [
      report({ added: 2, by_kind: [{ kind: 'person', count: 2 }] }),
      'journal',
      'Imported 2 entries (2 added): 2 people.',
    ],
    [report({ added: 1200 }), 'journal', 'Imported 1,200 entries (1,200 added).'],
  ] as const)('%o from %s', (r, source, text) => {
    expect(importSummary(r, source)).toBe(text);
  });
});
