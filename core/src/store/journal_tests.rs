//! The journal store on a temporary file: writes, derived figures, validation that leaves
//! nothing behind, the trash and search with hostile input.

use chrono::NaiveDate;
use tempfile::TempDir;

use super::Journal;
use crate::journal::*;
use crate::Error;

fn journal() -> (TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path().join("journal.sqlite3")).unwrap();
    (dir, journal)
}

fn day(text: &str) -> Option<NaiveDate> {
    Some(text.parse().unwrap())
}

fn project(j: &mut Journal, title: &str, started: &str) -> Project {
    j.add(ProjectInput {
        title: title.into(),
        organization: Some("Acme".into()),
        started_on: day(started),
        scope: Some(Scope::Service),
        labels: Labels {
            tags: vec!["payments".into()],
            skills: vec!["technical leadership".into()],
        },
        ..Default::default()
    })
    .unwrap()
}

fn latency(project_id: i64) -> MetricInput {
    MetricInput {
        project_id,
        name: "p99 checkout latency".into(),
        unit: Some("ms".into()),
        baseline: Some(800.0),
        result: 120.0,
        better: Some(Direction::Lower),
        ..Default::default()
    }
}

fn decision(project_id: Option<i64>) -> DecisionInput {
    DecisionInput {
        project_id,
        title: "Queue writes through Kafka".into(),
        context: Some("Checkout writes timed out under load".into()),
        options: vec![
            DecisionOption {
                text: "Kafka".into(),
                pros: "replayable".into(),
                cons: "ops cost".into(),
            },
            DecisionOption {
                text: "Postgres outbox".into(),
                pros: "simple".into(),
                cons: "polling".into(),
            },
        ],
        chosen: "Kafka".into(),
        confidence: Some(70),
        decided_on: day("2024-03-01"),
        review_on: day("2024-06-01"),
        ..Default::default()
    }
}

fn count(j: &Journal, table: &str) -> i64 {
    j.conn
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn entries_get_ids_uuids_and_their_labels_back() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", "2024-01-10");
    assert!(p.id > 0);
    assert_eq!(p.uuid.len(), 36);
    assert_eq!(p.labels.tags, vec!["payments"]);
    assert_eq!(p.labels.skills, vec!["technical leadership"]);
    let q = project(&mut j, "Search revamp", "2024-02-01");
    assert_ne!(p.uuid, q.uuid);

    let edited = j
        .update(
            p.id,
            ProjectInput {
                labels: Labels {
                    tags: vec!["perf".into(), "payments".into()],
                    ..Default::default()
                },
                ..p.input.clone()
            },
        )
        .unwrap();
    assert_eq!(edited.uuid, p.uuid, "the UUID is stable across edits");
    assert_eq!(edited.labels.tags, vec!["perf", "payments"]);
    assert_eq!(edited.created_at, p.created_at);
}

#[test]
fn a_metric_carries_its_derived_change() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", "2024-01-10");
    let m = j.add(latency(p.id)).unwrap();
    assert_eq!(m.change, Some(-680.0));
    assert_eq!(m.percent_change, Some(-85.0));
    assert_eq!(m.improved, Some(true));
    let m = j
        .update(
            m.id,
            MetricInput {
                baseline: Some(100.0),
                ..latency(p.id)
            },
        )
        .unwrap();
    assert_eq!(m.percent_change, Some(20.0), "derived on read, never stale");
    assert_eq!(m.improved, Some(false));
}

