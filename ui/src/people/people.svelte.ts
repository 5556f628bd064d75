// The People section's state: the list (filtered by the core), one person's page, and the
// dialog open over them (person, 1:1, goal, progress report); every write, then a reload of
// what is shown. A deleted person goes to the trash with their 1:1s, with Undo in a toast.

import { api, toIpcError, type Api } from '../lib/api';
import type {
  ActionItem,
  Goal,
  GoalInput,
  IpcError,
  OneOnOne,
  OneOnOneDetail,
  OneOnOneForm,
  PeopleFilter,
  Person,
  PersonInput,
  PersonPage,
  PersonRow,
  ProgressReport,
  TrashItem,
} from '../lib/bindings';
import { Latest, type LoadStatus } from '../lib/latest';
import { toaster, type Toaster } from '../lib/toast.svelte';
import { entryTrash, type DeleteWithUndo } from '../lib/undo';

export type PeopleView = { name: 'list' } | { name: 'person'; id: number };

/** What is open over the list or a person's page; one at a time. */
export type PeopleDialog =
  | { name: 'person'; person: Person | null }
  | { name: 'one-on-one'; personId: number; id: number | null }
  | { name: 'goal'; personId: number; goal: Goal | null; reaching: boolean }
  | { name: 'report'; personId: number };

/** What the 1:1 form starts from: the saved meeting and its items (none for a new one), and
 *  the open items carried from the 1:1s before it. */
export interface MeetingStart {
  personId: number;
  meeting: OneOnOne | null;
  actions: ActionItem[];
  carried: ActionItem[];
}

export type PeopleApi = Pick<
  Api,
  | 'personList'
  | 'personPage'
  | 'personSave'
  | 'oneOnOneGet'
  | 'oneOnOneCarried'
  | 'oneOnOneSave'
  | 'actionMark'
  | 'goalSave'
  | 'reportPreview'
  | 'reportSave'
  | 'entryDelete'
  | 'trashRestore'
>;

/** What a person's delete took with them, and what it left: said in the toast. */
export function deletedWith(item: TrashItem): string {
  const rest = 'entries that named them stay, unlinked';
  return item.children > 0 ? `Their 1:1s, action items and goals went too; ${rest}` : 'Entries that named them stay, unlinked';
}

export function noPeopleFilter(): PeopleFilter {
  return { text: null, relationship: null };
}

export class PeopleStore {
  view: PeopleView = $state({ name: 'list' });
  dialog: PeopleDialog | null = $state(null);

  filter: PeopleFilter = $state(noPeopleFilter());
  people: PersonRow[] = $state([]);
  total = $state(0);
  listStatus: LoadStatus = $state('loading');

  detail: PersonPage | null = $state(null);
  detailStatus: LoadStatus = $state('loading');

  meeting: MeetingStart | null = $state(null);
  meetingStatus: LoadStatus = $state('loading');
  meetingError: IpcError | null = $state(null);

  /** Why the last load of the list or the page failed, shown in its place. */
  error: IpcError | null = $state(null);
  /** Why the last tick of an action item failed, shown by the items. */
  markError: IpcError | null = $state(null);
  /** Bumped after every change, so other screens know to reload. */
  revision = $state(0);

  readonly #api: PeopleApi;
  readonly #reads = new Latest();
  readonly #meetingReads = new Latest();
  readonly #trash: DeleteWithUndo<TrashItem, TrashItem>;

