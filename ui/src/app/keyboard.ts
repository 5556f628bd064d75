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
  /** Pressed inside a modal dialog: the dialog owns the keyboard until it closes. */
  inDialog?: boolean;
  /** Pressed in a text field, where Escape belongs to the field. */
  inField?: boolean;
}

export type KeyAction = { type: 'navigate'; section: SectionId } | { type: 'search' } | { type: 'back' };

/**
 * The app-wide shortcuts: Ctrl+1 is the first section in nav order, Ctrl+8 the last;
 * Ctrl+K opens the search palette (from a text field too); Escape goes back a level.
 */
export function keyAction(press: KeyPress): KeyAction | null {
  if (press.isComposing || press.inDialog) return null;
  if (press.key === 'Escape' && !hasModifier(press)) return press.inField ? null : { type: 'back' };
  if (!ctrlOnly(press)) return null;
  if (isLetter(press, 'k')) return { type: 'search' };
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

export type PaletteKey = 'previous' | 'next' | 'open' | 'close';

/** Keys of the search palette, pressed in its input. */
export function paletteKey(press: KeyPress): PaletteKey | null {
  if (press.isComposing) return null;
  if (press.key === 'Escape') return 'close';
  if (hasModifier(press) && !ctrlOnly(press)) return null;
  if (ctrlOnly(press)) {
    // The Emacs pair many palettes accept, for hands that stay on the home row.
    if (isLetter(press, 'p')) return 'previous';
    if (isLetter(press, 'n')) return 'next';
    return null;
  }
  switch (press.key) {
    case 'ArrowUp':
      return 'previous';
    case 'ArrowDown':
      return 'next';
    case 'Enter':
      return 'open';
    default:
      return null;
  }
}

export type FormKey = 'submit' | 'cancel';

/**
 * Keys of an entry form beyond the browser's own (Enter in a one-line field submits by
 * itself): Ctrl+Enter submits from anywhere, a text area included; Escape cancels.
 */
export function formKey(press: KeyPress): FormKey | null {
  if (press.isComposing) return null;
  if (press.key === 'Escape' && !hasModifier(press)) return 'cancel';
  if (press.key === 'Enter' && ctrlOnly(press)) return 'submit';
  return null;
}

function hasModifier(press: KeyPress): boolean {
  return press.ctrlKey || press.metaKey || press.altKey || press.shiftKey;
}

function ctrlOnly(press: KeyPress): boolean {
  return press.ctrlKey && !press.metaKey && !press.altKey && !press.shiftKey;
}

// The character first; the physical key for layouts without Latin letters (Cyrillic...).
function isLetter(press: KeyPress, letter: string): boolean {
  if (/^[a-z]$/i.test(press.key)) return press.key.toLowerCase() === letter;
  return press.code === `Key${letter.toUpperCase()}`;
}

// The physical digit row first, so layouts where 1 needs Shift (AZERTY) still work;
// then the character, for events without a code.
function digitOf(press: KeyPress): number | null {
  const fromCode = press.code ? /^(?:Digit|Numpad)([0-9])$/.exec(press.code) : null;
  const raw = fromCode?.[1] ?? (/^[0-9]$/.test(press.key) ? press.key : null);
  return raw === null ? null : Number(raw);
}

/** Reads a key event, with where it happened: in a modal dialog, in a text field. */
export function pressOf(event: KeyboardEvent): KeyPress {
  const target = event.target instanceof Element ? event.target : null;
  return {
    key: event.key,
    code: event.code,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    shiftKey: event.shiftKey,
    isComposing: event.isComposing,
    inDialog: !!target?.closest('dialog[open]'),
    inField: target !== null && isField(target),
  };
}

function isField(element: Element): boolean {
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  return element.matches('input, textarea, select');
}
