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
 * Parses fields in order into one value: every refusal at once (each field's message in
 * `errors`, the first also in `field` and `message`), as the core refuses a form.
 */
export function collect<T extends Record<string, unknown>>(parsed: { [K in keyof T]: Parsed<T[K]> }): Parsed<T> {
  const value: Record<string, unknown> = {};
  const refused: IpcError[] = [];
  for (const [key, result] of Object.entries(parsed) as [string, Parsed<unknown>][]) {
    if (result.ok) value[key] = result.value;
    else refused.push(result.error);
  }
  const [first] = refused;
  if (!first) return ok(value as T);
  return { ok: false, error: { ...first, errors: refused.flatMap((e) => e.errors) } };
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
