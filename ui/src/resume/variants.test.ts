import { describe, expect, it } from 'vitest';
import type { VariantFilter } from '../lib/bindings';
import { bullet } from './fixtures';
import {
  filterText,
  knownLabels,
  ownWording,
  tailoredAfter,
  tailorWrites,
  takes,
  variantFields,
  variantInput,
  whyEmpty,
} from './variants';

const ANY: VariantFilter = { tags: [], skills: [], roles: [], since: null, until: null };

describe('takes', () => {
  const b = bullet(1, { tags: ['Backend'], skills: ['mentoring'], role: 'Staff engineer', started_on: '2023-01-01', ended_on: '2023-06-30' });

  it('matches any listed label, ignoring case, and every part at once', () => {
    expect(takes(ANY, b)).toBe(true);
    expect(takes({ ...ANY, tags: ['backend', 'frontend'] }, b)).toBe(true);
    expect(takes({ ...ANY, tags: ['frontend'] }, b)).toBe(false);
    expect(takes({ ...ANY, tags: ['backend'], skills: ['hiring'] }, b)).toBe(false);
    expect(takes({ ...ANY, roles: ['staff engineer'] }, b)).toBe(true);
  });

  it('takes projects active in the range, and undated ones', () => {
    expect(takes({ ...ANY, since: '2023-06-30' }, b)).toBe(true);
    expect(takes({ ...ANY, since: '2023-07-01' }, b)).toBe(false);
    expect(takes({ ...ANY, until: '2023-01-01' }, b)).toBe(true);
    expect(takes({ ...ANY, until: '2022-12-31' }, b)).toBe(false);
    expect(takes({ ...ANY, since: '2030-01-01' }, bullet(2))).toBe(true);
  });
});

describe('filterText and whyEmpty', () => {
  it('says what a filter takes', () => {
    expect(filterText(ANY)).toBe('Every picked bullet');
    expect(filterText({ ...ANY, tags: ['backend', 'api'], since: '2023-01-01' })).toBe(
      'Picked bullets tagged #backend or #api, from a project active since 1 Jan 2023',
    );
  });

  it('names the filter that rules every picked bullet out', () => {
    const picked = [bullet(1, { tags: ['backend'] }), bullet(2, { tags: ['infra'], skills: ['mentoring'] })];
    expect(whyEmpty({ ...ANY, tags: ['frontend'] }, picked)).toEqual(['No picked bullet is tagged #frontend.']);
    expect(whyEmpty({ ...ANY, tags: ['backend'], skills: ['mentoring'] }, picked)).toEqual([
      'No picked bullet is tagged #backend and with the skill mentoring at once.',
    ]);
    expect(whyEmpty(ANY, [])).toEqual(['No bullet is picked for the resume yet; a variant takes only picked bullets.']);
  });
});

describe('the variant form', () => {
  it('round-trips a variant through its fields', () => {
    const filter: VariantFilter = { tags: ['backend'], skills: ['mentoring', 'hiring'], roles: [], since: '2023-01-01', until: null };
    const fields = variantFields({ name: 'Staff backend', filter });
    expect(fields.skills).toBe('mentoring, hiring');
    expect(variantInput(fields)).toEqual({ ok: true, value: { name: 'Staff backend', filter } });
  });

  it('refuses a date that is not a date, naming the field', () => {
    const parsed = variantInput({ ...variantFields(null), until: '2023-13-01' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.field).toBe('until');
  });

  it('suggests the labels the bullets carry, most used first', () => {
    const known = knownLabels([
      bullet(1, { tags: ['infra', 'backend'], role: 'Tech lead' }),
      bullet(2, { tags: ['Backend'], skills: ['mentoring'], role: null }),
    ]);
    expect(known).toEqual({ tags: ['backend', 'infra'], skills: ['mentoring'], roles: ['Tech lead'] });
  });
});

describe('tailorWrites', () => {
  const next = [
    { bullet: 7, text: null },
    { bullet: 3, text: 'Own words' },
    { bullet: 5, text: null },
  ];

  it('writes every place when what is stored is not known', () => {
    expect(tailorWrites(next, null)).toEqual([
      { bullet: 7, text: null, excluded: false, position: 1 },
      { bullet: 3, text: 'Own words', excluded: false, position: 2 },
      { bullet: 5, text: null, excluded: false, position: 3 },
    ]);
  });

  it('writes only what changed once it is known', () => {
    const known = tailoredAfter([
      { bullet: 3, text: 'Own words' },
      { bullet: 7, text: null },
      { bullet: 5, text: null },
    ]);
    expect(tailorWrites(next, known)).toEqual([
      { bullet: 7, text: null, excluded: false, position: 1 },
      { bullet: 3, text: 'Own words', excluded: false, position: 2 },
    ]);
    expect(tailorWrites(next, tailoredAfter(next))).toEqual([]);
    const reworded = next.map((n) => (n.bullet === 5 ? { bullet: 5, text: 'New' } : n));
    expect(tailorWrites(reworded, tailoredAfter(next))).toEqual([{ bullet: 5, text: 'New', excluded: false, position: 3 }]);
  });

  it('writes everything again when the variant took a bullet it did not know', () => {
    const known = tailoredAfter(next.slice(0, 2));
    expect(tailorWrites(next, known)).toHaveLength(3);
  });

  it('tells a variant’s own wording from the bullet’s', () => {
    const master = new Map([[1, { text: 'Cut latency 85%' }]]);
    expect(ownWording({ id: 1, text: 'Cut latency 85%' }, master)).toBeNull();
    expect(ownWording({ id: 1, text: 'Cut p99 latency 85%' }, master)).toBe('Cut p99 latency 85%');
  });
});
