// The decision tree walk as the reader keeps it: the answers given (indexes the core walks
// with) and, for the breadcrumb, the question and the answer chosen at each step.

import type { Step } from '../lib/bindings';

export interface TrailStep {
  question: string;
  answer: string;
}

export interface Walk {
  answers: number[];
  trail: TrailStep[];
}

export const START: Walk = { answers: [], trail: [] };

/** The walk after choosing answer `index` at `step`; unchanged when there is no such answer. */
export function answered(walk: Walk, step: Step, index: number): Walk {
  if (step.step !== 'question') return walk;
  const answer = step.node.answers[index];
  if (!answer) return walk;
  return {
    answers: [...walk.answers, index],
    trail: [...walk.trail, { question: step.node.question, answer: answer.label }],
  };
}

/** One answer back; the start stays the start. */
export function back(walk: Walk): Walk {
  return { answers: walk.answers.slice(0, -1), trail: walk.trail.slice(0, -1) };
}

/** "Question 2 of up to 3": the tree reaches a path within three questions. */
export function progressText(walk: Walk): string {
  return `Question ${walk.answers.length + 1} of up to 3`;
}
