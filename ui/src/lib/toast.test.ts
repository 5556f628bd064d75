import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TOAST_MS, Toaster } from './toast.svelte';

describe('Toaster', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a message for about eight seconds', () => {
    const toaster = new Toaster();
    toaster.show('Deleted “Checkout”');
    vi.advanceTimersByTime(TOAST_MS - 1);
    expect(toaster.current?.text).toBe('Deleted “Checkout”');
    vi.advanceTimersByTime(1);
    expect(toaster.current).toBeNull();
  });

  it('runs its action once and goes away', async () => {
    const toaster = new Toaster();
    const undo = vi.fn();
    toaster.show('Deleted “A”', { label: 'Undo', run: undo });
    await toaster.act();
    await toaster.act();
    expect(undo).toHaveBeenCalledTimes(1);
    expect(toaster.current).toBeNull();
  });

  it('lets a new message replace the old one with a full countdown', () => {
    const toaster = new Toaster();
    toaster.show('first');
    vi.advanceTimersByTime(TOAST_MS - 1000);
    toaster.show('second');
    vi.advanceTimersByTime(1000);
    expect(toaster.current?.text).toBe('second');
    vi.advanceTimersByTime(TOAST_MS - 1000);
    expect(toaster.current).toBeNull();
  });

  it('waits while held, then finishes its time', () => {
    const toaster = new Toaster();
    toaster.show('held');
    vi.advanceTimersByTime(5000);
    toaster.hold();
    vi.advanceTimersByTime(60_000);
    expect(toaster.current?.text).toBe('held');
    toaster.release();
    vi.advanceTimersByTime(TOAST_MS - 5000 - 1);
    expect(toaster.current?.text).toBe('held');
    vi.advanceTimersByTime(1);
    expect(toaster.current).toBeNull();
  });

  it('leaves at least two seconds after a hold near the end', () => {
    const toaster = new Toaster();
    toaster.show('late');
    vi.advanceTimersByTime(TOAST_MS - 100);
    toaster.hold();
    toaster.release();
    vi.advanceTimersByTime(1999);
    expect(toaster.current).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(toaster.current).toBeNull();
  });

  it('can be dismissed', () => {
    const toaster = new Toaster();
    toaster.show('bye');
    toaster.dismiss();
    expect(toaster.current).toBeNull();
  });
});
