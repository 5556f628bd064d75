//! Checklists and readiness on a temporary journal, against the real guides.

use crate::journal::*;
use crate::{Error, Journal};

use crate::test_support::{day, journal};

const GUIDE: &str = "technical-leader";

#[test]
fn checklist_progress_survives_a_restart_and_cycles_keep_history() {
    let (dir, mut j) = journal();
    let start = day("2026-01-05");
    let list = j.checklist(GUIDE, start).unwrap();
    assert!(list.total >= 10);
    assert_eq!((list.done, list.cycle.as_ref()), (0, None));

    let list = j.set_checked(GUIDE, "set-band-and-role", true, start).unwrap();
    assert_eq!(list.done, 1);
    assert_eq!(list.cycle.as_ref().map(|c| c.number), Some(1));
    let first = list.items.iter().find(|i| i.id == "set-band-and-role").unwrap();
    assert_eq!(first.due, Some(day("2026-01-08")), "due 3 days into the cycle");
    let missing = j.set_checked(GUIDE, "no-such-item", true, start);
    assert!(matches!(missing, Err(Error::NotFound { .. })));
    assert!(matches!(j.checklist("no-such-guide", start), Err(Error::NotFound { .. })));
    drop(j);

    let mut j = Journal::open(dir.path().join("journal.sqlite3")).unwrap();
    let later = day("2026-01-20");
    let list = j.checklist(GUIDE, later).unwrap();
    let item = list.items.iter().find(|i| i.id == "set-band-and-role").unwrap();
    assert!(item.checked && item.checked_at.is_some());
    let overdue = list.items.iter().find(|i| i.id == "place-yourself").unwrap();
    assert!(overdue.overdue, "due on the 12th, unchecked on the 20th");

    let due = j.due_items(later).unwrap();
    assert!(due.iter().all(|d| d.guide == GUIDE), "only started checklists count");
    assert!(due.windows(2).all(|w| w[0].due <= w[1].due));
    assert!(!due.iter().any(|d| d.item == "set-band-and-role"));

    let fresh = j.start_new_cycle(GUIDE, day("2026-04-01")).unwrap();
    assert_eq!((fresh.cycle.map(|c| c.number), fresh.done), (Some(2), 0));
    assert_eq!(fresh.history.len(), 2);
    assert_eq!(fresh.history[1].checked, 1);
}

/// Opening a checklist reads it: no cycle starts until the first check or an explicit
/// start, and unchecking on an unstarted checklist starts nothing either.
#[test]
fn reading_a_checklist_starts_no_cycle() {
    let (dir, mut j) = journal();
    let start = day("2026-01-05");
    for _ in 0..3 {
        let list = j.checklist(GUIDE, start).unwrap();
        assert_eq!(list.cycle, None);
        assert!(list.history.is_empty());
        let item = list.items.iter().find(|i| i.id == "set-band-and-role").unwrap();
        assert_eq!((item.due, item.due_days), (None, Some(3)), "not due before a start");
    }
    j.set_checked(GUIDE, "set-band-and-role", false, start).unwrap();
    assert!(j.cycles(GUIDE).unwrap().is_empty(), "an uncheck starts nothing");
    assert!(j.due_items(start).unwrap().is_empty());
    drop(j);
    // Nothing was written: the file holds no cycle for anyone to find later.
    let mut j = Journal::open(dir.path().join("journal.sqlite3")).unwrap();
    assert!(j.cycles(GUIDE).unwrap().is_empty());

    // Asked for, the first cycle starts today.
    let started = j.start_new_cycle(GUIDE, start).unwrap();
    let cycle = started.cycle.unwrap();
    assert_eq!((cycle.number, cycle.started_on), (1, start));
    assert_eq!(started.history.len(), 1);
}

