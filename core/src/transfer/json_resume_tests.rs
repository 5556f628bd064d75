//! The JSON Resume reader: the sample's every part lands where it belongs, a second import
//! adds nothing, a preview writes nothing, and broken files are refused in words.

use super::plan;
use crate::journal::{EntryKind, Project};
use crate::test_support::journal;

const SAMPLE: &[u8] = include_bytes!("../../tests/samples/resume.json");

fn kinds(p: &crate::transfer::import::ImportPlan, kind: EntryKind) -> usize {
    p.file.entries.iter().filter(|e| e.kind == kind).count()
}

#[test]
fn the_sample_reads_into_profile_positions_highlights_metrics_and_skills() {
    let p = plan(SAMPLE).unwrap();
    let profile = p.file.profile.clone().unwrap();
    assert_eq!(profile.name.as_deref(), Some("Robin Okafor"));
    assert_eq!(profile.headline.as_deref(), Some("Senior Backend Engineer"));
    assert_eq!(profile.location.as_deref(), Some("Lisbon, PT"));
    assert_eq!(kinds(&p, EntryKind::Project), 3, "two positions and a project");
    // "800 ms to 120 ms" and "6 h to 45 min" are numbers that moved.
    assert_eq!(kinds(&p, EntryKind::Metric), 2);
    let metric = p.file.entries.iter().find(|e| e.kind == EntryKind::Metric).unwrap();
    assert_eq!(metric.fields["baseline"], 800.0);
    assert_eq!(metric.fields["result"], 120.0);
    assert_eq!(metric.fields["unit"], "ms");
    // The other highlights are notes on their position, and the publication one more.
    assert_eq!(kinds(&p, EntryKind::Note), 5);
    assert_eq!(kinds(&p, EntryKind::Feedback), 1, "the award");
    assert_eq!(p.file.bullets.len(), 6, "one bullet per highlight");
    assert!(p.file.bullets.iter().all(|b| b.edited && b.included));
    let first = &p.file.entries[0];
    assert_eq!(first.fields["title"], "Senior Backend Engineer at Northwind Payments");
    assert_eq!(first.fields["organization"], "Northwind Payments");
    assert_eq!(first.fields["started_on"], "2022-03-01");
    assert_eq!(first.fields["status"], "active");
    // PostgreSQL is named in Northwind's highlights; Rust nowhere, so on the latest position.
    let skills = first.fields["skills"].as_array().unwrap();
    assert!(skills.contains(&"PostgreSQL".into()) && skills.contains(&"Rust".into()), "{skills:?}");
    assert_eq!(p.skipped.len(), 1);
    assert_eq!(p.skipped[0].what, "education (1)");
    assert_eq!(p.places[0], "work 1 (\"Senior Backend Engineer at Northwind Pay…\")");
}

