// How a rehearsal reads against its plan: the clock's text, each section's time against
// the seconds the core planned for it, and the cue once the target is passed. Pure
// functions over the timer's state; the plan itself is the core's.

import type { TimerState } from './timer';

/** The typographic minus, as the journal writes it. */
export const MINUS = '\u2212';

/** A stopwatch shows whole seconds gone, so it never runs ahead of the time spoken. */
function wholeSeconds(ms: number): number {
  return Math.floor(Math.max(0, ms) / 1000);
}

function minutesAndSeconds(seconds: number, padMinutes: boolean): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${padMinutes ? String(m).padStart(2, '0') : m}:${String(s).padStart(2, '0')}`;
}

/** The big clock: 83_400 ms -> "01:23". */
export function formatClock(ms: number): string {
  return minutesAndSeconds(wholeSeconds(ms), true);
}

/** A time that was told: 83_400 ms -> "1:23". */
export function formatDuration(ms: number): string {
  return minutesAndSeconds(wholeSeconds(ms), false);
}

/** A length in seconds, such as an estimate or a target: 112.6 -> "1:53". */
export function formatSeconds(seconds: number): string {
  return minutesAndSeconds(Math.max(0, Math.round(seconds)), false);
}

/** A difference from the plan: "+0:12", "−0:08", "±0:00". */
export function formatDelta(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  const text = minutesAndSeconds(seconds, false);
  if (seconds === 0) return `±${text}`;
  return ms > 0 ? `+${text}` : `${MINUS}${text}`;
}

export interface TargetCue {
  /** The clock shows more than the target. */
  over: boolean;
  /** Whole seconds past the target (0 until over). */
  overSeconds: number;
  /** "Over target by 0:12", or "1:48 left" before. */
  text: string;
}

/** The cue beside the clock; it turns when the clock itself passes the target. */
export function targetCue(elapsedMs: number, targetSeconds: number): TargetCue {
  const shown = wholeSeconds(elapsedMs);
  if (shown > targetSeconds) {
    const overSeconds = shown - targetSeconds;
    return { over: true, overSeconds, text: `Over target by ${minutesAndSeconds(overSeconds, false)}` };
  }
  return { over: false, overSeconds: 0, text: `${minutesAndSeconds(targetSeconds - shown, false)} left` };
}

export type SectionStatus = 'upcoming' | 'current' | 'done';

export interface SectionPace {
  status: SectionStatus;
  plannedMs: number;
  elapsedMs: number;
  /** How much of the plan is used, 0 to 1: the filled part of the bar. */
  fill: number;
  /** Past the plan: the bar turns to the warning colour. */
  over: boolean;
}

/** One bar per section: elapsed against planned, and which one is being told. */
export function paceSections(planSeconds: readonly number[], state: TimerState): SectionPace[] {
  return state.sectionMs.map((elapsedMs, i) => {
    const plannedMs = Math.max(0, (planSeconds[i] ?? 0) * 1000);
    let status: SectionStatus = 'upcoming';
    if (state.phase === 'running') status = i < state.section ? 'done' : i === state.section ? 'current' : 'upcoming';
    else if (state.phase === 'stopped') status = i <= state.section ? 'done' : 'upcoming';
    const fill = plannedMs > 0 ? Math.min(1, elapsedMs / plannedMs) : elapsedMs > 0 ? 1 : 0;
    return { status, plannedMs, elapsedMs, fill, over: elapsedMs > plannedMs };
  });
}

export type Verdict = 'over' | 'under' | 'on-plan';

export interface SectionResult {
  plannedMs: number;
  actualMs: number;
  deltaMs: number;
  verdict: Verdict;
}

/** Close enough to call it on plan: within a tenth of the plan, or two seconds. */
function tolerance(plannedMs: number): number {
  return Math.max(2000, plannedMs * 0.1);
}

/** Each section as told against its plan, for the summary after a rehearsal and the history. */
export function sectionResults(planSeconds: readonly number[], sectionMs: readonly number[]): SectionResult[] {
  return sectionMs.map((actualMs, i) => {
    const plannedMs = Math.max(0, (planSeconds[i] ?? 0) * 1000);
    const deltaMs = actualMs - plannedMs;
    const verdict: Verdict =
      Math.abs(deltaMs) <= tolerance(plannedMs) ? 'on-plan' : deltaMs > 0 ? 'over' : 'under';
    return { plannedMs, actualMs, deltaMs, verdict };
  });
}

/** The total against the target, in words: "0:14 over target", "0:08 under target", "on target". */
export function totalVerdict(totalMs: number, targetSeconds: number): { over: boolean; text: string } {
  const deltaMs = totalMs - targetSeconds * 1000;
  const seconds = Math.round(Math.abs(deltaMs) / 1000);
  if (seconds === 0) return { over: false, text: 'on target' };
  const amount = minutesAndSeconds(seconds, false);
  return deltaMs > 0 ? { over: true, text: `${amount} over target` } : { over: false, text: `${amount} under target` };
}
