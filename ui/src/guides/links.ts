// Where a link in a guide's HTML leads. The core writes in-app links as `#/guides/slug`,
// `#/questions/slug`, `#/skills/slug`, and same-page links as `#heading-id`; anything else
// goes nowhere (the app has no network, and the window never navigates away).

export type PageKind = 'guide' | 'question' | 'skill';

export type LinkRoute = { kind: PageKind; slug: string } | { kind: 'anchor'; id: string } | { kind: 'nowhere' };

const KINDS: Record<string, PageKind> = { guides: 'guide', questions: 'question', skills: 'skill' };

export function routeOf(href: string | null | undefined): LinkRoute {
  if (!href) return { kind: 'nowhere' };
  const page = /^#\/(guides|questions|skills)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(href);
  if (page) {
    const kind = KINDS[page[1] ?? ''];
    if (kind && page[2]) return { kind, slug: page[2] };
  }
  const anchor = /^#([A-Za-z0-9][\w-]*)$/.exec(href);
  if (anchor?.[1]) return { kind: 'anchor', id: anchor[1] };
  return { kind: 'nowhere' };
}
