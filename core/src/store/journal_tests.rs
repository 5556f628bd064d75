//! The journal store on a temporary file: writes, derived figures, validation that leaves
//! nothing behind, the trash and search with hostile input.

use chrono::NaiveDate;

use super::Journal;
use crate::journal::*;
use crate::Error;

use crate::test_support::journal;

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
            ..Default::default()
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
        result: Some(120.0),
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
    j.conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
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
    let m = j.update(m.id, MetricInput { baseline: Some(100.0), ..latency(p.id) }).unwrap();
    assert_eq!(m.percent_change, Some(20.0), "derived on read, never stale");
    assert_eq!(m.improved, Some(false));
}

#[test]
fn a_refused_write_changes_nothing() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", "2024-01-10");
    let before = (count(&j, "entries"), count(&j, "labels"), count(&j, "search_index"));

    let missing = j.add(latency(9_999));
    assert!(
        matches!(missing, Err(Error::Invalid { ref field, .. }) if field == "project_id"),
        "{missing:?}"
    );
    let empty = j.add(ProjectInput {
        title: "  ".into(),
        labels: Labels { tags: vec!["x".into()], ..Default::default() },
        ..Default::default()
    });
    assert!(matches!(empty, Err(Error::Invalid { ref field, .. }) if field == "title"));
    let backwards = j.update(p.id, ProjectInput { ended_on: day("2023-01-01"), ..p.input.clone() });
    assert!(matches!(backwards, Err(Error::Invalid { ref field, .. }) if field == "ended_on"));
    let huge = j.add(NoteInput { text: "x".repeat(10 * 1024 * 1024), ..Default::default() });
    assert!(matches!(huge, Err(Error::Invalid { ref field, .. }) if field == "text"));
    let bad_url = j.add(ArtifactInput {
        project_id: p.id,
        kind: Some(ArtifactKind::Pr),
        title: "PR".into(),
        url: Some("javascript:alert(1)".into()),
        ..Default::default()
    });
    assert!(matches!(bad_url, Err(Error::Invalid { ref field, .. }) if field == "url"));

    assert_eq!(before, (count(&j, "entries"), count(&j, "labels"), count(&j, "search_index")));
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
    let undated =
        j.add(ProjectInput { title: "Just logged".into(), ..Default::default() }).unwrap();
    j.add(MetricInput {
        name: "errors".into(),
        baseline: Some(10.0),
        result: Some(12.0),
        better: Some(Direction::Lower),
        ..latency(new.id)
    })
    .unwrap();
    let best = j.add(latency(new.id)).unwrap();
    j.add(decision(Some(new.id))).unwrap();

    let page = j.list_projects(0, 50).unwrap();
    assert_eq!(page.total, 3);
    let titles: Vec<&str> = page.projects.iter().map(|p| p.project.title.as_str()).collect();
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
    j.add(NoteInput { text: "Unrelated".into(), ..Default::default() }).unwrap();

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
    assert!(matches!(j.project_detail(12_345), Err(Error::NotFound { .. })));
}

#[test]
fn a_decision_past_its_review_is_due_until_its_outcome_is_written() {
    let (_dir, mut j) = journal();
    let due = j.add(decision(None)).unwrap();
    assert!(due.review_due);
    let later = j.add(DecisionInput { review_on: day("2099-01-01"), ..decision(None) }).unwrap();
    assert!(!later.review_due);
    let today: NaiveDate = "2025-01-01".parse().unwrap();
    let ids: Vec<i64> = j.reviews_due(today).unwrap().iter().map(|d| d.id).collect();
    assert_eq!(ids, vec![due.id]);
    assert_eq!(j.overview().unwrap().reviews_due.len(), 1);

    let closed = j
        .update(
            due.id,
            DecisionInput { outcome: Some("Held at 3x load".into()), ..due.input.clone() },
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
        labels: Labels { tags: vec!["week1".into()], ..Default::default() },
        ..Default::default()
    })
    .unwrap();
    let before = j.project_detail(p.id).unwrap();

    let item = j.delete_entry(p.id).unwrap();
    assert_eq!((item.kind, item.entry_id, item.children), (EntryKind::Project, p.id, 3));
    assert!(matches!(j.entry::<Project>(p.id), Err(Error::NotFound { .. })));
    assert!(matches!(j.entry::<Metric>(m.id), Err(Error::NotFound { .. })));
    assert_eq!(count(&j, "entries"), 0);
    assert_eq!(count(&j, "labels"), 0);
    assert!(j.search("kafka", 0, 10).unwrap().hits.is_empty(), "trashed entries are not found");
    assert_eq!(j.trash().unwrap(), vec![item.clone()]);

    j.restore(item.id).unwrap();
    assert_eq!(j.project_detail(p.id).unwrap(), before, "same ids, UUIDs, labels and children");
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
    assert_eq!(j.trash().unwrap().len(), 2, "a refused restore keeps the item in the trash");
    j.restore(project_item.id).unwrap();
    j.restore(metric_item.id).unwrap();
    assert_eq!(j.project_detail(p.id).unwrap().metrics, vec![m]);
}

