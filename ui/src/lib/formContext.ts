// What a field finds around it inside FormDialog: the form's last refusal, and the set of
// field names the form shows (a refusal naming none of them is shown above the fields).
// Each field says its name once, where it is drawn; the form learns it from there.

import { getContext, setContext } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import { refusalOf } from './api';
import type { IpcError } from './bindings';
import { asSentence } from './text';

interface FormContext {
  error: () => IpcError | null;
  fields: Set<string>;
}

const FORM = Symbol('form');

/** Called by FormDialog: its error, seen by the fields; returns the names they register. */
export function provideForm(error: () => IpcError | null): Set<string> {
  const fields = new SvelteSet<string>();
  setContext<FormContext>(FORM, { error, fields });
  return fields;
}

/** Called by a field: joins the form around it, if any; its error getter, or null outside a form. */
export function joinForm(field: string): (() => IpcError | null) | null {
  const form = getContext<FormContext | undefined>(FORM);
  if (!form) return null;
  form.fields.add(field);
  return form.error;
}

/**
 * What the error says about `field`, in the user's words: its own message from `errors`
 * (every refused field is listed there), or the lone message when it names this field.
 */
export function messageFor(error: IpcError | null, field: string): string | null {
  const own = refusalOf(error, field);
  return own ? asSentence(own.message) : null;
}