/// Items the journal already proves are offered as done, naming the entry; accepting
/// is a normal check, and a later cycle asks for work done since it began.
#[test]
fn the_journal_suggests_the_items_it_proves() {
    let (_dir, mut j) = journal();
    let today = day("2026-01-05");
    let suggested = |j: &Journal, item: &str| {
        let list = j.checklist(GUIDE, today).unwrap();
        let entry = list.items.into_iter().find(|i| i.id == item).unwrap();
        entry.suggested
    };
    assert_eq!(j.checklist(GUIDE, today).unwrap().suggested, 0);
    assert_eq!(suggested(&j, "log-recent-project"), None);

    let project = j
        .add(ProjectInput { title: "Rebuild the checkout flow".into(), ..Default::default() })
        .unwrap();
    let offered = suggested(&j, "log-recent-project").unwrap();
    assert_eq!(
        (offered.kind, offered.id, offered.title.as_str(), offered.project_id),
        (EntryKind::Project, project.id, "Rebuild the checkout flow", Some(project.id))
    );
    assert_eq!(suggested(&j, "add-a-metric"), None, "no metric yet");

    // A metric counts once it has its baseline.
    let metric = j
        .add(MetricInput {
            project_id: project.id,
            name: "p99 latency".into(),
            result: Some(120.0),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(suggested(&j, "add-a-metric"), None, "no baseline, no proof");
    let mut input = metric.to_input();
    input.baseline = Some(800.0);
    j.update(metric.id, input).unwrap();
    assert_eq!(suggested(&j, "add-a-metric").unwrap().id, metric.id);

    let rfc = j
        .add(ArtifactInput {
            project_id: project.id,
            kind: Some(ArtifactKind::Rfc),
            title: "RFC: one checkout service".into(),
            ..Default::default()
        })
        .unwrap();
    let linked = suggested(&j, "link-an-artifact").unwrap();
    assert_eq!((linked.kind, linked.id), (EntryKind::Artifact, rfc.id));

    let decision = j
        .add(DecisionInput {
            project_id: Some(project.id),
            title: "Queue or cron".into(),
            options: vec!["Queue".into(), "Cron".into()],
            chosen: "Queue".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(suggested(&j, "record-a-decision").unwrap().id, decision.id);

    let story = j
        .add(crate::stories::StoryInput {
            title: "Leading the checkout rebuild".into(),
            questions: vec!["tell-me-about-your-leadership-experience".into()],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(suggested(&j, "rehearse-leadership-story"), None, "not rehearsed yet");
    j.add(crate::stories::RehearsalInput {
        story_id: story.id,
        total_ms: 95_000,
        ..Default::default()
    })
    .unwrap();
    let rehearsed = suggested(&j, "rehearse-leadership-story").unwrap();
    assert_eq!((rehearsed.kind, rehearsed.id), (EntryKind::Story, story.id));

    // Reading with suggestions still writes nothing; accepting one is a check.
    let list = j.checklist(GUIDE, today).unwrap();
    assert!(list.cycle.is_none());
    assert!(list.suggested >= 5, "{}", list.suggested);
    let list = j.set_checked(GUIDE, "log-recent-project", true, today).unwrap();
    let item = list.items.iter().find(|i| i.id == "log-recent-project").unwrap();
    assert!(item.checked);
    assert_eq!(item.suggested, None, "a checked item needs no suggestion");
    assert!(suggested(&j, "add-a-metric").is_some(), "the first cycle takes the whole record");

    // A second cycle starts tomorrow: yesterday's work is not offered again.
    j.start_new_cycle(GUIDE, day("2099-01-01")).unwrap();
    assert_eq!(suggested(&j, "log-recent-project"), None);
    assert_eq!(suggested(&j, "add-a-metric"), None);
}

#[test]
fn readiness_is_measured_on_the_journal() {
    let (_dir, mut j) = journal();
    let empty = j.readiness().unwrap();
    assert!(empty.stages.len() >= 3);
    assert_eq!(empty.current_stage.as_deref(), Some(empty.stages[0].id.as_str()));
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
        result: Some(120.0),
        better: Some(Direction::Lower),
        ..Default::default()
    })
    .unwrap();
    j.add(MetricInput {
        project_id: p.id,
        name: "errors".into(),
        baseline: Some(1.0),
        result: Some(3.0),
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
        source: "skip-level".into(),
        text: "Ran the migration review like a staff engineer".into(),
        rating: Some(5),
        labels: Labels { skills: vec!["Leadership".into()], ..Default::default() },
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
    assert!(proof("foundation", "shipped-feature").met, "multi-team is wider than feature");
    assert!(proof("foundation", "moved-a-number").met);
    let prs = proof("foundation", "reviewable-prs");
    assert!(prs.met && prs.found == 3 && prs.entries.len() == 3);
    assert!(proof("foundation", "peer-vouches").met);
    assert!(proof("scope-expansion", "wrote-an-rfc").met);
    assert_eq!(proof("scope-expansion", "wrote-an-rfc").entries[0].project_id, Some(p.id));
    assert!(!proof("scope-expansion", "led-an-incident").met);
    assert_eq!(proof("scope-expansion", "led-an-incident").missing, "1 postmortem");
    assert!(proof("organizational", "leadership-feedback").met, "a skill label in any case");
    assert!(!proof("leverage", "grew-someone").met, "feedback alone is not a mentee's outcome");
    assert!(proof("leverage", "closed-the-loop").met);
    let gains = proof("leverage", "repeatable-gains");
    assert_eq!((gains.found, gains.met), (1, false), "a regression does not count");
    assert!(!proof("organizational", "org-wide-initiative").met);
    assert_eq!(map.current_stage.as_deref(), Some("scope-expansion"));
}