#[test]
fn the_trash_is_emptied_only_when_asked() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "A", "2024-01-10");
    let n = j.add(NoteInput { text: "n".into(), ..Default::default() }).unwrap();
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
    j.add(MetricInput { evidence: Some("Grafana board checkout-latency".into()), ..latency(p.id) })
        .unwrap();
    let d = j.add(decision(Some(p.id))).unwrap();
    let n = j
        .add(NoteInput {
            text: "Paired with Dana on the café outage".into(),
            labels: Labels { tags: vec!["mentoring".into()], ..Default::default() },
            ..Default::default()
        })
        .unwrap();

    let hits = j.search("kafka", 0, 10).unwrap().hits;
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].id, hits[0].kind, hits[0].project_id),
        (d.id, EntryKind::Decision, Some(p.id))
    );
    assert!(hits[0].snippet.iter().any(|part| part.hit && part.text.eq_ignore_ascii_case("kafka")));

    let titles: Vec<String> =
        j.search("checkout", 0, 10).unwrap().hits.into_iter().map(|h| h.title).collect();
    assert_eq!(titles[0], "Checkout rewrite", "a title match ranks first: {titles:?}");
    assert_eq!(j.search("cafe", 0, 10).unwrap().hits[0].id, n.id, "accents fold");
    assert_eq!(j.search("mentor", 0, 10).unwrap().hits[0].id, n.id, "tags and prefixes match");
    assert_eq!(j.search("acme checkout", 0, 10).unwrap().hits[0].project_id, Some(p.id));
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
    assert_eq!(j.search("\"NEAR(\" AND", 0, 10).unwrap().hits.len(), 1, "operators are words");
    assert_eq!(j.search("title:x", 0, 10).unwrap().hits.len(), 1);
    assert_eq!(j.search("DROP TABLE", 0, 10).unwrap().hits.len(), 1);
    assert_eq!(j.entry::<Project>(p.id).unwrap().title, "Checkout rewrite");
    assert!(j.integrity_ok().unwrap());
}

