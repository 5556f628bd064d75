//! Stories and rehearsals on a temporary journal: links to entries, estimates, the trash.

use super::Journal;
use crate::journal::*;
use crate::stories::*;
use crate::{Error, Settings};

use crate::test_support::journal;

struct Record {
    project: Project,
    metric: Metric,
    decision: Decision,
}

fn record(j: &mut Journal) -> Record {
    let project =
        j.add(ProjectInput { title: "Checkout rewrite".into(), ..Default::default() }).unwrap();
    let metric = j
        .add(MetricInput {
            project_id: project.id,
            name: "p99 latency".into(),
            unit: Some("ms".into()),
            baseline: Some(800.0),
            result: Some(120.0),
            better: Some(Direction::Lower),
            ..Default::default()
        })
        .unwrap();
    let decision = j
        .add(DecisionInput {
            project_id: Some(project.id),
            title: "Queue writes".into(),
            options: vec!["Kafka".into(), "Outbox".into()],
            chosen: "Kafka".into(),
            ..Default::default()
        })
        .unwrap();
    Record { project, metric, decision }
}

fn story_input(r: &Record) -> StoryInput {
    StoryInput {
        title: "Cutting checkout latency".into(),
        situation: Some("Checkout timed out at peak".into()),
        task: Some("I owned the fix".into()),
        action: Some(
            "I split writes onto a queue and ran a staged rollout across three teams".into(),
        ),
        result: Some("p99 fell from 800 ms to 120 ms".into()),
        target_seconds: 90,
        project_ids: vec![r.project.id],
        metric_ids: vec![r.metric.id],
        decision_ids: vec![r.decision.id],
        questions: vec!["tell-me-about-your-leadership-experience".into()],
        labels: Labels { tags: vec!["latency".into()], ..Default::default() },
        ..Default::default()
    }
}

#[test]
fn a_story_shows_its_numbers_estimate_and_plan() {
    let (_dir, mut j) = journal();
    let r = record(&mut j);
    let story = j.save_story(None, story_input(&r)).unwrap();
    assert_eq!(story.metrics, vec![r.metric.clone()], "the linked numbers come with the story");
    assert_eq!(story.decisions[0].chosen, "Kafka");
    assert_eq!(story.projects[0].title, "Checkout rewrite");
    assert_eq!(story.estimate.sections.len(), 4);
    let words: u32 = story.estimate.sections.iter().map(|s| s.words).sum();
    assert_eq!(words, 5 + 4 + 14 + 8);
    assert_eq!(story.estimated_seconds, (words as f64 * 60.0 / 140.0).round() as u32);
    assert!((story.plan_seconds.iter().sum::<f64>() - 90.0).abs() < 1e-9);

    // The pace setting changes the estimate.
    j.save_settings(&Settings { words_per_minute: 120, ..Settings::default() }).unwrap();
    let slower = j.story(story.id).unwrap();
    assert_eq!(slower.estimated_seconds, (words as f64 * 0.5).round() as u32);
    assert_eq!(j.search("staged rollout", 0, 5).unwrap().hits[0].id, story.id);
}

#[test]
fn links_must_point_at_entries_of_the_right_kind() {
    let (_dir, mut j) = journal();
    let r = record(&mut j);
    let wrong =
        j.save_story(None, StoryInput { metric_ids: vec![r.project.id], ..story_input(&r) });
    assert!(
        matches!(wrong, Err(Error::Invalid { ref field, .. }) if field == "metric_ids"),
        "{wrong:?}"
    );
    let car = j.save_story(None, StoryInput { framework: Framework::Car, ..story_input(&r) });
    assert!(matches!(car, Err(Error::Invalid { ref field, .. }) if field == "situation"));
    let unknown = j.save_story(
        None,
        StoryInput { questions: vec!["why-should-we-hire-you".into()], ..story_input(&r) },
    );
    assert!(
        matches!(unknown, Err(Error::Invalid { ref field, .. }) if field == "questions"),
        "{unknown:?}"
    );
    assert!(j.list_stories().unwrap().is_empty());
}

