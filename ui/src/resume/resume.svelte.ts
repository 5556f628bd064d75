// The Resume section's state: the bullets (regenerated from the journal on each visit), how
// they are grouped, the variants and the one shown, the export panel's fields, and every
// write, each answered with what the core now holds. A deleted variant comes back with Undo.

import { api, toIpcError, type Api } from '../lib/api';
import type {
  Bullet,
  DocumentFormat,
  ExportRequest,
  Finding,
  IpcError,
  ProjectSummary,
  Variant,
  VariantFilter,
  VariantSummary,
} from '../lib/bindings';
import { Latest, type LoadStatus } from '../lib/latest';
import { asSentence } from '../lib/text';
import { toaster, type Toaster } from '../lib/toast.svelte';
import { DeleteWithUndo } from '../lib/undo';
import { BLANK_EXPORT, type ExportFields } from './exporting';
import {
  groupBullets,
  inOrder,
  lastPage,
  matchesFilter,
  movedOrder,
  pageHolding,
  pageOfGroups,
  PAGE_SIZE,
  type BulletGroup,
  type Grouping,
  type PagedGroup,
} from './grouping';
import { entryNames } from './sources';
import { ownWording, tailoredAfter, tailorWrites, takes, type Tailored } from './variants';

export type ResumeView = { name: 'bullets' } | { name: 'export' } | { name: 'packet' };

export type ResumeApi = Pick<
  Api,
  | 'bulletList'
  | 'bulletEdit'
  | 'bulletReset'
  | 'bulletInclude'
  | 'bulletOrder'
  | 'bulletLint'
  | 'variantList'
  | 'variantGet'
  | 'variantSave'
  | 'variantTailor'
  | 'variantDelete'
  | 'variantRestore'
  | 'exportPreview'
  | 'exportSave'
  | 'bragSave'
  | 'projectList'
  | 'projectGet'
>;

/** The most projects looked at for the empty states (the core's cap on a page). */
export const PROJECT_LIMIT = 200;

/** Which row's inline editor is open: in the bullet list, or in the variant shown. */
export interface Editing {
  id: number;
  /** Where the wording goes: the bullet itself, or the variant shown. */
  scope: 'bullet' | 'variant';
}

export class ResumeStore {
  view: ResumeView = $state({ name: 'bullets' });
  grouping: Grouping = $state('project');

  bullets: Bullet[] = $state([]);
  status: LoadStatus = $state('loading');
  error: IpcError | null = $state(null);
  /** The journal's projects, for the empty states (none yet, none with a metric). */
  projects: ProjectSummary[] = $state([]);
  /** Names of the metrics and decisions bullets come from, by entry id. */
  names: Map<number, string> = $state(new Map());

  variants: VariantSummary[] = $state([]);
  /** The variant shown instead of the whole list; null shows every bullet. */
  variantId: number | null = $state(null);
  variant: Variant | null = $state(null);
  variantStatus: LoadStatus = $state('loading');

  /** The variant form, open to create a variant or to edit the one shown. */
  variantForm: 'new' | 'edit' | null = $state(null);
  editing: Editing | null = $state(null);
  /** A write in progress; moves wait for it, so two quick presses do not cross. */
  busy = $state(false);

  exportFields: ExportFields = $state({ ...BLANK_EXPORT });

  /** Words the bullets shown must hold (wording, project, role); blank shows every one. */
  filter = $state('');
  /** Only the picked bullets. */
  pickedOnly = $state(false);
  /** Where the page shown starts, counted across the groups of the list shown. */
  offset = $state(0);

  readonly #api: ResumeApi;
  readonly #toaster: Pick<Toaster, 'show'>;
  readonly #reads = new Latest();
  /** Projects whose entry names are read, or being read, since the last load. */
  readonly #named = new Set<number>();
  /** Bumped by each load, so names read before it are not kept. */
  #namesRead = 0;
  /** What this window last wrote into each variant: positions and wordings. */
  readonly #tailored = new Map<number, Map<number, Tailored>>();
  readonly #variantTrash: DeleteWithUndo<VariantSummary, Variant>;

