import { describe, expect, it, vi } from 'vitest';
import type { Bullet, ProjectDetail, ProjectPage, Variant, VariantFilter, VariantSummary } from '../lib/bindings';
import { Toaster } from '../lib/toast.svelte';
import { bullet } from './fixtures';
import { PAGE_SIZE } from './grouping';
import { ResumeStore, type ResumeApi } from './resume.svelte';
import { takes } from './variants';

const ANY: VariantFilter = { tags: [], skills: [], roles: [], since: null, until: null };

/** The core's bullets and variants in memory, behind the API's shape. */
function fakeCore(start: Bullet[]) {
  let bullets = start.map((b) => ({ ...b }));
  const variants = new Map<number, { summary: VariantSummary; deleted: boolean; rows: Map<number, { position: number | null; text: string | null; excluded: boolean }> }>();
  let nextId = 1;
  const ordered = () => [...bullets].sort((a, b) => a.position - b.position);
  const variantOf = (id: number): Variant => {
    const v = variants.get(id);
    if (!v || v.deleted) throw { kind: 'not_found', message: `variant ${id}`, field: null, errors: [] };
    const rows = ordered()
      .filter((b) => b.included && takes(v.summary.filter, b))
      .flatMap((b) => {
        const row = v.rows.get(b.id);
        if (row?.excluded) return [];
        return [{ key: row?.position ?? b.position, b: row?.text ? { ...b, text: row.text, edited: true } : b }];
      })
      .sort((x, y) => x.key - y.key || x.b.position - y.b.position);
    return { ...v.summary, bullets: rows.map((r) => r.b) };
  };
  const source = {
    bulletList: vi.fn(async () => ordered()),
    projectList: vi.fn(async (): Promise<ProjectPage> => ({ projects: [], total: 0 })),
    projectGet: vi.fn(async (_id: number): Promise<ProjectDetail> => {
      throw { kind: 'not_found', message: 'no', field: null, errors: [] };
    }),
    variantList: vi.fn(async () => [...variants.values()].filter((v) => !v.deleted).map((v) => v.summary)),
    bulletInclude: vi.fn(async (id: number, included: boolean) => {
      bullets = bullets.map((b) => (b.id === id ? { ...b, included } : b));
      return bullets.find((b) => b.id === id)!;
    }),
    bulletEdit: vi.fn(async (id: number, text: string) => {
      if (text.trim() === '') throw { kind: 'invalid', message: 'cannot be empty', field: 'text', errors: [{ field: 'text', message: 'cannot be empty' }] };
      bullets = bullets.map((b) => (b.id === id ? { ...b, text, edited: true } : b));
      return bullets.find((b) => b.id === id)!;
    }),
    bulletOrder: vi.fn(async (ids: number[]) => {
      bullets = bullets.map((b) => ({ ...b, position: ids.indexOf(b.id) + 1 }));
      return ordered();
    }),
    variantSave: vi.fn(async (id: number | null, name: string, filter: VariantFilter) => {
      const vid = id ?? nextId++;
      variants.set(vid, { summary: { id: vid, name, filter }, deleted: false, rows: new Map() });
      return variantOf(vid);
    }),
    variantGet: vi.fn(async (id: number) => variantOf(id)),
    variantTailor: vi.fn(async (variant: number, bullet: number, text: string | null, excluded: boolean, position: number | null) => {
      variants.get(variant)!.rows.set(bullet, { text, excluded, position });
      return variantOf(variant);
    }),
    variantDelete: vi.fn(async (id: number) => {
      variants.get(id)!.deleted = true;
      return variants.get(id)!.summary;
    }),
    variantRestore: vi.fn(async (id: number) => {
      variants.get(id)!.deleted = false;
      return variantOf(id);
    }),
  };
  return source as unknown as ResumeApi & typeof source;
}

const ids = (list: { id: number }[] | undefined) => (list ?? []).map((b) => b.id);

