//! Bullets on a temporary journal: generation that keeps edits, variants, every export,
//! and the JSON Resume export checked against the official schema.

use chrono::NaiveDate;

use super::*;
use crate::journal::*;
use crate::profile::Profile;
use crate::{Error, Journal};

use crate::test_support::journal;

fn day(text: &str) -> Option<NaiveDate> {
    Some(text.parse().unwrap())
}

/// Two organizations, two roles, metrics in time, percent and money, a decision.
fn fixture(j: &mut Journal) -> (Project, Metric, Project) {
    let checkout = j
        .add(ProjectInput {
            title: "Checkout rewrite".into(),
            organization: Some("Acme".into()),
            role: Some("Tech lead".into()),
            started_on: day("2024-01-10"),
            ended_on: day("2024-06-30"),
            scope: Some(Scope::MultiTeam),
            labels: Labels {
                tags: vec!["backend".into()],
                skills: vec!["technical leadership".into()],
                ..Default::default()
            },
            ..Default::default()
        })
        .unwrap();
    let latency = j
        .add(MetricInput {
            project_id: checkout.id,
            name: "p99 checkout latency".into(),
            unit: Some("ms".into()),
            baseline: Some(800.0),
            result: Some(120.0),
            better: Some(Direction::Lower),
            evidence: Some("Grafana checkout board".into()),
            ..Default::default()
        })
        .unwrap();
    j.add(MetricInput {
        project_id: checkout.id,
        name: "Cloud cost".into(),
        unit: Some("$".into()),
        baseline: Some(50_000.0),
        result: Some(30_000.0),
        better: Some(Direction::Lower),
        ..Default::default()
    })
    .unwrap();
    j.add(DecisionInput {
        project_id: Some(checkout.id),
        title: "Queue checkout writes".into(),
        options: vec!["Kafka".into(), "Postgres outbox".into()],
        chosen: "Kafka".into(),
        tradeoffs: Some("more moving parts for replayable writes".into()),
        decided_on: day("2024-02-01"),
        ..Default::default()
    })
    .unwrap();
    let search = j
        .add(ProjectInput {
            title: "Search relevance".into(),
            organization: Some("Globex".into()),
            role: Some("Senior engineer".into()),
            started_on: day("2022-03-01"),
            ended_on: day("2022-09-01"),
            labels: Labels { tags: vec!["ml".into()], ..Default::default() },
            ..Default::default()
        })
        .unwrap();
    j.add(MetricInput {
        project_id: search.id,
        name: "Search CTR".into(),
        unit: Some("%".into()),
        baseline: Some(4.0),
        result: Some(5.2),
        better: Some(Direction::Higher),
        evidence: Some("A/B test report".into()),
        ..Default::default()
    })
    .unwrap();
    (checkout, latency, search)
}

fn profile() -> Profile {
    Profile {
        name: Some("Robin Vale".into()),
        headline: Some("Staff backend engineer".into()),
        email: Some("ada@example.com".into()),
        location: Some("London".into()),
        ..Default::default()
    }
}

#[test]
fn bullets_are_generated_with_their_sources_and_lint() {
    let (_dir, mut j) = journal();
    let (checkout, latency, _) = fixture(&mut j);
    assert!(j.refresh_bullets().unwrap() > 0);
    assert_eq!(j.refresh_bullets().unwrap(), 0, "nothing changes twice");
    let bullets = j.bullets().unwrap();
    let cut = bullets.iter().find(|b| b.key == format!("metric:{}", latency.id)).unwrap();
    assert_eq!(
        cut.text,
        "Cut p99 checkout latency by 85% (800 ms → 120 ms) through the checkout rewrite"
    );
    assert_eq!(cut.sources, vec![checkout.id, latency.id]);
    assert!(cut.included && cut.findings.is_empty(), "{:?}", cut.findings);
    let cost = bullets.iter().find(|b| b.text.contains("cloud cost")).unwrap();
    assert!(cost.text.contains("$50,000 → $30,000"));
    assert!(cost.findings.iter().any(|f| f.rule == LintRule::MetricWithoutEvidence));
    let decision = bullets.iter().find(|b| b.key.starts_with("decision:")).unwrap();
    assert_eq!(decision.text, "Chose Kafka over Postgres outbox to queue checkout writes, trading more moving parts for replayable writes");
    assert!(!decision.included);
    let project = bullets.iter().find(|b| b.key == format!("project:{}", checkout.id)).unwrap();
    assert_eq!(project.text, "Led the checkout rewrite across several teams at Acme");
    assert!(project.findings.iter().any(|f| f.rule == LintRule::NoNumber));
}

