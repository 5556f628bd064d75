import { describe, expect, it } from 'vitest';
import { toIpcError } from './api';

describe('toIpcError', () => {
  it('passes a well-formed IpcError through unchanged', () => {
    const error = { kind: 'newer_journal', message: 'this journal was written by a newer Career Log', field: null, errors: [] };
    expect(toIpcError(error)).toEqual(error);
  });

  it('keeps the field an invalid input names', () => {
    expect(toIpcError({ kind: 'invalid', message: 'theme: unknown', field: 'theme', errors: [{ field: 'theme', message: 'theme: unknown' }] })).toEqual({
      kind: 'invalid',
      message: 'theme: unknown',
      field: 'theme',
      errors: [{ field: 'theme', message: 'theme: unknown' }],
    });
  });

  it('keeps every field a form refused, the first in `field`', () => {
    const errors = [
      { field: 'title', message: 'cannot be empty' },
      { field: 'ended_on', message: 'is before the start' },
    ];
    expect(toIpcError({ kind: 'invalid', message: 'cannot be empty', field: 'title', errors })).toEqual({
      kind: 'invalid',
      message: 'cannot be empty',
      field: 'title',
      errors,
    });
  });

  it('drops extra keys and a field that is not a string', () => {
    expect(toIpcError({ kind: 'locked', message: 'busy', field: 3, extra: true })).toEqual({
      kind: 'locked',
      message: 'busy',
      field: null,
      errors: [],
    });
  });

  it('wraps a string rejection as an io error', () => {
    expect(toIpcError('Command app_info not found')).toEqual({
      kind: 'io',
      message: 'Command app_info not found',
      field: null,
      errors: [],
    });
  });

  it('uses the message of a thrown Error', () => {
    expect(toIpcError(new TypeError("Cannot read properties of undefined (reading 'invoke')"))).toEqual({
      kind: 'io',
      message: "Cannot read properties of undefined (reading 'invoke')",
      field: null,
      errors: [],
    });
  });

  it('does not trust an unknown kind', () => {
    expect(toIpcError({ kind: 'exploded', message: 'boom', field: null, errors: [] })).toEqual({
      kind: 'io',
      message: 'boom',
      field: null,
      errors: [],
    });
  });

  it('does not take a kind from the prototype chain', () => {
    expect(toIpcError({ kind: 'toString', message: 'x', field: null, errors: [] }).kind).toBe('io');
  });

  it('stringifies anything else', () => {
    expect(toIpcError(undefined)).toEqual({ kind: 'io', message: 'undefined', field: null, errors: [] });
    expect(toIpcError(42)).toEqual({ kind: 'io', message: '42', field: null, errors: [] });
    expect(toIpcError(null)).toEqual({ kind: 'io', message: 'null', field: null, errors: [] });
    expect(toIpcError({ kind: 'io' }).message).toBe('[object Object]');
  });
});
