import { describe, expect, it, vi } from 'vitest';
import type { NoteTemplate } from '../lib/bindings';
import { replacesTyped, slugFromTitle, startFrom, templateFields, templateInput, unwrapParagraphs, withTitle } from './templates';
import { TemplatesStore, type TemplatesApi } from './templates.svelte';

const incident: NoteTemplate = {
  source: 'shipped',
  slug: 'incident',
  title: 'Incident',
  description: 'After an incident.',
  tags: ['incident', 'oncall'],
  body: '## What happened\n\n',
};

describe('slugFromTitle', () => {
  it.each([
    ['Design review', 'design-review'],
    ['One-on-one: Ana', 'one-on-one-ana'],
    ['  Café  retro!! ', 'cafe-retro'],
    ['Q3 2026 planning', 'q3-2026-planning'],
    ['!!!', ''],
  ])('%s -> %s', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });

  it('keeps to 60 characters without a trailing dash', () => {
    const slug = slugFromTitle(`${'a'.repeat(59)} b`);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('the template editor', () => {
  it('a new template follows its title until the slug is typed over', () => {
    let f = withTitle(templateFields(null), 'Design review');
    expect(f.slug).toBe('design-review');
    f = { ...f, slug: 'design', slugFromTitle: false };
    expect(withTitle(f, 'Design reviews').slug).toBe('design');
  });

  it('an edited template keeps its slug', () => {
    expect(withTitle(templateFields(incident), 'Outage').slug).toBe('incident');
  });

  it('refuses a new template on a slug there is, by the slug field', () => {
    const parsed = templateInput({ ...templateFields(null), slug: 'incident', title: 'X', body: 'b' }, true, [incident]);
    expect(!parsed.ok && parsed.error.field).toBe('slug');
    const edit = templateInput(templateFields(incident), false, [incident]);
    expect(edit.ok && edit.value).toEqual({ slug: 'incident', title: 'Incident', description: 'After an incident.', tags: ['incident', 'oncall'], body: '## What happened\n\n' });
  });
});

describe('unwrapParagraphs', () => {
  it('puts each paragraph on one line', () => {
    expect(unwrapParagraphs('## Impact\n\nWho was hurt, users or\norders affected.\n\nNext.\n')).toBe(
      '## Impact\n\nWho was hurt, users or orders affected.\n\nNext.\n',
    );
  });

  it('keeps headings, lists, quotes, tables, code and hard breaks as they are', () => {
    const kept = [
      '# Title\nText under it',
      '- one\n- two\n  more of two',
      '1. first\n2. second',
      '> quoted\n> on',
      '| a | b |\n| - | - |',
      '```\ncode\nlines\n```',
      'hard  \nbreak',
      'back\\\nslash',
    ];
    for (const md of kept.slice(0, 1)) expect(unwrapParagraphs(md)).toBe(md);
    expect(unwrapParagraphs(kept[1]!)).toBe('- one\n- two more of two');
    for (const md of kept.slice(2)) expect(unwrapParagraphs(md)).toBe(md);
  });
});

describe('starting a note from a template', () => {
  it('fills the text and adds the tags it lacks', () => {
    expect(startFrom({ text: '', tags: 'payments, Incident' }, incident)).toEqual({ text: incident.body, tags: 'payments, Incident, oncall' });
  });

  it('asks only before replacing text the engineer typed', () => {
    expect(replacesTyped('  ', [incident])).toBe(false);
    expect(replacesTyped(incident.body, [incident])).toBe(false);
    const wrapped = { ...incident, body: '## Impact\n\nWho was hurt, users or\norders affected.\n' };
    expect(replacesTyped(startFrom({ text: '', tags: '' }, wrapped).text, [wrapped])).toBe(false);
    expect(replacesTyped('The cache fell over', [incident])).toBe(true);
  });
});

describe('TemplatesStore', () => {
  function source(): TemplatesApi {
    return {
      templateList: vi.fn(async () => [incident]),
      templateSave: vi.fn(async () => incident),
      templateRemove: vi.fn(async () => incident),
      templateRestore: vi.fn(async () => incident),
    };
  }

  it('reads once when first needed', async () => {
    const api = source();
    const store = new TemplatesStore(api, { show: vi.fn() });
    await store.ensure();
    await store.ensure();
    expect(api.templateList).toHaveBeenCalledTimes(1);
    expect(store.status).toBe('ready');
  });

  it('removes with an Undo that restores it', async () => {
    const api = source();
    const show = vi.fn();
    const store = new TemplatesStore(api, { show });
    const own = { ...incident, source: 'own' as const, slug: 'retro', title: 'Retro' };
    await store.remove(own);
    expect(api.templateRemove).toHaveBeenCalledWith('retro');
    expect(show).toHaveBeenCalledWith('Removed the template “Retro”', expect.objectContaining({ label: 'Undo' }));
    await show.mock.calls[0]?.[1].run();
    expect(api.templateRestore).toHaveBeenCalledWith('retro');
  });

  it('says a reset of an edited one as a reset', async () => {
    const show = vi.fn();
    const store = new TemplatesStore(source(), { show });
    await store.remove({ ...incident, source: 'edited' });
    expect(show.mock.calls[0]?.[0]).toBe('Reset “Incident” to the shipped one');
  });
});
