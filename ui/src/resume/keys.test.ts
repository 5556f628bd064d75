import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../app/keyboard';
import { editorKey, moveKey } from './keys';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('moveKey', () => {
  it('moves with Alt+ArrowUp and Alt+ArrowDown only', () => {
    expect(moveKey(press('ArrowUp', { altKey: true }))).toBe(-1);
    expect(moveKey(press('ArrowDown', { altKey: true }))).toBe(1);
    expect(moveKey(press('ArrowDown'))).toBeNull();
    expect(moveKey(press('ArrowDown', { altKey: true, shiftKey: true }))).toBeNull();
    expect(moveKey(press('ArrowDown', { altKey: true, ctrlKey: true }))).toBeNull();
  });

  it('leaves text fields and dialogs alone', () => {
    expect(moveKey(press('ArrowUp', { altKey: true, inField: true }))).toBeNull();
    expect(moveKey(press('ArrowUp', { altKey: true, inDialog: true }))).toBeNull();
    expect(moveKey(press('ArrowUp', { altKey: true, isComposing: true }))).toBeNull();
  });
});

describe('editorKey', () => {
  it('saves with Enter or Ctrl+Enter and cancels with Escape', () => {
    expect(editorKey(press('Enter'))).toBe('save');
    expect(editorKey(press('Enter', { ctrlKey: true }))).toBe('save');
    expect(editorKey(press('Escape'))).toBe('cancel');
    expect(editorKey(press('Enter', { shiftKey: true }))).toBeNull();
    expect(editorKey(press('Enter', { isComposing: true }))).toBeNull();
    expect(editorKey(press('a'))).toBeNull();
  });
});
