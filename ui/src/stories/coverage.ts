// Where each interview question stands: a rehearsed story, a story not yet rehearsed, or
// none. The counts come from the core; this only names the three states for the screen.

import type { QuestionCoverage } from '../lib/bindings';

export type CoverageState = 'rehearsed' | 'story' | 'none';

export const COVERAGE_LABEL: Record<CoverageState, string> = {
  rehearsed: 'Rehearsed',
  story: 'Story, not rehearsed',
  none: 'No story',
};

export function coverageState(coverage: QuestionCoverage): CoverageState {
  if (coverage.rehearsed) return 'rehearsed';
  return coverage.stories.length > 0 ? 'story' : 'none';
}

/** How many questions are in each state, for the line above the list. */
export function coverageCounts(list: readonly QuestionCoverage[]): Record<CoverageState, number> {
  const counts: Record<CoverageState, number> = { rehearsed: 0, story: 0, none: 0 };
  for (const c of list) counts[coverageState(c)] += 1;
  return counts;
}
