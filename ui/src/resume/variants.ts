// Variants on screen: the filter in words, why a variant came out empty, the form's fields,
// and the writes that give a variant its own order and wording. Which bullets a variant
// takes is the core's answer; `takes` mirrors its filter only to explain and to list what
// was left out.

import type { Bullet, VariantFilter } from '../lib/bindings';
import { formatDay, labelsText, parseLabels } from '../journal/format';
import { parseDate } from '../journal/forms';
import type { Parsed } from '../lib/forms';

type Filterable = Pick<Bullet, 'tags' | 'skills' | 'role' | 'started_on' | 'ended_on'>;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function anyOf(wanted: readonly string[], have: readonly string[]): boolean {
  return wanted.length === 0 || wanted.some((w) => have.some((h) => same(h, w)));
}

/** The parts of a filter, each on its own, as the core applies them (all must hold). */
const PARTS = {
  tags: (f: VariantFilter, b: Filterable) => anyOf(f.tags, b.tags),
  skills: (f: VariantFilter, b: Filterable) => anyOf(f.skills, b.skills),
  roles: (f: VariantFilter, b: Filterable) => anyOf(f.roles, b.role ? [b.role] : []),
  since: (f: VariantFilter, b: Filterable) => {
    const end = b.ended_on ?? b.started_on;
    return f.since === null || end === null || end >= f.since;
  },
  until: (f: VariantFilter, b: Filterable) => {
    const start = b.started_on ?? b.ended_on;
    return f.until === null || start === null || start <= f.until;
  },
} as const;

type Part = keyof typeof PARTS;

/** Whether a variant with this filter takes the bullet (picked bullets only). */
export function takes(filter: VariantFilter, bullet: Filterable): boolean {
  return (Object.keys(PARTS) as Part[]).every((part) => PARTS[part](filter, bullet));
}

function quoted(labels: readonly string[], word = 'or'): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} ${word} ${labels[labels.length - 1]}`;
}

/** One phrase per part of the filter that is set. */
function phrases(filter: VariantFilter): Record<Part, string | null> {
  return {
    tags: filter.tags.length ? `tagged ${quoted(filter.tags.map((t) => `#${t}`))}` : null,
    skills: filter.skills.length ? `with the skill ${quoted(filter.skills)}` : null,
    roles: filter.roles.length ? `in the role ${quoted(filter.roles)}` : null,
    since: filter.since ? `from a project active since ${formatDay(filter.since)}` : null,
    until: filter.until ? `from a project started by ${formatDay(filter.until)}` : null,
  };
}

/** "Picked bullets tagged #backend, with the skill mentoring, from 1 Jan 2023". */
export function filterText(filter: VariantFilter): string {
  const set = Object.values(phrases(filter)).filter((p): p is string => p !== null);
  return set.length ? `Picked bullets ${set.join(', ')}` : 'Every picked bullet';
}

/**
 * Why a variant has no bullets, filter part by part: "No picked bullet is tagged
 * #frontend" for each part that rules out every picked bullet on its own, else a line
 * saying the parts together rule them all out. Empty when nothing is picked at all.
 */
export function whyEmpty(filter: VariantFilter, picked: readonly Filterable[]): string[] {
  if (picked.length === 0) return ['No bullet is picked for the resume yet; a variant takes only picked bullets.'];
  const said = phrases(filter);
  const alone = (Object.keys(PARTS) as Part[]).filter(
    (part) => said[part] !== null && picked.every((b) => !PARTS[part](filter, b)),
  );
  if (alone.length) return alone.map((part) => `No picked bullet is ${said[part]}.`);
  const set = Object.values(said).filter((p): p is string => p !== null);
  if (set.length === 0) return ['Every picked bullet is left out of this variant.'];
  return [`No picked bullet is ${quoted(set, 'and')} at once.`];
}

/** The variant form's fields while typing. */
export interface VariantFields {
  name: string;
  tags: string;
  skills: string;
  roles: string;
  since: string;
  until: string;
}

export function variantFields(variant: { name: string; filter: VariantFilter } | null): VariantFields {
  const f = variant?.filter;
  return {
    name: variant?.name ?? '',
    tags: labelsText(f?.tags ?? []),
    skills: labelsText(f?.skills ?? []),
    roles: labelsText(f?.roles ?? []),
    since: f?.since ?? '',
    until: f?.until ?? '',
  };
}

/** The name and filter the core takes; dates that are not dates are refused here. */
export function variantInput(fields: VariantFields): Parsed<{ name: string; filter: VariantFilter }> {
  const since = parseDate('since', fields.since);
  if (!since.ok) return since;
  const until = parseDate('until', fields.until);
  if (!until.ok) return until;
  return {
    ok: true,
    value: {
      name: fields.name,
      filter: {
        tags: parseLabels(fields.tags),
        skills: parseLabels(fields.skills),
        roles: parseLabels(fields.roles),
        since: since.value,
        until: until.value,
      },
    },
  };
}

/** One `variantTailor` call. */
export interface TailorWrite {
  bullet: number;
  text: string | null;
  excluded: boolean;
  position: number | null;
}

/** What the core holds for a bullet in a variant, as far as this window wrote it. */
export interface Tailored {
  position: number;
  text: string | null;
}

/**
 * The writes that give a variant the bullets `next`, in that order, each with its own
 * wording (null: the bullet's). A tailor call sets position and wording together, so a
 * bullet whose place is not known to be stored gets both; when `known` (what this window
 * wrote last) covers exactly these bullets, only the changed ones are written.
 */
export function tailorWrites(
  next: readonly { bullet: number; text: string | null }[],
  known: ReadonlyMap<number, Tailored> | null,
): TailorWrite[] {
  const complete = known !== null && known.size === next.length && next.every((n) => known.has(n.bullet));
  return next
    .map((n, i) => ({ bullet: n.bullet, text: n.text, excluded: false, position: i + 1 }))
    .filter((w) => {
      if (!complete) return true;
      const was = known.get(w.bullet);
      return was?.position !== w.position || was.text !== w.text;
    });
}

/** The state `tailorWrites` leaves behind, for the next call. */
export function tailoredAfter(next: readonly { bullet: number; text: string | null }[]): Map<number, Tailored> {
  return new Map(next.map((n, i) => [n.bullet, { position: i + 1, text: n.text }]));
}

/** A variant's own wording of a bullet: its text where it differs from the bullet's, else null. */
export function ownWording(inVariant: Pick<Bullet, 'id' | 'text'>, master: ReadonlyMap<number, Pick<Bullet, 'text'>>): string | null {
  const own = master.get(inVariant.id);
  return own && own.text !== inVariant.text ? inVariant.text : null;
}

/** The tags, skills and roles the bullets carry, most used first: hints for the variant form. */
export function knownLabels(bullets: readonly Pick<Bullet, 'tags' | 'skills' | 'role'>[]): {
  tags: string[];
  skills: string[];
  roles: string[];
} {
  const tally = (lists: (readonly string[])[]) => {
    const counts = new Map<string, { label: string; n: number }>();
    for (const list of lists) {
      for (const label of list) {
        const key = label.toLowerCase();
        const seen = counts.get(key);
        if (seen) seen.n += 1;
        else counts.set(key, { label, n: 1 });
      }
    }
    return [...counts.values()].sort((a, b) => b.n - a.n || a.label.localeCompare(b.label)).map((c) => c.label);
  };
  return {
    tags: tally(bullets.map((b) => b.tags)),
    skills: tally(bullets.map((b) => b.skills)),
    roles: tally(bullets.map((b) => (b.role ? [b.role] : []))),
  };
}
