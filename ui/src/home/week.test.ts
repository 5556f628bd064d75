import { describe, expect, it } from 'vitest';
import type { Review } from '../lib/bindings';
import { addedInWords, metricLine, reviewState } from './week';

describe('addedInWords', () => {
  it.each([
    [[], ''],
    [[{ kind: 'note', count: 1 }], '1 note'],
    [
      [
        { kind: 'project', count: 2 },
        { kind: 'metric', count: 3 },
      ],
      '2 projects and 3 metrics',
    ],
    [
      [
        { kind: 'project', count: 1 },
        { kind: 'feedback', count: 2 },
        { kind: 'story', count: 1 },
      ],
      '1 project, 2 pieces of feedback and 1 story',
    ],
    [
      [
        { kind: 'note', count: 2 },
        { kind: 'review', count: 1 },
      ],
      '2 notes',
    ],
  ] as const)('%o reads %s', (added, words) => {
    expect(addedInWords(added)).toBe(words);
  });
});

describe('metricLine', () => {
  it('tells the change, or what the metric waits for', () => {
    const told = { short: '800 ms → 120 ms · −85% · better' } as never;
    expect(metricLine({ told, waiting: null })).toBe('800 ms → 120 ms · −85% · better');
    expect(metricLine({ told: null, waiting: '800 ms → not measured yet' })).toBe('800 ms → not measured yet');
  });
});

describe('reviewState', () => {
  it('says when the review falls, that it is due, or that it was written', () => {
    expect(reviewState({ review: null, review_due: false, review_at: 'Friday at 16:00' })).toEqual({
      state: 'upcoming',
      text: 'Weekly review Friday at 16:00',
    });
    expect(reviewState({ review: null, review_due: true, review_at: 'Friday at 16:00' }).state).toBe('due');
    const review = { created_at: '2026-12-04T15:10:00Z' } as Review;
    const done = reviewState({ review, review_due: false, review_at: 'Friday at 16:00' });
    expect(done.state).toBe('done');
    expect(done.text).toMatch(/^Weekly review written on (Thursday 3|Friday 4|Saturday 5) December$/);
  });
});
