//! Forms as the window sends them: every unreadable or broken field told at once, each in
//! plain words, by the input field the form marks.

use serde_json::json;

use super::*;
use crate::journal::{ArtifactInput, DecisionInput, MetricInput, ProjectInput};
use crate::stories::{RehearsalInput, StoryInput};
use crate::IpcError;

/// Every (field, message) of what the form gets back.
fn told<T: crate::store::Record>(value: Value) -> Vec<(String, String)> {
    match Form::<T>::new(value).decode_entry() {
        Ok(_) => Vec::new(),
        Err(error) => {
            let ipc = IpcError::from(&error);
            assert_eq!(
                (ipc.field.as_deref(), ipc.message.as_str()),
                (
                    ipc.errors.first().map(|e| e.field.as_str()),
                    ipc.errors.first().map(|e| e.message.as_str()).unwrap_or_default()
                ),
                "field and message are the first of the list"
            );
            ipc.errors.into_iter().map(|e| (e.field, e.message)).collect()
        }
    }
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(f, m)| (f.to_string(), m.to_string())).collect()
}

#[test]
fn a_metric_form_hears_of_every_bad_field_in_plain_words() {
    let cases: Vec<(Value, Vec<(&str, &str)>)> = vec![
        (
            json!({"project_id": 1, "name": "p99", "result": "lots"}),
            vec![("result", "is not a number (\"lots\")")],
        ),
        (
            json!({"project_id": 1, "name": "p99", "result": null}),
            vec![(
                "result",
                "is missing: enter it, or log the baseline now and the result when it is measured",
            )],
        ),
        (
            json!({"project_id": 1, "name": "p99"}),
            vec![(
                "result",
                "is missing: enter it, or log the baseline now and the result when it is measured",
            )],
        ),
        (
            json!({"project_id": 1, "name": " ", "result": 1, "baseline": "800ms",
                   "measured_on": "2024-02-30", "better": "sideways"}),
            vec![
                ("baseline", "is not a number (\"800ms\")"),
                (
                    "better",
                    "is not one of the choices (\"sideways\"); choose one of: lower, higher",
                ),
                ("measured_on", "is not a day of the calendar (\"2024-02-30\")"),
                ("name", "cannot be empty"),
            ],
        ),
        (
            json!({"project_id": "seven", "name": "p99", "result": 1, "measured_on": "yesterday"}),
            vec![
                ("measured_on", "is not a date (\"yesterday\"); write it as YYYY-MM-DD"),
                ("project_id", "is not a whole number (\"seven\")"),
            ],
        ),
        (
            json!({"project_id": 1, "name": "p99", "result": 1, "tags": "perf"}),
            vec![("tags", "should be a list")],
        ),
        (
            json!({"project_id": 1, "name": "p99", "result": "x", "tags": "perf", "skills": [5]}),
            vec![
                ("result", "is not a number (\"x\")"),
                ("skills", "should be text"),
                ("tags", "should be a list"),
            ],
        ),
        (
            json!({"project_id": 1, "name": "p99", "result": 1e300}),
            vec![("result", "is too large to be a measurement; check the digits")],
        ),
        (
            json!({"project_id": 1, "name": "p99", "result": 1, "measured_on": "1900-01-01"}),
            vec![("measured_on", "is 1900-01-01, outside 1950-2100; check the year")],
        ),
    ];
    for (value, expected) in cases {
        let shown = value.to_string();
        let mut got = told::<MetricInput>(value);
        got.sort();
        assert_eq!(got, pairs(&expected), "{shown}");
    }
}

