import { describe, expect, it } from 'vitest';
import type { QuestionCoverage } from '../lib/bindings';
import { coverageCounts, coverageState } from './coverage';

const story = (rehearsal_count: number) => ({ id: 1, title: 'S', rehearsal_count });

describe('coverage', () => {
  const list: QuestionCoverage[] = [
    { question: 'a', stories: [story(2)], rehearsed: true },
    { question: 'b', stories: [story(0)], rehearsed: false },
    { question: 'c', stories: [], rehearsed: false },
    { question: 'd', stories: [story(0), story(3)], rehearsed: true },
  ];

  it('names the state of each question', () => {
    expect(list.map(coverageState)).toEqual(['rehearsed', 'story', 'none', 'rehearsed']);
  });

  it('counts the questions in each state', () => {
    expect(coverageCounts(list)).toEqual({ rehearsed: 2, story: 1, none: 1 });
    expect(coverageCounts([])).toEqual({ rehearsed: 0, story: 0, none: 0 });
  });
});
