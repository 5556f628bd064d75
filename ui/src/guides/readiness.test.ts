import { describe, expect, it } from 'vitest';
import type { ProofStatus, Readiness, StageReadiness } from '../lib/bindings';
import { countText, currentStage, entryKindLabel, missingProofs, missingText, stageState } from './readiness';
import { markedRows } from './highlight';

function proof(id: string, met: boolean, needed = 1, found = met ? needed : 0): ProofStatus {
  return {
    id,
    text: id,
    evidence: { kind: 'decision_reviewed' },
    needed,
    found,
    entries: [],
    met,
    missing: met ? '' : `${needed - found} more`,
  };
}

function stage(id: string, proofs: ProofStatus[]): StageReadiness {
  return { id, name: id, focus: '', years: '', proofs, met: proofs.filter((p) => p.met).length, total: proofs.length };
}

const map: Readiness = {
  stages: [stage('foundation', [proof('a', true)]), stage('scope', [proof('b', true), proof('c', false), proof('d', false, 3, 1)]), stage('leverage', [proof('e', false)])],
  current_stage: 'scope',
  band: '5-7',
};

describe('the readiness map', () => {
  it('places each stage against the current one', () => {
    expect(map.stages.map((s) => stageState(map, s))).toEqual(['complete', 'current', 'ahead']);
    const done = { ...map, current_stage: null };
    expect(done.stages.map((s) => stageState(done, s))).toEqual(['complete', 'complete', 'complete']);
  });

  it('lists the current stage’s missing proofs for Home', () => {
    expect(currentStage(map)?.id).toBe('scope');
    expect(missingProofs(map).map((p) => p.id)).toEqual(['c', 'd']);
    expect(missingProofs({ ...map, current_stage: null })).toEqual([]);
  });

  it('words counts and what is missing', () => {
    expect(countText(proof('x', false, 3, 1))).toBe('1 of 3');
    expect(countText(proof('x', true))).toBeNull();
    expect(missingText(proof('x', false))).toBe('Missing: 1 more');
    expect(entryKindLabel('artifact')).toBe('Artifact');
  });
});

describe('markedRows', () => {
  const html = '<table><tr data-band="5-7"><td>5-7 years</td></tr><tr data-role="backend"><td>Backend</td></tr></table>';
  it('finds the engineer’s band and role rows', () => {
    expect(markedRows(html, '5-7', 'backend')).toEqual({ band: true, role: true });
    expect(markedRows(html, '0-2', 'frontend')).toEqual({ band: false, role: false });
    expect(markedRows(html, null, null)).toEqual({ band: false, role: false });
  });
});