#[test]
fn other_forms_hear_of_every_bad_field_too() {
    let project = told::<ProjectInput>(json!({
        "title": "", "started_on": "2024-05-01", "ended_on": "2024-01-01",
        "scope": "galaxy", "summary": "x".repeat(20_001)
    }));
    assert_eq!(
        project,
        pairs(&[
            (
                "scope",
                "is not one of the choices (\"galaxy\"); choose one of: task, feature, service, initiative, multi-team, organization"
            ),
            ("title", "cannot be empty"),
            (
                "ended_on",
                "is before the start (2024-01-01 is before 2024-05-01)"
            ),
            ("summary", "is 20001 characters long; the limit is 20000"),
        ]),
        "the unreadable field first, then the rules in form order"
    );

    let artifact = told::<ArtifactInput>(json!({
        "project_id": 1, "kind": "blog", "title": "Post", "url": "not a link"
    }));
    assert_eq!(
        artifact,
        pairs(&[
            (
                "kind",
                "is not one of the choices (\"blog\"); choose one of: RFC, pull request, postmortem, design doc, ADR, runbook, demo, talk"
            ),
            (
                "url",
                "\"not a link\" is not a web address (https://...)"
            ),
        ])
    );
    assert_eq!(
        told::<ArtifactInput>(json!({"project_id": 1, "kind": null, "title": "Post"})),
        pairs(&[(
            "kind",
            "choose one of: RFC, pull request, postmortem, design doc, ADR, runbook, demo, talk"
        )])
    );
    assert!(
        told::<ArtifactInput>(json!({"project_id": 1, "kind": "Pull request", "title": "Post"}))
            .is_empty(),
        "a kind in words is a kind"
    );

    let decision = told::<DecisionInput>(json!({
        "title": "Queue or cron", "options": [{"text": "Queue"}, {"text": "Cron"}],
        "chosen": "Kafka", "confidence": 300, "decided_on": "2024-05-01", "review_on": "2024-04-01"
    }));
    assert_eq!(
        decision,
        pairs(&[
            ("confidence", "is too large (300)"),
            (
                "chosen",
                "\"Kafka\" is not one of the options (Queue, Cron); pick one of them or add it as an option"
            ),
            (
                "review_on",
                "is before the decision date (2024-04-01 is before 2024-05-01)"
            ),
        ])
    );
    assert_eq!(
        told::<DecisionInput>(
            json!({"title": "x", "options": [], "chosen": "y", "confidence": -5})
        ),
        pairs(&[("confidence", "cannot be negative (-5)")])
    );

    let story = told::<StoryInput>(json!({
        "title": " ", "framework": "star", "target_seconds": "two minutes",
        "context": "not a STAR section", "project_ids": [1, 2], "metric_ids": [],
        "decision_ids": [], "questions": []
    }));
    assert_eq!(
        story,
        pairs(&[
            ("target_seconds", "is not a whole number (\"two minutes\")"),
            ("title", "cannot be empty"),
            (
                "context",
                "a STAR story has no context section; its sections are situation, task, action, result"
            ),
        ])
    );

    // A rehearsal is checked against its story's framework when it is saved.
    let rehearsal = Form::<RehearsalInput>::new(json!({
        "story_id": 1, "total_ms": 0, "section_ms": [1, 2], "rating": 9, "started_at": "yesterday"
    }))
    .decode_entry()
    .and_then(|r| crate::stories::validate::rehearsal(r, crate::stories::Framework::Star))
    .unwrap_err();
    let rehearsal: Vec<(String, String)> =
        rehearsal.field_errors().iter().map(|e| (e.field.clone(), e.reason.clone())).collect();
    assert_eq!(
        rehearsal,
        pairs(&[
            ("total_ms", "a rehearsal lasts between a moment and an hour"),
            ("section_ms", "a STAR story has 4 sections; 2 times were given"),
            ("rating", "must be from 1 to 5"),
            ("started_at", "\"yesterday\" is not a date and time (like 2024-03-01T09:30:00Z)"),
        ])
    );
}

#[test]
fn a_good_form_reads_and_odd_shapes_never_panic() {
    let metric = Form::<MetricInput>::new(json!({
        "project_id": 1, "name": "p99", "result": 120, "baseline": 800, "tags": ["perf"], "skills": []
    }))
    .decode_entry()
    .unwrap();
    assert_eq!((metric.baseline, metric.result), (Some(800.0), Some(120.0)));
    for odd in [
        json!(null),
        json!(5),
        json!("text"),
        json!([1, 2]),
        json!({"result": {"deep": [1, {"x": null}]}}),
        json!({"name": [[[[]]]], "project_id": -1, "result": true}),
    ] {
        let shown = odd.to_string();
        let error = Form::<MetricInput>::new(odd).decode_entry().unwrap_err();
        assert!(!error.field_errors().is_empty(), "{shown}");
        for e in error.field_errors() {
            for code in ["expected", "invalid type", "`", "f64", "i64"] {
                assert!(!e.reason.contains(code), "{shown}: {}", e.reason);
            }
        }
    }
}

#[test]
fn settings_and_single_values_are_told_by_their_field() {
    let error = Form::<crate::Settings>::new(json!({
        "theme": "sepia", "words_per_minute": "fast", "backups_keep": 5
    }))
    .decode()
    .unwrap_err();
    let told: Vec<(&str, &str)> =
        error.field_errors().iter().map(|e| (e.field.as_str(), e.reason.as_str())).collect();
    assert_eq!(
        told,
        [
            ("theme", "is not one of the choices (\"sepia\"); choose one of: system, light, dark"),
            ("words_per_minute", "is not a whole number (\"fast\")"),
        ]
    );
    let since =
        Form::<Option<chrono::NaiveDate>>::new(json!("2024-02-30")).decode_as("since").unwrap_err();
    assert_eq!(since.to_string(), "since: is not a day of the calendar (\"2024-02-30\")");
    assert_eq!(
        Form::<Option<chrono::NaiveDate>>::new(json!(null)).decode_as("since").unwrap(),
        None
    );
}

#[test]
fn field_names_are_told_in_words() {
    assert_eq!(field_words("started_on"), "start date");
    assert_eq!(field_words("project_id"), "project");
    assert_eq!(field_words("words_per_minute"), "words per minute");
    assert_eq!(
        place_words(&[Step::Key("options".into()), Step::Index(1), Step::Key("text".into())]),
        "options (item 2, text)"
    );
    assert_eq!(about("result", "is missing"), "the result is missing");
    assert_eq!(about("end date", "2024 comes first"), "the end date: 2024 comes first");
}
