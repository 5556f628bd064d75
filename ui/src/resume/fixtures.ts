// Bullets for the tests: a full Bullet with only what a test cares about given.

import type { Bullet, Finding, LintRule } from '../lib/bindings';

export function finding(rule: LintRule, excerpt: string | null = null): Finding {
  return { rule, why: `why ${rule}`, fix: `fix ${rule}`, excerpt };
}

export function bullet(id: number, over: Partial<Bullet> = {}): Bullet {
  return {
    id,
    uuid: `u${id}`,
    project_id: 1,
    key: `project:${over.project_id ?? 1}`,
    text: `Bullet ${id}`,
    generated_text: `Bullet ${id}`,
    edited: false,
    included: true,
    position: id,
    sources: [over.project_id ?? 1],
    project_title: `Project ${over.project_id ?? 1}`,
    organization: 'Acme',
    role: 'Engineer',
    started_on: null,
    ended_on: null,
    tags: [],
    skills: [],
    findings: [],
    ...over,
  };
}
