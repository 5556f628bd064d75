import { describe, expect, it } from 'vitest';
import { keyAction, shortcutFor, type KeyPress } from './keyboard';

function press(key: string, mods: Partial<KeyPress> = {}): KeyPress {
  return {
    key,
    code: /^[0-9]$/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  };
}

describe('keyAction', () => {
  it('maps Ctrl+1..6 to the sections in nav order', () => {
    const order = ['1', '2', '3', '4', '5', '6'].map((k) => keyAction(press(k, { ctrlKey: true })));
    expect(order).toEqual([
      { type: 'navigate', section: 'home' },
      { type: 'navigate', section: 'journal' },
      { type: 'navigate', section: 'guides' },
      { type: 'navigate', section: 'stories' },
      { type: 'navigate', section: 'resume' },
      { type: 'navigate', section: 'settings' },
    ]);
  });

  it('ignores digits beyond the sections and Ctrl+0', () => {
    expect(keyAction(press('7', { ctrlKey: true }))).toBeNull();
    expect(keyAction(press('9', { ctrlKey: true }))).toBeNull();
    expect(keyAction(press('0', { ctrlKey: true }))).toBeNull();
  });

  it('needs Ctrl and nothing else', () => {
    expect(keyAction(press('2'))).toBeNull();
    expect(keyAction(press('2', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(keyAction(press('2', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(keyAction(press('2', { ctrlKey: true, metaKey: true }))).toBeNull();
    expect(keyAction(press('2', { metaKey: true }))).toBeNull();
  });

  it('leaves other Ctrl shortcuts to the system', () => {
    expect(keyAction(press('c', { ctrlKey: true }))).toBeNull();
    expect(keyAction(press('F1', { ctrlKey: true, code: 'F1' }))).toBeNull();
  });

  it('reads the physical digit row on layouts where digits need Shift', () => {
    // AZERTY: the key left of "é" gives "&" without Shift but is still Digit1.
    expect(keyAction(press('&', { ctrlKey: true, code: 'Digit1' }))).toEqual({ type: 'navigate', section: 'home' });
  });

  it('falls back to the character when there is no code', () => {
    expect(keyAction({ key: '3', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false })).toEqual({
      type: 'navigate',
      section: 'guides',
    });
  });

  it('ignores key presses while an input method is composing', () => {
    expect(keyAction(press('1', { ctrlKey: true, isComposing: true }))).toBeNull();
  });
});

describe('shortcutFor', () => {
  it('names the shortcut of each section', () => {
    expect(shortcutFor('home')).toBe('Ctrl+1');
    expect(shortcutFor('settings')).toBe('Ctrl+6');
  });
});
