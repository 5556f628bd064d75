import { describe, expect, it } from 'vitest';
import { bullet, finding } from './fixtures';
import { findingViews, liveFindings, lintSummary, RULE_LABEL, summaryLead } from './findings';

describe('findingViews', () => {
  it('makes one item per rule, quoting every excerpt once, in the rules’ order', () => {
    const views = findingViews([
      finding('buzzword', 'synergy'),
      finding('no-number'),
      finding('buzzword', 'leveraging'),
      finding('buzzword', 'Synergy'),
      finding('weak-opening', 'Responsible for'),
    ]);
    expect(views.map((v) => v.rule)).toEqual(['no-number', 'weak-opening', 'buzzword']);
    expect(views[2]!.excerpts).toEqual(['synergy', 'leveraging']);
    expect(views[0]!.excerpts).toEqual([]);
    expect(views[1]!.label).toBe('Weak opening');
    expect(views[1]!.why).toBe('why weak-opening');
    expect(views[1]!.fix).toBe('fix weak-opening');
  });

  it('labels every rule', () => {
    for (const label of Object.values(RULE_LABEL)) expect(label.length).toBeGreaterThan(3);
  });
});

describe('lintSummary', () => {
  it('counts bullets per rule, in words', () => {
    const summary = lintSummary([
      bullet(1, { findings: [finding('no-number'), finding('weak-opening')] }),
      bullet(2, { findings: [finding('no-number')] }),
      bullet(3, { findings: [] }),
      bullet(4, { findings: [finding('no-number'), finding('buzzword'), finding('buzzword')] }),
      bullet(5, { findings: [finding('passive-voice')] }),
    ]);
    expect(summary.total).toBe(5);
    expect(summary.clean).toBe(1);
    expect(summary.lines.map((l) => l.text)).toEqual([
      '3 bullets need a number',
      '1 bullet opens weakly',
      '1 bullet uses a buzzword',
      '1 bullet is in the passive voice',
    ]);
    expect(summary.lines[0]!.first).toBe(1);
    expect(summary.lines[2]!.first).toBe(4);
  });

  it('is empty for clean bullets', () => {
    expect(lintSummary([bullet(1)]).lines).toEqual([]);
  });

  it('leads with how many read well', () => {
    expect(summaryLead({ total: 5, clean: 2 }, ['bullet in this variant', 'bullets in this variant'])).toBe(
      '2 of 5 bullets in this variant read well; the others have something to fix:',
    );
    expect(summaryLead({ total: 8, clean: 5 }, ['picked bullet', 'picked bullets'])).toBe(
      '5 of 8 picked bullets read well; the others have something to fix:',
    );
    expect(summaryLead({ total: 8, clean: 8 }, ['picked bullet', 'picked bullets'])).toBe(
      'All 8 picked bullets read well: an action and a number each.',
    );
    expect(summaryLead({ total: 3, clean: 0 }, ['picked bullet', 'picked bullets'])).toBe('Each of the 3 picked bullets has something to fix:');
    expect(summaryLead({ total: 1, clean: 1 }, ['picked bullet', 'picked bullets'])).toBe('The one picked bullet reads well: an action and a number.');
    expect(summaryLead({ total: 1, clean: 0 }, ['picked bullet', 'picked bullets'])).toBe('The one picked bullet has something to fix:');
  });
});

describe('liveFindings', () => {
  it('keeps the stored finding about evidence, which the text alone cannot show', () => {
    const typed = [finding('no-number')];
    const stored = [finding('weak-opening'), finding('metric-without-evidence', 'p99 latency')];
    expect(liveFindings(typed, stored).map((f) => f.rule)).toEqual(['no-number', 'metric-without-evidence']);
  });
});
