// The interview questions of the guides, as the story editor and the coverage view need
// them. `api.questionList` is the typed door; until the window has it, there are simply no
// questions to list (the coverage view still shows the questions stories link to).

import { api } from '../lib/api';
import type { Framework } from '../lib/bindings';
import { titleOfSlug } from './format';

/** A question as the library lists it (the core's `QuestionSummary`). */
export interface QuestionSummary {
  slug: string;
  title: string;
  framework: Framework;
  skills: string[];
}

type QuestionSource = { questionList?: () => Promise<QuestionSummary[]> };

/** Every interview question of the guides, or none while the API has no list. */
export function questionList(source: QuestionSource = api as QuestionSource): Promise<QuestionSummary[]> {
  return source.questionList ? source.questionList() : Promise.resolve([]);
}

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