#[test]
fn a_refused_write_changes_nothing() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", "2024-01-10");
    let before = (
        count(&j, "entries"),
        count(&j, "labels"),
        count(&j, "search_index"),
    );

    let missing = j.add(latency(9_999));
    assert!(
        matches!(missing, Err(Error::Invalid { ref field, .. }) if field == "project_id"),
        "{missing:?}"
    );
    let empty = j.add(ProjectInput {
        title: "  ".into(),
        labels: Labels {
            tags: vec!["x".into()],
            ..Default::default()
        },
        ..Default::default()
    });
    assert!(matches!(empty, Err(Error::Invalid { ref field, .. }) if field == "title"));
    let backwards = j.update(
        p.id,
        ProjectInput {
            ended_on: day("2023-01-01"),
            ..p.input.clone()
        },
    );
    assert!(matches!(backwards, Err(Error::Invalid { ref field, .. }) if field == "ended_on"));
    let huge = j.add(NoteInput {
        text: "x".repeat(10 * 1024 * 1024),
        ..Default::default()
    });
    assert!(matches!(huge, Err(Error::Invalid { ref field, .. }) if field == "text"));
    let bad_url = j.add(ArtifactInput {
        project_id: p.id,
        kind: Some(ArtifactKind::Pr),
        title: "PR".into(),
        url: Some("javascript:alert(1)".into()),
        ..Default::default()
    });
    assert!(matches!(bad_url, Err(Error::Invalid { ref field, .. }) if field == "url"));

    assert_eq!(
        before,
        (
            count(&j, "entries"),
            count(&j, "labels"),
            count(&j, "search_index")
        )
    );
    assert_eq!(j.entry::<Project>(p.id).unwrap(), p);
    assert!(
        matches!(j.update(p.id, latency(p.id)), Err(Error::NotFound { .. })),
        "a project id is not a metric"
    );
}

#[test]
fn the_list_is_newest_first_with_each_projects_best_metric() {
    let (_dir, mut j) = journal();
    let old = project(&mut j, "Old", "2021-05-01");
    let new = project(&mut j, "New", "2024-05-01");
    let undated = j
        .add(ProjectInput {
            title: "Just logged".into(),
            ..Default::default()
        })
        .unwrap();
    j.add(MetricInput {
        name: "errors".into(),
        baseline: Some(10.0),
        result: 12.0,
        better: Some(Direction::Lower),
        ..latency(new.id)
    })
    .unwrap();
    let best = j.add(latency(new.id)).unwrap();
    j.add(decision(Some(new.id))).unwrap();

    let page = j.list_projects(0, 50).unwrap();
    assert_eq!(page.total, 3);
    let titles: Vec<&str> = page
        .projects
        .iter()
        .map(|p| p.project.title.as_str())
        .collect();
    assert_eq!(titles, vec!["Just logged", "New", "Old"]);
    let row = &page.projects[1];
    assert_eq!(row.best_metric.as_ref().map(|m| m.id), Some(best.id));
    assert_eq!((row.metric_count, row.decision_count), (2, 1));
    assert_eq!(page.projects[2].project.id, old.id);
    assert!(page.projects[0].best_metric.is_none());
    assert_eq!(page.projects[0].project.id, undated.id);

    let second = j.list_projects(1, 1).unwrap();
    assert_eq!(second.projects.len(), 1);
    assert_eq!(second.projects[0].project.id, new.id);
}