#[test]
fn rehearsals_are_kept_in_order_and_checked() {
    let (_dir, mut j) = journal();
    let r = record(&mut j);
    let story = j.save_story(None, story_input(&r)).unwrap();
    let first = j
        .add(RehearsalInput {
            story_id: story.id,
            started_at: Some("2026-01-05T10:00:00Z".into()),
            total_ms: 95_000,
            section_ms: vec![15_000, 10_000, 60_000, 10_000],
            rating: Some(3),
            note: Some("rushed the result".into()),
            target_seconds: None,
        })
        .unwrap();
    assert_eq!(first.target_seconds, 90, "the story's target at the time");
    assert!(first.over_target);
    j.add(RehearsalInput {
        story_id: story.id,
        started_at: Some("2026-01-12T10:00:00Z".into()),
        total_ms: 80_000,
        ..Default::default()
    })
    .unwrap();

    let refused = [
        RehearsalInput { story_id: story.id, total_ms: 0, ..Default::default() },
        RehearsalInput {
            story_id: story.id,
            total_ms: 9_000,
            section_ms: vec![3_000, 3_000, 3_000],
            ..Default::default()
        },
        RehearsalInput {
            story_id: story.id,
            total_ms: 9_000,
            rating: Some(9),
            ..Default::default()
        },
        RehearsalInput { story_id: r.project.id, total_ms: 9_000, ..Default::default() },
    ];
    for input in refused {
        assert!(matches!(j.add(input.clone()), Err(Error::Invalid { .. })), "{input:?}");
    }

    let detail = j.story_detail(story.id).unwrap();
    assert_eq!(detail.rehearsals.len(), 2);
    assert_eq!(detail.rehearsals[0].id, first.id);
    assert!(!detail.rehearsals[1].over_target);
    assert_eq!(detail.story.rehearsal_count, 2);
    assert_eq!(detail.story.last_rehearsed_at.as_deref(), Some("2026-01-12T10:00:00Z"));
}

#[test]
fn follow_ups_rotate_and_coverage_shows_rehearsed_questions() {
    let (_dir, mut j) = journal();
    let r = record(&mut j);
    let story = j.save_story(None, story_input(&r)).unwrap();
    let asked = j.follow_ups(story.id, &["Who disagreed?".to_string()]).unwrap();
    assert_eq!(asked[0], "Who disagreed?");
    assert!(asked[1].contains("p99 latency fell 85%"), "{asked:?}");

    let questions = ["tell-me-about-your-leadership-experience", "how-do-you-mentor-engineers"];
    let coverage = j.question_coverage(&questions).unwrap();
    assert_eq!(coverage[0].stories.len(), 1);
    assert!(!coverage[0].rehearsed);
    assert!(coverage[1].stories.is_empty());
    j.add(RehearsalInput { story_id: story.id, total_ms: 60_000, ..Default::default() }).unwrap();
    assert!(j.question_coverage(&questions).unwrap()[0].rehearsed);
    let next = j.follow_ups(story.id, &["Who disagreed?".to_string()]).unwrap();
    assert_ne!(asked[1], next[1], "the record question rotates");
}

#[test]
fn a_deleted_story_comes_back_with_its_rehearsals_and_links() {
    let (_dir, mut j) = journal();
    let r = record(&mut j);
    let story = j.save_story(None, story_input(&r)).unwrap();
    j.add(RehearsalInput { story_id: story.id, total_ms: 60_000, ..Default::default() }).unwrap();
    let before = j.story_detail(story.id).unwrap();

    // A trashed metric drops out of the story and returns with its restore.
    let metric_item = j.delete_entry(r.metric.id).unwrap();
    assert!(j.story(story.id).unwrap().metrics.is_empty());
    j.restore(metric_item.id).unwrap();
    assert_eq!(j.story(story.id).unwrap().metrics, vec![r.metric.clone()]);

    let item = j.delete_entry(story.id).unwrap();
    assert_eq!((item.kind, item.children), (EntryKind::Story, 1));
    assert!(j.list_stories().unwrap().is_empty());
    j.restore(item.id).unwrap();
    assert_eq!(j.story_detail(story.id).unwrap(), before);
}

/// One rehearsal goes to the trash on its own: the story keeps the others, its count and
/// its latest date follow, and restoring brings the rehearsal back.
#[test]
fn a_single_rehearsal_can_be_deleted_and_restored() {
    let (_dir, mut j) = journal();
    let r = record(&mut j);
    let story = j.save_story(None, story_input(&r)).unwrap();
    let rehearse = |j: &mut Journal, at: &str| {
        j.add(RehearsalInput {
            story_id: story.id,
            started_at: Some(at.into()),
            total_ms: 70_000,
            ..Default::default()
        })
        .unwrap()
    };
    let first = rehearse(&mut j, "2026-01-05T10:00:00Z");
    let second = rehearse(&mut j, "2026-01-12T10:00:00Z");
    assert_eq!(j.story(story.id).unwrap().rehearsal_count, 2);

    let item = j.delete_entry(second.id).unwrap();
    assert_eq!((item.kind, item.children), (EntryKind::Rehearsal, 0));
    let after = j.story_detail(story.id).unwrap();
    assert_eq!(after.story.rehearsal_count, 1);
    assert_eq!(after.story.last_rehearsed_at.as_deref(), Some("2026-01-05T10:00:00Z"));
    assert_eq!(after.rehearsals.iter().map(|r| r.id).collect::<Vec<_>>(), vec![first.id]);
    assert_eq!(j.list_stories().unwrap()[0].rehearsal_count, 1);

    j.restore(item.id).unwrap();
    let back = j.story_detail(story.id).unwrap();
    assert_eq!(back.story.rehearsal_count, 2);
    assert_eq!(back.rehearsals[1], second);
}
