// Home's state: the journal at a glance (counts, decisions due for review, recent notes),
// the quick note, and an entry opened from search that belongs to no project.

import { markStartup } from '../app/startup';
import { api, type Api } from '../lib/api';
import { takeBoot } from '../lib/boot';
import type { IpcError, JournalOverview, Note, NoteInput, SearchHit } from '../lib/bindings';
import { Latest } from '../lib/latest';

/** How far back a search result's note is looked for when it is not among the recent ones. */
const NOTE_LOOKUP = 2000;

export type HomeApi = Pick<Api, 'journalOverview' | 'noteSave' | 'noteList'>;

/** A search result shown on Home: the note itself when it could be found. */
export interface Revealed {
  hit: SearchHit;
  note: Note | null;
}

export class HomeStore {
  overview: JournalOverview | null = $state(null);
  error: IpcError | null = $state(null);
  revealed: Revealed | null = $state(null);

  readonly #api: HomeApi;
  readonly #reads = new Latest();
  /** The overview asked for at start-up, before Home was mounted. */
  #early: Promise<JournalOverview> | null = null;

  constructor(source: HomeApi) {
    this.#api = source;
  }

  /** Nothing logged yet: Home shows the first steps. */
  get isEmpty(): boolean {
    return this.overview !== null && this.overview.entry_count === 0;
  }

  /**
   * Asks for the overview at start-up, beside the session's own calls, so Home's first
   * load finds it on its way instead of waiting for the session first.
   */
  preload(): void {
    // The overview that came with the page needs no round trip at all.
    const boot = takeBoot('overview');
    this.#early = boot ? Promise.resolve(boot) : this.#api.journalOverview();
    // A refusal (a locked journal...) is for Home's own load to see, not unhandled.
    this.#early.catch(() => {});
  }

  load(): Promise<void> {
    const early = this.#early;
    this.#early = null;
    return this.#reads.read(
      async () => {
        // The start-up answer serves the first load; if it failed, ask again.
        const overview = (early && (await early.catch(() => null))) || (await this.#api.journalOverview());
        markStartup('home data in');
        return overview;
      },
      (overview) => {
        this.overview = overview;
        this.error = null;
      },
      (e) => (this.error = e),
    );
  }

  /** Saves a quick note (rejects with the IpcError for the box to show), then reloads. */
  async addNote(input: NoteInput): Promise<Note> {
    const note = await this.#api.noteSave(null, input);
    await this.load();
    return note;
  }

  /** Shows a search result that lives outside any project. */
  async reveal(hit: SearchHit): Promise<void> {
    this.revealed = { hit, note: null };
    if (hit.kind !== 'note') return;
    const recent = this.overview?.recent_notes.find((n) => n.id === hit.id);
    if (recent) {
      this.revealed = { hit, note: recent };
      return;
    }
    try {
      const notes = await this.#api.noteList(NOTE_LOOKUP);
      const note = notes.find((n) => n.id === hit.id) ?? null;
      if (this.revealed?.hit.id === hit.id) this.revealed = { hit, note };
    } catch {
      // The snippet from search is still shown.
    }
  }

  dismissRevealed(): void {
    this.revealed = null;
  }
}

export const home = new HomeStore(api);