#[test]
fn an_edited_bullet_keeps_its_words_and_sources_through_regeneration() {
    let (_dir, mut j) = journal();
    let (checkout, latency, _) = fixture(&mut j);
    j.refresh_bullets().unwrap();
    let id = j
        .bullets()
        .unwrap()
        .into_iter()
        .find(|b| b.key == format!("metric:{}", latency.id))
        .unwrap()
        .id;
    let edited =
        j.edit_bullet(id, "Cut p99 checkout latency 85% by moving writes onto a queue").unwrap();
    assert!(edited.edited);
    assert!(matches!(j.edit_bullet(id, "  "), Err(Error::Invalid { .. })));

    // The metric changes: the generated wording follows, the edit stays.
    j.update(latency.id, MetricInput { result: Some(100.0), ..latency.input.clone() }).unwrap();
    j.refresh_bullets().unwrap();
    let after = j.bullet(id).unwrap();
    assert_eq!(after.text, "Cut p99 checkout latency 85% by moving writes onto a queue");
    assert!(after.generated_text.contains("800 ms → 100 ms"));
    assert_eq!(after.sources, vec![checkout.id, latency.id]);
    let reset = j.reset_bullet(id).unwrap();
    assert_eq!(reset.text, after.generated_text);
    assert!(!reset.edited);

    // A trashed project hides its bullets; restoring brings the edits back.
    j.edit_bullet(id, "Edited before the trash, 85% faster").unwrap();
    let item = j.delete_entry(checkout.id).unwrap();
    j.refresh_bullets().unwrap();
    assert!(j.bullets().unwrap().iter().all(|b| b.project_id != checkout.id));
    j.restore(item.id).unwrap();
    j.refresh_bullets().unwrap();
    assert_eq!(j.bullet(id).unwrap().text, "Edited before the trash, 85% faster");
}

#[test]
fn order_and_picks_persist() {
    let (_dir, mut j) = journal();
    fixture(&mut j);
    j.refresh_bullets().unwrap();
    let ids: Vec<i64> = j.bullets().unwrap().iter().map(|b| b.id).collect();
    let reversed: Vec<i64> = ids.iter().rev().copied().collect();
    let ordered = j.order_bullets(&reversed).unwrap();
    assert_eq!(ordered.iter().map(|b| b.id).collect::<Vec<_>>(), reversed);
    assert!(matches!(j.order_bullets(&[9_999]), Err(Error::NotFound { .. })));
    let decision = ordered.iter().find(|b| b.key.starts_with("decision:")).unwrap();
    assert!(j.include_bullet(decision.id, true).unwrap().included);
}

