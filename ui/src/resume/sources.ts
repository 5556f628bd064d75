// Where a bullet came from, in words: "from metric p99 latency", "from decision Move to
// Kafka", "from the project". The bullet's key names the entry; the journal names it.

import type { Bullet, ProjectDetail } from '../lib/bindings';

export type SourceKind = 'metric' | 'decision' | 'project';

/** The names of metrics and decisions by entry id, from the projects' pages. */
export function entryNames(details: readonly ProjectDetail[]): Map<number, string> {
  const names = new Map<number, string>();
  for (const d of details) {
    for (const m of d.metrics) names.set(m.id, m.name);
    for (const x of d.decisions) names.set(x.id, x.title);
  }
  return names;
}

/** The entry a bullet was generated from, read from its key (`metric:12`). */
export function sourceOf(bullet: Pick<Bullet, 'key'>): { kind: SourceKind; id: number } | null {
  const match = /^(metric|decision|project):(\d+)$/.exec(bullet.key);
  if (!match) return null;
  return { kind: match[1] as SourceKind, id: Number(match[2]) };
}

/** "from metric p99 latency"; without the name yet, "from a metric". */
export function sourceText(bullet: Pick<Bullet, 'key'>, names: ReadonlyMap<number, string>): string {
  const source = sourceOf(bullet);
  if (!source || source.kind === 'project') return 'from the project';
  const name = names.get(source.id);
  return name ? `from ${source.kind} ${name}` : `from a ${source.kind}`;
}
