import { describe, expect, it, vi } from 'vitest';
import type { Packet, PacketRequest, PacketSentence, PacketTarget } from '../lib/bindings';
import { Toaster } from '../lib/toast.svelte';
import {
  BLANK_PACKET,
  EMPTY_SECTION,
  lastHalf,
  lastYear,
  leftOutText,
  packetKey,
  packetRequest,
  sentenceGroups,
  targetGroups,
} from './packet';
import { PacketStore, type PacketApi } from './packet.svelte';

describe('packetRequest', () => {
  it('builds the request from the fields, a blank target for the stage worked toward', () => {
    expect(packetRequest({ since: '2024-7-1', until: ' 2025-06-30 ', target: '' })).toEqual({
      ok: true,
      value: { since: '2024-07-01', until: '2025-06-30', target: null },
    });
    expect(packetRequest({ since: '2024-07-01', until: '2024-07-01', target: 'skill:Kafka' })).toEqual({
      ok: true,
      value: { since: '2024-07-01', until: '2024-07-01', target: 'skill:Kafka' },
    });
  });

  it.each([
    [{ since: '', until: '2025-06-30' }, 'since'],
    [{ since: '2024-07-01', until: '' }, 'until'],
    [{ since: 'last July', until: '2025-06-30' }, 'since'],
    [{ since: '2024-07-01', until: '2025-02-30' }, 'until'],
    [{ since: '2025-07-01', until: '2025-06-30' }, 'until'],
  ])('refuses %o on the field %s', (dates, field) => {
    const parsed = packetRequest({ ...BLANK_PACKET, ...dates });
    expect(parsed.ok || parsed.error.field).toBe(field);
  });

  it('keys a request by its period and target', () => {
    const a: PacketRequest = { since: '2024-07-01', until: '2025-06-30', target: null };
    expect(packetKey(a)).toBe(packetKey({ ...a }));
    expect(packetKey(a)).not.toBe(packetKey({ ...a, target: 'staff' }));
  });
});

describe('quick periods', () => {
  it.each([
    // today, fiscal year's first month, last half, last year
    ['2026-12-02', 1, ['2026-01-01', '2026-06-30'], ['2025-01-01', '2025-12-31']],
    ['2026-07-01', 1, ['2026-01-01', '2026-06-30'], ['2025-01-01', '2025-12-31']],
    ['2026-01-15', 1, ['2025-07-01', '2025-12-31'], ['2025-01-01', '2025-12-31']],
    ['2025-08-15', 7, ['2025-01-01', '2025-06-30'], ['2024-07-01', '2025-06-30']],
    ['2025-03-10', 7, ['2024-07-01', '2024-12-31'], ['2023-07-01', '2024-06-30']],
    ['2024-03-31', 4, ['2023-04-01', '2023-09-30'], ['2022-04-01', '2023-03-31']],
    ['2024-10-01', 4, ['2024-04-01', '2024-09-30'], ['2023-04-01', '2024-03-31']],
    ['2024-03-01', 12, ['2023-06-01', '2023-11-30'], ['2022-12-01', '2023-11-30']],
  ] as const)('on %s with the year starting in month %i', (today, start, half, year) => {
    expect(lastHalf(today, start)).toEqual({ since: half[0], until: half[1] });
    expect(lastYear(today, start)).toEqual({ since: year[0], until: year[1] });
  });

  it('ends on the last day of February in a leap year', () => {
    expect(lastHalf('2024-03-10', 3)).toEqual({ since: '2023-09-01', until: '2024-02-29' });
  });
});

const sentence = (key: string, over: Partial<PacketSentence> = {}): PacketSentence => ({
  key,
  text: `Words of ${key}`,
  generated_text: `Words of ${key}`,
  edited: false,
  changed: false,
  group: null,
  quote_by: null,
  link: null,
  sources: [1],
  ...over,
});

