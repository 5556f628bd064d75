import { describe, expect, it } from 'vitest';
import { asSentence } from './text';

describe('asSentence', () => {
  it('capitalises and ends with a full stop', () => {
    expect(asSentence('the journal is busy in another process')).toBe('The journal is busy in another process.');
  });

  it('keeps an ending that is already there and trims', () => {
    expect(asSentence('  done already. ')).toBe('Done already.');
    expect(asSentence('really?')).toBe('Really?');
  });

  it('leaves an empty message empty', () => {
    expect(asSentence('   ')).toBe('');
  });
});
