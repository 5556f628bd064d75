//! Rules for stories and rehearsals, as pure functions like the journal's: each tells
//! every broken rule of the input at once.

use super::{Framework, RehearsalInput, Section, StoryInput};
use crate::journal::validate::{tidy_labels, Problems, MAX_TEXT, MAX_TITLE};
use crate::{Error, Result};

pub const MIN_TARGET_SECONDS: u32 = 15;
pub const MAX_TARGET_SECONDS: u32 = 1_800;
/// A rehearsal longer than an hour is a timer left running.
pub const MAX_REHEARSAL_MS: u64 = 3_600_000;
const MAX_LINKS: usize = 50;

fn text(field: &str, value: Option<String>, max: usize) -> Result<Option<String>> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) if t.chars().count() > max => Err(Error::invalid(
            field,
            format!("is {} characters long; the limit is {max}", t.chars().count()),
        )),
        Some(t) => Ok(Some(t.to_string())),
    }
}

pub fn story(input: StoryInput) -> Result<StoryInput> {
    let mut p = Problems::default();
    let title = match p.take(text("title", Some(input.title), MAX_TITLE)) {
        Some(title) => title,
        None => {
            if !p.has("title") {
                p.add("title", "cannot be empty");
            }
            String::new()
        }
    };
    let framework = input.framework;
    let mut section = |field: Section, value: Option<String>| -> Option<String> {
        let value = p.take(text(field.as_str(), value, MAX_TEXT));
        if value.is_some() && !framework.sections().contains(&field) {
            let names: Vec<&str> = framework.sections().iter().map(|s| s.as_str()).collect();
            p.add(
                field.as_str(),
                format!(
                    "a {} story has no {} section; its sections are {}",
                    framework.as_str().to_uppercase(),
                    field.as_str(),
                    names.join(", ")
                ),
            );
        }
        value
    };
    let situation = section(Section::Situation, input.situation);
    let task = section(Section::Task, input.task);
    let context = section(Section::Context, input.context);
    let action = section(Section::Action, input.action);
    let result = section(Section::Result, input.result);
    if !(MIN_TARGET_SECONDS..=MAX_TARGET_SECONDS).contains(&input.target_seconds) {
        p.add(
            "target_seconds",
            format!("must be between {MIN_TARGET_SECONDS} and {MAX_TARGET_SECONDS} seconds"),
        );
    }
    let mut questions: Vec<String> = Vec::new();
    for q in input.questions {
        let q = q.trim().to_string();
        if q.is_empty() || questions.contains(&q) {
            continue;
        }
        if !q.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            p.add("questions", format!("\"{q}\" is not one of the guides' interview questions"));
            continue;
        }
        questions.push(q);
    }
    let mut ids = |field: &str, mut ids: Vec<i64>| -> Vec<i64> {
        let mut seen = std::collections::HashSet::new();
        ids.retain(|id| seen.insert(*id));
        if ids.len() > MAX_LINKS {
            p.add(field, format!("at most {MAX_LINKS} links"));
        }
        ids
    };
    let project_ids = ids("project_ids", input.project_ids);
    let metric_ids = ids("metric_ids", input.metric_ids);
    let decision_ids = ids("decision_ids", input.decision_ids);
    let feedback_ids = ids("feedback_ids", input.feedback_ids);
    let labels = p.take(tidy_labels(input.labels));
    let interview_on = p.take(crate::journal::validate::date("interview_on", input.interview_on));
    p.done(StoryInput {
        title,
        framework,
        situation,
        task,
        context,
        action,
        result,
        target_seconds: input.target_seconds,
        project_ids,
        metric_ids,
        decision_ids,
        feedback_ids,
        questions,
        interview_on,
        labels,
    })
}

