// The Inbox's triage keys, as a pure mapping like the app's other shortcuts (app/keyboard):
// ArrowDown/ArrowUp or j/k move, a accepts, d dismisses, e edits, x or Space selects,
// u undoes the last action. Never while typing in a field or with a dialog open.

import type { KeyPress } from '../app/keyboard';

export type InboxKey = 'next' | 'previous' | 'accept' | 'dismiss' | 'edit' | 'toggle' | 'undo';

export interface InboxPress extends KeyPress {
  /** Pressed on a button or checkbox, whose own Space or Enter must still work. */
  onControl?: boolean;
}

export function inboxKey(press: InboxPress): InboxKey | null {
  if (press.isComposing || press.inDialog || press.inField) return null;
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  switch (press.key) {
    case 'ArrowDown':
      return 'next';
    case 'ArrowUp':
      return 'previous';
    case ' ':
      return press.onControl ? null : 'toggle';
  }
  if (press.shiftKey) return null;
  const letter = /^[a-z]$/i.test(press.key) ? press.key.toLowerCase() : (/^Key([A-Z])$/.exec(press.code ?? '')?.[1]?.toLowerCase() ?? null);
  switch (letter) {
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case 'a':
      return 'accept';
    case 'd':
      return 'dismiss';
    case 'e':
      return 'edit';
    case 'x':
      return 'toggle';
    case 'u':
      return 'undo';
    default:
      return null;
  }
}
