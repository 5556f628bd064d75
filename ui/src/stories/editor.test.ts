import { describe, expect, it } from 'vitest';
import type { Feedback, Story } from '../lib/bindings';
import { feedbackToLink, parseTarget, previewInput, storyFields, storyInput, switchFramework, toggled } from './editor';
import { formatDate, formatDay, formatDayInline, formatWhen, titleOfSlug } from './format';
import { story as storyFixture } from './fixtures';
import { withLinked } from './questions';

function story(partial: Partial<Story> = {}): Story {
  return storyFixture(7, {
    title: 'Cutting checkout latency',
    situation: 'Checkout p99 was 800 ms.',
    task: 'Bring it under 200 ms.',
    action: 'Profiled and cached.',
    result: 'p99 fell to 120 ms.',
    project_ids: [1],
    metric_ids: [2],
    questions: ['walk-me-through-an-architecture-decision'],
    tags: ['perf'],
    skills: ['Technical leadership'],
    estimate: {
      sections: [],
      total_seconds: 10,
      words_per_minute: 140,
      target_seconds: 120,
      over_target: false,
      pace: 'short',
      pace_text: 'Short: 0:10 of a 2:00 target',
    },
    estimated_seconds: 10,
    plan_seconds: [30, 30, 30, 30],
    ...partial,
  });
}

describe('story fields', () => {
  it('start a new story as STAR with the default target', () => {
    const f = storyFields(null);
    expect(f.framework).toBe('star');
    expect(f.target).toBe('120');
    expect(f.sections.action).toBe('');
  });

  it('fill from a saved story and give back the same input', () => {
    const s = story();
    const parsed = storyInput(storyFields(s));
    expect(parsed).toEqual({
      ok: true,
      value: {
        title: s.title,
        framework: 'star',
        situation: s.situation,
        task: s.task,
        context: null,
        action: s.action,
        result: s.result,
        target_seconds: 120,
        interview_on: null,
        project_ids: [1],
        metric_ids: [2],
        decision_ids: [],
        feedback_ids: [],
        questions: ['walk-me-through-an-architecture-decision'],
        tags: ['perf'],
        skills: ['Technical leadership'],
        person_ids: [],
        private: false,
      },
    });
  });

  it('keep the linked feedback, the people and the private flag through an edit', () => {
    const f = storyFields(story({ feedback_ids: [11, 12], person_ids: [3], private: true }));
    f.title = 'Retitled';
    f.feedback_ids = toggled(f.feedback_ids, 11);
    const parsed = storyInput(f);
    expect(parsed.ok && parsed.value).toMatchObject({ title: 'Retitled', feedback_ids: [12], person_ids: [3], private: true });
  });

  it('send only the sections the framework tells', () => {
    const f = storyFields(story());
    f.framework = 'car';
    f.sections.context = 'All of it.';
    const parsed = storyInput(f);
    expect(parsed.ok && parsed.value).toMatchObject({ situation: null, task: null, context: 'All of it.' });
  });

  it('send blank sections as absent', () => {
    const f = storyFields(null);
    f.sections.situation = '   ';
    const parsed = storyInput(f);
    expect(parsed.ok && parsed.value.situation).toBeNull();
  });

  it('refuse a target that is not a time, naming the field', () => {
    const f = storyFields(null);
    f.target = 'two minutes';
    const parsed = storyInput(f);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.field).toBe('target_seconds');
    // The estimate goes on with the default meanwhile.
    expect(previewInput(f).target_seconds).toBe(120);
  });

  it('carry the interview day, and refuse one that is not a day by its field', () => {
    const f = storyFields({ ...story(), interview_on: '2027-01-12' });
    expect(f.interview_on).toBe('2027-01-12');
    expect(storyInput(f).ok && (storyInput(f) as { value: { interview_on: string | null } }).value.interview_on).toBe('2027-01-12');
    f.interview_on = 'next Tuesday';
    const parsed = storyInput(f);
    expect(!parsed.ok && parsed.error.field).toBe('interview_on');
  });
});

describe('parseTarget', () => {
  it.each([
    ['120', 120],
    [' 90 ', 90],
    ['2:00', 120],
    ['1:30', 90],
    ['0:45', 45],
    ['1:75', null],
    ['', null],
    ['-5', null],
    ['2.5', null],
  ])('"%s" is %s', (text, seconds) => {
    expect(parseTarget(text)).toBe(seconds);
  });
});

