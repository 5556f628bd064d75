//! The weekly habit on a temporary journal: the guided weekly review and its problems, the
//! follow-up queue with snooze and dismiss, period summaries from tables of journals,
//! templates of the engineer's own, and metrics logged before their result.

use chrono::NaiveDate;

use super::Journal;
use crate::content::Template;
use crate::habit::{Clock, FollowUpKind, FollowUpMark, ShippedInput, WeeklyReviewInput};
use crate::journal::*;
use crate::stories::{RehearsalInput, StoryInput};
use crate::test_support::journal;
use crate::Error;

const NEW_YORK: &str = "EST5EDT,M3.2.0,M11.1.0";

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Tuesday 2026-12-01, 10:00 in New York.
fn tuesday() -> Clock {
    Clock::at("2026-12-01T15:00:00Z", NEW_YORK).unwrap()
}

fn project(j: &mut Journal, title: &str) -> Project {
    j.add(ProjectInput {
        title: title.into(),
        status: Some(ProjectStatus::Active),
        started_on: Some(day("2026-09-01")),
        ..Default::default()
    })
    .unwrap()
}

fn fields(e: &Error) -> Vec<String> {
    match e {
        Error::Invalid { errors, .. } => errors.iter().map(|f| f.field.clone()).collect(),
        other => panic!("not a field error: {other}"),
    }
}

#[test]
fn a_weekly_review_writes_each_answer_as_its_own_entry() {
    let (_d, mut j) = journal();
    let saved = j
        .save_weekly_review(
            WeeklyReviewInput {
                shipped: Some(ShippedInput {
                    title: Some("Search autocomplete".into()),
                    summary: Some("Suggestions as you type, behind a flag for 10% of users".into()),
                    ..Default::default()
                }),
                moved: Some(MetricInput {
                    name: "suggestion latency".into(),
                    unit: Some("ms".into()),
                    baseline: Some(180.0),
                    result: Some(45.0),
                    better: Some(Direction::Lower),
                    ..Default::default()
                }),
                decision: None,
                feedback: Some(FeedbackInput {
                    source: "Avery (manager)".into(),
                    text: "The rollout plan was clear".into(),
                    ..Default::default()
                }),
                learned: Some("Debounce at 120 ms felt instant in user tests".into()),
            },
            &tuesday(),
        )
        .unwrap();
    let kinds: Vec<EntryKind> = saved.written.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        [EntryKind::Project, EntryKind::Metric, EntryKind::Feedback, EntryKind::Note]
    );
    let p: Project = j.entry(saved.written[0].id).unwrap();
    assert_eq!((p.status, p.ended_on), (Some(ProjectStatus::Shipped), Some(day("2026-12-01"))));
    let m: Metric = j.entry(saved.written[1].id).unwrap();
    assert_eq!(m.project_id, p.id, "the metric lands under what shipped");
    assert_eq!(m.measured_on, Some(day("2026-12-01")));
    let n: Note = j.entry(saved.written[3].id).unwrap();
    assert_eq!(n.labels.tags, ["learned"]);
    assert_eq!(saved.review.period, PeriodKind::Week);
    assert_eq!(
        (saved.review.starts_on, saved.review.ends_on),
        (day("2026-11-30"), day("2026-12-06"))
    );
    assert!(
        saved.review.summary.contains("Shipped: Search autocomplete"),
        "{}",
        saved.review.summary
    );
    assert!(saved.review.summary.contains("180 ms → 45 ms"), "{}", saved.review.summary);

    let week = j.week_summary(&tuesday()).unwrap();
    assert_eq!(week.review.as_ref().map(|r| r.id), Some(saved.review.id));
    assert!(!week.review_due);
    assert_eq!(week.added_total, 5, "project, metric, feedback, note and the review");
    assert_eq!(week.metrics.len(), 1);
    assert_eq!(week.review_at, "Friday at 16:00");
    assert_eq!(week.next_review, "2026-12-04T16:00:00-05:00");
}

