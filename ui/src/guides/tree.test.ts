import { describe, expect, it } from 'vitest';
import type { Step } from '../lib/bindings';
import { START, answered, back, progressText } from './tree';

const first: Step = {
  step: 'question',
  answered: 0,
  node: {
    id: 'energy',
    question: 'What made your best week good?',
    answers: [
      { label: 'A hard problem', next: 'reach', path: null },
      { label: 'A team shipped', next: 'code', path: null },
    ],
  },
};

const second: Step = {
  step: 'question',
  answered: 1,
  node: { id: 'reach', question: 'How far should your judgement reach?', answers: [{ label: 'Wide', next: null, path: 'staff' }] },
};

const suggestion: Step = {
  step: 'path',
  answered: 2,
  path: { id: 'staff', title: 'Staff engineer', summary: 'Go wide.', guide: 'staff-engineer-roadmap' },
};

describe('the tree walk', () => {
  it('records each answer for the core and for the breadcrumb', () => {
    const one = answered(START, first, 1);
    expect(one).toEqual({ answers: [1], trail: [{ question: 'What made your best week good?', answer: 'A team shipped' }] });
    const two = answered(one, second, 0);
    expect(two.answers).toEqual([1, 0]);
    expect(two.trail.map((t) => t.answer)).toEqual(['A team shipped', 'Wide']);
    expect(progressText(one)).toBe('Question 2 of up to 3');
  });

  it('ignores an answer that does not exist, or one given at a suggestion', () => {
    expect(answered(START, first, 5)).toBe(START);
    expect(answered(START, suggestion, 0)).toBe(START);
  });

  it('goes back one answer at a time and stops at the start', () => {
    const two = answered(answered(START, first, 0), second, 0);
    expect(back(two)).toEqual(answered(START, first, 0));
    expect(back(back(two))).toEqual(START);
    expect(back(START)).toEqual(START);
  });
});
