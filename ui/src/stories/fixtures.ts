// Stories for the tests: a full Story with only what a test cares about given.

import type { Story } from '../lib/bindings';

export function story(id: number, over: Partial<Story> = {}): Story {
  return {
    id,
    uuid: `u${id}`,
    title: `Story ${id}`,
    framework: 'star',
    situation: null,
    task: null,
    context: null,
    action: 'Did it.',
    result: null,
    target_seconds: 120,
    project_ids: [],
    metric_ids: [],
    decision_ids: [],
    questions: [],
    tags: [],
    skills: [],
    projects: [],
    metrics: [],
    decisions: [],
    feedback: [],
    estimate: {
      sections: [],
      total_seconds: 1,
      words_per_minute: 140,
      target_seconds: 120,
      over_target: false,
      pace: 'short',
      pace_text: 'Short: 0:01 of a 2:00 target',
    },
    estimated_seconds: 1,
    plan_seconds: [18, 18, 72, 12],
    rehearsal_count: 0,
    last_rehearsed_at: null,
    created_at: '',
    updated_at: '',
    ...over,
  };
}
