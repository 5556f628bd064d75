// The one door to the Rust side. Every `invoke` of the app lives here, typed by the
// generated bindings; every rejection leaves as an `IpcError`.

import { invoke } from '@tauri-apps/api/core';
import type {
  AppInfo,
  ImportPreview,
  ImportProgress,
  MarkdownExport,
  ImportSource,
  BackupInfo,
  CaptureSettings,
  CaptureSetup,
  InboxPage,
  Proposal,
  ScanProgress,
  ScanReport,
  ScanRequest,
  Triage,
  ImportReport,
  CopyProgress,
  Bullet,
  ExportRequest,
  DocumentFormat,
  Packet,
  PacketRequest,
  PacketTarget,
  Finding,

  Variant,
  VariantFilter,
  VariantSummary,
  Checklist,
  DueItem,
  Guide,
  GuideSummary,
  Profile,
  Question,
  QuestionSummary,
  Readiness,
  Skill,
  Step,
  Artifact,
  ArtifactInput,
  Decision,
  DecisionInput,
  ErrorKind,
  Feedback,
  FeedbackInput,
  FieldMessage,
  IpcError,
  JournalOverview,
  Metric,
  MetricInput,
  Note,
  NoteFilter,
  NoteInput,
  NotePage,
  Project,
  ProjectDetail,
  ProjectInput,
  ProjectFilter,
  ProjectPage,
  ProjectSort,
  BulletPreview,
  PreviewEntry,
  QuestionCoverage,
  RestoredBackup,
  Rehearsal,
  RehearsalInput,
  SearchPage,
  RenderingInUse,
  Settings,
  Story,
  StoryDetail,
  StoryInput,
  StoryPreview,
  TrashItem,
} from './bindings';
import type { CommandName } from './commands';
// The weekly habit: Home, forms and settings.
import type {
  FollowUpMark,
  FollowUpQueue,
  NoteTemplate,
  PeriodKind,
  PeriodSummary,
  Review,
  ReviewInput,
  Template,
  WeekSummary,
  WeeklyReviewInput,
  WeeklyReviewSaved,
} from './bindings';
// People.
import type {
  ActionItem,
  Goal,
  GoalInput,
  OneOnOne,
  OneOnOneDetail,
  OneOnOneForm,
  PeopleFilter,
  PeoplePage,
  Person,
  PersonInput,
  PersonName,
  PersonPage,
  ProgressReport,
} from './bindings';

// A Record keyed by the generated union: if Rust adds a kind, this stops compiling.
const ERROR_KINDS: Record<ErrorKind, true> = {
  not_found: true,
  invalid: true,
  newer_journal: true,
  not_a_journal: true,
  locked: true,
  passphrase_needed: true,
  wrong_passphrase: true,
  storage: true,
  io: true,
  cancelled: true,
};

function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && Object.hasOwn(ERROR_KINDS, value);
}

/**
 * An error made on this side of the bridge: one field refused (and so listed in `errors`),
 * or, with no field, a message for the whole form.
 */
export function ipcError(kind: ErrorKind, message: string, field: string | null = null): IpcError {
  return { kind, message, field, errors: field === null ? [] : [{ field, message }] };
}

/**
 * The refusal as one field sees it: that field's own message among all those refused, or
 * null when it was not refused. For forms outside FormDialog, where each field is handed
 * its error.
 */
export function refusalOf(error: IpcError | null, field: string): IpcError | null {
  if (!error) return null;
  const own = error.errors.find((e) => e.field === field);
  if (own) return { ...error, field, message: own.message, errors: [own] };
  return error.field === field ? error : null;
}

/** The refusal when none of `fields` shows it (it names none of them), for above the form. */
export function refusalAbove(error: IpcError | null, fields: readonly string[]): IpcError | null {
  if (!error) return null;
  const named = [error.field, ...error.errors.map((e) => e.field)];
  return named.some((f) => f !== null && fields.includes(f)) ? null : error;
}

function fieldMessages(value: unknown): FieldMessage[] | null {
  if (!Array.isArray(value)) return null;
  const all = value.filter(
    (e): e is FieldMessage =>
      typeof e === 'object' && e !== null && typeof e.field === 'string' && typeof e.message === 'string',
  );
  return all.length === value.length ? all : null;
}

