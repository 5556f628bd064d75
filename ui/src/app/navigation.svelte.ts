// Which section is shown. The one place that changes it.

import type { SectionId } from './sections';

export class Navigation {
  current: SectionId = $state('home');
  /** Bumped when a move should also take the keyboard focus into the section. */
  focusRequest = $state(0);

  go(section: SectionId, options: { focus?: boolean } = {}): void {
    this.current = section;
    if (options.focus) this.focusRequest += 1;
  }
}

export const navigation = new Navigation();
