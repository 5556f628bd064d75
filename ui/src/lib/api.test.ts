import { describe, expect, it } from 'vitest';
import { ipcError, refusalAbove, refusalOf, toIpcError } from './api';
import type { IpcError } from './bindings';

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

describe('refusalOf and refusalAbove', () => {
  const both: IpcError = {
    kind: 'invalid',
    message: 'is 201 characters long; the limit is 200',
    field: 'headline',
    errors: [
      { field: 'headline', message: 'is 201 characters long; the limit is 200' },
      { field: 'email', message: 'is not an email address ("dana at example")' },
    ],
  };

  it('gives each field its own message among all those refused', () => {
    expect(refusalOf(both, 'email')).toMatchObject({ field: 'email', message: 'is not an email address ("dana at example")' });
    expect(refusalOf(both, 'headline')?.message).toBe('is 201 characters long; the limit is 200');
    expect(refusalOf(both, 'name')).toBeNull();
    expect(refusalOf(null, 'name')).toBeNull();
  });

  it('puts above the form only what no field of it shows', () => {
    expect(refusalAbove(both, ['email'])).toBeNull();
    expect(refusalAbove(both, ['theme'])).toBe(both);
    expect(refusalAbove(ipcError('io', 'the disk is full'), ['email'])).toMatchObject({ message: 'the disk is full' });
  });
});
