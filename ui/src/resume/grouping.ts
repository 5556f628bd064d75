// How the bullet editor lays bullets out: grouped by project or by role (organization and
// role, as the exports group them), and how a move within a group changes the resume order.

import type { Bullet } from '../lib/bindings';
import { formatMonth, formatPeriod, orgAndRole } from '../journal/format';

export type Grouping = 'project' | 'role';

export interface BulletGroup {
  /** Stable within a grouping: `project:3`, `role:Acme|Staff engineer`. */
  key: string;
  title: string;
  /** The line under the title: organization and role of a project, or the period of a role. */
  meta: string | null;
  bullets: Bullet[];
}

type Dated = Pick<Bullet, 'started_on' | 'ended_on'>;

interface Span {
  start: string | null;
  end: string | null;
  /** Ongoing when any project in it has no end date, as in the exports. */
  ongoing: boolean;
}

function widen(span: Span, b: Dated): Span {
  const start = span.start && b.started_on ? (span.start < b.started_on ? span.start : b.started_on) : (span.start ?? b.started_on);
  const end = span.end && b.ended_on ? (span.end > b.ended_on ? span.end : b.ended_on) : (span.end ?? b.ended_on);
  return { start, end, ongoing: span.ongoing || b.ended_on === null };
}

/** Most recent first, like the exports: ongoing groups, then by end (or start) date; ties keep their order. */
function byRecency(a: Span, b: Span): number {
  if (a.ongoing !== b.ongoing) return a.ongoing ? -1 : 1;
  const ka = a.end ?? a.start ?? '';
  const kb = b.end ?? b.start ?? '';
  return ka === kb ? 0 : ka > kb ? -1 : 1;
}

/** The heading of a role group, as the Markdown export writes it: "Staff engineer, Acme". */
export function roleHeading(role: string | null, organization: string | null): string {
  if (role && organization) return `${role}, ${organization}`;
  return role ?? organization ?? 'No role or organization';
}

/** The bullets in groups, each group in resume order, the groups most recent first. */
export function groupBullets(bullets: readonly Bullet[], by: Grouping): BulletGroup[] {
  const groups = new Map<string, { group: BulletGroup; span: Span }>();
  for (const b of bullets) {
    const key = by === 'project' ? `project:${b.project_id}` : `role:${b.organization ?? ''}|${b.role ?? ''}`;
    let entry = groups.get(key);
    if (!entry) {
      const title = by === 'project' ? b.project_title : roleHeading(b.role, b.organization);
      entry = {
        group: { key, title, meta: null, bullets: [] },
        span: { start: null, end: null, ongoing: false },
      };
      groups.set(key, entry);
    }
    entry.group.bullets.push(b);
    entry.span = widen(entry.span, b);
  }
  const list = [...groups.values()];
  for (const { group, span } of list) {
    const first = group.bullets[0];
    const period = span.ongoing ? (span.start ? `${formatMonth(span.start)} – present` : null) : formatPeriod(span.start, span.end);
    const who = by === 'project' && first ? orgAndRole(first.organization, first.role) : null;
    group.meta = [who, period].filter(Boolean).join(' · ') || null;
  }
  return list.sort((a, b) => byRecency(a.span, b.span)).map(({ group }) => group);
}

/**
 * The resume order after moving bullet `id` one place up (-1) or down (+1) within its
 * group: it trades places with its neighbour in the group, everything else stays put.
 * Null when it cannot move (first or last in its group, or not found).
 */
export function movedOrder(order: readonly Bullet[], groups: readonly BulletGroup[], id: number, delta: -1 | 1): number[] | null {
  const group = groups.find((g) => g.bullets.some((b) => b.id === id));
  if (!group) return null;
  const at = group.bullets.findIndex((b) => b.id === id);
  const neighbour = group.bullets[at + delta];
  if (!neighbour) return null;
  const ids = order.map((b) => b.id);
  const i = ids.indexOf(id);
  const j = ids.indexOf(neighbour.id);
  if (i < 0 || j < 0) return null;
  ids[i] = neighbour.id;
  ids[j] = id;
  return ids;
}

/** Bullets in the order of `ids` (unknown ids skipped, unlisted bullets after, in their order). */
export function inOrder<T extends { id: number }>(items: readonly T[], ids: readonly number[]): T[] {
  const byId = new Map(items.map((b) => [b.id, b]));
  const listed = ids.map((id) => byId.get(id)).filter((b): b is T => b !== undefined);
  const seen = new Set(ids);
  return [...listed, ...items.filter((b) => !seen.has(b.id))];
}

/** How many bullets the editor shows at once: a large journal has well over a thousand. */
export const PAGE_SIZE = 50;

/** A group as one page shows it: a run of its bullets, with where the run sits in the whole group. */
export interface PagedGroup {
  group: BulletGroup;
  /** The bullets on this page, in order. */
  bullets: Bullet[];
  /** The position in the whole group of the first bullet shown. */
  first: number;
}

/** The bullets from `offset` to `offset + limit`, counted across the groups in order, in their groups. */
export function pageOfGroups(groups: readonly BulletGroup[], offset: number, limit: number): PagedGroup[] {
  const page: PagedGroup[] = [];
  let start = 0;
  for (const group of groups) {
    const end = start + group.bullets.length;
    const from = Math.max(offset, start);
    const to = Math.min(offset + limit, end);
    if (from < to) page.push({ group, bullets: group.bullets.slice(from - start, to - start), first: from - start });
    if (end >= offset + limit) break;
    start = end;
  }
  return page;
}

/** The offset of the page that holds bullet `id`; null when no group has it. */
export function pageHolding(groups: readonly BulletGroup[], id: number, limit: number): number | null {
  let at = 0;
  for (const group of groups) {
    const i = group.bullets.findIndex((b) => b.id === id);
    if (i >= 0) return Math.floor((at + i) / limit) * limit;
    at += group.bullets.length;
  }
  return null;
}

/** The last page's offset for `total` bullets (0 when there are none). */
export function lastPage(total: number, limit: number): number {
  return total <= 0 ? 0 : Math.floor((total - 1) / limit) * limit;
}

/** "1–50 of 1,484": the bullets this page shows and how many there are in all. */
export function pageCount(offset: number, shown: number, total: number): string {
  const n = (v: number) => v.toLocaleString('en');
  if (total === 0) return 'No bullets';
  return `${n(offset + 1)}–${n(offset + shown)} of ${n(total)}`;
}

/** Whether a bullet's wording, project or role holds every word of `query` (any case). */
export function matchesFilter(bullet: Bullet, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = [bullet.text, bullet.project_title, bullet.organization ?? '', bullet.role ?? ''].join(' ').toLowerCase();
  return words.every((w) => hay.includes(w));
}
