import { describe, expect, it } from 'vitest';
import { trappedFocus } from './focus';

describe('trappedFocus', () => {
  it('wraps Tab from the last element to the first', () => {
    expect(trappedFocus(4, 3, false)).toBe(0);
  });

  it('wraps Shift+Tab from the first element to the last', () => {
    expect(trappedFocus(4, 0, true)).toBe(3);
  });

  it('lets the browser move the focus in between', () => {
    expect(trappedFocus(4, 1, false)).toBeNull();
    expect(trappedFocus(4, 2, true)).toBeNull();
  });

  it('pulls an escaped focus back in', () => {
    expect(trappedFocus(4, -1, false)).toBe(0);
    expect(trappedFocus(4, -1, true)).toBe(3);
  });

  it('does nothing without focusable elements', () => {
    expect(trappedFocus(0, -1, false)).toBeNull();
  });
});
