import { describe, expect, it } from 'vitest';
import {
  BAND_CHOICES,
  EMPTY_PROFILE,
  ROLE_CHOICES,
  TARGET_CHOICES,
  bandLabel,
  fromFieldText,
  highlightSummary,
  needsFirstRun,
  roleLabel,
  targetLabel,
} from './labels';

describe('profile labels', () => {
  it('spells bands and roles as the guides do', () => {
    expect(BAND_CHOICES.map((c) => c.label)).toEqual(['0-2 years', '3-4 years', '5-7 years', '8-11 years', '12+ years']);
    expect(bandLabel('12-plus')).toBe('12+ years');
    expect(ROLE_CHOICES.map((c) => c.value)).toEqual([
      'backend',
      'frontend',
      'devops-sre',
      'ai-ml',
      'staff-plus',
      'engineering-manager',
    ]);
    expect(roleLabel('devops-sre')).toBe('DevOps/SRE');
    expect(roleLabel('staff-plus')).toBe('Staff+');
    expect(TARGET_CHOICES).toHaveLength(5);
    expect(targetLabel('tech-lead')).toBe('Tech lead');
  });

  it('asks the first-run questions until band and role are both set', () => {
    expect(needsFirstRun(EMPTY_PROFILE)).toBe(true);
    expect(needsFirstRun({ ...EMPTY_PROFILE, band: '3-4' })).toBe(true);
    expect(needsFirstRun({ ...EMPTY_PROFILE, band: '3-4', role: 'frontend' })).toBe(false);
  });

  it('sums up what the reader highlights', () => {
    expect(highlightSummary({ band: '5-7', role: 'backend' })).toBe('5-7 years · Backend');
    expect(highlightSummary({ band: null, role: 'ai-ml' })).toBe('AI/ML');
    expect(highlightSummary({ band: null, role: null })).toBeNull();
  });

  it('treats blank text as unset', () => {
    expect(fromFieldText('  ')).toBeNull();
    expect(fromFieldText('Ada')).toBe('Ada');
  });
});
