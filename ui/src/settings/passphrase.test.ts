import { describe, expect, it } from 'vitest';
import { checkPassphrases, encryptionArgs, fieldsOf, passphraseHint, type PassphraseFields } from './passphrase';

const form = (fields: Partial<PassphraseFields>): PassphraseFields => ({ current: '', next: '', confirm: '', ...fields });

describe('checkPassphrases', () => {
  it.each([
    ['on', form({ next: 'long enough', confirm: 'long enough' }), null],
    ['on', form({ next: 'short', confirm: 'short' }), 'passphrase'],
    ['on', form({ next: '1234567', confirm: '1234567' }), 'passphrase'],
    ['on', form({ next: '12345678', confirm: '12345678' }), null],
    ['on', form({ next: 'long enough', confirm: 'long enougH' }), 'confirm'],
    ['on', form({ next: 'long enough', confirm: '' }), 'confirm'],
    ['change', form({ next: 'long enough', confirm: 'long enough' }), 'current'],
    ['change', form({ current: 'old passphrase', next: 'long enough', confirm: 'long enough' }), null],
    ['change', form({ current: 'old passphrase', next: 'old passphrase', confirm: 'old passphrase' }), 'passphrase'],
    ['change', form({ current: 'old passphrase', next: 'tiny', confirm: 'tiny' }), 'passphrase'],
    ['off', form({}), 'current'],
    ['off', form({ current: 'x' }), null],
  ] as const)('%s %o -> %s', (change, fields, field) => {
    expect(checkPassphrases(change, fields)?.field ?? null).toBe(field);
  });

  it('counts characters, not UTF-16 units, as the core does', () => {
    const emoji = '🔑🔑🔑🔑🔑🔑🔑';
    expect(emoji.length).toBe(14);
    expect(checkPassphrases('on', form({ next: emoji, confirm: emoji }))?.field).toBe('passphrase');
  });

  it('names the minimum in its message', () => {
    expect(checkPassphrases('on', form({ next: 'abc', confirm: 'abc' }))?.message).toBe('use at least 8 characters');
  });
});

describe('encryptionArgs and fieldsOf', () => {
  const fields = form({ current: 'old one here', next: 'new one here', confirm: 'new one here' });
  it.each([
    ['on', [null, 'new one here'], ['next', 'confirm']],
    ['change', ['old one here', 'new one here'], ['current', 'next', 'confirm']],
    ['off', ['old one here', null], ['current']],
  ] as const)('%s', (change, args, shown) => {
    expect(encryptionArgs(change, fields)).toEqual(args);
    expect(fieldsOf(change)).toEqual(shown);
  });
});

describe('passphraseHint', () => {
  it.each([
    ['', /At least 8 characters/],
    ['abcdefg', /^1 more character needed/],
    ['abc', /^5 more characters needed/],
    ['abcdefgh', /^Long enough/],
    ['correct horse battery', /^Good length/],
  ])('%j', (next, hint) => {
    expect(passphraseHint(next)).toMatch(hint);
  });
});
