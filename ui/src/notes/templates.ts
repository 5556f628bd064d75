// Note templates as the window handles them: a slug made from a title, the editor's fields
// and the Template they become, and a note started from one (its text, its tags added).
// Every rule on a template is the core's (check_template); its refusals come back by field.

import type { NoteTemplate, Template, TemplateSource } from '../lib/bindings';
import { labelsText, parseLabels } from '../journal/format';
import { ok, refuse, type Parsed } from '../lib/forms';

/** The longest slug the core takes. */
export const MAX_SLUG = 60;

export const SOURCE_LABEL: Record<TemplateSource, string> = {
  shipped: 'Shipped',
  edited: 'Edited',
  own: 'Your own',
};

/** "One-on-one: Ana" -> "one-on-one-ana": lowercase letters and digits, single dashes. */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
}

/** What the template editor holds while typing. */
export interface TemplateFields {
  slug: string;
  /** Whether the slug still follows the title (until it is typed over). */
  slugFromTitle: boolean;
  title: string;
  description: string;
  /** Typed comma-separated. */
  tags: string;
  body: string;
}

export function templateFields(t: NoteTemplate | null): TemplateFields {
  return {
    slug: t?.slug ?? '',
    slugFromTitle: t === null,
    title: t?.title ?? '',
    description: t?.description ?? '',
    tags: labelsText(t?.tags ?? []),
    body: t?.body ?? '',
  };
}

/** The title typed: a new template's slug follows it until the slug is edited. */
export function withTitle(f: TemplateFields, title: string): TemplateFields {
  return { ...f, title, slug: f.slugFromTitle ? slugFromTitle(title) : f.slug };
}

/**
 * The template to save. A new one may not take the slug of one there is (saving would
 * overwrite it); every other rule is the core's.
 */
export function templateInput(f: TemplateFields, isNew: boolean, existing: readonly NoteTemplate[]): Parsed<Template> {
  const slug = f.slug.trim();
  if (isNew && existing.some((t) => t.slug === slug)) {
    return refuse('slug', `is taken by the template “${existing.find((t) => t.slug === slug)?.title}”; choose another`);
  }
  return ok({ slug, title: f.title, description: f.description, tags: parseLabels(f.tags), body: f.body });
}

/** Whether starting from a template would replace text worth asking about. */
export function replacesTyped(text: string, templates: readonly NoteTemplate[]): boolean {
  const typed = text.trim();
  return typed !== '' && !templates.some((t) => unwrapParagraphs(t.body).trim() === typed || t.body.trim() === typed);
}

/** A line that starts a Markdown block of its own (never joined to the line above). */
const BLOCK_START = /^(\s{4}|\t|#|[-*+] |\d+[.)] |>|\||```|~~~)/;

/**
 * The Markdown with each paragraph on one line: the same document (a single line break in
 * a paragraph is a space), but one that wraps to the note's box instead of breaking
 * mid-sentence where the file was wrapped. Headings, lists, quotes, tables, code and hard
 * breaks (two trailing spaces, a backslash) keep their lines.
 */
export function unwrapParagraphs(markdown: string): string {
  const out: string[] = [];
  let fenced = false;
  let joinable = false;
  for (const line of markdown.split('\n')) {
    const fence = /^(```|~~~)/.test(line);
    if (!fenced && joinable && line.trim() !== '' && !BLOCK_START.test(line)) {
      out[out.length - 1] = `${out[out.length - 1]} ${line.trim()}`;
    } else {
      out.push(line);
    }
    if (fence) fenced = !fenced;
    const last = out[out.length - 1] ?? '';
    joinable = !fenced && !fence && last.trim() !== '' && !/^(#|\||\s{4}|\t)/.test(last) && !/( {2}|\\)$/.test(last);
  }
  return out.join('\n');
}

/**
 * A note's text and tags once started from `template`: its body (paragraphs unwrapped, see
 * `unwrapParagraphs`), and its tags added to those typed.
 */
export function startFrom(note: { text: string; tags: string }, template: Pick<Template, 'body' | 'tags'>): { text: string; tags: string } {
  const tags = parseLabels(note.tags);
  const lower = new Set(tags.map((t) => t.toLowerCase()));
  for (const tag of template.tags) if (!lower.has(tag.toLowerCase())) tags.push(tag);
  return { text: unwrapParagraphs(template.body), tags: labelsText(tags) };
}
