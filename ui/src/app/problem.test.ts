import { describe, expect, it } from 'vitest';
import { describeProblem } from './problem';

const steps = (kind: Parameters<typeof describeProblem>[0]['kind']) =>
  describeProblem({ kind, message: 'x', field: null, errors: [] }).steps.map((s) => `${s.text} ${s.command ?? ''}`).join(' ');

describe('describeProblem', () => {
  it('tells a newer journal apart and offers both ways out', () => {
    const copy = describeProblem({ kind: 'newer_journal', message: 'x', field: null, errors: [] });
    expect(copy.title).toContain('newer Career Log');
    expect(copy.reassurance).not.toBeNull();
    expect(steps('newer_journal')).toMatch(/update it to the latest version/);
    expect(steps('newer_journal')).toContain('careerlog --db PATH');
  });

  it('has a plain fallback for errors without special advice', () => {
    const copy = describeProblem({ kind: 'io', message: 'disk full', field: null, errors: [] });
    expect(copy.title).toBe('Career Log could not open your journal');
    expect(copy.reassurance).toBeNull();
    expect(steps('storage')).toContain('--db PATH');
  });

  it('always offers another journal file', () => {
    for (const kind of ['not_found', 'invalid', 'newer_journal', 'not_a_journal', 'locked', 'storage', 'io'] as const) {
      expect(steps(kind)).toContain('careerlog --db PATH');
    }
  });
});
