// Which of the engineer's rows a page has: the core tags table rows with `data-band` and
// `data-role`; the reader marks the matching ones and says so in a legend.

import type { ExperienceBand, PrimaryRole } from '../lib/bindings';

export interface Marked {
  band: boolean;
  role: boolean;
}

export function markedRows(html: string, band: ExperienceBand | null, role: PrimaryRole | null): Marked {
  return {
    band: band !== null && html.includes(`data-band="${band}"`),
    role: role !== null && html.includes(`data-role="${role}"`),
  };
}
