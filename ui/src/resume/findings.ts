// How the core's lint findings read on screen: a label per rule, one item per rule with
// every excerpt it found, and the summary above the list. The rules themselves live in Rust.

import type { Bullet, Finding, LintRule } from '../lib/bindings';

/** Rule labels, in the order findings and the summary list them. */
export const RULE_LABEL: Record<LintRule, string> = {
  'no-number': 'No number',
  'weak-opening': 'Weak opening',
  buzzword: 'Buzzword',
  'first-person': 'First person',
  'passive-voice': 'Passive voice',
  'too-long': 'Too long',
  'number-without-unit': 'Number without a unit',
  'metric-without-evidence': 'No evidence for the metric',
  'claim-not-shown': 'Claim the numbers do not show',
  'repeated-phrase': 'Repeated phrase',
  'stray-capital': 'Capital mid-sentence',
  'verb-after-verb': 'Verb after a verb',
  'dangling-preposition': 'Dangling word',
  'many-colons': 'More than one colon',
};

const RULES = Object.keys(RULE_LABEL) as LintRule[];

/** What the summary says of `n` bullets with this finding, singular and plural. */
const SUMMARY: Record<LintRule, [string, string]> = {
  'no-number': ['needs a number', 'need a number'],
  'weak-opening': ['opens weakly', 'open weakly'],
  buzzword: ['uses a buzzword', 'use buzzwords'],
  'first-person': ['speaks in the first person', 'speak in the first person'],
  'passive-voice': ['is in the passive voice', 'are in the passive voice'],
  'too-long': ['is too long', 'are too long'],
  'number-without-unit': ['has a number without a unit', 'have a number without a unit'],
  'metric-without-evidence': ['cites a metric without evidence', 'cite a metric without evidence'],
  'claim-not-shown': ['claims what its numbers do not show', 'claim what their numbers do not show'],
  'repeated-phrase': ['repeats a phrase', 'repeat a phrase'],
  'stray-capital': ['has a capital mid-sentence', 'have a capital mid-sentence'],
  'verb-after-verb': ['puts a verb after a verb', 'put a verb after a verb'],
  'dangling-preposition': ['ends a phrase on a dangling word', 'end a phrase on a dangling word'],
  'many-colons': ['has more than one colon', 'have more than one colon'],
};

export interface FindingView {
  rule: LintRule;
  label: string;
  why: string;
  fix: string;
  /** The words each finding of the rule was about, without repeats. */
  excerpts: string[];
}

/** One item per rule (two buzzwords are one item quoting both), in the rules' order. */
export function findingViews(findings: readonly Finding[]): FindingView[] {
  const views: FindingView[] = [];
  for (const rule of RULES) {
    const of = findings.filter((f) => f.rule === rule);
    const first = of[0];
    if (!first) continue;
    const excerpts: string[] = [];
    for (const f of of) {
      if (f.excerpt && !excerpts.some((e) => e.toLowerCase() === f.excerpt?.toLowerCase())) excerpts.push(f.excerpt);
    }
    views.push({ rule, label: RULE_LABEL[rule], why: first.why, fix: first.fix, excerpts });
  }
  return views;
}

export interface SummaryLine {
  rule: LintRule;
  count: number;
  text: string;
  /** The first bullet with the finding, to jump to. */
  first: number;
}

export interface LintSummary {
  /** How many bullets the summary looked at. */
  total: number;
  /** How many of them have no finding. */
  clean: number;
  /** "3 bullets need a number", one per rule found, in the rules' order. */
  lines: SummaryLine[];
}

/** The summary over `bullets` (the picked ones, or a variant's): how many have each finding. */
export function lintSummary(bullets: readonly Pick<Bullet, 'id' | 'findings'>[]): LintSummary {
  const lines: SummaryLine[] = [];
  for (const rule of RULES) {
    const hit = bullets.filter((b) => b.findings.some((f) => f.rule === rule));
    const first = hit[0];
    if (!first) continue;
    const [one, many] = SUMMARY[rule];
    const count = hit.length;
    lines.push({ rule, count, first: first.id, text: `${count} ${count === 1 ? 'bullet' : 'bullets'} ${count === 1 ? one : many}` });
  }
  return { total: bullets.length, clean: bullets.filter((b) => b.findings.length === 0).length, lines };
}

/**
 * Findings while a bullet is being reworded: the live lint of the text, plus the stored
 * findings about its sources (missing evidence), which the text alone cannot show.
 */
export function liveFindings(typed: readonly Finding[], stored: readonly Finding[]): Finding[] {
  return [...typed, ...stored.filter((f) => f.rule === 'metric-without-evidence')];
}

/** The line above the summary's items: "5 of 8 picked bullets read well; …". */
export function summaryLead(summary: Pick<LintSummary, 'total' | 'clean'>, [what, many]: [string, string]): string {
  const { total, clean } = summary;
  if (total === 1) return clean === 1 ? `The one ${what} reads well: an action and a number.` : `The one ${what} has something to fix:`;
  if (clean === total) return `All ${total} ${many} read well: an action and a number each.`;
  if (clean === 0) return `Each of the ${total} ${many} has something to fix:`;
  return `${clean} of ${total} ${many} read well; the others have something to fix:`;
}
