import { describe, expect, it, vi } from 'vitest';
import type { IpcError } from '../lib/bindings';
import { NumberDraft } from './numberDraft.svelte';

function setup(refusal: IpcError | null = null) {
  let saved = 10;
  const save = vi.fn(async (value: number) => {
    saved = value;
    return true;
  });
  const draft = new NumberDraft({ range: { min: 1, max: 365 }, saved: () => saved, refusal: () => refusal, save });
  draft.show(saved);
  return { draft, save };
}

describe('NumberDraft', () => {
  it('saves a whole number in range and says so', async () => {
    const { draft, save } = setup();
    draft.type('12');
    await draft.commit();
    expect(save).toHaveBeenCalledWith(12);
    expect(draft.saved).toBe(true);
    expect(draft.message).toBeNull();
  });

  it('refuses what is not a whole number in range without asking the core', async () => {
    const { draft, save } = setup();
    draft.type('1000');
    await draft.commit();
    expect(save).not.toHaveBeenCalled();
    expect(draft.message).toBe('Enter a whole number from 1 to 365.');
    draft.type('20');
    expect(draft.message).toBeNull();
  });

  it('does nothing the second time (Enter, then the change event)', async () => {
    const { draft, save } = setup();
    draft.type('11');
    await draft.commit();
    await draft.commit();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('shows the core’s refusal as a sentence, and tries the same value again after it', async () => {
    const { draft, save } = setup({ kind: 'invalid', field: 'backups_keep', message: 'too many', errors: [{ field: 'backups_keep', message: 'too many' }] });
    expect(draft.message).toBe('Too many.');
    await draft.commit();
    expect(save).toHaveBeenCalledWith(10);
  });
});
