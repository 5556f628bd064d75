// Reading the readiness map: where each stage stands against the current one, the words
// for evidence entries, and what Home shows of it.

import type { EntryKind, ProofStatus, Readiness, StageReadiness } from '../lib/bindings';
import { KIND_LABEL } from '../search/palette';

export type StageState = 'complete' | 'current' | 'ahead';

/**
 * Stages before the current one are complete, the current one is where the engineer works,
 * later ones are ahead. With no current stage every proof is met: all are complete.
 */
export function stageState(readiness: Readiness, stage: StageReadiness): StageState {
  if (readiness.current_stage === null) return 'complete';
  const current = readiness.stages.findIndex((s) => s.id === readiness.current_stage);
  const index = readiness.stages.findIndex((s) => s.id === stage.id);
  if (current === -1 || index > current) return 'ahead';
  return index === current ? 'current' : 'complete';
}

export function currentStage(readiness: Readiness): StageReadiness | null {
  return readiness.stages.find((s) => s.id === readiness.current_stage) ?? null;
}

/** The current stage's proofs still missing, in the guide's order. */
export function missingProofs(readiness: Readiness): ProofStatus[] {
  return currentStage(readiness)?.proofs.filter((p) => !p.met) ?? [];
}

export function entryKindLabel(kind: EntryKind): string {
  return KIND_LABEL[kind];
}

/** "2 of 3" for proofs that need more than one entry; null for the usual one. */
export function countText(proof: ProofStatus): string | null {
  if (proof.needed <= 1) return null;
  return `${Math.min(proof.found, proof.needed)} of ${proof.needed}`;
}

/** The missing part as a sentence start: "Missing: 1 project of service scope or wider". */
export function missingText(proof: ProofStatus): string {
  return proof.missing ? `Missing: ${proof.missing}` : 'Missing';
}
