import { describe, expect, it } from 'vitest';
import type { ChangeTold, Metric } from '../lib/bindings';
import {
  describeMetricChange,
  excerpt,
  formatDay,
  formatPeriod,
  labelsText,
  orgAndRole,
  parseLabels,
  plural,
  stars,
} from './format';

const MINUS = '\u2212';

const told = (t: Partial<ChangeTold>): Pick<Metric, 'told' | 'waiting'> => ({
  told: { from: null, to: '', delta: null, verdict: null, short: '', amount: null, phrase: null, moved: null, verb: null, ...t },
  waiting: null,
});

describe('describeMetricChange', () => {
  it('shows the change as the core tells it, with no arithmetic of its own', () => {
    const view = describeMetricChange(
      told({ from: '2.1%', to: '2.6%', delta: '+0.5 points (+24%)', verdict: 'better', short: '2.1% → 2.6% · +0.5 points (+24%) · better' }),
    );
    expect(view).toEqual({
      from: '2.1%',
      to: '2.6%',
      delta: '+0.5 points (+24%)',
      verdict: 'better',
      text: '2.1% → 2.6% · +0.5 points (+24%) · better',
      waiting: false,
    });
  });

  it('gives the parts apart for layout', () => {
    const view = describeMetricChange(
      told({ from: '800 ms', to: '120 ms', delta: `${MINUS}85%`, verdict: 'better', short: `800 ms → 120 ms · ${MINUS}85% · better` }),
    );
    expect(view).toMatchObject({ from: '800 ms', to: '120 ms', delta: `${MINUS}85%`, verdict: 'better' });
  });

  it('without a baseline, the result alone', () => {
    expect(describeMetricChange(told({ to: '1,200 users', short: '1,200 users' }))).toMatchObject({
      from: null,
      delta: null,
      verdict: null,
      text: '1,200 users',
    });
  });

  it('while the result is not measured yet, the line the core wrote for it', () => {
    const line = '800 ms → not measured yet · target 200 ms · by 2027-01-31';
    expect(describeMetricChange({ told: null, waiting: line })).toEqual({
      from: null,
      to: 'not measured yet',
      delta: null,
      verdict: null,
      text: line,
      waiting: true,
    });
  });

  it('a waiting metric without its line still reads as waiting', () => {
    expect(describeMetricChange({ told: null, waiting: null })).toMatchObject({ text: 'not measured yet', waiting: true });
  });
});

describe('dates', () => {
  it('writes a day unambiguously', () => {
    expect(formatDay('2024-03-05')).toBe('5 Mar 2024');
    expect(formatDay('not a date')).toBe('not a date');
  });

  it.each([
    ['2024-01-10', '2024-06-30', 'Jan – Jun 2024'],
    ['2023-11-01', '2024-02-15', 'Nov 2023 – Feb 2024'],
    ['2024-03-01', '2024-03-20', 'Mar 2024'],
    ['2024-03-01', null, 'since Mar 2024'],
    [null, '2022-12-01', 'until Dec 2022'],
    [null, null, null],
  ])('period %s – %s', (start, end, text) => {
    expect(formatPeriod(start, end)).toBe(text);
  });
});

describe('labels', () => {
  it('parses comma-separated tags the way the core tidies them', () => {
    expect(parseLabels('perf, #payments, , Perf,  latency ')).toEqual(['perf', 'payments', 'latency']);
    expect(parseLabels('')).toEqual([]);
    expect(parseLabels('##hash, a\nb')).toEqual(['hash', 'a', 'b']);
  });

  it('writes them back for editing', () => {
    expect(labelsText(['perf', 'payments'])).toBe('perf, payments');
    expect(parseLabels(labelsText(['a b', 'c']))).toEqual(['a b', 'c']);
  });
});

describe('small words', () => {
  it('counts', () => {
    expect(plural(1, 'metric')).toBe('1 metric');
    expect(plural(3, 'metric')).toBe('3 metrics');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
    expect(plural(1200, 'project')).toBe('1,200 projects');
  });

  it('joins organization and role', () => {
    expect(orgAndRole('Acme', 'Tech lead')).toBe('Acme · Tech lead');
    expect(orgAndRole(null, 'Tech lead')).toBe('Tech lead');
    expect(orgAndRole(' ', null)).toBeNull();
  });

  it('cuts long texts at a word', () => {
    expect(excerpt('short', 10)).toBe('short');
    expect(excerpt('the quick brown fox jumps', 12)).toBe('the quick…');
    expect(excerpt('supercalifragilistic', 8)).toBe('supercal…');
  });

  it('draws ratings', () => {
    expect(stars(4)).toBe('★★★★☆');
    expect(stars(9)).toBe('★★★★★');
  });
});