#[test]
fn a_weekly_review_with_problems_names_them_in_their_steps_and_writes_nothing() {
    let (_d, mut j) = journal();
    let before = j.overview().unwrap().entry_count;
    let error = j
        .save_weekly_review(
            WeeklyReviewInput {
                shipped: Some(ShippedInput {
                    summary: Some("it went out".into()),
                    ..Default::default()
                }),
                moved: Some(MetricInput {
                    name: "".into(),
                    result: Some(f64::NAN),
                    ..Default::default()
                }),
                decision: Some(DecisionInput {
                    title: "Pick a queue".into(),
                    ..Default::default()
                }),
                feedback: None,
                learned: Some("x".repeat(30_000)),
            },
            &tuesday(),
        )
        .unwrap_err();
    let named = fields(&error);
    for expected in ["shipped.title", "moved.name", "moved.result", "decision.chosen", "learned"] {
        assert!(named.iter().any(|f| f == expected), "{expected} in {named:?}");
    }
    assert_eq!(j.overview().unwrap().entry_count, before);

    // A metric with no project and nothing shipped is asked where it belongs.
    let error = j
        .save_weekly_review(
            WeeklyReviewInput {
                moved: Some(MetricInput {
                    name: "p99".into(),
                    baseline: Some(1.0),
                    ..Default::default()
                }),
                ..Default::default()
            },
            &tuesday(),
        )
        .unwrap_err();
    assert_eq!(fields(&error), ["moved.project_id"]);
    // Everything skipped still records the week as reviewed.
    let quiet = j.save_weekly_review(WeeklyReviewInput::default(), &tuesday()).unwrap();
    assert!(quiet.written.is_empty());
    assert!(quiet.review.summary.contains("quiet week"));
}

#[test]
fn shipping_an_existing_project_marks_it_and_notes_what_shipped() {
    let (_d, mut j) = journal();
    let p = project(&mut j, "Ledger migration");
    let saved = j
        .save_weekly_review(
            WeeklyReviewInput {
                shipped: Some(ShippedInput {
                    project_id: Some(p.id),
                    summary: Some("Cut over the last region".into()),
                    ..Default::default()
                }),
                moved: Some(MetricInput {
                    name: "reconciliation time".into(),
                    unit: Some("h".into()),
                    baseline: Some(6.0),
                    target: Some(1.0),
                    measure_by: Some(day("2027-01-15")),
                    ..Default::default()
                }),
                ..Default::default()
            },
            &tuesday(),
        )
        .unwrap();
    let p: Project = j.entry(p.id).unwrap();
    assert_eq!(p.status, Some(ProjectStatus::Shipped));
    let m: Metric =
        j.entry(saved.written.iter().find(|w| w.kind == EntryKind::Metric).unwrap().id).unwrap();
    assert_eq!((m.project_id, m.result, m.measured_on), (p.id, None, None));
    assert_eq!(m.waiting.as_deref(), Some("6 h → not measured yet · target 1 h · by 2027-01-15"));
    assert!(saved.written.iter().any(|w| w.kind == EntryKind::Note && w.project_id == Some(p.id)));
}

#[test]
fn a_metric_waiting_for_its_result_makes_no_bullet_until_it_has_one() {
    let (_d, mut j) = journal();
    let p = project(&mut j, "Checkout");
    let m = j
        .add(MetricInput {
            project_id: p.id,
            name: "p99 latency".into(),
            unit: Some("ms".into()),
            baseline: Some(800.0),
            better: Some(Direction::Lower),
            ..Default::default()
        })
        .unwrap();
    assert!(m.told.is_none() && m.change.is_none());
    j.refresh_bullets().unwrap();
    assert!(j.bullets().unwrap().iter().all(|b| !b.text.contains("p99")), "no claim yet");
    j.update(m.id, MetricInput { result: Some(120.0), ..m.input.clone() }).unwrap();
    j.refresh_bullets().unwrap();
    let bullets = j.bullets().unwrap();
    assert!(
        bullets.iter().any(|b| b.text.contains("p99 latency") && b.text.contains("85%")),
        "{bullets:?}"
    );
    // Neither a result nor a baseline is not a metric yet.
    let error = j
        .add(MetricInput { project_id: p.id, name: "x".into(), ..Default::default() })
        .unwrap_err();
    assert_eq!(fields(&error), ["result"]);
}

