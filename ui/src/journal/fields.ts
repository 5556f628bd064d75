// A form's fields as data: which control, bound to which of the form's values, with its
// label, test id and hint. EntryFields draws a list of them in order, inside FormDialog's
// two-column body (a `half` field takes one column, any other the whole row).

import type { OptionFields } from './forms';

/** The keys of `F` whose value is a string: what a text, date or select field edits. */
export type TextKey<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F] & string;

/** The keys of `F` that hold people's ids (the people an entry involved). */
export type PeopleKey<F> = { [K in keyof F]: F[K] extends number[] ? K : never }[keyof F] & string;

/** The keys of `F` that hold one person's id, or null for no one. */
export type PersonKey<F> = { [K in keyof F]: F[K] extends number | null ? (null extends F[K] ? K : never) : never }[keyof F] &
  string;

/** The keys of `F` that hold a decision's option rows. */
export type OptionsKey<F> = { [K in keyof F]: F[K] extends OptionFields[] ? K : never }[keyof F] & string;

interface Named<F> {
  /** The value it edits, and the core's name for the field (as its errors name it). */
  key: TextKey<F>;
  label: string;
  testid: string;
}

/** A line of text, or a text area when `multiline`. */
export interface TextSpec<F> extends Named<F> {
  kind: 'text';
  placeholder?: string;
  hint?: string;
  multiline?: boolean;
  rows?: number;
  half?: boolean;
  autofocus?: boolean;
  inputmode?: 'text' | 'numeric' | 'decimal' | 'url';
  maxlength?: number;
  /** Offered while typing (a datalist); any other text is allowed too. */
  suggestions?: readonly string[];
}

/** A day as YYYY-MM-DD, half a row. */
export interface DateSpec<F> extends Named<F> {
  kind: 'date';
  hint?: string;
}

/** A choice from a list, with an empty choice first. */
export interface SelectSpec<F> extends Named<F> {
  kind: 'select';
  options: readonly { value: string; label: string }[];
  /** The text of the empty choice. */
  blank: string;
  /** The empty choice only prompts: it cannot be chosen back. */
  blankDisabled?: boolean;
  half?: boolean;
}

/** Tags or skills typed comma-separated, with the chips they will become; half a row. */
export interface LabelsSpec<F> extends Named<F> {
  kind: 'labels';
  of: 'tag' | 'skill';
  placeholder: string;
  hint: string;
}

/** People from the journal, chosen by name; the whole row. */
export interface PeopleSpec<F> {
  kind: 'people';
  key: PeopleKey<F>;
  label: string;
  testid: string;
  hint?: string;
}

/** One person from the journal, or no one; half a row. */
export interface PersonSpec<F> {
  kind: 'person';
  key: PersonKey<F>;
  label: string;
  testid: string;
  /** The text of the empty choice. */
  blank: string;
  hint?: string;
}

/** A decision's options, each with its pros and cons. */
export interface OptionsSpec<F> {
  kind: 'options';
  key: OptionsKey<F>;
}

/** "Start from a template" for a new note: fills the text and adds to the tags. */
export interface TemplateSpec<F> {
  kind: 'template';
  text: TextKey<F>;
  tags: TextKey<F>;
}

/** An empty half row, so that the next field starts a row of its own. */
export interface GapSpec {
  kind: 'gap';
}

export type FieldSpec<F> =
  | TextSpec<F>
  | DateSpec<F>
  | SelectSpec<F>
  | LabelsSpec<F>
  | OptionsSpec<F>
  | PeopleSpec<F>
  | PersonSpec<F>
  | TemplateSpec<F>
  | GapSpec;

export const GAP: GapSpec = { kind: 'gap' };

/** A select's options from a list of values and their labels. */
export function choices<T extends string>(values: readonly T[], label: (value: T) => string): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: label(value) }));
}
