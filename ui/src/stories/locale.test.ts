import { describe, expect, it } from 'vitest';
import { ensureUsableLanguage } from './locale';

describe('ensureUsableLanguage', () => {
  it('leaves a valid tag alone', () => {
    const nav = { language: 'de-DE' };
    expect(ensureUsableLanguage(nav)).toBe(false);
    expect(nav.language).toBe('de-DE');
  });

  it('replaces the POSIX "C" locale, which Intl refuses', () => {
    const nav = { language: 'C' };
    expect(() => new Intl.NumberFormat(nav.language)).toThrow(RangeError);
    expect(ensureUsableLanguage(nav)).toBe(true);
    expect(nav.language).toBe('en-US');
    expect(() => new Intl.NumberFormat(nav.language)).not.toThrow();
  });
});
