// Keeping the keyboard inside a modal: which element Tab moves to at the edges.

/**
 * The index to move the focus to when Tab (or Shift+Tab) is pressed on `current` of
 * `count` focusable elements, or null to let the browser move it. Wraps at both ends,
 * and pulls a focus that escaped (current -1) back in.
 */
export function trappedFocus(count: number, current: number, backwards: boolean): number | null {
  if (count === 0) return null;
  if (current === -1) return backwards ? count - 1 : 0;
  if (backwards && current === 0) return count - 1;
  if (!backwards && current === count - 1) return 0;
  return null;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements inside `root` that Tab reaches, in order. */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

/** Moves the focus around `root` when Tab would leave it. */
export function trapTab(root: HTMLElement, event: KeyboardEvent): void {
  if (event.key !== 'Tab' || event.ctrlKey || event.altKey || event.metaKey) return;
  const list = focusables(root);
  const active = document.activeElement;
  const index = list.findIndex((el) => el === active);
  const next = trappedFocus(list.length, index, event.shiftKey);
  if (next === null) return;
  event.preventDefault();
  list[next]?.focus();
}
