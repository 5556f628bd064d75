// The interview questions of the guides as the story screens list them: the guides' own,
// and any question a story links that the guides no longer list.

import type { QuestionSummary } from '../lib/bindings';
import { titleOfSlug } from './format';

export type { QuestionSummary };

/**
 * The questions to show: the guides' own, then any slug a story links that the guides no
 * longer list (titled from the slug), so no link is hidden.
 */
export function withLinked(known: readonly QuestionSummary[], linked: readonly string[]): QuestionSummary[] {
  const all = [...known];
  const seen = new Set(known.map((q) => q.slug));
  for (const slug of linked) {
    if (seen.has(slug)) continue;
    seen.add(slug);
    all.push({ slug, title: titleOfSlug(slug), framework: 'star', skills: [] });
  }
  return all;
}