/// The journal list filters by words in the title, organization or role, by status,
/// scope and tag, and sorts four ways; `total` counts the filtered set.
#[test]
fn the_journal_list_filters_and_sorts() {
    let (_dir, mut j) = journal();
    let add =
        |j: &mut Journal, title: &str, org: &str, started: Option<&str>, status, tag: &str| {
            j.add(ProjectInput {
                title: title.into(),
                organization: Some(org.into()),
                role: Some("Tech lead".into()),
                started_on: started.and_then(day),
                scope: Some(if tag == "platform" { Scope::MultiTeam } else { Scope::Service }),
                status: Some(status),
                labels: Labels { tags: vec![tag.into()], ..Default::default() },
                ..Default::default()
            })
            .unwrap()
        };
    let ci = add(
        &mut j,
        "Simplify the CI pipeline",
        "Fjord Logistics",
        Some("2023-02-01"),
        ProjectStatus::Shipped,
        "platform",
    );
    let checkout = add(
        &mut j,
        "Rebuild the checkout flow",
        "Acme",
        Some("2024-05-01"),
        ProjectStatus::Active,
        "payments",
    );
    let billing = add(
        &mut j,
        "Instrument billing",
        "Fjord Logistics",
        None,
        ProjectStatus::Active,
        "payments",
    );
    let odd = add(
        &mut j,
        "100%_done migration",
        "Acme",
        Some("2022-01-01"),
        ProjectStatus::Shipped,
        "Payments",
    );
    for _ in 0..3 {
        j.add(latency(ci.id)).unwrap();
    }
    j.add(latency(checkout.id)).unwrap();

    let ids = |page: &ProjectPage| page.projects.iter().map(|p| p.project.id).collect::<Vec<_>>();
    let find =
        |j: &Journal, filter: ProjectFilter, sort| j.find_projects(&filter, sort, 0, 50).unwrap();
    let all = find(&j, ProjectFilter::default(), ProjectSort::Newest);
    assert_eq!(ids(&all), vec![billing.id, checkout.id, ci.id, odd.id], "undated on top");
    assert_eq!(all, j.list_projects(0, 50).unwrap(), "the old call is the default filter");

    let text = |t: &str| ProjectFilter { text: Some(t.into()), ..Default::default() };
    let fjord_ci = find(&j, text("fjord CI"), ProjectSort::Newest);
    assert_eq!(
        (ids(&fjord_ci), fjord_ci.total),
        (vec![ci.id], 1),
        "every word, any field, any case"
    );
    assert_eq!(find(&j, text("tech LEAD"), ProjectSort::Newest).total, 4, "the role counts");
    assert_eq!(
        ids(&find(&j, text("100%_"), ProjectSort::Newest)),
        vec![odd.id],
        "% and _ are literal"
    );
    assert_eq!(find(&j, text("%"), ProjectSort::Newest).total, 1);
    assert_eq!(find(&j, text("   "), ProjectSort::Newest).total, 4, "blank text keeps all");
    assert_eq!(find(&j, text("nothing like it"), ProjectSort::Newest).total, 0);

    let active = ProjectFilter { status: Some(ProjectStatus::Active), ..Default::default() };
    assert_eq!(ids(&find(&j, active, ProjectSort::Title)), vec![billing.id, checkout.id]);
    let wide = ProjectFilter { scope: Some(Scope::MultiTeam), ..Default::default() };
    assert_eq!(ids(&find(&j, wide, ProjectSort::Newest)), vec![ci.id]);
    let tagged = ProjectFilter { tag: Some("#PAYMENTS".into()), ..Default::default() };
    let payments = find(&j, tagged.clone(), ProjectSort::Oldest);
    assert_eq!(
        ids(&payments),
        vec![odd.id, checkout.id, billing.id],
        "undated last when oldest first"
    );
    assert_eq!(payments.total, 3);
    let paged = j.find_projects(&tagged, ProjectSort::Oldest, 1, 1).unwrap();
    assert_eq!(
        (ids(&paged), paged.total),
        (vec![checkout.id], 3),
        "the total of the filtered set on every page"
    );

    let titles = find(&j, ProjectFilter::default(), ProjectSort::Title);
    assert_eq!(ids(&titles), vec![odd.id, billing.id, checkout.id, ci.id]);
    let metrics = find(&j, ProjectFilter::default(), ProjectSort::MostMetrics);
    assert_eq!(ids(&metrics), vec![ci.id, checkout.id, billing.id, odd.id]);
    assert_eq!(metrics.projects[0].metric_count, 3);
    assert_eq!(ProjectSort::parse("most metrics"), Ok(ProjectSort::MostMetrics));
}

