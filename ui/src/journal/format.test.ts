import { describe, expect, it } from 'vitest';
import type { Metric } from '../lib/bindings';
import {
  MINUS,
  describeMetricChange,
  excerpt,
  formatDay,
  formatNumber,
  formatPeriod,
  formatQuantity,
  labelsText,
  orgAndRole,
  parseLabels,
  plural,
  stars,
} from './format';

type Figures = Pick<Metric, 'unit' | 'baseline' | 'result' | 'change' | 'percent_change' | 'improved'>;

const m = (figures: Partial<Figures>): Figures => ({
  unit: null,
  baseline: null,
  result: 0,
  change: null,
  percent_change: null,
  improved: null,
  ...figures,
});

describe('describeMetricChange', () => {
  it.each([
    // The figures as Rust derives them; the words the window shows.
    [
      'lower is better, improved',
      m({ unit: 'ms', baseline: 800, result: 120, change: -680, percent_change: -85, improved: true }),
      `800 ms → 120 ms · ${MINUS}85% ✓ better`,
    ],
    [
      'higher is better, improved',
      m({ unit: 'req/s', baseline: 4000, result: 5200, change: 1200, percent_change: 30, improved: true }),
      '4,000 req/s → 5,200 req/s · +30% ✓ better',
    ],
    [
      'went the wrong way',
      m({ unit: 'ms', baseline: 100, result: 112, change: 12, percent_change: 12, improved: false }),
      '100 ms → 112 ms · +12% ✗ worse',
    ],
    [
      'no direction given: no verdict',
      m({ unit: 'deploys/week', baseline: 2, result: 9, change: 7, percent_change: 350, improved: null }),
      '2 deploys/week → 9 deploys/week · +350%',
    ],
    [
      'a percentage moves in points',
      m({ unit: '%', baseline: 99.5, result: 99.95, change: 0.45, percent_change: 0.452, improved: true }),
      '99.5% → 99.95% · +0.45 pp ✓ better',
    ],
    [
      'a zero baseline has no percentage: the absolute change',
      m({ unit: 'incidents', baseline: 0, result: 3, change: 3, percent_change: null, improved: false }),
      '0 incidents → 3 incidents · +3 incidents ✗ worse',
    ],
    [
      'small percentages keep a decimal',
      m({ unit: 's', baseline: 10, result: 9.55, change: -0.45, percent_change: -4.5, improved: true }),
      `10 s → 9.55 s · ${MINUS}4.5% ✓ better`,
    ],
    [
      'money is written before the number',
      m({ unit: '$', baseline: 42000, result: 30500, change: -11500, percent_change: -27.38, improved: true }),
      `$42,000 → $30,500 · ${MINUS}27% ✓ better`,
    ],
    [
      'unchanged',
      m({ unit: 'ms', baseline: 50, result: 50, change: 0, percent_change: 0, improved: false }),
      '50 ms → 50 ms · no change',
    ],
    ['no baseline: just the result', m({ unit: 'users', result: 1200 }), '1,200 users'],
    ['no unit', m({ baseline: 3, result: 1, change: -2, percent_change: -66.67, improved: true }), `3 → 1 · ${MINUS}67% ✓ better`],
  ])('%s', (_, figures, text) => {
    expect(describeMetricChange(figures).text).toBe(text);
  });

  it('gives the parts apart for layout', () => {
    const view = describeMetricChange(
      m({ unit: 'ms', baseline: 800, result: 120, change: -680, percent_change: -85, improved: true }),
    );
    expect(view).toMatchObject({ from: '800 ms', to: '120 ms', delta: `${MINUS}85%`, verdict: 'better' });
  });
});

describe('numbers', () => {
  it.each([
    [1200, '1,200'],
    [1234567.891, '1,234,567.9'],
    [42.125, '42.13'],
    [0.1 + 0.2, '0.3'],
    [0.0004, '0'],
    [-680, `${MINUS}680`],
    [-0.0001, '0'],
    [0, '0'],
  ])('%d -> %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('places units the way they are written', () => {
    expect(formatQuantity(3, 'x')).toBe('3x');
    expect(formatQuantity(-5, '$')).toBe(`${MINUS}$5`);
    expect(formatQuantity(12, '  ')).toBe('12');
    expect(formatQuantity(12, 'GB')).toBe('12 GB');
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
