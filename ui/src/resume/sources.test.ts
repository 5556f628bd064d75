import { describe, expect, it } from 'vitest';
import type { ProjectDetail } from '../lib/bindings';
import { entryNames, sourceOf, sourceText } from './sources';

describe('sources', () => {
  it('reads the entry from the key', () => {
    expect(sourceOf({ key: 'metric:12' })).toEqual({ kind: 'metric', id: 12 });
    expect(sourceOf({ key: 'decision:5' })).toEqual({ kind: 'decision', id: 5 });
    expect(sourceOf({ key: 'something' })).toBeNull();
  });

  it('names the source once the journal has been read', () => {
    const details = [
      { metrics: [{ id: 12, name: 'p99 latency' }], decisions: [{ id: 5, title: 'Move to Kafka' }] },
    ] as unknown as ProjectDetail[];
    const names = entryNames(details);
    expect(sourceText({ key: 'metric:12' }, names)).toBe('from metric p99 latency');
    expect(sourceText({ key: 'decision:5' }, names)).toBe('from decision Move to Kafka');
    expect(sourceText({ key: 'metric:13' }, names)).toBe('from a metric');
    expect(sourceText({ key: 'project:1' }, names)).toBe('from the project');
  });
});