/// The notes list pages newest first with the total, filters by tag, dates and project
/// (or no project), and names each note's project.
#[test]
fn notes_page_and_filter_with_their_total() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", "2024-01-10");
    let note = |j: &mut Journal, date: &str, project_id: Option<i64>, tag: &str| {
        j.add(NoteInput {
            project_id,
            date: day(date),
            text: format!("Note of {date}"),
            labels: Labels { tags: vec![tag.into()], ..Default::default() },
        })
        .unwrap()
    };
    let a = note(&mut j, "2024-01-05", None, "weekly");
    let b = note(&mut j, "2024-02-05", Some(p.id), "weekly");
    let c = note(&mut j, "2024-03-05", None, "jrnl");
    let d = note(&mut j, "2024-03-05", Some(p.id), "Weekly");

    let page = |j: &Journal, filter: NoteFilter, offset, limit| {
        j.note_page(&filter, offset, limit).unwrap()
    };
    let ids = |page: &NotePage| page.notes.iter().map(|n| n.note.id).collect::<Vec<_>>();
    let all = page(&j, NoteFilter::default(), 0, 2);
    assert_eq!((ids(&all), all.total), (vec![d.id, c.id], 4), "newest first, ties by id");
    assert_eq!(all.notes[0].project_title.as_deref(), Some("Checkout rewrite"));
    assert_eq!(all.notes[1].project_title, None);
    let next = page(&j, NoteFilter::default(), 2, 2);
    assert_eq!((ids(&next), next.total), (vec![b.id, a.id], 4));

    let weekly = NoteFilter { tag: Some("WEEKLY".into()), ..Default::default() };
    assert_eq!(ids(&page(&j, weekly, 0, 10)), vec![d.id, b.id, a.id]);
    let feb_on =
        NoteFilter { since: day("2024-02-05"), until: day("2024-03-04"), ..Default::default() };
    assert_eq!(ids(&page(&j, feb_on, 0, 10)), vec![b.id], "both ends of the range count");
    let loose = NoteFilter { without_project: true, ..Default::default() };
    let loose = page(&j, loose, 0, 10);
    assert_eq!((ids(&loose), loose.total), (vec![c.id, a.id], 2));
    let under = NoteFilter { project_id: Some(p.id), ..Default::default() };
    assert_eq!(ids(&page(&j, under, 0, 10)), vec![d.id, b.id]);

    let both = NoteFilter { project_id: Some(p.id), without_project: true, ..Default::default() };
    assert!(
        matches!(j.note_page(&both, 0, 10), Err(Error::Invalid { field, .. }) if field == "project_id")
    );
    let backwards =
        NoteFilter { since: day("2024-03-01"), until: day("2024-01-01"), ..Default::default() };
    assert!(
        matches!(j.note_page(&backwards, 0, 10), Err(Error::Invalid { field, .. }) if field == "until")
    );
}

/// A note moves to a project, to another and out of any, as an update of `project_id`;
/// the project page and the search index follow.
#[test]
fn a_note_moves_to_and_from_a_project() {
    let (_dir, mut j) = journal();
    let first = project(&mut j, "Checkout rewrite", "2024-01-10");
    let second = project(&mut j, "Billing", "2024-02-10");
    let quick =
        j.add(NoteInput { text: "Paired on the flaky test".into(), ..Default::default() }).unwrap();
    assert_eq!(quick.project_id, None);
    let move_to = |j: &mut Journal, project_id: Option<i64>| {
        let mut input = j.entry::<Note>(quick.id).unwrap().to_input();
        input.project_id = project_id;
        j.update(quick.id, input).unwrap()
    };
    assert_eq!(move_to(&mut j, Some(first.id)).project_id, Some(first.id));
    assert_eq!(j.project_detail(first.id).unwrap().notes.len(), 1);
    move_to(&mut j, Some(second.id));
    assert!(j.project_detail(first.id).unwrap().notes.is_empty());
    assert_eq!(j.project_detail(second.id).unwrap().notes[0].id, quick.id);
    let hits = j.search("flaky", 0, 10).unwrap().hits;
    assert_eq!(hits[0].project_id, Some(second.id));
    assert_eq!(move_to(&mut j, None).project_id, None);
    assert!(j.project_detail(second.id).unwrap().notes.is_empty());
    let mut input = j.entry::<Note>(quick.id).unwrap().to_input();
    input.project_id = Some(9_999);
    assert!(
        matches!(j.update(quick.id, input), Err(Error::Invalid { field, .. }) if field == "project_id")
    );
    assert_eq!(j.entry::<Note>(quick.id).unwrap().project_id, None, "nothing changed");
}