#[test]
fn a_project_page_holds_everything_logged_under_it() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", "2024-01-10");
    j.add(latency(p.id)).unwrap();
    j.add(decision(Some(p.id))).unwrap();
    j.add(ArtifactInput {
        project_id: p.id,
        kind: Some(ArtifactKind::Rfc),
        title: "RFC-12 async checkout".into(),
        url: Some("https://git.example.com/rfcs/12".into()),
        date: day("2024-02-01"),
        ..Default::default()
    })
    .unwrap();
    j.add(FeedbackInput {
        project_id: Some(p.id),
        source: "manager".into(),
        text: "Clear rollout plan".into(),
        rating: Some(5),
        ..Default::default()
    })
    .unwrap();
    j.add(NoteInput {
        project_id: Some(p.id),
        text: "Cut over 10% of traffic".into(),
        date: day("2024-03-02"),
        ..Default::default()
    })
    .unwrap();
    j.add(NoteInput {
        text: "Unrelated".into(),
        ..Default::default()
    })
    .unwrap();

    let detail = j.project_detail(p.id).unwrap();
    assert_eq!(detail.project, p);
    assert_eq!(
        (
            detail.metrics.len(),
            detail.decisions.len(),
            detail.artifacts.len(),
            detail.feedback.len(),
            detail.notes.len()
        ),
        (1, 1, 1, 1, 1)
    );
    assert_eq!(detail.decisions[0].options.len(), 2);
    assert_eq!(detail.decisions[0].options[1].cons, "polling");
    assert!(matches!(
        j.project_detail(12_345),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn a_decision_past_its_review_is_due_until_its_outcome_is_written() {
    let (_dir, mut j) = journal();
    let due = j.add(decision(None)).unwrap();
    assert!(due.review_due);
    let later = j
        .add(DecisionInput {
            review_on: day("2099-01-01"),
            ..decision(None)
        })
        .unwrap();
    assert!(!later.review_due);
    let today: NaiveDate = "2025-01-01".parse().unwrap();
    let ids: Vec<i64> = j.reviews_due(today).unwrap().iter().map(|d| d.id).collect();
    assert_eq!(ids, vec![due.id]);
    assert_eq!(j.overview().unwrap().reviews_due.len(), 1);

    let closed = j
        .update(
            due.id,
            DecisionInput {
                outcome: Some("Held at 3x load".into()),
                ..due.input.clone()
            },
        )
        .unwrap();
    assert!(!closed.review_due);
    assert!(j.reviews_due(today).unwrap().is_empty());
}

#[test]
fn a_deleted_project_comes_back_from_the_trash_with_everything_under_it() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", "2024-01-10");
    let m = j.add(latency(p.id)).unwrap();
    let d = j.add(decision(Some(p.id))).unwrap();
    j.add(NoteInput {
        project_id: Some(p.id),
        text: "kickoff".into(),
        labels: Labels {
            tags: vec!["week1".into()],
            ..Default::default()
        },
        ..Default::default()
    })
    .unwrap();
    let before = j.project_detail(p.id).unwrap();

    let item = j.delete_entry(p.id).unwrap();
    assert_eq!(
        (item.kind, item.entry_id, item.children),
        (EntryKind::Project, p.id, 3)
    );
    assert!(matches!(
        j.entry::<Project>(p.id),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        j.entry::<Metric>(m.id),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(count(&j, "entries"), 0);
    assert_eq!(count(&j, "labels"), 0);
    assert!(
        j.search("kafka", 0, 10).unwrap().hits.is_empty(),
        "trashed entries are not found"
    );
    assert_eq!(j.trash().unwrap(), vec![item.clone()]);

    j.restore(item.id).unwrap();
    assert_eq!(
        j.project_detail(p.id).unwrap(),
        before,
        "same ids, UUIDs, labels and children"
    );
    assert_eq!(j.entry::<Decision>(d.id).unwrap(), d);
    assert!(j.trash().unwrap().is_empty());
    assert_eq!(j.search("kafka", 0, 10).unwrap().hits.len(), 1);
    assert!(matches!(j.restore(item.id), Err(Error::NotFound { .. })));
    assert!(j.integrity_ok().unwrap());
}

#[test]
fn a_child_cannot_come_back_without_its_project() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", "2024-01-10");
    let m = j.add(latency(p.id)).unwrap();
    let metric_item = j.delete_entry(m.id).unwrap();
    let project_item = j.delete_entry(p.id).unwrap();
    assert_eq!(project_item.children, 0);

    let refused = j.restore(metric_item.id);
    assert!(
        matches!(refused, Err(Error::Invalid { ref field, .. }) if field == "project_id"),
        "{refused:?}"
    );
    assert_eq!(
        j.trash().unwrap().len(),
        2,
        "a refused restore keeps the item in the trash"
    );
    j.restore(project_item.id).unwrap();
    j.restore(metric_item.id).unwrap();
    assert_eq!(j.project_detail(p.id).unwrap().metrics, vec![m]);
}

#[test]
fn the_trash_is_emptied_only_when_asked() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "A", "2024-01-10");
    let n = j
        .add(NoteInput {
            text: "n".into(),
            ..Default::default()
        })
        .unwrap();
    j.delete_entry(p.id).unwrap();
    j.delete_entry(n.id).unwrap();
    drop(j);
    let mut j = Journal::open(_dir.path().join("journal.sqlite3")).unwrap();
    assert_eq!(j.trash().unwrap().len(), 2, "the trash survives a restart");
    assert_eq!(j.empty_trash().unwrap(), 2);
    assert!(j.trash().unwrap().is_empty());
    assert!(matches!(j.delete_entry(p.id), Err(Error::NotFound { .. })));
}

