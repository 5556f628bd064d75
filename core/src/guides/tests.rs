//! Checklists and readiness on a temporary journal, against the real guides.

use chrono::NaiveDate;

use crate::journal::*;
use crate::{Error, Journal};

fn journal() -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path().join("journal.sqlite3")).unwrap();
    (dir, journal)
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

const GUIDE: &str = "technical-leader";

#[test]
fn checklist_progress_survives_a_restart_and_cycles_keep_history() {
    let (dir, mut j) = journal();
    let start = day("2026-01-05");
    let list = j.checklist(GUIDE, start).unwrap();
    assert!(list.total >= 10);
    assert_eq!((list.done, list.cycle.number), (0, 1));
    let first = list
        .items
        .iter()
        .find(|i| i.id == "set-band-and-role")
        .unwrap();
    assert_eq!(
        first.due,
        Some(day("2026-01-08")),
        "due 3 days into the cycle"
    );

    let list = j
        .set_checked(GUIDE, "set-band-and-role", true, start)
        .unwrap();
    assert_eq!(list.done, 1);
    let missing = j.set_checked(GUIDE, "no-such-item", true, start);
    assert!(matches!(missing, Err(Error::NotFound { .. })));
    assert!(matches!(
        j.checklist("no-such-guide", start),
        Err(Error::NotFound { .. })
    ));
    drop(j);

    let mut j = Journal::open(dir.path().join("journal.sqlite3")).unwrap();
    let later = day("2026-01-20");
    let list = j.checklist(GUIDE, later).unwrap();
    let item = list
        .items
        .iter()
        .find(|i| i.id == "set-band-and-role")
        .unwrap();
    assert!(item.checked && item.checked_at.is_some());
    let overdue = list
        .items
        .iter()
        .find(|i| i.id == "place-yourself")
        .unwrap();
    assert!(overdue.overdue, "due on the 12th, unchecked on the 20th");

    let due = j.due_items(later).unwrap();
    assert!(
        due.iter().all(|d| d.guide == GUIDE),
        "only started checklists count"
    );
    assert!(due.windows(2).all(|w| w[0].due <= w[1].due));
    assert!(!due.iter().any(|d| d.item == "set-band-and-role"));

    let fresh = j.start_new_cycle(GUIDE, day("2026-04-01")).unwrap();
    assert_eq!((fresh.cycle.number, fresh.done), (2, 0));
    assert_eq!(fresh.history.len(), 2);
    assert_eq!(fresh.history[1].checked, 1);
}

#[test]
fn readiness_is_measured_on_the_journal() {
    let (_dir, mut j) = journal();
    let empty = j.readiness().unwrap();
    assert!(empty.stages.len() >= 3);
    assert_eq!(
        empty.current_stage.as_deref(),
        Some(empty.stages[0].id.as_str())
    );
    assert!(empty.stages.iter().all(|s| s.met == 0));
    assert!(empty.stages[0].proofs.iter().all(|p| !p.missing.is_empty()));

    // A fixture journal: a multi-team project with an improved metric, an RFC, three PRs,
    // a reviewed decision with options, mentoring feedback rated 5.
    let p = j
        .add(ProjectInput {
            title: "Checkout rewrite".into(),
            scope: Some(Scope::MultiTeam),
            ..Default::default()
        })
        .unwrap();
    j.add(MetricInput {
        project_id: p.id,
        name: "p99".into(),
        baseline: Some(800.0),
        result: 120.0,
        better: Some(Direction::Lower),
        ..Default::default()
    })
    .unwrap();
    j.add(MetricInput {
        project_id: p.id,
        name: "errors".into(),
        baseline: Some(1.0),
        result: 3.0,
        better: Some(Direction::Lower),
        ..Default::default()
    })
    .unwrap();
    for (kind, title) in [
        (ArtifactKind::Rfc, "RFC-12"),
        (ArtifactKind::Pr, "PR 1"),
        (ArtifactKind::Pr, "PR 2"),
        (ArtifactKind::Pr, "PR 3"),
    ] {
        j.add(ArtifactInput {
            project_id: p.id,
            kind: Some(kind),
            title: title.into(),
            ..Default::default()
        })
        .unwrap();
    }
    j.add(DecisionInput {
        project_id: Some(p.id),
        title: "Queue writes".into(),
        options: vec!["Kafka".into(), "Outbox".into()],
        chosen: "Kafka".into(),
        outcome: Some("Held at 3x load".into()),
        ..Default::default()
    })
    .unwrap();
    j.add(FeedbackInput {
        source: "mentee".into(),
        text: "Pairing sessions got me shipping alone".into(),
        rating: Some(5),
        labels: Labels {
            skills: vec!["Mentoring".into()],
            ..Default::default()
        },
        ..Default::default()
    })
    .unwrap();

    let map = j.readiness().unwrap();
    let proof = |stage: &str, proof: &str| {
        map.stages
            .iter()
            .find(|s| s.id == stage)
            .unwrap()
            .proofs
            .iter()
            .find(|p| p.id == proof)
            .unwrap()
            .clone()
    };
    assert!(
        proof("foundation", "shipped-feature").met,
        "multi-team is wider than feature"
    );
    assert!(proof("foundation", "moved-a-number").met);
    let prs = proof("foundation", "reviewable-prs");
    assert!(prs.met && prs.found == 3 && prs.entries.len() == 3);
    assert!(proof("foundation", "peer-vouches").met);
    assert!(proof("scope-expansion", "wrote-an-rfc").met);
    assert_eq!(
        proof("scope-expansion", "wrote-an-rfc").entries[0].project_id,
        Some(p.id)
    );
    assert!(!proof("scope-expansion", "led-an-incident").met);
    assert_eq!(
        proof("scope-expansion", "led-an-incident").missing,
        "1 postmortem"
    );
    assert!(
        proof("leverage", "grew-someone").met,
        "a skill label in any case and spacing"
    );
    assert!(proof("leverage", "closed-the-loop").met);
    let gains = proof("leverage", "repeatable-gains");
    assert_eq!(
        (gains.found, gains.met),
        (1, false),
        "a regression does not count"
    );
    assert!(!proof("organizational", "org-wide-initiative").met);
    assert_eq!(map.current_stage.as_deref(), Some("scope-expansion"));
}