describe('shaping the packet', () => {
  it('puts the stages before the skills and leaves out an empty group', () => {
    const targets: PacketTarget[] = [
      { id: 'skill:Kafka', kind: 'skill', name: 'Kafka' },
      { id: 'senior', kind: 'stage', name: 'Senior engineer' },
      { id: 'staff', kind: 'stage', name: 'Staff engineer' },
    ];
    expect(targetGroups(targets).map((g) => [g.label, g.targets.map((t) => t.id)])).toEqual([
      ['Stages', ['senior', 'staff']],
      ['Skills', ['skill:Kafka']],
    ]);
    expect(targetGroups(targets.slice(1)).map((g) => g.label)).toEqual(['Stages']);
  });

  it('groups runs of sentences under their sub-heading, in order', () => {
    const groups = sentenceGroups([
      sentence('a', { group: 'Checkout' }),
      sentence('b', { group: 'Checkout' }),
      sentence('c', { group: 'Search' }),
      sentence('d'),
    ]);
    expect(groups.map((g) => [g.heading, g.sentences.map((s) => s.key)])).toEqual([
      ['Checkout', ['a', 'b']],
      ['Search', ['c']],
      [null, ['d']],
    ]);
  });

  it('says what fills each empty section and counts the private entries', () => {
    expect(EMPTY_SECTION.leadership).toMatch(/No decisions dated in this period/);
    expect(Object.keys(EMPTY_SECTION)).toHaveLength(7);
    expect(leftOutText(1)).toBe('1 private entry was left out.');
    expect(leftOutText(3)).toBe('3 private entries were left out.');
  });
});

/** The core's packet for any request, with edits kept by key, behind the API's shape. */
function fakeCore() {
  const edits = new Map<string, string>();
  const journal = new Map([
    ['impact:metric:1', 'Cut p99 checkout latency 85% (800 ms → 120 ms)'],
    ['leadership:decision:2', 'Chose a warmed read-through cache over bigger replicas'],
  ]);
  const build = (request: PacketRequest): Packet => ({
    since: request.since,
    until: request.until,
    label: `${request.since} to ${request.until}`,
    target: request.target ? { id: request.target, kind: 'stage', name: request.target } : null,
    sections: [
      {
        id: 'impact',
        title: 'Impact',
        sentences: [...journal].map(([key, words]) =>
          sentence(key, { text: edits.get(key) ?? words, generated_text: words, edited: edits.has(key), group: 'Checkout' }),
        ),
      },
    ],
    sources: [{ number: 1, id: 1, kind: 'metric', title: 'p99 checkout latency', date: '2024-06-20', project_id: 9 }],
    left_out: 0,
  });
  const source = {
    packetTargets: vi.fn(async (): Promise<PacketTarget[]> => [{ id: 'staff', kind: 'stage', name: 'Staff engineer' }]),
    packetGet: vi.fn(async (request: PacketRequest) => {
      if (request.target === 'nobody') throw { kind: 'invalid', message: 'no stage', field: 'target', errors: [{ field: 'target', message: 'no stage' }] };
      return build(request);
    }),
    packetEdit: vi.fn(async (request: PacketRequest, key: string, text: string) => {
      if (text.trim() === '') throw { kind: 'invalid', message: 'cannot be empty', field: 'text', errors: [] };
      edits.set(key, text);
      return build(request);
    }),
    packetReset: vi.fn(async (request: PacketRequest, key: string) => {
      edits.delete(key);
      return build(request);
    }),
    packetSave: vi.fn(async (_request: PacketRequest, format: string): Promise<string | null> => `/tmp/out/packet.${format === 'markdown' ? 'md' : format}`),
  };
  return source as PacketApi & typeof source;
}

const KEY = 'impact:metric:1';

async function built(core = fakeCore()) {
  const toaster = new Toaster();
  const store = new PacketStore(core, toaster);
  await store.open('2025-08-15', 7);
  await store.build();
  return { core, store, toaster };
}

