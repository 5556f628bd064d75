// The story editor as plain data: what the fields hold while typing, how a saved story
// fills them, and how they become the StoryInput the core checks. Only what the bridge
// cannot carry (a target that is not a number) is refused here; every other rule is the
// core's, and its message comes back naming the field.

import type { Feedback, Framework, Section, Story, StoryInput } from '../lib/bindings';
import type { Parsed } from '../lib/forms';
import { ipcError } from '../lib/api';
import { collect } from '../lib/forms';
import { parseDate } from '../journal/forms';
import { FRAMEWORK_SECTIONS } from './format';

/** The core's default target, for a new story. */
export const DEFAULT_TARGET_SECONDS = 120;

export interface StoryFields {
  title: string;
  framework: Framework;
  /** Text of every section, including those the framework does not tell (kept while switching). */
  sections: Record<Section, string>;
  /** The target as typed: seconds ("120") or minutes and seconds ("2:00"). */
  target: string;
  /** The day of the interview it is prepared for, as typed (YYYY-MM-DD), or blank. */
  interview_on: string;
  project_ids: number[];
  metric_ids: number[];
  decision_ids: number[];
  /** Feedback the engineer gave, for the "how do you give feedback" question. */
  feedback_ids: number[];
  questions: string[];
  tags: string[];
  skills: string[];
  /** Not edited here, but sent back: the core takes an absent list as cleared. */
  person_ids: number[];
  private: boolean;
}

export function storyFields(story: Story | null): StoryFields {
  return {
    title: story?.title ?? '',
    framework: story?.framework ?? 'star',
    sections: {
      situation: story?.situation ?? '',
      task: story?.task ?? '',
      context: story?.context ?? '',
      action: story?.action ?? '',
      result: story?.result ?? '',
    },
    target: String(story?.target_seconds ?? DEFAULT_TARGET_SECONDS),
    interview_on: story?.interview_on ?? '',
    project_ids: [...(story?.project_ids ?? [])],
    metric_ids: [...(story?.metric_ids ?? [])],
    decision_ids: [...(story?.decision_ids ?? [])],
    feedback_ids: [...(story?.feedback_ids ?? [])],
    questions: [...(story?.questions ?? [])],
    tags: [...(story?.tags ?? [])],
    skills: [...(story?.skills ?? [])],
    person_ids: [...(story?.person_ids ?? [])],
    private: story?.private ?? false,
  };
}

/** "120" -> 120, "2:00" -> 120, "1:30" -> 90; null when it is neither. */
export function parseTarget(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d{1,5}$/.test(trimmed)) return Number(trimmed);
  const match = /^(\d{1,3}):([0-5]\d)$/.exec(trimmed);
  if (match) return Number(match[1]) * 60 + Number(match[2]);
  return null;
}

function blankIsNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}

function input(f: StoryFields, target: number, interviewOn: string | null): StoryInput {
  const told = FRAMEWORK_SECTIONS[f.framework];
  // Only the framework's own sections are sent: the core refuses a CAR story with a task.
  const section = (name: Section) => (told.includes(name) ? blankIsNull(f.sections[name]) : null);
  return {
    title: f.title,
    framework: f.framework,
    situation: section('situation'),
    task: section('task'),
    context: section('context'),
    action: section('action'),
    result: section('result'),
    target_seconds: target,
    interview_on: interviewOn,
    project_ids: [...f.project_ids],
    metric_ids: [...f.metric_ids],
    decision_ids: [...f.decision_ids],
    feedback_ids: [...f.feedback_ids],
    questions: [...f.questions],
    tags: [...f.tags],
    skills: [...f.skills],
    person_ids: [...f.person_ids],
    private: f.private,
  };
}

/** The input to save, or the refusal of a target that is not a length of time or an
 * interview day that is not a day (each by its field). */
export function storyInput(f: StoryFields): Parsed<StoryInput> {
  const target = parseTarget(f.target);
  const parsed = collect<{ target_seconds: number; interview_on: string | null }>({
    target_seconds:
      target === null
        ? { ok: false, error: ipcError('invalid', 'give the target in seconds (120) or as 2:00', 'target_seconds') }
        : { ok: true, value: target },
    interview_on: parseDate('interview_on', f.interview_on),
  });
  if (!parsed.ok) return parsed;
  return { ok: true, value: input(f, parsed.value.target_seconds, parsed.value.interview_on) };
}

/** The input to estimate while typing: a target being typed falls back to the default. */
export function previewInput(f: StoryFields): StoryInput {
  const day = parseDate('interview_on', f.interview_on);
  return input(f, parseTarget(f.target) ?? DEFAULT_TARGET_SECONDS, day.ok ? day.value : null);
}

/**
 * Changes the framework and carries the text across, so nothing typed is lost: STAR's
 * situation and task become CAR's context, and CAR's context becomes STAR's situation.
 * Text already in the other framework's sections is left as it is.
 */
export function switchFramework(f: StoryFields, to: Framework): StoryFields {
  if (f.framework === to) return f;
  const s = { ...f.sections };
  if (to === 'car' && s.context.trim() === '') {
    s.context = [s.situation, s.task].map((t) => t.trim()).filter(Boolean).join('\n\n');
  } else if (to === 'star' && s.situation.trim() === '' && s.task.trim() === '') {
    s.situation = s.context;
  }
  return { ...f, framework: to, sections: s };
}

/** The list with `item` added, or taken out if it was there. */
export function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/**
 * The feedback a story can link: what it links already (given or not, so it can be taken
 * off), then every other piece of feedback given, each once, newest first.
 */
export function feedbackToLink(linked: readonly Feedback[], found: readonly Feedback[]): Feedback[] {
  const seen = new Set(linked.map((f) => f.id));
  const rest: Feedback[] = [];
  for (const f of found) {
    if (f.direction !== 'given' || seen.has(f.id)) continue;
    seen.add(f.id);
    rest.push(f);
  }
  rest.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id);
  return [...linked, ...rest];
}
