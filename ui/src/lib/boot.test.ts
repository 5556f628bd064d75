import { describe, expect, it } from 'vitest';
import { takeBoot } from './boot';
import type { Boot } from './bindings';

const info = { version: '0.1.0', journal_path: '/j', schema_version: 8, sqlite_version: '3', encrypted: false };

describe('takeBoot', () => {
  it('gives each part once, then null', () => {
    const page = { __CAREERLOG_BOOT__: { info } as Partial<Boot> };
    expect(takeBoot('info', page)).toEqual(info);
    expect(takeBoot('info', page)).toBeNull();
  });

  it('is null when the page came without boot data', () => {
    expect(takeBoot('settings', {})).toBeNull();
    expect(takeBoot('overview', { __CAREERLOG_BOOT__: null })).toBeNull();
  });
});