#[test]
fn the_queue_orders_by_urgency_and_forgets_what_was_acted_on() {
    let (_d, mut j) = journal();
    let today = day("2026-12-01");
    let p = project(&mut j, "Checkout");
    let decision = j
        .add(DecisionInput {
            project_id: Some(p.id),
            title: "Queue checkout writes".into(),
            options: vec!["Kafka".into(), "SQS".into()],
            chosen: "Kafka".into(),
            review_on: Some(day("2026-11-20")),
            ..Default::default()
        })
        .unwrap();
    let late = j
        .add(MetricInput {
            project_id: p.id,
            name: "error rate".into(),
            baseline: Some(2.0),
            measure_by: Some(day("2026-11-25")),
            ..Default::default()
        })
        .unwrap();
    let later = j
        .add(MetricInput {
            project_id: p.id,
            name: "cost".into(),
            baseline: Some(9.0),
            ..Default::default()
        })
        .unwrap();
    let proven = j
        .add(MetricInput {
            project_id: p.id,
            name: "p99".into(),
            baseline: Some(800.0),
            result: Some(120.0),
            ..Default::default()
        })
        .unwrap();
    let story = j
        .save_story(
            None,
            StoryInput {
                title: "The checkout rewrite".into(),
                action: Some("I split the work".into()),
                interview_on: Some(day("2026-12-04")),
                ..Default::default()
            },
        )
        .unwrap();
    let queue = j.followups(today).unwrap();
    let order: Vec<(FollowUpKind, i64)> =
        queue.items.iter().map(|f| (f.kind, f.entry_id)).collect();
    assert_eq!(
        order,
        [
            (FollowUpKind::DecisionReview, decision.id),
            (FollowUpKind::MetricResult, late.id),
            (FollowUpKind::StoryRehearsal, story.id),
            (FollowUpKind::MetricResult, later.id),
            (FollowUpKind::MetricEvidence, proven.id),
        ]
    );
    assert!(queue.items[1].overdue && !queue.items[3].overdue);
    assert_eq!(
        queue.items[2].detail,
        "The interview is in 3 days (4 December 2026) and it was not rehearsed this week."
    );

    // Acting clears each: an outcome, a result, a rehearsal, evidence.
    j.update(
        decision.id,
        DecisionInput { outcome: Some("Replays saved us twice".into()), ..decision.input.clone() },
    )
    .unwrap();
    j.update(late.id, MetricInput { result: Some(0.4), ..late.input.clone() }).unwrap();
    j.add(RehearsalInput {
        story_id: story.id,
        total_ms: 90_000,
        started_at: Some("2026-11-30T18:00:00Z".into()),
        ..Default::default()
    })
    .unwrap();
    j.update(
        proven.id,
        MetricInput { evidence: Some("Grafana: checkout p99".into()), ..proven.input.clone() },
    )
    .unwrap();
    let left: Vec<String> =
        j.followups(today).unwrap().items.iter().map(|f| f.key.clone()).collect();
    assert_eq!(
        left,
        [format!("metric-result:{}", later.id), format!("metric-evidence:{}", late.id)]
    );

    // Snooze hides it for a week; undo brings it back; dismiss hides it for good.
    let key = format!("metric-result:{}", later.id);
    let after = j.mark_followup(&key, FollowUpMark::Snooze, today).unwrap();
    assert!(after.items.iter().all(|f| f.key != key) && after.snoozed == 1);
    assert!(
        j.followups(day("2026-12-08")).unwrap().items.iter().any(|f| f.key == key),
        "back after a week"
    );
    j.mark_followup(&key, FollowUpMark::Clear, today).unwrap();
    assert!(j.followups(today).unwrap().items.iter().any(|f| f.key == key));
    j.mark_followup(&key, FollowUpMark::Dismiss, today).unwrap();
    assert!(j.followups(day("2027-06-01")).unwrap().items.iter().all(|f| f.key != key));
    assert!(j.mark_followup("nonsense", FollowUpMark::Dismiss, today).is_err());
    assert!(j.mark_followup("metric-result:x", FollowUpMark::Dismiss, today).is_err());
}

#[test]
fn quiet_projects_and_a_year_ago_join_the_queue() {
    let (_d, mut j) = journal();
    let p = project(&mut j, "Search relevance");
    j.add(NoteInput {
        date: Some(day("2025-12-01")),
        text: "Kicked off the relevance review with the data team".into(),
        ..Default::default()
    })
    .unwrap();
    j.add(NoteInput {
        date: Some(day("2025-12-02")),
        text: "Not this day".into(),
        ..Default::default()
    })
    .unwrap();
    // Two months on, nothing was logged under the project.
    let later = day("2027-02-01");
    let queue = j.followups(later).unwrap();
    assert!(queue.items.iter().any(|f| f.kind == FollowUpKind::StaleProject && f.entry_id == p.id));
    let ago = j.followups(day("2026-12-01")).unwrap();
    let years: Vec<&str> = ago
        .items
        .iter()
        .filter(|f| f.kind == FollowUpKind::YearAgo)
        .map(|f| f.detail.as_str())
        .collect();
    assert_eq!(years, ["A year ago today, you wrote this."]);
}

