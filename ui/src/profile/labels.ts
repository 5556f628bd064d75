// The words for the profile's choices, as the guides spell them, and when to ask for them.

import type { ExperienceBand, PrimaryRole, Profile, TargetRole } from '../lib/bindings';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

// Records keyed by the generated unions: a new band or role in Rust stops this compiling.
const BANDS: Record<ExperienceBand, string> = {
  '0-2': '0-2 years',
  '3-4': '3-4 years',
  '5-7': '5-7 years',
  '8-11': '8-11 years',
  '12-plus': '12+ years',
};

const ROLES: Record<PrimaryRole, string> = {
  backend: 'Backend',
  frontend: 'Frontend',
  'devops-sre': 'DevOps/SRE',
  'ai-ml': 'AI/ML',
  'staff-plus': 'Staff+',
  'engineering-manager': 'Engineering manager',
};

const TARGETS: Record<TargetRole, string> = {
  'senior-engineer': 'Senior engineer',
  'tech-lead': 'Tech lead',
  'staff-engineer': 'Staff engineer',
  'principal-engineer': 'Principal engineer',
  'engineering-manager': 'Engineering manager',
};

function choices<T extends string>(labels: Record<T, string>): Choice<T>[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}

export const BAND_CHOICES: readonly Choice<ExperienceBand>[] = choices(BANDS);
export const ROLE_CHOICES: readonly Choice<PrimaryRole>[] = choices(ROLES);
export const TARGET_CHOICES: readonly Choice<TargetRole>[] = choices(TARGETS);

export function bandLabel(band: ExperienceBand): string {
  return BANDS[band];
}

export function roleLabel(role: PrimaryRole): string {
  return ROLES[role];
}

export function targetLabel(target: TargetRole): string {
  return TARGETS[target];
}

export const EMPTY_PROFILE: Profile = {
  band: null,
  role: null,
  target_role: null,
  name: null,
  headline: null,
  email: null,
  location: null,
  summary: null,
};

/** The first-run questions are due while the band or the role is unset (as the core's `is_set`). */
export function needsFirstRun(profile: Profile): boolean {
  return profile.band === null || profile.role === null;
}

/** "5-7 years · Backend", or null when neither is set: what the reader highlights. */
export function highlightSummary(profile: Pick<Profile, 'band' | 'role'>): string | null {
  const parts = [profile.band && bandLabel(profile.band), profile.role && roleLabel(profile.role)].filter(
    (part): part is string => !!part,
  );
  return parts.length ? parts.join(' · ') : null;
}

/** The form's text for an optional value, and back: empty text is "unset". */
export function fieldText(value: string | null): string {
  return value ?? '';
}

export function fromFieldText(text: string): string | null {
  return text.trim() === '' ? null : text;
}