#[test]
fn the_import_fills_the_journal_and_the_resume_once() {
    let (_dir, mut j) = journal();
    let preview = j.import_plan(plan(SAMPLE).unwrap(), "resume.json", false).unwrap();
    assert!(!preview.committed);
    assert_eq!(preview.report.added, 11);
    assert_eq!(preview.bullets, 6);
    assert_eq!(preview.profile, ["name", "headline", "email", "location", "summary"]);
    assert_eq!(preview.first.len(), crate::transfer::import::FIRST);
    assert_eq!(preview.first[0].title, "Senior Backend Engineer at Northwind Payments");
    assert_eq!(j.list_projects(0, 10).unwrap().total, 0, "a preview writes nothing");
    assert!(j.profile().unwrap().name.is_none());

    let done = j.import_plan(plan(SAMPLE).unwrap(), "resume.json", true).unwrap();
    assert_eq!(done.report, preview.report, "the preview said what the import does");
    let page = j.list_projects(0, 10).unwrap();
    assert_eq!(page.total, 3);
    let titles: Vec<String> = page.projects.iter().map(|p| p.project.title.clone()).collect();
    assert!(titles.contains(&"Backend Engineer at Contoso Retail".to_string()), "{titles:?}");
    assert_eq!(j.profile().unwrap().name.as_deref(), Some("Robin Okafor"));
    assert!(j.journal_skills().unwrap().iter().any(|s| s == "Kafka"));

    j.refresh_bullets().unwrap();
    let bullets = j.bullets().unwrap();
    let cut = bullets.iter().find(|b| b.text.starts_with("Cut checkout p99 latency")).unwrap();
    assert!(cut.edited && cut.included, "the resume's words stay through regeneration");
    assert!(bullets.iter().any(|b| b.text == "Wrote the on-call runbook the team still uses"));

    let again = j.import_plan(plan(SAMPLE).unwrap(), "resume.json", true).unwrap();
    assert_eq!((again.report.added, again.report.updated), (0, 0), "nothing new the second time");
    assert_eq!(j.bullets().unwrap().len(), bullets.len());

    // A position edited here since stays as edited.
    let local: Project = page.projects[0].project.clone();
    let mut input = crate::journal::Stored::to_input(&local);
    input.summary = Some("My own words now.".into());
    j.update(local.id, input).unwrap();
    j.import_plan(plan(SAMPLE).unwrap(), "resume.json", true).unwrap();
    assert_eq!(j.entry::<Project>(local.id).unwrap().summary.as_deref(), Some("My own words now."));
}

#[test]
fn a_broken_resume_is_refused_saying_where() {
    let cases: &[(&str, &str)] = &[
        (r#"{"work": [{"name": "Contoso", "startDate": "March 2020"}]}"#,
         "work 1 (\"Contoso\"): the start date is not a date (\"March 2020\"); JSON Resume writes 2024-03-01, 2024-03 or 2024"),
        (r#"{"work": [{"name": "A"}, {"name": "Contoso", "startDate": "2021-01", "endDate": "2020-01"}]}"#,
         "work 2 (\"Contoso\"): the end date (2020-01-01) is before the start date (2021-01-01)"),
        (r#"{"work": {"name": "Contoso"}}"#, "is it a JSON Resume (resume.json)?"),
        (r#"{"work": [{"name": "Contoso", "highlights": [5]}]}"#, "is it a JSON Resume (resume.json)?"),
        (r#"{"basics": {"email": "not an address"}}"#, "the profile"),
        ("[1, 2", "ends too early, at line 1"),
        ("", "the file is empty"),
    ];
    for (text, needle) in cases {
        let refused = plan(text.as_bytes()).map(|_| ()).and_then(|()| {
            let (_dir, mut j) = journal();
            j.import_plan(plan(text.as_bytes()).unwrap(), "", true).map(|_| ())
        });
        let message = refused.unwrap_err().to_string();
        assert!(message.contains(needle), "{needle}\n  got: {message}");
    }
}

#[test]
fn a_position_twice_is_imported_once_and_reported() {
    let text = r#"{"work": [
        {"name": "Contoso", "position": "Engineer", "startDate": "2020"},
        {"name": "Contoso", "position": "Engineer", "startDate": "2020"}]}"#;
    let p = plan(text.as_bytes()).unwrap();
    assert_eq!(p.file.entries.len(), 1);
    assert_eq!(p.skipped[0].what, "work 2 (\"Engineer at Contoso\")");
    assert_eq!(p.skipped[0].why, "the same position appears earlier in the file");
}

#[test]
fn ten_thousand_highlights_import_in_one_go() {
    let highlights: Vec<String> = (0..10_000)
        .map(|n| format!("Shipped change {n} and cut build time from 9 min to 6 min"))
        .collect();
    let text = serde_json::json!({"work": [{"name": "Fabrikam", "position": "Engineer",
        "startDate": "2020-01", "highlights": highlights}]});
    let (_dir, mut j) = journal();
    let p = plan(text.to_string().as_bytes()).unwrap();
    let done = j.import_plan(p, "", true).unwrap();
    assert_eq!(done.report.added, 10_001);
    let again = j.import_plan(plan(text.to_string().as_bytes()).unwrap(), "", true).unwrap();
    assert_eq!(again.report.added, 0);
}
