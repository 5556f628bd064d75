// A group of links at the end of a page: its questions, its skills, the guides to read next.

import type { PageKind } from '../links';

export interface RelatedGroup {
  title: string;
  kind: PageKind;
  links: { slug: string; title: string; detail?: string | undefined }[];
}