#[test]
fn period_summaries_hold_what_the_period_held() {
    struct Case {
        kind: PeriodKind,
        on: &'static str,
        projects: &'static [&'static str],
        metrics: &'static [&'static str],
        decisions: &'static [&'static str],
        lines: &'static [&'static str],
    }
    let (_d, mut j) = journal();
    let checkout = project(&mut j, "Checkout");
    let search = project(&mut j, "Search");
    for (project_id, name, measured, result) in [
        (checkout.id, "p99 latency", "2026-10-14", Some(120.0)),
        (checkout.id, "error rate", "2026-11-02", None),
        (search.id, "click-through", "2026-03-10", Some(12.0)),
    ] {
        j.add(MetricInput {
            project_id,
            name: name.into(),
            unit: Some(if name == "p99 latency" { "ms" } else { "%" }.into()),
            baseline: Some(if name == "p99 latency" { 800.0 } else { 9.0 }),
            result,
            better: Some(if name == "click-through" {
                Direction::Higher
            } else {
                Direction::Lower
            }),
            measured_on: Some(day(measured)),
            ..Default::default()
        })
        .unwrap();
    }
    j.add(DecisionInput {
        project_id: Some(checkout.id),
        title: "Queue checkout writes".into(),
        options: vec!["Kafka".into(), "SQS".into()],
        chosen: "Kafka".into(),
        decided_on: Some(day("2026-10-20")),
        outcome: Some("No lost orders since".into()),
        ..Default::default()
    })
    .unwrap();
    j.add(FeedbackInput {
        source: "Sam (staff engineer)".into(),
        date: Some(day("2026-11-12")),
        text: "The design doc made the trade-offs easy to see".into(),
        ..Default::default()
    })
    .unwrap();
    j.check_item("technical-leader", "set-band-and-role", day("2026-10-05")).unwrap();
    // Written down long ago: only their own dates place them in a period.
    j.conn.execute("UPDATE entries SET created_at = '2020-01-02T09:00:00.000Z'", []).unwrap();
    let cases = [
        Case {
            kind: PeriodKind::Quarter,
            on: "2026-12-01",
            projects: &["Checkout"],
            metrics: &["p99 latency"],
            decisions: &["Queue checkout writes"],
            lines: &[
                "## Q4 2026 (2026-10-01 to 2026-12-31)",
                "- p99 latency: 800 ms → 120 ms · −85% · better",
                "- Queue checkout writes: chose Kafka. Outcome: No lost orders since",
                "- From Sam (staff engineer), 2026-11-12: The design doc made the trade-offs easy to see",
                "- Becoming a technical leader (cycle 1): 1 of 14 items checked",
            ],
        },
        Case {
            kind: PeriodKind::Quarter,
            on: "2026-03-31",
            projects: &["Search"],
            metrics: &["click-through"],
            decisions: &[],
            lines: &["## Q1 2026 (2026-01-01 to 2026-03-31)", "- click-through: 9% → 12%"],
        },
        Case {
            kind: PeriodKind::Year,
            on: "2026-06-01",
            projects: &["Checkout", "Search"],
            metrics: &["click-through", "p99 latency"],
            decisions: &["Queue checkout writes"],
            lines: &["## 2026 (2026-01-01 to 2026-12-31)"],
        },
        Case { kind: PeriodKind::Half, on: "2025-05-01", projects: &[], metrics: &[], decisions: &[], lines: &["Nothing was logged in this period."] },
    ];
    for c in cases {
        let s = j.period_summary(c.kind, day(c.on)).unwrap();
        let mut projects: Vec<&str> = s.projects.iter().map(|t| t.project.title.as_str()).collect();
        projects.sort();
        assert_eq!(projects, c.projects, "{:?} {}", c.kind, c.on);
        let metrics: Vec<&str> = s.metrics.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(metrics, c.metrics, "{:?} {}", c.kind, c.on);
        let decisions: Vec<&str> = s.decisions.iter().map(|d| d.title.as_str()).collect();
        assert_eq!(decisions, c.decisions, "{:?} {}", c.kind, c.on);
        for line in c.lines {
            assert!(s.markdown.contains(line), "{line:?} in\n{}", s.markdown);
        }
        assert_eq!(s.empty, c.projects.is_empty());
    }

    // A review saved from the summary is an entry: searched, in the period's reviews.
    let q4 = j.period_summary(PeriodKind::Quarter, day("2026-12-01")).unwrap();
    let review = j
        .add(ReviewInput {
            period: PeriodKind::Quarter,
            starts_on: q4.period.starts_on,
            ends_on: q4.period.ends_on,
            summary: q4.markdown.clone(),
            went_well: Some("The queue decision held up".into()),
            to_improve: Some("Write outcomes sooner".into()),
            next_focus: Some("Mentor two engineers".into()),
            labels: Labels::default(),
        })
        .unwrap();
    let (brag, _) = j.brag(Some(day("2026-10-01")), Some(day("2026-12-31"))).unwrap();
    assert!(brag.contains("## Reviews\n\n**Quarter review, 2026-10-01 to 2026-12-31**"), "{brag}");
    assert!(brag.contains("- Next focus: Mentor two engineers"), "{brag}");
    let (earlier, _) = j.brag(Some(day("2025-01-01")), Some(day("2025-12-31"))).unwrap();
    assert!(!earlier.contains("## Reviews"), "{earlier}");
    let again = j.period_summary(PeriodKind::Quarter, day("2026-11-01")).unwrap();
    assert_eq!(again.reviews.iter().map(|r| r.id).collect::<Vec<_>>(), [review.id]);
    let hits = j.search("mentor two engineers", 0, 10).unwrap();
    assert_eq!(hits.hits.first().map(|h| h.id), Some(review.id));
    let error =
        j.add(ReviewInput { ends_on: day("2026-01-01"), ..review.input.clone() }).unwrap_err();
    assert_eq!(fields(&error), ["ends_on"]);
}

