// The review packet's rules as plain data: the period and target fields and the request they
// make, the quick periods (aligned to the fiscal year), the target choices, how a section's
// sentences sit under their sub-headings, and what an empty section would need.

import type { Packet, PacketRequest, PacketSectionId, PacketSentence, PacketTarget } from '../lib/bindings';
import { refuse, type Parsed } from '../lib/forms';
import { parseDate } from '../journal/forms';

export interface PacketFields {
  since: string;
  until: string;
  /** A target's id (`staff`, `skill:Kafka`); blank for the stage being worked toward. */
  target: string;
}

export const BLANK_PACKET: PacketFields = { since: '', until: '', target: '' };

/** The request the fields make: both ends are needed, and the period runs forward. */
export function packetRequest(fields: PacketFields): Parsed<PacketRequest> {
  const since = parseDate('since', fields.since);
  if (!since.ok) return since;
  const until = parseDate('until', fields.until);
  if (!until.ok) return until;
  if (since.value === null) return refuse('since', 'the period needs a first day');
  if (until.value === null) return refuse('until', 'the period needs a last day');
  if (until.value < since.value) {
    return refuse('until', 'must be on or after the start of the period');
  }
  const target = fields.target.trim();
  return { ok: true, value: { since: since.value, until: until.value, target: target === '' ? null : target } };
}

/** The same request as another, so a packet is not built twice for it. */
export function packetKey(request: PacketRequest): string {
  return JSON.stringify([request.since, request.until, request.target]);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The day before the first of month `month` (1-12, may run past 12) of `year`. */
function dayBefore(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month - 1, 0));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function firstOf(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-01`;
}

/**
 * The last full period of `months` months (6 or 12) before `today`, periods starting on the
 * fiscal year's first month (`fiscalStart`, 1-12): the half or year a review looks back on.
 */
function lastFull(today: string, fiscalStart: number, months: 6 | 12): { since: string; until: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  // Months since the fiscal year's start in January of `year`, and where the period under way began.
  const into = (month - fiscalStart + 12) % 12;
  const startYear = month >= fiscalStart ? year : year - 1;
  const current = fiscalStart + Math.floor(into / months) * months;
  const end = dayBefore(startYear, current);
  return { since: firstOf(startYear, current - months), until: end };
}

/** The last full half of the fiscal year before `today`. */
export function lastHalf(today: string, fiscalStart = 1): { since: string; until: string } {
  return lastFull(today, fiscalStart, 6);
}

/** The last full fiscal year before `today`. */
export function lastYear(today: string, fiscalStart = 1): { since: string; until: string } {
  return lastFull(today, fiscalStart, 12);
}

export interface TargetGroup {
  label: string;
  targets: PacketTarget[];
}

/** The target select's groups: the stages first, in the framework's order, then the skills. */
export function targetGroups(targets: readonly PacketTarget[]): TargetGroup[] {
  const groups = [
    { label: 'Stages', targets: targets.filter((t) => t.kind === 'stage') },
    { label: 'Skills', targets: targets.filter((t) => t.kind === 'skill') },
  ];
  return groups.filter((g) => g.targets.length > 0);
}

export interface SentenceGroup {
  /** The sub-heading (a project, for impact); null for sentences under the section itself. */
  heading: string | null;
  sentences: PacketSentence[];
}

/** A section's sentences in runs under their sub-headings, in the packet's order. */
export function sentenceGroups(sentences: readonly PacketSentence[]): SentenceGroup[] {
  const out: SentenceGroup[] = [];
  for (const sentence of sentences) {
    const last = out.at(-1);
    if (last && last.heading === sentence.group) last.sentences.push(sentence);
    else out.push({ heading: sentence.group, sentences: [sentence] });
  }
  return out;
}

/** What would fill an empty section, said where the section would be. */
export const EMPTY_SECTION: Record<PacketSectionId, string> = {
  summary: 'Nothing dated in this period to sum up yet.',
  impact: 'No metrics measured in this period. Log a metric with its baseline and result on a project.',
  leadership: 'No decisions dated in this period, and no RFCs or design docs.',
  people: 'No feedback received and no mentoring in this period.',
  growth: 'No checklists worked and no stories rehearsed in this period.',
  gaps: 'No proof of the target is missing from the journal.',
  goals: 'No goals for the next period yet.',
};

/** Whether the packet has anything to argue with: a sentence that rests on an entry. */
export function hasEvidence(packet: Packet): boolean {
  return packet.sources.length > 0;
}

/** "2 private entries were left out." */
export function leftOutText(count: number): string {
  return count === 1 ? '1 private entry was left out.' : `${count} private entries were left out.`;
}
