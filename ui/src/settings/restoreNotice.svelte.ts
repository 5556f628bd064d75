// The restore just made, for Home to tell until dismissed: read once as the window starts
// again on the restored journal.

import type { RestoredBackup } from '../lib/bindings';
import { keepRestored, takeRestored, type SessionMemory } from './restored';

function windowSession(): SessionMemory | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export class RestoreNotice {
  restored: RestoredBackup | null = $state(null);
  readonly #memory: SessionMemory | null;

  constructor(memory: SessionMemory | null) {
    this.#memory = memory;
    this.restored = takeRestored(memory);
  }

  /** Before the reload: the window that starts next tells it. */
  keep(restored: RestoredBackup): void {
    // Storage refused: this window still shows it until the reload.
    if (!keepRestored(this.#memory, restored)) this.restored = restored;
  }

  dismiss(): void {
    this.restored = null;
  }
}

export const restoreNotice = new RestoreNotice(windowSession());