#[test]
fn variants_select_order_and_reword_on_their_own() {
    let (_dir, mut j) = journal();
    let (_, latency, _) = fixture(&mut j);
    j.refresh_bullets().unwrap();
    let backend = j
        .save_variant(
            None,
            "Staff backend",
            &VariantFilter { tags: vec!["backend".into()], ..Default::default() },
        )
        .unwrap();
    assert!(backend.bullets.iter().all(|b| b.project_title == "Checkout rewrite"));
    assert_eq!(backend.bullets.len(), 2, "the two picked metric bullets of the backend project");
    assert!(matches!(
        j.save_variant(None, "staff BACKEND", &VariantFilter::default()),
        Err(Error::Invalid { .. })
    ));

    let cut =
        backend.bullets.iter().find(|b| b.key == format!("metric:{}", latency.id)).unwrap().id;
    let other = backend.bullets.iter().find(|b| b.id != cut).unwrap().id;
    let tailored = j
        .tailor_bullet(
            backend.id,
            cut,
            Some("Cut p99 latency 85% for staff panels"),
            false,
            Some(10),
        )
        .unwrap();
    assert_eq!(tailored.bullets.last().unwrap().text, "Cut p99 latency 85% for staff panels");
    assert_eq!(
        j.bullet(cut).unwrap().text,
        "Cut p99 checkout latency by 85% (800 ms → 120 ms) through the checkout rewrite",
        "the base bullet is untouched"
    );
    let without = j.tailor_bullet(backend.id, other, None, true, None).unwrap();
    assert_eq!(without.bullets.len(), 1);

    let dated = j
        .save_variant(
            None,
            "Recent",
            &VariantFilter { since: day("2023-01-01"), ..Default::default() },
        )
        .unwrap();
    assert!(dated.bullets.iter().all(|b| b.organization.as_deref() == Some("Acme")));
    let gone = j.delete_variant(dated.id).unwrap();
    assert!(j.variants().unwrap().iter().all(|v| v.id != dated.id));
    assert_eq!(j.restore_variant(gone.id).unwrap().name, "Recent");

    let exported = j.bullets_for_export(Some("staff backend"), &VariantFilter::default()).unwrap();
    assert_eq!(exported.len(), 1);
    assert!(matches!(
        j.bullets_for_export(Some("nope"), &VariantFilter::default()),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn every_export_format_holds_the_chosen_bullets() {
    let (_dir, mut j) = journal();
    fixture(&mut j);
    let bullets = j.bullets_for_export(None, &VariantFilter::default()).unwrap();
    let profile = profile();

    let md = markdown(&bullets, &profile);
    assert!(md.starts_with(
        "# Robin Vale\n\nStaff backend engineer · [ada@example.com](mailto:ada@example.com) · London\n\n## Experience\n"
    ));
    assert!(md.contains("\n## Skills\n"), "{md}");
    let acme = md.find("## Tech lead, Acme").unwrap();
    let globex = md.find("## Senior engineer, Globex").unwrap();
    assert!(acme < globex, "most recent role first");
    assert!(md.contains("*Jan 2024 – Jun 2024*"));
    assert!(md.contains(
        "- Cut p99 checkout latency by 85% (800 ms → 120 ms) through the checkout rewrite\n"
    ));
    assert!(md.contains(
        "- Raised search CTR by 1.2 points (30%) to 5.2% through the search relevance project\n"
    ));

    let text = plain_text(&bullets, &profile);
    assert!(text.contains("TECH LEAD, ACME (Jan 2024 – Jun 2024)\n  * Cut p99"));
    assert!(!text.contains('#'));

    let only_ml = j
        .bullets_for_export(None, &VariantFilter { tags: vec!["ml".into()], ..Default::default() })
        .unwrap();
    assert_eq!(only_ml.len(), 1);
}

#[test]
fn the_json_resume_export_passes_the_official_schema() {
    let (_dir, mut j) = journal();
    fixture(&mut j);
    let bullets = j.bullets_for_export(None, &VariantFilter::default()).unwrap();
    let skills = j.journal_skills().unwrap();
    let resume = json_resume(&bullets, &profile(), &skills);

    let schema: serde_json::Value =
        serde_json::from_str(include_str!("jsonresume-schema.json")).unwrap();
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).unwrap();
    let errors: Vec<String> =
        validator.iter_errors(&resume).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:?}\n{resume:#}");

    assert_eq!(resume["basics"]["name"], "Robin Vale");
    assert_eq!(resume["basics"]["location"]["city"], "London");
    assert_eq!(resume["work"][0]["name"], "Acme");
    assert_eq!(resume["work"][0]["position"], "Tech lead");
    assert_eq!(resume["work"][0]["startDate"], "2024-01-10");
    assert_eq!(resume["work"][0]["endDate"], "2024-06-30");
    assert_eq!(resume["work"][0]["highlights"].as_array().unwrap().len(), 2);
    assert_eq!(resume["skills"][0]["name"], "technical leadership");

    // The schema check can fail: a date that is not ISO is caught.
    let mut broken = resume.clone();
    broken["work"][0]["startDate"] = serde_json::json!("Jan 2024");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn the_brag_document_covers_its_period() {
    let (_dir, mut j) = journal();
    let (checkout, _, _) = fixture(&mut j);
    j.add(FeedbackInput {
        project_id: Some(checkout.id),
        source: "manager".into(),
        text: "Calm, clear rollout".into(),
        date: day("2024-05-01"),
        ..Default::default()
    })
    .unwrap();
    let projects = j.projects_between(day("2024-01-01"), day("2024-12-31")).unwrap();
    assert_eq!(projects.len(), 1);
    let doc = brag_document(
        &BragEntries {
            since: day("2024-01-01"),
            until: day("2024-12-31"),
            projects: &projects,
            reviews: &[],
        },
        &profile(),
    );
    assert!(doc.starts_with("# Brag document: Robin Vale\n\nPeriod: 2024-01-01 to 2024-12-31\n"));
    assert!(doc.contains("## Checkout rewrite"));
    assert!(doc.contains(
        "- p99 checkout latency: 800 ms → 120 ms · −85% · better — evidence: Grafana checkout board"
    ));
    assert!(doc.contains("- Queue checkout writes: chose Kafka."));
    assert!(doc.contains("- manager (2024-05-01): \"Calm, clear rollout\""));
    assert!(!doc.contains("Search relevance"));
    let empty = brag_document(
        &BragEntries { since: day("2030-01-01"), until: None, projects: &[], reviews: &[] },
        &Profile::default(),
    );
    assert!(empty.contains("No projects in this period."));
}

/// Regeneration is skipped while nothing was written, and never misses a write: its own,
/// another connection's, or a restored backup.
#[test]
fn bullets_follow_every_write_and_only_regenerate_after_one() {
    let (dir, mut j) = journal();
    let (_, latency, _) = fixture(&mut j);
    // Taken before any bullet exists: restoring it must bring regeneration back.
    let backup = j.create_backup(5, &|_, _| {}).unwrap();
    let text_of = |j: &Journal, metric: i64| {
        j.bullets()
            .unwrap()
            .into_iter()
            .find(|b| b.key == format!("metric:{metric}"))
            .map(|b| b.text)
            .unwrap()
    };
    assert!(j.refresh_bullets().unwrap() > 0);
    assert_eq!(j.refresh_bullets().unwrap(), 0);
    let before = text_of(&j, latency.id);

    let mut edited = latency.input.clone();
    edited.result = Some(400.0);
    j.update(latency.id, edited).unwrap();
    assert_eq!(j.refresh_bullets().unwrap(), 1);
    let after_edit = text_of(&j, latency.id);
    assert_ne!(after_edit, before);

    let mut other = Journal::open(dir.path().join("journal.sqlite3")).unwrap();
    let mut again = latency.input.clone();
    again.result = Some(200.0);
    other.update(latency.id, again).unwrap();
    assert_eq!(j.refresh_bullets().unwrap(), 1);
    assert_ne!(text_of(&j, latency.id), after_edit);
    drop(other);

    j.restore_backup(backup.id, 5, &|_, _| {}).unwrap();
    assert!(j.refresh_bullets().unwrap() > 0);
    assert_eq!(text_of(&j, latency.id), before);
}

#[test]
fn a_decision_keeps_its_goal_and_its_bullet_says_it() {
    let (_dir, mut j) = journal();
    let (checkout, _, _) = fixture(&mut j);
    let queued = j
        .add(DecisionInput {
            project_id: Some(checkout.id),
            title: "Replay checkout writes".into(),
            goal: Some("To keep checkout writes replayable.".into()),
            options: vec!["Kafka".into(), "A Postgres outbox".into()],
            chosen: "Kafka".into(),
            tradeoffs: Some("more moving parts for replay when a consumer fails".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(queued.goal.as_deref(), Some("keep checkout writes replayable"));
    let back: Decision = j.entry(queued.id).unwrap();
    assert_eq!(back.goal, queued.goal);
    assert!(j.search("replayable", 0, 10).unwrap().hits.iter().any(|h| h.id == queued.id));
    j.refresh_bullets().unwrap();
    let bullet = j
        .bullets()
        .unwrap()
        .into_iter()
        .find(|b| b.key == format!("decision:{}", queued.id))
        .unwrap();
    assert_eq!(
        bullet.text,
        "Chose Kafka over a Postgres outbox to keep checkout writes replayable, trading more moving parts for replay when a consumer fails"
    );

    // The form's preview words the same bullet before the entry is saved.
    let preview = j.preview_bullet(None, &PreviewEntry::Decision(queued.input.clone())).unwrap();
    assert_eq!(preview.text.as_deref(), Some(bullet.text.as_str()));
    assert_eq!(preview.hint, None);
}

#[test]
fn a_metric_that_got_worse_never_claims_it_improved() {
    let (_dir, mut j) = journal();
    let ingest = j
        .add(ProjectInput {
            title: "Rebuild the ingest pipeline".into(),
            organization: Some("Fjord Logistics".into()),
            ..Default::default()
        })
        .unwrap();
    let add = |j: &mut Journal, name: &str, unit: &str, baseline: f64, result: f64, better| {
        j.add(MetricInput {
            project_id: ingest.id,
            name: name.into(),
            unit: Some(unit.into()),
            baseline: Some(baseline),
            result: Some(result),
            better: Some(better),
            evidence: Some("dashboard".into()),
            ..Default::default()
        })
        .unwrap()
    };
    let throughput = add(&mut j, "Peak throughput", "req/s", 2_000.0, 8_400.0, Direction::Higher);
    let coverage = add(&mut j, "Test coverage", "%", 36.0, 35.0, Direction::Higher);
    let recovery = add(&mut j, "Mean time to recovery", "min", 95.0, 118.0, Direction::Lower);
    j.refresh_bullets().unwrap();
    let bullets = j.bullets().unwrap();
    let of = |id: i64| bullets.iter().find(|b| b.key == format!("metric:{id}"));
    assert!(of(recovery.id).is_none(), "a plain regression makes no bullet");
    let held = of(coverage.id).unwrap();
    assert_eq!(
        held.text,
        "Held test coverage within 1 point (36% → 35%) while growing peak throughput 4.2x"
    );
    assert_eq!(held.sources, vec![ingest.id, coverage.id, throughput.id]);
    assert!(!held.included && held.findings.is_empty(), "{:?}", held.findings);

    // An edit that words the regression as a win is flagged against the metric it cites.
    let edited = j.edit_bullet(held.id, "Raised test coverage by 1 point (36% → 35%)").unwrap();
    assert!(edited.findings.iter().any(|f| f.rule == LintRule::ClaimNotShown));
    // The edit survives regeneration, and so does its flag.
    j.update(throughput.id, MetricInput { result: Some(9_000.0), ..throughput.input.clone() })
        .unwrap();
    j.refresh_bullets().unwrap();
    let after = j.bullet(held.id).unwrap();
    assert_eq!(after.text, "Raised test coverage by 1 point (36% → 35%)");
    assert!(after.generated_text.contains("4.5x"));
}

#[test]
fn typed_text_is_linted_with_the_journals_names() {
    let (_dir, mut j) = journal();
    fixture(&mut j);
    let rules = |text: &str| -> Vec<(LintRule, Option<String>)> {
        j.lint_text(text).unwrap().into_iter().map(|f| (f.rule, f.excerpt)).collect()
    };
    assert_eq!(rules("Cut Kafka lag at Globex by 40% with Acme"), vec![]);
    assert_eq!(rules("Promoted to Tech lead after 3 launches at Acme"), vec![]);
    assert_eq!(
        rules("Delivered Simplify the CI pipeline at Acme in 3 weeks"),
        vec![
            (LintRule::StrayCapital, Some("Simplify".into())),
            (LintRule::VerbAfterVerb, Some("Delivered Simplify".into())),
        ]
    );
}
