// A form's input as parsed from its fields (the value, or the field refused and why), and
// saving it: the one path every form's Save takes, in FormDialog and outside it.

import { ipcError, toIpcError } from './api';
import type { IpcError } from './bindings';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function refuse<T>(field: string, message: string): Parsed<T> {
  return { ok: false, error: ipcError('invalid', message, field) };
}

/**
 * Saves a parsed form: null when saved, else the error to show (the form's own refusal,
 * or the core's, which names the field).
 */
export async function attempt<I>(parsed: Parsed<I>, save: (input: I) => Promise<unknown>): Promise<IpcError | null> {
  if (!parsed.ok) return parsed.error;
  try {
    await save(parsed.value);
    return null;
  } catch (e) {
    return toIpcError(e);
  }
}