/// Checks a rehearsal against the framework of the story it rehearses.
pub fn rehearsal(input: RehearsalInput, framework: Framework) -> Result<RehearsalInput> {
    let mut p = Problems::default();
    if input.total_ms == 0 || input.total_ms > MAX_REHEARSAL_MS {
        p.add("total_ms", "a rehearsal lasts between a moment and an hour");
    }
    let expected = framework.sections().len();
    if !input.section_ms.is_empty() {
        if input.section_ms.len() != expected {
            p.add(
                "section_ms",
                format!(
                    "a {} story has {expected} sections; {} times were given",
                    framework.as_str().to_uppercase(),
                    input.section_ms.len()
                ),
            );
        } else {
            let sum: u64 = input.section_ms.iter().fold(0, |a, b| a.saturating_add(*b));
            if sum.abs_diff(input.total_ms) > 1_000 {
                p.add(
                    "section_ms",
                    format!(
                        "the sections add up to {} s but the total is {} s",
                        sum / 1000,
                        input.total_ms / 1000
                    ),
                );
            }
        }
    }
    if input.rating.is_some_and(|r| !(1..=5).contains(&r)) {
        p.add("rating", "must be from 1 to 5");
    }
    if let Some(at) = &input.started_at {
        if chrono::DateTime::parse_from_rfc3339(at).is_err() {
            p.add(
                "started_at",
                format!("\"{at}\" is not a date and time (like 2024-03-01T09:30:00Z)"),
            );
        }
    }
    if input.target_seconds.is_some_and(|t| !(MIN_TARGET_SECONDS..=MAX_TARGET_SECONDS).contains(&t))
    {
        p.add(
            "target_seconds",
            format!("must be between {MIN_TARGET_SECONDS} and {MAX_TARGET_SECONDS} seconds"),
        );
    }
    let note = p.take(text("note", input.note, MAX_TEXT));
    p.done(RehearsalInput { note, ..input })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of<T: std::fmt::Debug>(result: Result<T>) -> String {
        match result {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn a_story_is_checked_against_its_framework() {
        let ok = StoryInput {
            title: "Checkout".into(),
            action: Some("Led it".into()),
            ..Default::default()
        };
        assert!(story(ok.clone()).is_ok());
        let cases = [
            (StoryInput { title: " ".into(), ..ok.clone() }, "title"),
            (StoryInput { context: Some("x".into()), ..ok.clone() }, "context"),
            (
                StoryInput { framework: Framework::Car, task: Some("x".into()), ..ok.clone() },
                "task",
            ),
            (StoryInput { target_seconds: 5, ..ok.clone() }, "target_seconds"),
            (StoryInput { target_seconds: 7_200, ..ok.clone() }, "target_seconds"),
            (StoryInput { questions: vec!["DROP TABLE".into()], ..ok.clone() }, "questions"),
            (StoryInput { result: Some("x".repeat(MAX_TEXT + 1)), ..ok.clone() }, "result"),
        ];
        for (input, field) in cases {
            assert_eq!(field_of(story(input)), field);
        }
        let tidy = story(StoryInput { project_ids: vec![1, 1, 2], task: Some("  ".into()), ..ok })
            .unwrap();
        assert_eq!(tidy.project_ids, vec![1, 2]);
        assert_eq!(tidy.task, None);
    }

    #[test]
    fn a_rehearsal_must_add_up() {
        let ok = RehearsalInput {
            story_id: 1,
            total_ms: 100_000,
            section_ms: vec![15_000, 15_000, 60_000, 10_000],
            rating: Some(4),
            ..Default::default()
        };
        assert!(rehearsal(ok.clone(), Framework::Star).is_ok());
        let cases = [
            (RehearsalInput { total_ms: 0, ..ok.clone() }, Framework::Star, "total_ms"),
            (
                RehearsalInput { total_ms: 4_000_000, section_ms: vec![], ..ok.clone() },
                Framework::Star,
                "total_ms",
            ),
            (ok.clone(), Framework::Car, "section_ms"),
            (
                RehearsalInput { section_ms: vec![1, 2, 3, 4], ..ok.clone() },
                Framework::Star,
                "section_ms",
            ),
            (RehearsalInput { rating: Some(9), ..ok.clone() }, Framework::Star, "rating"),
            (
                RehearsalInput { started_at: Some("yesterday".into()), ..ok.clone() },
                Framework::Star,
                "started_at",
            ),
        ];
        for (input, framework, field) in cases {
            assert_eq!(field_of(rehearsal(input, framework)), field);
        }
        assert!(rehearsal(RehearsalInput { section_ms: vec![], ..ok }, Framework::Car).is_ok());
    }

    #[test]
    fn every_broken_field_of_a_story_is_told_at_once() {
        let error = story(StoryInput {
            title: " ".into(),
            framework: Framework::Car,
            task: Some("x".into()),
            target_seconds: 5,
            questions: vec!["DROP TABLE".into()],
            ..Default::default()
        })
        .unwrap_err();
        let fields: Vec<&str> = error.field_errors().iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["title", "task", "target_seconds", "questions"]);
        let error = rehearsal(
            RehearsalInput { story_id: 1, total_ms: 0, rating: Some(9), ..Default::default() },
            Framework::Star,
        )
        .unwrap_err();
        let fields: Vec<&str> = error.field_errors().iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["total_ms", "rating"]);
    }
}
