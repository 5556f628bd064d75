// The Backups card's state: the list, and the one backup or restore that may be running,
// whose progress is polled from the core while it copies.

import { api, toIpcError, type Api } from '../lib/api';
import type { BackupInfo, CopyProgress, IpcError, RestoredBackup } from '../lib/bindings';
import type { LazyStatus } from '../lib/latest';
import { progressPercent } from './backupFormat';
import { everyInterval, withProgress, type Every } from './polling';

export type BackupsApi = Pick<Api, 'backupList' | 'backupCreate' | 'backupRestore' | 'backupProgress'>;

export type TaskKind = 'create' | 'restore';

/** The running (or last finished) backup or restore, for the progress bar. */
export interface Task {
  kind: TaskKind;
  phase: 'running' | 'done' | 'failed';
  progress: CopyProgress | null;
  /** The backup made (create) or put back (restore, with what came back), once done. */
  backup: BackupInfo | RestoredBackup | null;
  error: IpcError | null;
}

export class BackupsStore {
  list: BackupInfo[] = $state([]);
  status: LazyStatus = $state('idle');
  /** Why the list could not be read. */
  error: IpcError | null = $state(null);
  task: Task | null = $state(null);

  readonly #api: BackupsApi;
  readonly #every: Every;

  constructor(source: BackupsApi, every: Every = everyInterval) {
    this.#api = source;
    this.#every = every;
  }

  get busy(): boolean {
    return this.task?.phase === 'running';
  }

  /** The bar's percentage: 100 only once the task is done. */
  get percent(): number {
    return this.task ? progressPercent(this.task.progress, this.task.phase === 'done') : 0;
  }

  async load(): Promise<void> {
    if (this.status === 'idle') this.status = 'loading';
    try {
      this.list = await this.#api.backupList();
      this.error = null;
      this.status = 'ready';
    } catch (e) {
      this.error = toIpcError(e);
      this.status = 'error';
    }
  }

  /** Makes a backup now; the new backup, or null when it failed (the task says why). */
  create(): Promise<BackupInfo | null> {
    return this.#run('create', () => this.#api.backupCreate());
  }

  /**
   * Puts backup `id` back in place of the journal (the core backs up the current state
   * first). The window must then reload everything it shows.
   */
  restore(id: number): Promise<RestoredBackup | null> {
    return this.#run('restore', () => this.#api.backupRestore(id));
  }

  /** Forgets a finished task, so the bar goes away. */
  dismiss(): void {
    if (this.task && this.task.phase !== 'running') this.task = null;
  }

  async #run<B extends BackupInfo>(kind: TaskKind, work: () => Promise<B>): Promise<B | null> {
    if (this.busy) return null;
    this.task = { kind, phase: 'running', progress: null, backup: null, error: null };
    const shown = (progress: CopyProgress) => {
      if (this.task?.phase === 'running') this.task.progress = progress;
    };
    try {
      const backup = await withProgress(this.#every, () => this.#api.backupProgress(), shown, work);
      this.task = { kind, phase: 'done', progress: this.task?.progress ?? null, backup, error: null };
      await this.load();
      return backup;
    } catch (e) {
      const progress = this.task?.progress ?? null;
      this.task = { kind, phase: 'failed', progress, backup: null, error: toIpcError(e) };
      // A restore that failed still made its safety backup: show it.
      await this.load();
      return null;
    }
  }
}

export const backups = new BackupsStore(api);
