// Moving within the window's scrolling area (the shell's <main>) without touching the URL:
// links inside a page scroll to their heading and hand it the keyboard.

/** The element that scrolls `from`: the nearest scrollable ancestor, else the document. */
export function scrollerOf(from: Element): HTMLElement {
  let node = from.parentElement;
  while (node) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node;
    node = node.parentElement;
  }
  return document.scrollingElement instanceof HTMLElement ? document.scrollingElement : document.body;
}

/** Scrolls `target` to the top of the view and focuses it, for the keyboard to go on from. */
export function reveal(target: HTMLElement, smooth = true): void {
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ block: 'start', behavior: smooth && !reduce ? 'smooth' : 'auto' });
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

/** Back to the top of the scrolling area, as when a new page opens. */
export function toTop(from: Element): void {
  scrollerOf(from).scrollTop = 0;
}
