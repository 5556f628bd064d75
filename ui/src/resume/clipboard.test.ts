import { describe, expect, it, vi } from 'vitest';
import { copyText } from './clipboard';

describe('copyText', () => {
  it('uses the Clipboard API when it is allowed', async () => {
    const clipboard = { writeText: vi.fn(async () => {}) };
    const fallback = vi.fn(() => true);
    expect(await copyText('hello', clipboard, fallback)).toBe(true);
    expect(clipboard.writeText).toHaveBeenCalledWith('hello');
    expect(fallback).not.toHaveBeenCalled();
  });

  it('falls back to the copy command when the API refuses or is missing', async () => {
    const clipboard = { writeText: vi.fn(async () => Promise.reject(new Error('NotAllowedError'))) };
    const fallback = vi.fn(() => true);
    expect(await copyText('hello', clipboard, fallback)).toBe(true);
    expect(fallback).toHaveBeenCalledWith('hello');
    expect(await copyText('hello', undefined, fallback)).toBe(true);
  });

  it('reports failure when neither way works', async () => {
    expect(await copyText('x', undefined, () => false)).toBe(false);
    expect(
      await copyText('x', undefined, () => {
        throw new Error('no document');
      }),
    ).toBe(false);
  });
});
