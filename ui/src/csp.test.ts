// The window runs under `default-src 'self'; script-src 'self'; style-src 'self'`.
// These checks keep the sources free of what that policy would block at run time.

import { describe, expect, it } from 'vitest';
import indexHtml from '../index.html?raw';

const sources = import.meta.glob<string>(['./**/*.svelte', './**/*.ts', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const markup = Object.entries(sources).filter(([path]) => path.endsWith('.svelte'));

describe('sources under the CSP', () => {
  it('finds the sources it checks', () => {
    expect(markup.length).toBeGreaterThan(10);
  });

  it('have no inline style attributes (use classes or style: directives)', () => {
    const offenders = markup.filter(([, text]) => /\sstyle\s*=/.test(text)).map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it('inject no raw HTML, except the guide reader with the core-sanitized guide text', () => {
    // The guides' HTML is rendered from bundled Markdown and cleaned by ammonia in the core;
    // this one component shows it. Everything a person types is shown as text.
    expect(markup.filter(([, text]) => text.includes('{@html')).map(([path]) => path)).toEqual([
      './guides/reader/Prose.svelte',
    ]);
  });

  it('evaluate no strings as code', () => {
    const offenders = Object.entries(sources)
      .filter(([, text]) => /\beval\s*\(|new\s+Function\s*\(/.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it('load nothing remote', () => {
    const offenders = Object.entries(sources)
      .filter(([, text]) => /(?:https?:)?\/\/[a-z0-9-]+\.[a-z]{2,}\//i.test(text.replace(/^\s*\/\/.*$/gm, '')))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
    expect(indexHtml).not.toMatch(/https?:\/\//);
  });

  it('keep index.html free of inline scripts and styles', () => {
    expect(indexHtml).not.toMatch(/<style/);
    expect(indexHtml).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(indexHtml).not.toMatch(/\sstyle\s*=/);
  });
});