/// The day an outcome was written is the journal's: today when first written or changed,
/// kept while the outcome stays, cleared with it; what the input says is ignored.
#[test]
fn the_outcome_day_is_set_by_the_journal() {
    let (_dir, mut j) = journal();
    let today = chrono::Local::now().date_naive();
    let open = j.add(decision(None)).unwrap();
    assert_eq!(open.outcome_on, None);
    let typed = DecisionInput { outcome_on: day("2001-01-01"), ..open.to_input() };
    assert_eq!(j.update(open.id, typed).unwrap().outcome_on, None, "no outcome, no day");

    let mut written = open.to_input();
    written.outcome = Some("Replays saved the March incident".into());
    let reviewed = j.update(open.id, written.clone()).unwrap();
    assert_eq!(reviewed.outcome_on, Some(today));
    assert!(!reviewed.review_due);

    // A stored day stays while the outcome does, whatever an edit sends.
    j.conn
        .execute("UPDATE decisions SET outcome_on = '2024-07-01' WHERE id = ?1", [open.id])
        .unwrap();
    let mut other_edit = reviewed.to_input();
    other_edit.title = "Queue checkout writes through Kafka".into();
    other_edit.outcome_on = day("2030-01-01");
    assert_eq!(j.update(open.id, other_edit).unwrap().outcome_on, day("2024-07-01"));

    let mut changed = j.entry::<Decision>(open.id).unwrap().to_input();
    changed.outcome = Some("Replays saved two incidents".into());
    assert_eq!(j.update(open.id, changed).unwrap().outcome_on, Some(today));

    let mut cleared = j.entry::<Decision>(open.id).unwrap().to_input();
    cleared.outcome = None;
    assert_eq!(j.update(open.id, cleared).unwrap().outcome_on, None);

    // Written on the first save, and carried through the trash.
    let mut fresh = decision(None);
    fresh.outcome = Some("Worked".into());
    let fresh = j.add(fresh).unwrap();
    assert_eq!(fresh.outcome_on, Some(today));
    j.conn
        .execute("UPDATE decisions SET outcome_on = '2024-08-01' WHERE id = ?1", [fresh.id])
        .unwrap();
    let trashed = j.delete_entry(fresh.id).unwrap();
    j.restore(trashed.id).unwrap();
    assert_eq!(j.entry::<Decision>(fresh.id).unwrap().outcome_on, day("2024-08-01"));
}

/// Every page of every order, filtered or not, is that slice of the whole ordered list:
/// the page's ids are picked from the projects alone, then read whole.
#[test]
fn every_page_is_its_slice_of_the_whole_list_in_every_order() {
    let (_dir, mut j) = journal();
    j.fill_demo(4, 23).unwrap();
    let sorts =
        [ProjectSort::Newest, ProjectSort::Oldest, ProjectSort::Title, ProjectSort::MostMetrics];
    let filters = [
        ProjectFilter::default(),
        ProjectFilter { status: Some(ProjectStatus::Shipped), ..Default::default() },
    ];
    for filter in &filters {
        for sort in sorts {
            let whole = j.find_projects(filter, sort, 0, 500).unwrap();
            let ids = |page: &ProjectPage| -> Vec<i64> {
                page.projects.iter().map(|p| p.project.id).collect()
            };
            for offset in [0, 1, 7, 20, 22, 40] {
                let page = j.find_projects(filter, sort, offset, 5).unwrap();
                let expected: Vec<i64> =
                    ids(&whole).into_iter().skip(offset as usize).take(5).collect();
                assert_eq!(ids(&page), expected, "{sort:?} from {offset}");
                assert_eq!(page.total, whole.total);
            }
        }
    }
}

/// Home's count of every entry walks the narrow kind index, not the UUID index nor the
/// one of the days entries were added.
#[test]
fn counting_the_entries_walks_the_kind_index() {
    let (_dir, j) = journal();
    let plan: Vec<String> = j
        .conn
        .prepare(
            "EXPLAIN QUERY PLAN SELECT (SELECT count(*) FROM projects), \
               (SELECT count(*) FROM entries)",
        )
        .unwrap()
        .query_map([], |r| r.get(3))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(plan.iter().any(|p| p.contains("entries_by_kind")), "{plan:?}");
    j.overview().unwrap();
}
