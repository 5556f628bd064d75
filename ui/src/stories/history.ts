// The rehearsal history as the chart draws it: one slot per rehearsal, oldest first, with
// its duration and the target it was told against. Pure; the chart component only draws.

import type { Rehearsal } from '../lib/bindings';
import { formatShortDate } from './format';

export interface HistorySeries {
  /** Slot positions: an edge before the first, one per rehearsal (1..n), an edge after the last. */
  x: number[];
  /** Seconds told, null at the edges. */
  seconds: (number | null)[];
  /** The target line, carried to both edges so it spans the chart even for one rehearsal. */
  target: number[];
  /** Seconds of the rehearsals that went over their target, else null (drawn as warning points). */
  over: (number | null)[];
  /** The date under each rehearsal's slot ("5 Mar"), first slot first. */
  labels: string[];
  /** The top of the value axis: a little above the longest time or target. */
  yMax: number;
}

export function historySeries(rehearsals: readonly Rehearsal[]): HistorySeries {
  const n = rehearsals.length;
  const seconds = rehearsals.map((r) => r.total_ms / 1000);
  const targets = rehearsals.map((r) => r.target_seconds);
  const first = targets[0] ?? 0;
  const last = targets[n - 1] ?? first;
  const highest = Math.max(0, ...seconds, ...targets);
  return {
    x: [0.5, ...rehearsals.map((_, i) => i + 1), n + 0.5],
    seconds: [null, ...seconds, null],
    target: [first, ...targets, last],
    over: [null, ...rehearsals.map((r, i) => (r.over_target ? (seconds[i] ?? null) : null)), null],
    labels: rehearsals.map((r) => formatShortDate(r.started_at)),
    yMax: niceCeiling(highest * 1.15),
  };
}

/**
 * The slots to label under the chart: the first rehearsal of each day (several takes on one
 * day share one date), at most `most` of them, evenly thinned, always the first day.
 */
export function labelledSlots(labels: readonly string[], most = 8): number[] {
  const firsts: number[] = [];
  labels.forEach((label, i) => {
    if (i === 0 || label !== labels[i - 1]) firsts.push(i + 1);
  });
  const step = Math.max(1, Math.ceil(firsts.length / most));
  return firsts.filter((_, i) => i % step === 0);
}

/** Rounds up to a tidy axis top in seconds: a multiple of 30 s (or 15 s below a minute). */
export function niceCeiling(seconds: number): number {
  if (seconds <= 0) return 60;
  const step = seconds <= 60 ? 15 : 30;
  return Math.ceil(seconds / step) * step;
}

/** Value-axis lines every 30 s, 1 min, 2 min... so there are a few, never a crowd. */
export function valueSplits(max: number, most = 5): number[] {
  const steps = [15, 30, 60, 120, 300, 600];
  const step = steps.find((s) => max / s <= most) ?? 600;
  const splits: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) splits.push(v);
  return splits;
}