  constructor(source: PeopleApi, toasts: Pick<Toaster, 'show'>) {
    this.#api = source;
    this.#trash = entryTrash(source, toasts, {
      changed: () => this.#changed(),
      left: (id) => {
        if (this.detail?.person.id === id) this.detail = null;
        this.dialog = null;
        this.showList();
      },
      refresh: () => this.refresh(),
    }, deletedWith);
  }

  /** Whether the list is narrowed by the text or the relationship filter. */
  get filtering(): boolean {
    return this.filter.text !== null || this.filter.relationship !== null;
  }

  showList(): void {
    this.view = { name: 'list' };
    void this.loadList();
  }

  openPerson(id: number): void {
    this.view = { name: 'person', id };
    this.dialog = null;
    void this.loadPerson(id);
  }

  /** Up one level: a dialog closes first, then a person's page goes back to the list. */
  back(): boolean {
    if (this.view.name === 'list') return false;
    this.showList();
    return true;
  }

  refresh(): Promise<void> {
    return this.view.name === 'list' ? this.loadList() : this.loadPerson(this.view.id);
  }

  loadList(): Promise<void> {
    if (this.people.length === 0) this.listStatus = 'loading';
    const filter = $state.snapshot(this.filter);
    return this.#reads.read(
      () => this.#api.personList(filter),
      (page) => {
        this.people = page.people;
        this.total = page.total;
        this.listStatus = 'ready';
        this.error = null;
      },
      (e) => {
        this.error = e;
        this.listStatus = 'error';
      },
    );
  }

  setFilter(change: Partial<PeopleFilter>): Promise<void> {
    this.filter = { ...this.filter, ...change };
    return this.loadList();
  }

  clearFilters(): Promise<void> {
    this.filter = noPeopleFilter();
    return this.loadList();
  }

  loadPerson(id: number): Promise<void> {
    if (this.detail?.person.id !== id) {
      this.detail = null;
      this.detailStatus = 'loading';
    }
    return this.#reads.readDetail(this, () => this.#api.personPage(id));
  }

  // Dialogs.

  /** The person form: a new person (`null`) or this one. */
  editPerson(person: Person | null): void {
    this.dialog = { name: 'person', person };
  }

  /** The 1:1 form: a new 1:1 with the person (`id` null) or a saved one, loaded first. */
  openOneOnOne(personId: number, id: number | null): void {
    this.dialog = { name: 'one-on-one', personId, id };
    void this.loadMeeting(personId, id);
  }

  editGoal(personId: number, goal: Goal | null, reaching = false): void {
    this.dialog = { name: 'goal', personId, goal, reaching };
  }

  openReport(personId: number): void {
    this.dialog = { name: 'report', personId };
  }

  closeDialog(): void {
    this.dialog = null;
    this.#meetingReads.invalidate();
    this.meeting = null;
  }

  loadMeeting(personId: number, id: number | null): Promise<void> {
    this.meeting = null;
    this.meetingStatus = 'loading';
    this.meetingError = null;
    return this.#meetingReads.read(
      async (): Promise<MeetingStart> => {
        if (id === null) return { personId, meeting: null, actions: [], carried: await this.#api.oneOnOneCarried(personId) };
        const detail = await this.#api.oneOnOneGet(id);
        return { personId: detail.meeting.person_id, ...detail };
      },
      (start) => {
        this.meeting = start;
        this.meetingStatus = 'ready';
      },
      (e) => {
        this.meetingError = e;
        this.meetingStatus = 'error';
      },
    );
  }

  // Writes. Each rejects with the IpcError for the form to show; on success the screen moves on.

  /** Saves a person; a new one opens on their page, an edit reloads what is shown. */
  async savePerson(id: number | null, input: PersonInput): Promise<Person> {
    const person = await this.#api.personSave(id, input);
    this.#changed();
    this.dialog = null;
    if (id === null) this.openPerson(person.id);
    else await this.refresh();
    return person;
  }

  /** Saves a 1:1 with its items; the person's page reloads with them. */
  async saveOneOnOne(id: number | null, form: OneOnOneForm): Promise<OneOnOneDetail> {
    const detail = await this.#api.oneOnOneSave(id, form);
    this.#changed();
    this.closeDialog();
    if (this.view.name === 'person' && this.view.id === form.meeting.person_id) await this.loadPerson(this.view.id);
    else this.openPerson(form.meeting.person_id);
    return detail;
  }

  async saveGoal(id: number | null, input: GoalInput): Promise<Goal> {
    const goal = await this.#api.goalSave(id, input);
    this.#changed();
    this.dialog = null;
    await this.refresh();
    return goal;
  }

  /**
   * Ticks an action item done (or open again) at once, wherever it is shown: the page's open
   * items and a 1:1 form's carried ones. A failure is kept in `markError`, the item unchanged.
   */
  async markAction(id: number, done: boolean): Promise<ActionItem | null> {
    let item: ActionItem;
    try {
      item = await this.#api.actionMark(id, done);
    } catch (e) {
      this.markError = toIpcError(e);
      return null;
    }
    this.markError = null;
    this.#changed();
    if (this.meeting) {
      const swap = (list: ActionItem[]) => list.map((a) => (a.id === id ? item : a));
      this.meeting = { ...this.meeting, carried: swap(this.meeting.carried), actions: swap(this.meeting.actions) };
    }
    if (this.detail) {
      // Stays in the list until the page reloads, ticked, so it does not jump from under the pointer.
      this.detail = { ...this.detail, open_actions: this.detail.open_actions.map((a) => (a.id === id ? item : a)) };
    }
    return item;
  }

  reportPreview(personId: number, since: string, until: string): Promise<ProgressReport> {
    return this.#api.reportPreview(personId, since, until);
  }

  /** Through the save dialog: the path written, or null when cancelled. */
  reportSave(personId: number, since: string, until: string): Promise<string | null> {
    return this.#api.reportSave(personId, since, until);
  }

  /** Moves a person with their 1:1s, action items and goals to the trash; back to the list. */
  remove(id: number): Promise<TrashItem | null> {
    return this.#trash.remove(id);
  }

  restore(trashId: number): Promise<boolean> {
    return this.#trash.restore(trashId);
  }

  #changed(): void {
    this.revision += 1;
  }
}

export const people = new PeopleStore(api, toaster);
