// The sections of the UI map, in nav order. The order is also the Ctrl+1..8 order.

import type { IconName } from '../lib/icons';

export const SECTIONS = [
  { id: 'home', label: 'Home' },
  { id: 'inbox', label: 'Inbox' },
  { id: 'journal', label: 'Journal' },
  { id: 'guides', label: 'Guides' },
  { id: 'stories', label: 'Stories' },
  { id: 'resume', label: 'Resume' },
  { id: 'people', label: 'People' },
  { id: 'settings', label: 'Settings' },
] as const satisfies readonly { id: IconName; label: string }[];

export type Section = (typeof SECTIONS)[number];
export type SectionId = Section['id'];