describe('PacketStore', () => {
  it('fills the last full year on arrival and builds the packet for it', async () => {
    const { core, store } = await built();
    expect(store.fields).toEqual({ since: '2024-07-01', until: '2025-06-30', target: '' });
    expect(store.targets.map((t) => t.id)).toEqual(['staff']);
    expect(core.packetGet).toHaveBeenCalledWith({ since: '2024-07-01', until: '2025-06-30', target: null });
    expect(store.status).toBe('ready');
    expect(store.stale).toBe(false);
    store.fields.target = 'staff';
    expect(store.stale).toBe(true);

    // Coming back keeps the period chosen and the packet shown, and asks for a fresh build.
    store.fields.target = '';
    await store.open('2026-12-02', 1);
    expect(store.fields.since).toBe('2024-07-01');
    expect(store.status).toBe('idle');
    expect(store.packet).not.toBeNull();
    await store.build();
    expect(core.packetGet).toHaveBeenCalledTimes(2);
  });

  it('refuses a backwards period beside the field without asking the core', async () => {
    const { core, store } = await built();
    store.fields.until = '2024-01-01';
    await store.build();
    expect(store.error?.field).toBe('until');
    expect(core.packetGet).toHaveBeenCalledTimes(1);
    // The packet already shown stays while the period is fixed.
    expect(store.packet?.since).toBe('2024-07-01');
  });

  it('shows the core’s refusal of a target on the target field', async () => {
    const { store } = await built();
    store.fields.target = 'nobody';
    await store.build();
    expect(store.error?.field).toBe('target');
  });

  it('edits a sentence, keeps the edit through a rebuild, and rejects empty words for the editor', async () => {
    const { core, store } = await built();
    store.editing = KEY;
    await expect(store.edit(KEY, '  ')).rejects.toMatchObject({ field: 'text' });
    expect(store.editing).toBe(KEY);
    await store.edit(KEY, 'Took checkout p99 from 800 ms to 120 ms');
    expect(core.packetEdit).toHaveBeenLastCalledWith(
      { since: '2024-07-01', until: '2025-06-30', target: null },
      KEY,
      'Took checkout p99 from 800 ms to 120 ms',
    );
    expect(store.editing).toBeNull();
    expect(store.sentence(KEY)).toMatchObject({ text: 'Took checkout p99 from 800 ms to 120 ms', edited: true });

    store.setPeriod(lastHalf('2025-08-15', 7));
    await store.build();
    store.setPeriod({ since: '2024-07-01', until: '2025-06-30' });
    await store.build();
    expect(store.sentence(KEY)?.text).toBe('Took checkout p99 from 800 ms to 120 ms');
  });

  it('edits the packet shown, not the period being typed', async () => {
    const { core, store } = await built();
    store.fields.since = '2025-0';
    await store.edit(KEY, 'New words');
    expect(core.packetEdit.mock.calls[0]![0]).toEqual({ since: '2024-07-01', until: '2025-06-30', target: null });
  });

  it('resets to the journal’s words and Undo puts the edit back', async () => {
    const { core, store, toaster } = await built();
    await store.edit(KEY, 'My own words');
    await store.reset(KEY);
    expect(core.packetReset).toHaveBeenCalledWith(expect.objectContaining({ since: '2024-07-01' }), KEY);
    expect(store.sentence(KEY)).toMatchObject({ text: 'Cut p99 checkout latency 85% (800 ms → 120 ms)', edited: false });
    expect(toaster.current?.text).toBe('Back to the journal’s words');
    await toaster.current!.action!.run();
    expect(core.packetEdit).toHaveBeenLastCalledWith(expect.anything(), KEY, 'My own words');
    expect(store.sentence(KEY)).toMatchObject({ text: 'My own words', edited: true });
  });

  it('saves the packet shown in the format chosen and says where', async () => {
    const { core, store } = await built();
    const saving = store.save('pdf');
    expect(store.saving).toBe('pdf');
    // A second press while saving does nothing.
    await store.save('docx');
    await saving;
    expect(core.packetSave).toHaveBeenCalledTimes(1);
    expect(core.packetSave).toHaveBeenCalledWith({ since: '2024-07-01', until: '2025-06-30', target: null }, 'pdf');
    expect(store.saving).toBeNull();
    expect(store.saved).toBe('Saved to /tmp/out/packet.pdf');
    core.packetSave.mockResolvedValueOnce(null);
    await store.save('docx');
    expect(core.packetSave).toHaveBeenLastCalledWith(expect.anything(), 'docx');
    expect(store.saved).toBeNull();
  });

  it('says why a save failed', async () => {
    const { core, store } = await built();
    core.packetSave.mockRejectedValueOnce({ kind: 'io', message: 'the folder is read-only', field: null, errors: [] });
    await store.save('markdown');
    expect(store.saveError).toBe('Could not save. The folder is read-only.');
  });
});
