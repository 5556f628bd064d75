// Every keyboard shortcut of the app, in one place: a pure mapping from a key press to an
// action. The shell listens once on the window and carries the action out.

import { SECTIONS, type SectionId } from './sections';

/** The parts of a KeyboardEvent the mapping reads. */
export interface KeyPress {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

export type KeyAction = { type: 'navigate'; section: SectionId };

/** Ctrl+1 is the first section in nav order, Ctrl+6 the last. */
export function keyAction(press: KeyPress): KeyAction | null {
  if (press.isComposing) return null;
  if (!press.ctrlKey || press.metaKey || press.altKey || press.shiftKey) return null;
  const digit = digitOf(press);
  if (digit === null) return null;
  const section = SECTIONS[digit - 1];
  return section ? { type: 'navigate', section: section.id } : null;
}

/** The hint shown next to a section in the nav, e.g. "Ctrl+2". */
export function shortcutFor(section: SectionId): string {
  const index = SECTIONS.findIndex((s) => s.id === section);
  return `Ctrl+${index + 1}`;
}

// The physical digit row first, so layouts where 1 needs Shift (AZERTY) still work;
// then the character, for events without a code.
function digitOf(press: KeyPress): number | null {
  const fromCode = press.code ? /^(?:Digit|Numpad)([0-9])$/.exec(press.code) : null;
  const raw = fromCode?.[1] ?? (/^[0-9]$/.test(press.key) ? press.key : null);
  return raw === null ? null : Number(raw);
}