describe('ResumeStore', () => {
  const start = () => [
    bullet(1, { project_id: 1, position: 1, tags: ['backend'] }),
    bullet(2, { project_id: 2, position: 2 }),
    bullet(3, { project_id: 1, position: 3, tags: ['backend'] }),
    bullet(4, { project_id: 1, position: 4, included: false, tags: ['backend'] }),
  ];

  it('loads the bullets and moves one within its project', async () => {
    const core = fakeCore(start());
    const store = new ResumeStore(core, new Toaster());
    await store.load();
    expect(store.status).toBe('ready');
    expect(store.groups.map((g) => ids(g.bullets))).toEqual([
      [1, 3, 4],
      [2],
    ]);
    expect(await store.move(3, -1)).toBe(true);
    expect(core.bulletOrder).toHaveBeenCalledWith([3, 2, 1, 4]);
    expect(ids(store.bullets)).toEqual([3, 2, 1, 4]);
    expect(await store.move(3, -1)).toBe(false);
  });

  it('picks, and keeps an edit error for the editor', async () => {
    const core = fakeCore(start());
    const store = new ResumeStore(core, new Toaster());
    await store.load();
    // A list of one page needs no filter box.
    expect(store.showsFilter).toBe(false);
    await store.include(4, true);
    expect(store.picked.map((b) => b.id)).toEqual([1, 2, 3, 4]);
    store.editing = { id: 1, scope: 'bullet' };
    await expect(store.edit(1, '  ')).rejects.toMatchObject({ field: 'text' });
    expect(store.editing).not.toBeNull();
    await store.edit(1, 'Cut latency 85%');
    expect(store.bullets[0]!.text).toBe('Cut latency 85%');
    expect(store.editing).toBeNull();
  });

  it('gives a variant its own order with as few writes as it can', async () => {
    const core = fakeCore(start());
    const store = new ResumeStore(core, new Toaster());
    await store.load();
    await store.saveVariant(null, 'Backend', { ...ANY, tags: ['backend'] });
    expect(ids(store.variant?.bullets)).toEqual([1, 3]);
    expect(await store.moveInVariant(3, -1)).toBe(true);
    // The first move sets every place; what is stored is known from then on.
    expect(core.variantTailor).toHaveBeenCalledTimes(2);
    expect(ids(store.variant?.bullets)).toEqual([3, 1]);
    await store.tailorText(1, 'Rebuilt the pricing path');
    expect(core.variantTailor).toHaveBeenCalledTimes(3);
    expect(core.variantTailor).toHaveBeenLastCalledWith(1, 1, 'Rebuilt the pricing path', false, 2);
    expect(store.variant?.bullets.map((b) => b.text)).toEqual(['Bullet 3', 'Rebuilt the pricing path']);
  });

  it('leaves a bullet out of a variant and puts it back', async () => {
    const core = fakeCore(start());
    const toasts = new Toaster();
    const store = new ResumeStore(core, toasts);
    await store.load();
    await store.saveVariant(null, 'Backend', { ...ANY, tags: ['backend'] });
    await store.exclude(1);
    expect(ids(store.variant?.bullets)).toEqual([3]);
    expect(ids(store.leftOut)).toEqual([1]);
    expect(toasts.current?.action?.label).toBe('Undo');
    await toasts.act();
    expect(ids(store.variant?.bullets)).toEqual([3, 1]);
    expect(store.leftOut).toEqual([]);
  });

  it('deletes a variant with undo', async () => {
    const core = fakeCore(start());
    const toasts = new Toaster();
    const store = new ResumeStore(core, toasts);
    await store.load();
    const variant = await store.saveVariant(null, 'Backend', ANY);
    await store.deleteVariant(variant.id);
    expect(store.variants).toEqual([]);
    expect(store.variantId).toBeNull();
    expect(toasts.current?.text).toBe('Deleted the variant “Backend”');
    await toasts.act();
    expect(store.variants.map((v) => v.name)).toEqual(['Backend']);
    expect(store.variantId).toBe(variant.id);
  });

  it('goes back from the export panel to the list', () => {
    const store = new ResumeStore(fakeCore([]), new Toaster());
    expect(store.back()).toBe(false);
    store.showExport();
    expect(store.back()).toBe(true);
    expect(store.view.name).toBe('bullets');
  });

  it('pages a large list, and picks, filters and moves over the whole of it', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      bullet(i + 1, { project_id: 1, text: i % 2 ? `Cut latency ${i}` : `Raised throughput ${i}`, included: i < 100 }),
    );
    const core = fakeCore(many);
    const store = new ResumeStore(core, new Toaster());
    await store.load();
    const shown = () => store.page.flatMap((g) => g.bullets.map((b) => b.id));
    expect(store.total).toBe(120);
    expect(store.showsFilter).toBe(true);
    expect(shown()).toHaveLength(PAGE_SIZE);
    expect(shown()[0]).toBe(1);
    expect(store.turnPage(-1)).toBe(false);
    expect(store.turnPage(1)).toBe(true);
    expect(shown()[0]).toBe(51);
    expect(store.page[0]!.first).toBe(50);
    store.turnPage(1);
    expect(shown()).toHaveLength(20);
    expect(store.turnPage(1)).toBe(false);

    // The last bullet of page one moved down lands on page two, and the page follows it.
    store.showBullet(1);
    expect(store.pageOffset).toBe(0);
    expect(await store.move(50, 1)).toBe(true);
    expect(store.pageOffset).toBe(50);
    expect(shown()[0]).toBe(50);

    // A pick on a later page counts in the whole list; the filter narrows the whole list.
    await store.include(110, true);
    expect(store.picked).toHaveLength(101);
    store.setFilter('latency');
    expect(store.pageOffset).toBe(0);
    expect(store.total).toBe(60);
    store.setPickedOnly(true);
    expect(store.total).toBe(51);
    expect(store.page.flatMap((g) => g.bullets).every((b) => b.included && b.text.includes('latency'))).toBe(true);
    store.setFilter('');
    store.setPickedOnly(false);
    expect(store.total).toBe(120);
  });

  it('names the sources of the bullets shown, one project read each, again after a load', async () => {
    const core = fakeCore([
      bullet(1, { project_id: 1, key: 'metric:11' }),
      bullet(2, { project_id: 1, key: 'metric:12' }),
      bullet(3, { project_id: 2, key: 'decision:21' }),
      bullet(4, { project_id: 3, key: 'project:3' }),
    ]);
    core.projectGet.mockImplementation(async (id: number) => ({
      metrics: id === 1 ? [{ id: 11, name: 'p99 latency' }, { id: 12, name: 'Error rate' }] : [],
      decisions: id === 2 ? [{ id: 21, title: 'Move to Kafka' }] : [],
    }) as unknown as ProjectDetail);
    const store = new ResumeStore(core, new Toaster());
    await store.load();
    await store.nameSources(store.bullets.slice(0, 2));
    expect(core.projectGet).toHaveBeenCalledTimes(1);
    await store.nameSources(store.bullets);
    expect(core.projectGet.mock.calls.map((c) => c[0])).toEqual([1, 2]);
    expect([store.names.get(11), store.names.get(21)]).toEqual(['p99 latency', 'Move to Kafka']);
    await store.load();
    await store.nameSources(store.bullets);
    expect(core.projectGet).toHaveBeenCalledTimes(4);
  });

  it('saves the bullets and the brag document in the format chosen', async () => {
    const core = fakeCore(start());
    const exportSave = vi.fn(async () => '/tmp/out/resume.docx');
    const bragSave = vi.fn(async () => '/tmp/out/brag.pdf');
    const store = new ResumeStore({ ...core, exportSave, bragSave } as unknown as ResumeApi, new Toaster());
    const request = { format: 'docx' as const, variant: null, tags: [], since: null, until: null };
    expect(await store.save(request)).toBe('/tmp/out/resume.docx');
    expect(exportSave).toHaveBeenCalledWith(request);
    expect(await store.saveBrag('2025-01-01', '2025-06-30', 'pdf')).toBe('/tmp/out/brag.pdf');
    expect(bragSave).toHaveBeenCalledWith('2025-01-01', '2025-06-30', 'pdf');
  });

  it('opens the review packet and goes back to the bullets', () => {
    const store = new ResumeStore(fakeCore(start()), new Toaster());
    store.editing = { id: 1, scope: 'bullet' };
    store.showPacket();
    expect(store.view).toEqual({ name: 'packet' });
    expect(store.editing).toBeNull();
    expect(store.back()).toBe(true);
    expect(store.view).toEqual({ name: 'bullets' });
    expect(store.back()).toBe(false);
  });
});
