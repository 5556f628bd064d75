// A whole-number setting as it is typed (the pace, the backups kept): the text, our own
// refusal of it, and whether the last change was saved. Saved on change and on Enter.

import type { IpcError } from '../lib/bindings';
import { asSentence } from '../lib/text';
import { parseWholeNumber } from './backupFormat';

export interface NumberSetting {
  range: { min: number; max: number };
  /** The saved value. */
  saved: () => number;
  /** Why the core refused the last change, if it did. */
  refusal: () => IpcError | null;
  /** Saves; resolves to true once saved. */
  save: (value: number) => Promise<boolean>;
}

export class NumberDraft {
  text = $state('');
  /** Why what is typed cannot be saved, said here before the core is asked. */
  local: string | null = $state(null);
  saved = $state(false);

  readonly range: NumberSetting['range'];
  readonly #setting: NumberSetting;

  constructor(setting: NumberSetting) {
    this.#setting = setting;
    this.range = setting.range;
  }

  /** What is typed, when it is a whole number in range. */
  get value(): number | null {
    return parseWholeNumber(this.text, this.#setting.range);
  }

  /** The line to show under the field: our refusal, else the core's. */
  get message(): string | null {
    const refusal = this.#setting.refusal();
    return this.local ?? (refusal ? asSentence(refusal.message) : null);
  }

  /** A saved (or restored) value replaces what is typed. */
  show(value: number): void {
    this.text = String(value);
  }

  type(text: string): void {
    this.text = text;
    this.local = null;
    this.saved = false;
  }

  async commit(): Promise<void> {
    const value = this.value;
    const { range } = this;
    if (value === null) {
      this.saved = false;
      this.local = `Enter a whole number from ${range.min} to ${range.max}.`;
      return;
    }
    this.local = null;
    // Enter and the change that follows it both land here: the second has nothing to do.
    if (value === this.#setting.saved() && !this.#setting.refusal()) return;
    this.saved = false;
    this.saved = await this.#setting.save(value);
  }
}
