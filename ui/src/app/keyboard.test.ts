import { describe, expect, it } from 'vitest';
import { formKey, keyAction, paletteKey, shortcutFor, type KeyPress } from './keyboard';

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
  it('maps Ctrl+1..8 to the sections in nav order', () => {
    const order = ['1', '2', '3', '4', '5', '6', '7', '8'].map((k) => keyAction(press(k, { ctrlKey: true })));
    expect(order).toEqual([
      { type: 'navigate', section: 'home' },
      { type: 'navigate', section: 'inbox' },
      { type: 'navigate', section: 'journal' },
      { type: 'navigate', section: 'guides' },
      { type: 'navigate', section: 'stories' },
      { type: 'navigate', section: 'resume' },
      { type: 'navigate', section: 'people' },
      { type: 'navigate', section: 'settings' },
    ]);
  });

  it('ignores digits beyond the sections and Ctrl+0', () => {
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
    expect(keyAction({ key: '4', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false })).toEqual({
      type: 'navigate',
      section: 'guides',
    });
  });

  it('ignores key presses while an input method is composing', () => {
    expect(keyAction(press('1', { ctrlKey: true, isComposing: true }))).toBeNull();
  });

  it('opens search on Ctrl+K, from a text field too', () => {
    expect(keyAction(press('k', { ctrlKey: true }))).toEqual({ type: 'search' });
    expect(keyAction(press('K', { ctrlKey: true }))).toEqual({ type: 'search' });
    expect(keyAction(press('k', { ctrlKey: true, inField: true }))).toEqual({ type: 'search' });
    expect(keyAction(press('k'))).toBeNull();
    expect(keyAction(press('k', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it('finds Ctrl+K by the physical key on layouts without Latin letters', () => {
    expect(keyAction({ ...press('л', { ctrlKey: true }), code: 'KeyK' })).toEqual({ type: 'search' });
    // A Latin layout where K sits elsewhere: the character decides.
    expect(keyAction({ ...press('j', { ctrlKey: true }), code: 'KeyK' })).toBeNull();
  });

  it('goes back on Escape, but not from a field', () => {
    const escape = { ...press('Escape'), code: 'Escape' };
    expect(keyAction(escape)).toEqual({ type: 'back' });
    expect(keyAction({ ...escape, inField: true })).toBeNull();
    expect(keyAction({ ...escape, shiftKey: true })).toBeNull();
  });

  it('leaves every key to an open dialog', () => {
    expect(keyAction(press('k', { ctrlKey: true, inDialog: true }))).toBeNull();
    expect(keyAction(press('2', { ctrlKey: true, inDialog: true }))).toBeNull();
    expect(keyAction({ ...press('Escape'), inDialog: true })).toBeNull();
  });
});

describe('paletteKey', () => {
  const key = (k: string, mods: Partial<KeyPress> = {}) => paletteKey({ ...press(k, mods), code: '' });

  it('moves with the arrows and opens with Enter', () => {
    expect(key('ArrowDown')).toBe('next');
    expect(key('ArrowUp')).toBe('previous');
    expect(key('Enter')).toBe('open');
    expect(key('Escape')).toBe('close');
  });

  it('accepts Ctrl+N and Ctrl+P', () => {
    expect(key('n', { ctrlKey: true })).toBe('next');
    expect(key('p', { ctrlKey: true })).toBe('previous');
  });

  it('leaves typing and other chords alone', () => {
    expect(key('a')).toBeNull();
    expect(key('n')).toBeNull();
    expect(key('ArrowLeft')).toBeNull();
    expect(key('Enter', { shiftKey: true })).toBeNull();
    expect(key('ArrowDown', { altKey: true })).toBeNull();
    expect(key('Enter', { isComposing: true })).toBeNull();
  });
});

describe('formKey', () => {
  it('submits on Ctrl+Enter and cancels on Escape', () => {
    expect(formKey({ ...press('Enter', { ctrlKey: true }), code: 'Enter' })).toBe('submit');
    expect(formKey({ ...press('Escape'), code: 'Escape' })).toBe('cancel');
  });

  it('leaves plain Enter to the field (a new line in a text area)', () => {
    expect(formKey({ ...press('Enter'), code: 'Enter' })).toBeNull();
    expect(formKey({ ...press('Enter', { shiftKey: true }), code: 'Enter' })).toBeNull();
    expect(formKey({ ...press('Enter', { ctrlKey: true, isComposing: true }), code: 'Enter' })).toBeNull();
  });
});

describe('shortcutFor', () => {
  it('names the shortcut of each section', () => {
    expect(shortcutFor('home')).toBe('Ctrl+1');
    expect(shortcutFor('inbox')).toBe('Ctrl+2');
    expect(shortcutFor('people')).toBe('Ctrl+7');
    expect(shortcutFor('settings')).toBe('Ctrl+8');
  });
});
