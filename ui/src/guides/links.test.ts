import { describe, expect, it } from 'vitest';
import { routeOf } from './links';

describe('routeOf', () => {
  it.each([
    ['#/guides/tech-lead-roadmap', { kind: 'guide', slug: 'tech-lead-roadmap' }],
    ['#/questions/how-do-you-mentor-engineers', { kind: 'question', slug: 'how-do-you-mentor-engineers' }],
    ['#/skills/mentoring', { kind: 'skill', slug: 'mentoring' }],
    ['#role-adaptation', { kind: 'anchor', id: 'role-adaptation' }],
    ['#faq-2', { kind: 'anchor', id: 'faq-2' }],
  ])('%s is in the app', (href, route) => {
    expect(routeOf(href)).toEqual(route);
  });

  it.each([
    'https://example.com/',
    'http://localhost/#/guides/x',
    'javascript:alert(1)',
    '#/guides/',
    '#/guides/Bad Slug',
    '#/people/me',
    '#',
    '',
    null,
    undefined,
  ])('%s leads nowhere', (href) => {
    expect(routeOf(href)).toEqual({ kind: 'nowhere' });
  });
});