#[test]
fn templates_of_ones_own_are_kept_edited_removed_and_restored() {
    let (_d, mut j) = journal();
    let shipped = j.templates().unwrap();
    assert!(
        shipped.len() >= 6 && shipped.iter().all(|t| t.source == super::TemplateSource::Shipped)
    );
    let incident = j.template("incident").unwrap();
    assert!(incident.template.body.contains("## "));

    let mut edited = incident.template.clone();
    edited.body.push_str("\n## Who was paged\n");
    let saved = j.save_template(edited).unwrap();
    assert_eq!(saved.source, super::TemplateSource::Edited);
    assert!(j.template("incident").unwrap().template.body.contains("Who was paged"));

    let own = j
        .save_template(Template {
            slug: "design-review".into(),
            title: "Design review".into(),
            description: "After a design review.".into(),
            tags: vec!["design".into()],
            body: "## Proposed\n\n## Changed after review\n".into(),
        })
        .unwrap();
    assert_eq!(own.source, super::TemplateSource::Own);
    let bad = j
        .save_template(Template {
            slug: "Bad Slug".into(),
            title: " ".into(),
            body: "".into(),
            ..own.template.clone()
        })
        .unwrap_err();
    let named = fields(&bad);
    for f in ["slug", "title", "body"] {
        assert!(named.iter().any(|n| n == f), "{f} in {named:?}");
    }

    // Removing the edit reads the shipped one again; removing one's own hides it; undo.
    j.remove_template("incident").unwrap();
    assert!(!j.template("incident").unwrap().template.body.contains("Who was paged"));
    j.remove_template("design-review").unwrap();
    assert!(j.template("design-review").is_err());
    j.restore_template("design-review").unwrap();
    assert_eq!(j.template("design-review").unwrap().source, super::TemplateSource::Own);
    assert!(j.remove_template("launch").is_err(), "a shipped template stays");
    assert!(j.template("nope").unwrap_err().to_string().contains("incident"));
}

#[test]
fn reviews_go_to_the_trash_and_back() {
    let (_d, mut j) = journal();
    let saved = j.save_weekly_review(WeeklyReviewInput::default(), &tuesday()).unwrap();
    j.delete_entry(saved.review.id).unwrap();
    assert!(j.week_summary(&tuesday()).unwrap().review.is_none());
    let trash = j.trash().unwrap();
    assert!(trash[0].title.starts_with("Week review, 2026-11-30"), "{}", trash[0].title);
    j.restore(trash[0].id).unwrap();
    assert!(j.week_summary(&tuesday()).unwrap().review.is_some());
}