#[test]
fn search_finds_every_kind_with_marked_snippets() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", "2024-01-10");
    j.add(MetricInput {
        evidence: Some("Grafana board checkout-latency".into()),
        ..latency(p.id)
    })
    .unwrap();
    let d = j.add(decision(Some(p.id))).unwrap();
    let n = j
        .add(NoteInput {
            text: "Paired with Dana on the café outage".into(),
            labels: Labels {
                tags: vec!["mentoring".into()],
                ..Default::default()
            },
            ..Default::default()
        })
        .unwrap();

    let hits = j.search("kafka", 0, 10).unwrap().hits;
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].id, hits[0].kind, hits[0].project_id),
        (d.id, EntryKind::Decision, Some(p.id))
    );
    assert!(hits[0]
        .snippet
        .iter()
        .any(|part| part.hit && part.text.eq_ignore_ascii_case("kafka")));

    let titles: Vec<String> = j
        .search("checkout", 0, 10)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.title)
        .collect();
    assert_eq!(
        titles[0], "Checkout rewrite",
        "a title match ranks first: {titles:?}"
    );
    assert_eq!(
        j.search("cafe", 0, 10).unwrap().hits[0].id,
        n.id,
        "accents fold"
    );
    assert_eq!(
        j.search("mentor", 0, 10).unwrap().hits[0].id,
        n.id,
        "tags and prefixes match"
    );
    assert_eq!(
        j.search("acme checkout", 0, 10).unwrap().hits[0].project_id,
        Some(p.id)
    );
}

#[test]
fn search_takes_any_text_literally_and_never_fails() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", "2024-01-10");
    j.add(NoteInput {
        text: "Wrote \"NEAR(\" AND title:x in the runbook; DROP TABLE notes".into(),
        ..Default::default()
    })
    .unwrap();
    let hostile = [
        "\"",
        "\"\"",
        "'",
        "NEAR(",
        "NEAR(a b",
        "a AND",
        "OR",
        "NOT",
        "AND OR NOT",
        "*",
        "**",
        "a*b",
        "title:x",
        "body:",
        ":",
        "^",
        "-",
        "+",
        "(",
        ")",
        "{title}:x",
        "'; DROP TABLE entries; --",
        "\u{0}",
        "\u{E000}",
        "🙂",
        "a\"b\"c",
        "x".repeat(10_000).as_str(),
        "\\",
        "%",
        "_",
        "[",
        "]",
    ]
    .map(str::to_string);
    for text in hostile {
        let result = j.search(&text, 0, 10);
        assert!(result.is_ok(), "{text:?}: {result:?}");
    }
    assert_eq!(
        j.search("\"NEAR(\" AND", 0, 10).unwrap().hits.len(),
        1,
        "operators are words"
    );
    assert_eq!(j.search("title:x", 0, 10).unwrap().hits.len(), 1);
    assert_eq!(j.search("DROP TABLE", 0, 10).unwrap().hits.len(), 1);
    assert_eq!(j.entry::<Project>(p.id).unwrap().title, "Checkout rewrite");
    assert!(j.integrity_ok().unwrap());
}
