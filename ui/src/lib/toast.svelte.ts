// The one passing message at the bottom of the window, e.g. "Deleted “X” · Undo". It
// stays about eight seconds; while the pointer or the keyboard is on it, it waits.

export const TOAST_MS = 8000;
/** After a pause, at least this long is left to reach the button. */
const MIN_AFTER_PAUSE_MS = 2000;

export interface ToastAction {
  label: string;
  run: () => unknown;
}

export interface Toast {
  id: number;
  text: string;
  action: ToastAction | null;
}

export class Toaster {
  current: Toast | null = $state(null);

  readonly #duration: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #deadline = 0;
  #remaining = 0;
  #next = 1;

  constructor(duration = TOAST_MS) {
    this.#duration = duration;
  }

  /** Shows a message, replacing the one shown, for the full duration. */
  show(text: string, action: ToastAction | null = null): void {
    this.current = { id: this.#next++, text, action };
    this.#start(this.#duration);
  }

  dismiss(): void {
    this.#stop();
    this.current = null;
  }

  /** Runs the toast's action once; the toast goes away first, so it cannot run twice. */
  async act(): Promise<void> {
    const action = this.current?.action;
    this.dismiss();
    await action?.run();
  }

  /** Pauses the countdown (pointer over it, or focus inside it). */
  hold(): void {
    if (!this.current || this.#timer === null) return;
    this.#remaining = Math.max(this.#deadline - Date.now(), 0);
    this.#stop();
  }

  /** Resumes the countdown after a hold. */
  release(): void {
    if (!this.current || this.#timer !== null) return;
    this.#start(Math.max(this.#remaining, MIN_AFTER_PAUSE_MS));
  }

  #start(ms: number): void {
    this.#stop();
    this.#deadline = Date.now() + ms;
    const id = this.current?.id;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.current?.id === id) this.current = null;
    }, ms);
  }

  #stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}

export const toaster = new Toaster();