  constructor(source: ResumeApi, toasts: Pick<Toaster, 'show'>) {
    this.#api = source;
    this.#toaster = toasts;
    this.#variantTrash = new DeleteWithUndo({
      toaster: toasts,
      noun: 'the variant',
      delete: (id) => this.#api.variantDelete(id),
      name: (gone) => gone.name,
      undoId: (_gone, id) => id,
      restore: (id) => this.#api.variantRestore(id),
      deleted: async (_gone, id) => {
        this.#tailored.delete(id);
        this.variants = this.variants.filter((v) => v.id !== id);
        if (this.variantId === id) await this.selectVariant(null);
      },
      restored: async (variant) => {
        this.variants = await this.#api.variantList();
        this.variantId = variant.id;
        this.variant = variant;
        this.variantStatus = 'ready';
      },
    });
  }

  get picked(): Bullet[] {
    return this.bullets.filter((b) => b.included);
  }

  // Derived once per change rather than per read: a large journal has over a thousand bullets.
  readonly groups: BulletGroup[] = $derived(groupBullets(this.#filtered(this.bullets), this.grouping));
  readonly variantGroups: BulletGroup[] = $derived(groupBullets(this.#filtered(this.variant?.bullets ?? []), this.grouping));

  /** Whether a filter hides some bullets. */
  get filtering(): boolean {
    return this.filter.trim() !== '' || this.pickedOnly;
  }

  /** The groups of the list shown: the variant's, or every bullet's. */
  readonly listGroups: BulletGroup[] = $derived(this.variantId !== null ? this.variantGroups : this.groups);

  /** How many bullets the list shown holds, over every page. */
  readonly total: number = $derived(this.listGroups.reduce((n, g) => n + g.bullets.length, 0));

  /** Whether the list shown is long enough to filter (more than a page), or a filter is set. */
  get showsFilter(): boolean {
    const all = this.variantId !== null ? (this.variant?.bullets.length ?? 0) : this.bullets.length;
    return all > PAGE_SIZE || this.filtering;
  }

  /** The start of the page shown, kept inside the list when it shrinks. */
  get pageOffset(): number {
    return Math.min(this.offset, lastPage(this.total, PAGE_SIZE));
  }

  /** The bullets of the page shown, in their groups. */
  readonly page: PagedGroup[] = $derived(pageOfGroups(this.listGroups, this.pageOffset, PAGE_SIZE));

  setFilter(text: string): void {
    this.filter = text;
    this.offset = 0;
  }

  setPickedOnly(on: boolean): void {
    this.pickedOnly = on;
    this.offset = 0;
  }

  /** The next (+1) or previous (-1) page; false when there is none that way. */
  turnPage(step: -1 | 1): boolean {
    const next = this.pageOffset + step * PAGE_SIZE;
    if (next < 0 || next > lastPage(this.total, PAGE_SIZE)) return false;
    this.offset = next;
    return true;
  }

  /** Turns to the page that holds bullet `id`, if the list shown has it. */
  showBullet(id: number): void {
    const at = pageHolding(this.listGroups, id, PAGE_SIZE);
    if (at !== null) this.offset = at;
  }

  #filtered(bullets: readonly Bullet[]): Bullet[] {
    if (!this.filtering) return [...bullets];
    const query = this.filter.trim();
    return bullets.filter((b) => (!this.pickedOnly || b.included) && matchesFilter(b, query));
  }

  /** Picked bullets the variant's filter takes but the variant leaves out. */
  get leftOut(): Bullet[] {
    const v = this.variant;
    if (!v) return [];
    const shown = new Set(v.bullets.map((b) => b.id));
    return this.picked.filter((b) => !shown.has(b.id) && takes(v.filter, b));
  }

  /** Whether any project in the journal has a metric (bullets with numbers come from metrics). */
  get hasMetrics(): boolean {
    return this.projects.some((p) => p.metric_count > 0);
  }

  /** Entering the section: the bullet list, freshly generated from the journal. */
  open(): void {
    this.view = { name: 'bullets' };
    this.editing = null;
    void this.load();
  }

  /** Opens the export panel on the list shown: the variant, or every picked bullet. */
  showExport(): void {
    this.editing = null;
    const shown = this.variants.find((v) => v.id === this.variantId);
    this.exportFields.variant = shown?.name ?? '';
    this.view = { name: 'export' };
  }

  /** Opens the review packet view (its state is the packet store's). */
  showPacket(): void {
    this.editing = null;
    this.view = { name: 'packet' };
  }

  /** Up one level (the export panel or the packet to the list); false when already at the top. */
  back(): boolean {
    if (this.view.name === 'bullets') return false;
    this.view = { name: 'bullets' };
    return true;
  }

  setGrouping(grouping: Grouping): void {
    this.grouping = grouping;
    this.offset = 0;
  }

  load(): Promise<void> {
    if (this.bullets.length === 0) this.status = 'loading';
    return this.#reads.read(
      () => Promise.all([this.#api.bulletList(), this.#api.projectList(0, PROJECT_LIMIT), this.#api.variantList()]),
      async ([bullets, page, variants]) => {
        this.bullets = bullets;
        this.projects = page.projects;
        this.variants = variants;
        this.status = 'ready';
        this.error = null;
        if (this.variantId !== null && !variants.some((v) => v.id === this.variantId)) this.variantId = null;
        // The names are read again, page by page, as the list shows them (nameSources).
        this.#named.clear();
        this.#namesRead += 1;
        if (this.variantId !== null) await this.#loadVariant(this.variantId);
      },
      (e) => {
        this.error = e;
        this.status = 'error';
      },
    );
  }

  /**
   * The names of the entries these bullets come from, one project page read per project not
   * read since the last load: only what the page shows, so a journal of 400 projects does
   * not ask for 400 pages on arrival.
   */
  async nameSources(bullets: readonly Bullet[]): Promise<void> {
    const ids = [...new Set(bullets.filter((b) => !b.key.startsWith('project:')).map((b) => b.project_id))].filter(
      (id) => !this.#named.has(id),
    );
    if (ids.length === 0) return;
    for (const id of ids) this.#named.add(id);
    const read = this.#namesRead;
    const details = await Promise.all(ids.map((id) => this.#api.projectGet(id).catch(() => null)));
    if (read !== this.#namesRead) return;
    const names = new Map(this.names);
    for (const [id, name] of entryNames(details.filter((d) => d !== null))) names.set(id, name);
    this.names = names;
  }

  // Bullets.

  async include(id: number, included: boolean): Promise<void> {
    try {
      this.#replace(await this.#api.bulletInclude(id, included));
    } catch (e) {
      this.#toaster.show(`Could not ${included ? 'pick' : 'leave out'} the bullet. ${asSentence(toIpcError(e).message)}`);
    }
  }

  /** Rewords a bullet; rejects with the IpcError for the editor to show. */
  async edit(id: number, text: string): Promise<void> {
    this.#replace(await this.#api.bulletEdit(id, text));
    this.editing = null;
  }

  async reset(id: number): Promise<void> {
    try {
      this.#replace(await this.#api.bulletReset(id));
      this.editing = null;
    } catch (e) {
      this.#toaster.show(`Could not reset the bullet. ${asSentence(toIpcError(e).message)}`);
    }
  }

  /** Moves a bullet one place up or down within its group; false when it cannot move. */
  async move(id: number, delta: -1 | 1): Promise<boolean> {
    if (this.busy) return false;
    const order = movedOrder(this.bullets, this.groups, id, delta);
    if (!order) return false;
    // Shown at once; the core's answer replaces it. Moved over a page's edge, the page follows.
    this.bullets = inOrder(this.bullets, order);
    this.showBullet(id);
    this.busy = true;
    try {
      this.bullets = await this.#api.bulletOrder(order);
      return true;
    } catch (e) {
      this.#toaster.show(`Could not move the bullet. ${asSentence(toIpcError(e).message)}`);
      await this.load();
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Live findings for text being typed. */
  lint(text: string): Promise<Finding[]> {
    return this.#api.bulletLint(text);
  }

  #replace(bullet: Bullet): void {
    this.bullets = this.bullets.map((b) => (b.id === bullet.id ? bullet : b));
    // A variant shows the bullet's wording unless it has its own.
    if (this.variantId !== null) void this.#loadVariant(this.variantId);
  }

  // Variants.

  /** Shows a variant (or, with null, every bullet). */
  async selectVariant(id: number | null): Promise<void> {
    this.editing = null;
    this.offset = 0;
    this.variantId = id;
    this.variant = null;
    if (id !== null) await this.#loadVariant(id);
  }

  async #loadVariant(id: number): Promise<void> {
    if (this.variant?.id !== id) this.variantStatus = 'loading';
    try {
      const variant = await this.#api.variantGet(id);
      if (this.variantId !== id) return;
      this.variant = variant;
      this.variantStatus = 'ready';
    } catch (e) {
      if (this.variantId !== id) return;
      this.error = toIpcError(e);
      this.variantStatus = 'error';
    }
  }

  /** Creates (`id` null) or changes a variant and shows it; rejects with the IpcError for the form. */
  async saveVariant(id: number | null, name: string, filter: VariantFilter): Promise<Variant> {
    const variant = await this.#api.variantSave(id, name, filter);
    this.variants = await this.#api.variantList();
    this.variantId = variant.id;
    this.variant = variant;
    this.variantStatus = 'ready';
    return variant;
  }

  /** Deletes the variant shown and offers Undo. */
  async deleteVariant(id: number): Promise<void> {
    await this.#variantTrash.remove(id);
  }

  restoreVariant(id: number): Promise<boolean> {
    return this.#variantTrash.restore(id);
  }

  /** The variant's own wording for a bullet (null: back to the bullet's); rejects for the editor. */
  async tailorText(id: number, text: string | null): Promise<void> {
    const variant = this.variant;
    if (!variant) return;
    const next = this.#variantState(variant.bullets).map((n) => (n.bullet === id ? { bullet: id, text } : n));
    await this.#tailor(variant.id, next);
    this.editing = null;
  }

  /** Moves a bullet one place within its group in the variant shown. */
  async moveInVariant(id: number, delta: -1 | 1): Promise<boolean> {
    const variant = this.variant;
    if (!variant || this.busy) return false;
    const order = movedOrder(variant.bullets, this.variantGroups, id, delta);
    if (!order) return false;
    const moved = inOrder(variant.bullets, order);
    this.variant = { ...variant, bullets: moved };
    this.showBullet(id);
    try {
      await this.#tailor(variant.id, this.#variantState(moved));
      return true;
    } catch (e) {
      this.#toaster.show(`Could not move the bullet. ${asSentence(toIpcError(e).message)}`);
      await this.#loadVariant(variant.id);
      return false;
    }
  }

  /** Leaves a bullet out of the variant shown (it stays on the resume and in other variants). */
  async exclude(id: number): Promise<void> {
    const variant = this.variant;
    if (!variant) return;
    const bullet = variant.bullets.find((b) => b.id === id);
    this.busy = true;
    try {
      const text = bullet ? ownWording(bullet, this.#master()) : null;
      this.variant = await this.#api.variantTailor(variant.id, id, text, true, null);
      this.#tailored.get(variant.id)?.delete(id);
      this.#toaster.show(`Left out of “${variant.name}”`, { label: 'Undo', run: () => this.putBack(id) });
    } catch (e) {
      this.#toaster.show(`Could not leave the bullet out. ${asSentence(toIpcError(e).message)}`);
    } finally {
      this.busy = false;
    }
  }

  /** Puts a left-out bullet back into the variant shown, at its end. */
  async putBack(id: number): Promise<void> {
    const variant = this.variant;
    if (!variant) return;
    try {
      await this.#tailor(variant.id, [...this.#variantState(variant.bullets), { bullet: id, text: null }]);
    } catch (e) {
      this.#toaster.show(`Could not put the bullet back. ${asSentence(toIpcError(e).message)}`);
    }
  }

  #master(): Map<number, Bullet> {
    return new Map(this.bullets.map((b) => [b.id, b]));
  }

  #variantState(bullets: readonly Bullet[]): { bullet: number; text: string | null }[] {
    const master = this.#master();
    return bullets.map((b) => ({ bullet: b.id, text: ownWording(b, master) }));
  }

  /** Writes a variant's order and wordings, one call per bullet that changed. */
  async #tailor(variantId: number, next: { bullet: number; text: string | null }[]): Promise<void> {
    const writes = tailorWrites(next, this.#tailored.get(variantId) ?? null);
    this.busy = true;
    try {
      let variant: Variant | null = null;
      for (const w of writes) {
        variant = await this.#api.variantTailor(variantId, w.bullet, w.text, w.excluded, w.position);
      }
      this.#tailored.set(variantId, tailoredAfter(next));
      if (variant && this.variantId === variantId) this.variant = variant;
    } catch (e) {
      // What was stored is no longer known: the next write sets every place again.
      this.#tailored.delete(variantId);
      throw e;
    } finally {
      this.busy = false;
    }
  }

  // Export.

  preview(request: ExportRequest): Promise<string> {
    return this.#api.exportPreview(request);
  }

  /** Saves through the native dialog; the path, or null when cancelled. */
  save(request: ExportRequest): Promise<string | null> {
    return this.#api.exportSave(request);
  }

  saveBrag(since: string | null, until: string | null, format: DocumentFormat): Promise<string | null> {
    return this.#api.bragSave(since, until, format);
  }
}

export const resume = new ResumeStore(api, toaster);
