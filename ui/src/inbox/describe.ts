// How the Inbox words a proposal: its kind, the fields it proposes in short, where it came
// from, and what a triage or a scan did. Pure functions over the core's types.

import { ARTIFACT_KIND_LABEL, DIRECTION_LABEL, formatDay, plural } from '../journal/format';
import type { Proposal, ProposalCounts, ScanProgress, ScanReport } from '../lib/bindings';
import type { IconName } from '../lib/icons';

type ProposedKind = Proposal['kind'];

export const KIND_LABEL: Record<ProposedKind, string> = {
  project: 'Project',
  note: 'Note',
  artifact: 'Artifact',
  metric: 'Metric',
};

export const KIND_ICON: Record<ProposedKind, IconName> = {
  project: 'journal',
  note: 'note',
  artifact: 'link',
  metric: 'metric',
};

/** The line the list shows for it: the project's, artifact's or metric's name, a note's first line. */
export function titleOf(p: Proposal): string {
  switch (p.kind) {
    case 'project':
    case 'artifact':
      return p.fields.title;
    case 'metric':
      return p.fields.name;
    case 'note':
      return firstLine(p.fields.text);
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/** The proposed fields in short: "800 ms → 120 ms, lower is better"; a note's next lines. */
export function summaryOf(p: Proposal): string | null {
  switch (p.kind) {
    case 'metric': {
      // The numbers as the core words them for the journal (`told`).
      const told = p.told;
      if (!told) return null;
      const change = told.from === null ? told.to : `${told.from} → ${told.to}`;
      const better = p.fields.better;
      return better ? `${change}, ${DIRECTION_LABEL[better].toLowerCase()}` : change;
    }
    case 'artifact':
      return p.fields.kind ? ARTIFACT_KIND_LABEL[p.fields.kind] : null;
    case 'note': {
      // The next few lines, as lines (a week's subjects are one a line).
      const lines = p.fields.text.trim().split('\n').slice(1).filter((l) => l.trim() !== '');
      const shown = lines.slice(0, 3).join('\n');
      return shown ? clip(shown, 300) + (lines.length > 3 ? '\n…' : '') : null;
    }
    case 'project':
      return p.fields.summary ? clip(p.fields.summary, 220) : null;
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The link the artifact points at, when it proposes one. */
export function urlOf(p: Proposal): string | null {
  return p.kind === 'artifact' ? p.fields.url : null;
}

/** "3 commits · a1b2c3d, 9f8e7d6 and 1 more" */
export function commitsText(commits: readonly string[]): string | null {
  if (!commits.length) return null;
  const shown = commits.slice(0, 3).map((c) => c.slice(0, 7));
  const rest = commits.length - shown.length;
  return `${plural(commits.length, 'commit')} · ${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
}

/** "12 Oct 2026" or "5 Oct 2026 – 9 Oct 2026" */
export function datesText(first: string | null, last: string | null): string | null {
  if (!first && !last) return null;
  if (!first || !last || first === last) return formatDay(last ?? first);
  return `${formatDay(first)} – ${formatDay(last)}`;
}

/** Where it will land: its repository's project, or none yet. */
export function landsText(p: Proposal): string {
  if (p.kind === 'project') return 'A new project, unless you map the repository to one you have';
  return p.project_title ? `Under ${p.project_title}` : 'No project yet';
}

export type Verb = 'accept' | 'dismiss' | 'merge';

/** The toast after a triage: "Accepted “p99 latency”", "Dismissed 3 proposals". */
export function triageText(verb: Verb, count: number, proposals: readonly Proposal[] = []): string {
  const done = { accept: 'Accepted', dismiss: 'Dismissed', merge: 'Merged' }[verb];
  if (verb === 'merge') return `Merged ${count} notes into one`;
  const only = proposals.length === 1 ? proposals[0] : undefined;
  if (count === 1 && only) return `${done} “${clip(titleOf(only), 60)}”`;
  return `${done} ${plural(count, 'proposal')}`;
}

const COUNT_WORDS: Record<keyof ProposalCounts, [string, string]> = {
  project: ['project', 'projects'],
  note: ['note', 'notes'],
  artifact: ['artifact', 'artifacts'],
  metric: ['metric', 'metrics'],
};

/** "2 projects, 5 notes and 1 metric", or null when nothing was proposed. */
export function countsText(counts: ProposalCounts): string | null {
  const parts = (Object.keys(COUNT_WORDS) as (keyof ProposalCounts)[])
    .filter((k) => counts[k] > 0)
    .map((k) => plural(counts[k], ...COUNT_WORDS[k]));
  if (!parts.length) return null;
  return parts.length === 1 ? (parts[0] as string) : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The headline of a finished scan. */
export function reportHeadline(report: ScanReport): string {
  const found = countsText(report.proposed);
  const repos = plural(report.repositories.length, 'repository', 'repositories');
  if (found) return `Found ${found} in ${repos}`;
  const read = report.repositories.reduce((n, r) => n + r.commits_read, 0);
  const yours = report.repositories.reduce((n, r) => n + r.commits_yours, 0);
  if (read > 0 && yours === 0) {
    return `Nothing new: none of the ${plural(read, 'commit')} read in ${repos} is by ${report.identities.length === 1 ? 'your identity' : 'your identities'}`;
  }
  return `Nothing new in ${repos}`;
}

/** "Read 3 of 5 repositories · 12,400 commits · now in payments-api" */
export function progressText(progress: ScanProgress | null): string {
  if (!progress) return 'Looking for repositories…';
  const read = `Read ${progress.repositories_read.toLocaleString('en')} of ${plural(progress.repositories_found, 'repository', 'repositories')}`;
  return `${read} · ${plural(progress.commits_read, 'commit')}`;
}