/**
 * Turns anything a command (or the bridge itself) rejected with into an `IpcError`.
 * A well-formed `{kind, message, field, errors}` passes through (`errors` is every field
 * refused, the first of them in `field`); anything else becomes an `io` error whose
 * message is the best text we can get from it.
 */
export function toIpcError(error: unknown): IpcError {
  if (typeof error === 'object' && error !== null) {
    const { kind, message, field, errors } = error as Record<string, unknown>;
    if (isErrorKind(kind) && typeof message === 'string') {
      const named = typeof field === 'string' ? field : null;
      const base = ipcError(kind, message, named);
      return { ...base, errors: fieldMessages(errors) ?? base.errors };
    }
    if (error instanceof Error) return ipcError('io', error.message || String(error));
    if (typeof message === 'string') return ipcError('io', message);
  }
  return ipcError('io', String(error));
}

async function call<T>(command: CommandName, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    // Rejects with a plain IpcError object; callers normalise with `toIpcError` again,
    // which leaves it as it is.
    throw toIpcError(error);
  }
}

export const api = {
  appInfo: (): Promise<AppInfo> => call<AppInfo>('app_info'),
  // Tells the app Home is drawn with the journal's data (the start-up probe's end).
  // The web view's start-up marks go along: [name, ms after `origin`] (its timeOrigin).
  startupPainted: (origin: number, marks: [string, number][]): Promise<void> =>
    call('startup_painted', { origin, marks }),
  // Opens a second window on the separate demo journal (filled on first use); its path.
  demoOpen: (): Promise<string> => call('demo_open'),
  settingsGet: (): Promise<Settings> => call<Settings>('settings_get'),
  settingsSet: (settings: Settings): Promise<Settings> => call<Settings>('settings_set', { settings }),
  // Opens an encrypted journal (the window starts locked with a passphrase_needed error).
  journalUnlock: (passphrase: string): Promise<AppInfo> => call('journal_unlock', { passphrase }),
  // current null: turn encryption on; next null: turn it off; both: change the passphrase.
  encryptionSet: (current: string | null, next: string | null): Promise<AppInfo> =>
    call('encryption_set', { current, next }),
  // Kibibytes rewritten and in total while encryption_set runs; null when idle. Poll it.
  encryptionProgress: (): Promise<CopyProgress | null> => call('encryption_progress'),
  // The rendering path the window took at start (with its reason), for Settings.
  renderingInUse: (): Promise<RenderingInUse> => call('rendering_in_use'),
  // "Later" on the first-run questions, kept in the journal's settings.
  firstRunPutOff: (): Promise<Settings> => call('first_run_put_off'),

  journalOverview: (): Promise<JournalOverview> => call('journal_overview'),
  // A page of projects; `filter` and `sort` left out are all of them, newest first.
  projectList: (
    offset: number,
    limit: number,
    filter: ProjectFilter | null = null,
    sort: ProjectSort | null = null,
  ): Promise<ProjectPage> => call('project_list', { offset, limit, filter, sort }),
  projectGet: (id: number): Promise<ProjectDetail> => call('project_get', { id }),
  // Opens a web link (http or https only) in the system browser; anything else is refused.
  linkOpen: (url: string): Promise<void> => call('link_open', { url }),
  // `id: null` creates the entry; an id updates that entry.
  projectSave: (id: number | null, input: ProjectInput): Promise<Project> =>
    call('project_save', { id, input }),
  metricSave: (id: number | null, input: MetricInput): Promise<Metric> =>
    call('metric_save', { id, input }),
  decisionSave: (id: number | null, input: DecisionInput): Promise<Decision> =>
    call('decision_save', { id, input }),
  artifactSave: (id: number | null, input: ArtifactInput): Promise<Artifact> =>
    call('artifact_save', { id, input }),
  feedbackSave: (id: number | null, input: FeedbackInput): Promise<Feedback> =>
    call('feedback_save', { id, input }),
  noteSave: (id: number | null, input: NoteInput): Promise<Note> => call('note_save', { id, input }),
  noteList: (limit: number): Promise<Note[]> => call('note_list', { limit }),
  // A page of the notes, newest first, with their projects' titles and how many match.
  notePage: (filter: NoteFilter, offset: number, limit: number): Promise<NotePage> =>
    call('note_page', { filter, offset, limit }),
  // Moves the entry (and, for a project, everything under it) to the trash.
  entryDelete: (id: number): Promise<TrashItem> => call('entry_delete', { id }),
  trashList: (): Promise<TrashItem[]> => call('trash_list'),
  trashRestore: (id: number): Promise<TrashItem> => call('trash_restore', { id }),
  trashEmpty: (): Promise<number> => call('trash_empty'),
  search: (query: string, offset: number, limit: number): Promise<SearchPage> => call('search', { query, offset, limit }),

  storyList: (): Promise<Story[]> => call('story_list'),
  storyGet: (id: number): Promise<StoryDetail> => call('story_get', { id }),
  storySave: (id: number | null, input: StoryInput): Promise<Story> => call('story_save', { id, input }),
  // The estimate and pacing plan while a story is being written (nothing is saved).
  storyPreview: (input: StoryInput): Promise<StoryPreview> => call('story_preview', { input }),
  rehearsalSave: (input: RehearsalInput): Promise<Rehearsal> => call('rehearsal_save', { input }),
  // One or two follow-up questions to drill after a rehearsal; they rotate each time.
  storyFollowUps: (id: number): Promise<string[]> => call('story_follow_ups', { id }),
  questionCoverage: (questions: string[]): Promise<QuestionCoverage[]> =>
    call('question_coverage', { questions }),

  guideList: (): Promise<GuideSummary[]> => call('guide_list'),
  guideGet: (slug: string): Promise<Guide> => call('guide_get', { slug }),
  questionList: (): Promise<QuestionSummary[]> => call('question_list'),
  questionGet: (slug: string): Promise<Question> => call('question_get', { slug }),
  skillGet: (slug: string): Promise<Skill> => call('skill_get', { slug }),
  // `answers` are indexes into each question's answers, from the first question on.
  treeWalk: (slug: string, answers: number[]): Promise<Step> => call('tree_walk', { slug, answers }),
  checklistGet: (slug: string): Promise<Checklist> => call('checklist_get', { slug }),
  checklistSet: (slug: string, item: string, checked: boolean): Promise<Checklist> =>
    call('checklist_set', { slug, item, checked }),
  checklistNewCycle: (slug: string): Promise<Checklist> => call('checklist_new_cycle', { slug }),
  dueItems: (): Promise<DueItem[]> => call('due_items'),
  readinessGet: (): Promise<Readiness> => call('readiness_get'),
  profileGet: (): Promise<Profile> => call('profile_get'),
  profileSet: (profile: Profile): Promise<Profile> => call('profile_set', { profile }),
  // Opens the native save dialog; resolves to the saved path, or null when cancelled.
  exportIcs: (): Promise<string | null> => call('export_ics'),

  // The bullets, regenerated from the journal first (edits are kept).
  bulletList: (): Promise<Bullet[]> => call('bullet_list'),
  bulletEdit: (id: number, text: string): Promise<Bullet> => call('bullet_edit', { id, text }),
  bulletReset: (id: number): Promise<Bullet> => call('bullet_reset', { id }),
  bulletInclude: (id: number, included: boolean): Promise<Bullet> =>
    call('bullet_include', { id, included }),
  // The bullets in the order given; unlisted ones keep their place after them.
  bulletOrder: (ids: number[]): Promise<Bullet[]> => call('bullet_order', { ids }),
  bulletLint: (text: string): Promise<Finding[]> => call('bullet_lint', { text }),
  // The bullet an entry being typed would make, its lint and what to add; `id` when editing.
  bulletPreview: (id: number | null, entry: PreviewEntry): Promise<BulletPreview> =>
    call('bullet_preview', { id, entry }),
  variantList: (): Promise<VariantSummary[]> => call('variant_list'),
  variantGet: (id: number): Promise<Variant> => call('variant_get', { id }),
  variantSave: (id: number | null, name: string, filter: VariantFilter): Promise<Variant> =>
    call('variant_save', { id, name, filter }),
  // A variant's own wording (`text`, null keeps the bullet's), exclusion or position.
  variantTailor: (
    variant: number,
    bullet: number,
    text: string | null,
    excluded: boolean,
    position: number | null,
  ): Promise<Variant> => call('variant_tailor', { variant, bullet, text, excluded, position }),
  variantDelete: (id: number): Promise<VariantSummary> => call('variant_delete', { id }),
  variantRestore: (id: number): Promise<Variant> => call('variant_restore', { id }),
  exportPreview: (request: ExportRequest): Promise<string> => call('export_preview', { request }),
  // Native save dialog; resolves to the saved path, or null when cancelled.
  exportSave: (request: ExportRequest): Promise<string | null> => call('export_save', { request }),
  backupList: (): Promise<BackupInfo[]> => call('backup_list'),
  backupCreate: (): Promise<BackupInfo> => call('backup_create'),
  // Replaces the journal with the backup; the current state is backed up first.
  backupRestore: (id: number): Promise<RestoredBackup> => call('backup_restore', { id }),
  // Pages done and total while a backup or restore runs; null when idle. Poll it.
  backupProgress: (): Promise<CopyProgress | null> => call('backup_progress'),
  // The whole journal as JSON through the native save dialog; the path, or null.
  journalExportSave: (): Promise<string | null> => call('journal_export_save'),
  // Asks for a file (native dialog) and imports it all or nothing; null when cancelled.
  journalImportPick: (source: 'journal' | 'jrnl'): Promise<ImportReport | null> =>
    call('journal_import_pick', { source }),
  // The journal as a Markdown folder where the engineer picks (native dialog); null when cancelled.
  markdownExportPick: (): Promise<MarkdownExport | null> => call('markdown_export_pick'),
  // Asks for a source (a file, or a folder for Markdown) and says what importing it would
  // do, writing nothing; null when the dialog is cancelled. `importConfirm` then commits it.
  importPreview: (source: ImportSource): Promise<ImportPreview | null> => call('import_preview', { source }),
  // Files or rows read so far while a source is read; null when idle. Poll it.
  importProgress: (): Promise<ImportProgress | null> => call('import_progress'),
  // Imports the source last previewed, all or nothing.
  importConfirm: (): Promise<ImportPreview> => call('import_confirm'),
  // Forgets the source last previewed.
  importDiscard: (): Promise<void> => call('import_discard'),
  // Capture: where scans look and whose work it is, with the defaults standing in.
  captureSetupGet: (): Promise<CaptureSetup> => call('capture_setup_get'),
  captureSettingsSet: (settings: CaptureSettings): Promise<CaptureSetup> =>
    call('capture_settings_set', { settings }),
  // Reads the repositories (the settings' folders when `request` is null) into the inbox.
  captureScan: (request: ScanRequest | null = null): Promise<ScanReport> => call('capture_scan', { request }),
  // How far the running scan is; null when none runs. Poll it.
  captureProgress: (): Promise<ScanProgress | null> => call('capture_progress'),
  // Stops the running scan; the inbox stays as it was (the scan rejects with `cancelled`).
  captureCancel: (): Promise<void> => call('capture_cancel'),
  // A page of the open proposals, newest work first, with how many are open in all.
  inboxPage: (offset: number, limit: number): Promise<InboxPage> => call('inbox_page', { offset, limit }),
  inboxGet: (id: number): Promise<Proposal> => call('inbox_get', { id }),
  // As proposed (`input` null) or as its kind's form sent it; `projectId` sets its project.
  inboxAccept: (id: number, input: unknown = null, projectId: number | null = null): Promise<Triage> =>
    call('inbox_accept', { id, input, projectId }),
  // All of them or none.
  inboxAcceptMany: (ids: number[], projectId: number | null = null): Promise<Triage> =>
    call('inbox_accept_many', { ids, projectId }),
  inboxDismiss: (ids: number[]): Promise<Triage> => call('inbox_dismiss', { ids }),
  // Two or more notes into one proposed note; undo the merged one to split it again.
  inboxMerge: (ids: number[]): Promise<Triage> => call('inbox_merge', { ids }),
  inboxUndo: (ids: number[]): Promise<Triage> => call('inbox_undo', { ids }),
  bragSave: (since: string | null, until: string | null, format: DocumentFormat = 'markdown'): Promise<string | null> =>
    call('brag_save', { since, until, format }),

  // Weekly habit: Home
  // What the journal gained this week, what waits, and when the review falls.
  weekSummary: (): Promise<WeekSummary> => call('week_summary'),
  // Writes each answered step as its entry, all or nothing; errors name their step (`moved.result`).
  weeklyReviewSave: (input: WeeklyReviewInput): Promise<WeeklyReviewSaved> => call('weekly_review_save', { input }),
  // The quarter, half or year around `date` (today when null).
  periodSummary: (kind: PeriodKind, date: string | null = null): Promise<PeriodSummary> =>
    call('period_summary', { kind, date }),
  reviewSave: (id: number | null, input: ReviewInput): Promise<Review> => call('review_save', { id, input }),
  reviewGet: (id: number): Promise<Review> => call('review_get', { id }),
  followupList: (): Promise<FollowUpQueue> => call('followup_list'),
  // Snooze a week, dismiss, or `clear` (undo either); the queue as it now stands.
  followupMark: (key: string, mark: FollowUpMark): Promise<FollowUpQueue> => call('followup_mark', { key, mark }),

  // Weekly habit: forms and settings
  // The note templates: shipped ones (as edited), then the engineer's own by title.
  templateList: (): Promise<NoteTemplate[]> => call('template_list'),
  // An edit of a shipped template (same slug) or one of the engineer's own.
  templateSave: (template: Template): Promise<NoteTemplate> =>
    call('template_save', { template }),
  // Removes an own template, or resets an edited one to shipped; templateRestore undoes it.
  templateRemove: (slug: string): Promise<NoteTemplate> => call('template_remove', { slug }),
  templateRestore: (slug: string): Promise<NoteTemplate> => call('template_restore', { slug }),

  // People
  personList: (filter: PeopleFilter = { text: null, relationship: null }): Promise<PeoplePage> => call('person_list', { filter }),
  // Everything linked to one person, newest first, with their open action items and goals.
  personPage: (id: number): Promise<PersonPage> => call('person_page', { id }),
  // The person whose page shows an entry: a 1:1, an action item, a goal, feedback...
  personOf: (id: number): Promise<number> => call('person_of', { id }),
  personSave: (id: number | null, input: PersonInput): Promise<Person> => call('person_save', { id, input }),
  // Names for the people ids an entry lists (people no longer in the journal are left out).
  personNames: (ids: number[]): Promise<PersonName[]> => call('person_names', { ids }),
  // A 1:1 with its own action items and the open ones carried from the 1:1s before it.
  oneOnOneGet: (id: number): Promise<OneOnOneDetail> => call('one_on_one_get', { id }),
  oneOnOneList: (personId: number): Promise<OneOnOne[]> => call('one_on_one_list', { personId }),
  // What a new 1:1 with the person starts with: every open item of the 1:1s before.
  oneOnOneCarried: (personId: number): Promise<ActionItem[]> => call('one_on_one_carried', { personId }),
  // The meeting and its items in one write; items left out of `actions` go to the trash.
  oneOnOneSave: (id: number | null, form: OneOnOneForm): Promise<OneOnOneDetail> =>
    call('one_on_one_save', { id, form }),
  actionMark: (id: number, done: boolean): Promise<ActionItem> => call('action_mark', { id, done }),
  goalSave: (id: number | null, input: GoalInput): Promise<Goal> => call('goal_save', { id, input }),
  reportPreview: (personId: number, since: string, until: string): Promise<ProgressReport> =>
    call('report_preview', { personId, since, until }),
  // Through the native save dialog; the saved path, or null if cancelled.
  reportSave: (personId: number, since: string, until: string): Promise<string | null> =>
    call('report_save', { personId, since, until }),
  // Review packet
  packetTargets: (): Promise<PacketTarget[]> => call('packet_targets'),
  packetGet: (request: PacketRequest): Promise<Packet> => call('packet_get', { request }),
  // Keeps the engineer's wording of one sentence through regeneration; the packet with it.
  packetEdit: (request: PacketRequest, key: string, text: string): Promise<Packet> =>
    call('packet_edit', { request, key, text }),
  packetReset: (request: PacketRequest, key: string): Promise<Packet> => call('packet_reset', { request, key }),
  // Through the native save dialog; the saved path, or null if cancelled.
  packetSave: (request: PacketRequest, format: DocumentFormat): Promise<string | null> =>
    call('packet_save', { request, format }),
};

export type Api = typeof api;
