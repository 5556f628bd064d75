// The passphrase forms (unlock at start, encryption in Settings) as plain data: what each
// change asks for and what is checked before the core is asked. The core checks again.

import type { IpcError } from '../lib/bindings';
import { ipcError } from '../lib/api';

/** The core's minimum, in characters; it refuses shorter ones with field `passphrase`. */
export const MIN_PASSPHRASE = 8;

/** Turn encryption on, change the passphrase, or turn it off. */
export type EncryptionChange = 'on' | 'change' | 'off';

export interface PassphraseFields {
  current: string;
  next: string;
  confirm: string;
}

export const EMPTY_PASSPHRASES: PassphraseFields = { current: '', next: '', confirm: '' };

/** What the form shows for each change: the heading, the button, and while it works. */
export const CHANGE_COPY: Record<EncryptionChange, { title: string; action: string; working: string }> = {
  on: { title: 'Turn on encryption', action: 'Encrypt journal', working: 'Encrypting' },
  change: { title: 'Change the passphrase', action: 'Change passphrase', working: 'Re-encrypting' },
  off: { title: 'Turn off encryption', action: 'Decrypt journal', working: 'Decrypting' },
};

/** The fields each change shows, in order. */
export function fieldsOf(change: EncryptionChange): (keyof PassphraseFields)[] {
  switch (change) {
    case 'on':
      return ['next', 'confirm'];
    case 'change':
      return ['current', 'next', 'confirm'];
    case 'off':
      return ['current'];
  }
}

function refuse(field: string, message: string): IpcError {
  return ipcError('invalid', message, field);
}

/**
 * The first problem with the form, named by field as the core names it (`current`,
 * `passphrase`, and `confirm`, which only the form knows), or null when it can be sent.
 */
export function checkPassphrases(change: EncryptionChange, fields: PassphraseFields): IpcError | null {
  if (change !== 'on' && fields.current === '') return refuse('current', 'enter the current passphrase');
  if (change === 'off') return null;
  if ([...fields.next].length < MIN_PASSPHRASE) {
    return refuse('passphrase', `use at least ${MIN_PASSPHRASE} characters`);
  }
  if (change === 'change' && fields.next === fields.current) {
    return refuse('passphrase', 'the new passphrase is the same as the current one');
  }
  if (fields.confirm !== fields.next) return refuse('confirm', 'the two passphrases are not the same');
  return null;
}

/** The two arguments of `encryptionSet` for a checked form. */
export function encryptionArgs(change: EncryptionChange, fields: PassphraseFields): [string | null, string | null] {
  switch (change) {
    case 'on':
      return [null, fields.next];
    case 'change':
      return [fields.current, fields.next];
    case 'off':
      return [fields.current, null];
  }
}

/** How strong a new passphrase looks, for the hint under the field (never a rule). */
export function passphraseHint(next: string): string {
  const length = [...next].length;
  if (length === 0) {
    return `At least ${MIN_PASSPHRASE} characters. A few unrelated words are easy to remember and hard to guess.`;
  }
  const missing = MIN_PASSPHRASE - length;
  if (missing > 0) return `${missing} more ${missing === 1 ? 'character' : 'characters'} needed.`;
  if (length < 14) return 'Long enough. Longer is stronger: a few unrelated words work well.';
  return 'Good length.';
}
