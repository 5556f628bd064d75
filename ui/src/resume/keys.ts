// The bullet editor's keys: Alt+ArrowUp and Alt+ArrowDown move the bullet that has the
// keyboard one place within its group. Pure, like the app's other key maps.

import type { KeyPress } from '../app/keyboard';

/** -1 (up), +1 (down), or null when the press is not a move. */
export function moveKey(press: KeyPress): -1 | 1 | null {
  if (press.isComposing || press.inDialog || press.inField) return null;
  if (!press.altKey || press.ctrlKey || press.metaKey || press.shiftKey) return null;
  if (press.key === 'ArrowUp') return -1;
  if (press.key === 'ArrowDown') return 1;
  return null;
}

/** Keys of the inline editor: Enter or Ctrl+Enter saves (a bullet is one line), Escape cancels. */
export function editorKey(press: KeyPress): 'save' | 'cancel' | null {
  if (press.isComposing) return null;
  const bare = !press.ctrlKey && !press.metaKey && !press.altKey && !press.shiftKey;
  if (press.key === 'Escape' && bare) return 'cancel';
  if (press.key === 'Enter' && (bare || (press.ctrlKey && !press.metaKey && !press.altKey && !press.shiftKey))) return 'save';
  return null;
}