describe('switchFramework', () => {
  it('carries situation and task into the context', () => {
    const f = storyFields(story());
    const car = switchFramework(f, 'car');
    expect(car.framework).toBe('car');
    expect(car.sections.context).toBe('Checkout p99 was 800 ms.\n\nBring it under 200 ms.');
    // Back again: the STAR text was kept.
    const star = switchFramework(car, 'star');
    expect(star.sections.situation).toBe('Checkout p99 was 800 ms.');
    expect(star.sections.task).toBe('Bring it under 200 ms.');
  });

  it('carries the context into the situation of an empty STAR story', () => {
    const f = storyFields(story({ framework: 'car', situation: null, task: null, context: 'We were slow.' }));
    expect(switchFramework(f, 'star').sections.situation).toBe('We were slow.');
  });

  it('leaves a context already written alone', () => {
    const f = storyFields(story({ context: 'Written by hand.' }));
    expect(switchFramework(f, 'car').sections.context).toBe('Written by hand.');
  });
});

describe('helpers', () => {
  it('toggles an item in a list', () => {
    expect(toggled([1, 2], 3)).toEqual([1, 2, 3]);
    expect(toggled([1, 2, 3], 2)).toEqual([1, 3]);
  });

  it('titles a slug', () => {
    expect(titleOfSlug('how-do-you-mentor-engineers')).toBe('How do you mentor engineers');
    expect(titleOfSlug('')).toBe('');
  });

  it('formats when a rehearsal happened, in local time', () => {
    const now = new Date(2024, 2, 5, 20, 0);
    expect(formatWhen(new Date(2024, 2, 5, 18, 40).toISOString(), now)).toBe('Today, 18:40');
    expect(formatWhen(new Date(2024, 2, 4, 9, 5).toISOString(), now)).toBe('Yesterday, 09:05');
    expect(formatWhen(new Date(2024, 0, 28, 7, 0).toISOString(), now)).toBe('28 Jan 2024, 07:00');
    expect(formatDay(new Date(2024, 0, 28, 7, 0).toISOString(), now)).toBe('28 Jan 2024');
    expect(formatDayInline(new Date(2024, 2, 4, 9, 5).toISOString(), now)).toBe('yesterday');
    expect(formatDayInline(new Date(2024, 0, 28, 7, 0).toISOString(), now)).toBe('28 Jan 2024');
    expect(formatDate('not a time')).toBe('not a time');
  });

  it('lists the guides’ questions, then any a story links that they do not', () => {
    const known = [{ slug: 'a-b', title: 'A b?', framework: 'star' as const, skills: [] }];
    expect(withLinked(known, ['a-b', 'c-d', 'c-d']).map((q) => [q.slug, q.title])).toEqual([
      ['a-b', 'A b?'],
      ['c-d', 'C d'],
    ]);
  });
});

describe('feedbackToLink', () => {
  function feedback(id: number, direction: 'given' | 'received' | null, date: string | null): Feedback {
    return {
      id,
      uuid: `f${id}`,
      created_at: '',
      updated_at: '',
      project_id: null,
      source: 'Bram Okafor',
      person_id: 2,
      direction,
      date,
      text: 'x',
      rating: null,
      tags: [],
      skills: [],
    };
  }

  it('puts what is linked first, then the other feedback given once each, newest first', () => {
    const linked = [feedback(5, 'given', '2026-01-02')];
    const found = [
      feedback(1, 'given', '2026-03-01'),
      feedback(5, 'given', '2026-01-02'),
      feedback(2, 'received', '2026-04-01'),
      feedback(3, 'given', '2026-05-01'),
      feedback(1, 'given', '2026-03-01'),
      feedback(4, null, '2026-06-01'),
    ];
    expect(feedbackToLink(linked, found).map((f) => f.id)).toEqual([5, 3, 1]);
  });

  it('keeps linked feedback that is no longer given, so it can be taken off', () => {
    expect(feedbackToLink([feedback(8, 'received', null)], []).map((f) => f.id)).toEqual([8]);
  });
});
