//! The rules a journal entry must meet before it is written, as pure functions.
//! Each returns the entry tidied (trimmed, blanks as absent) or the first broken rule,
//! named by the input field it concerns so the window can mark it.

use chrono::{Datelike, NaiveDate};

use super::{
    ArtifactInput, DecisionInput, DecisionOption, FeedbackInput, Labels, MetricInput, NoteInput,
    ProjectInput,
};
use crate::{Error, Result};

pub const MAX_TITLE: usize = 200;
pub const MAX_TEXT: usize = 20_000;
pub const MAX_SHORT: usize = 100;
pub const MAX_LABEL: usize = 40;
pub const MAX_LABELS: usize = 20;
pub const MAX_OPTIONS: usize = 10;
pub const MAX_URL: usize = 2_000;
pub const FIRST_YEAR: i32 = 1950;
pub const LAST_YEAR: i32 = 2100;
/// Larger magnitudes are typing mistakes, and lose precision as floats anyway.
pub const MAX_NUMBER: f64 = 1e15;

pub fn project(input: ProjectInput) -> Result<ProjectInput> {
    let started_on = date("started_on", input.started_on)?;
    let ended_on = date("ended_on", input.ended_on)?;
    if let (Some(start), Some(end)) = (started_on, ended_on) {
        if end < start {
            return Err(Error::invalid(
                "ended_on",
                format!("the end ({end}) is before the start ({start})"),
            ));
        }
    }
    Ok(ProjectInput {
        title: required("title", &input.title, MAX_TITLE)?,
        organization: optional("organization", input.organization, MAX_TITLE)?,
        role: optional("role", input.role, MAX_TITLE)?,
        started_on,
        ended_on,
        scope: input.scope,
        status: input.status,
        summary: optional("summary", input.summary, MAX_TEXT)?,
        labels: tidy_labels(input.labels)?,
    })
}

pub fn metric(input: MetricInput) -> Result<MetricInput> {
    Ok(MetricInput {
        project_id: input.project_id,
        name: required("name", &input.name, MAX_TITLE)?,
        unit: optional("unit", input.unit, MAX_SHORT)?,
        baseline: input.baseline.map(|b| number("baseline", b)).transpose()?,
        result: number("result", input.result)?,
        better: input.better,
        measured_on: date("measured_on", input.measured_on)?,
        evidence: optional("evidence", input.evidence, MAX_TEXT)?,
        labels: tidy_labels(input.labels)?,
    })
}

pub fn decision(input: DecisionInput) -> Result<DecisionInput> {
    let decided_on = date("decided_on", input.decided_on)?;
    let review_on = date("review_on", input.review_on)?;
    if let (Some(decided), Some(review)) = (decided_on, review_on) {
        if review < decided {
            return Err(Error::invalid(
                "review_on",
                format!("the review ({review}) is before the decision ({decided})"),
            ));
        }
    }
    if input.confidence.is_some_and(|c| c > 100) {
        return Err(Error::invalid("confidence", "must be between 0 and 100"));
    }
    let options = input
        .options
        .into_iter()
        .filter(|o| {
            !(o.text.trim().is_empty() && o.pros.trim().is_empty() && o.cons.trim().is_empty())
        })
        .map(|o| {
            Ok(DecisionOption {
                text: required("options", &o.text, MAX_TITLE)
                    .map_err(|_| Error::invalid("options", "every option needs a name"))?,
                pros: optional("options", Some(o.pros), MAX_TEXT)?.unwrap_or_default(),
                cons: optional("options", Some(o.cons), MAX_TEXT)?.unwrap_or_default(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    if options.len() > MAX_OPTIONS {
        return Err(Error::invalid(
            "options",
            format!("at most {MAX_OPTIONS} options; keep the ones you really weighed"),
        ));
    }
    Ok(DecisionInput {
        project_id: input.project_id,
        title: required("title", &input.title, MAX_TITLE)?,
        context: optional("context", input.context, MAX_TEXT)?,
        options,
        chosen: required("chosen", &input.chosen, MAX_TEXT)?,
        tradeoffs: optional("tradeoffs", input.tradeoffs, MAX_TEXT)?,
        expected: optional("expected", input.expected, MAX_TEXT)?,
        confidence: input.confidence,
        outcome: optional("outcome", input.outcome, MAX_TEXT)?,
        outcome_on: input.outcome_on,
        decided_on,
        review_on,
        labels: tidy_labels(input.labels)?,
    })
}

pub fn artifact(input: ArtifactInput) -> Result<ArtifactInput> {
    if input.kind.is_none() {
        return Err(Error::invalid(
            "kind",
            "choose a kind: rfc, pr, postmortem, design-doc, demo or talk",
        ));
    }
    Ok(ArtifactInput {
        project_id: input.project_id,
        kind: input.kind,
        title: required("title", &input.title, MAX_TITLE)?,
        url: optional("url", input.url, MAX_URL)?
            .map(|u| url("url", &u))
            .transpose()?,
        date: date("date", input.date)?,
        labels: tidy_labels(input.labels)?,
    })
}

pub fn feedback(input: FeedbackInput) -> Result<FeedbackInput> {
    if input.rating.is_some_and(|r| !(1..=5).contains(&r)) {
        return Err(Error::invalid("rating", "must be from 1 to 5"));
    }
    Ok(FeedbackInput {
        project_id: input.project_id,
        source: required("source", &input.source, MAX_SHORT)?,
        date: date("date", input.date)?,
        text: required("text", &input.text, MAX_TEXT)?,
        rating: input.rating,
        labels: tidy_labels(input.labels)?,
    })
}

pub fn note(input: NoteInput) -> Result<NoteInput> {
    Ok(NoteInput {
        project_id: input.project_id,
        date: date("date", input.date)?,
        text: required("text", &input.text, MAX_TEXT)?,
        labels: tidy_labels(input.labels)?,
    })
}

fn required(field: &str, text: &str, max: usize) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(field, "cannot be empty"));
    }
    within(field, text, max)?;
    Ok(text.to_string())
}

fn optional(field: &str, text: Option<String>, max: usize) -> Result<Option<String>> {
    match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => {
            within(field, text, max)?;
            Ok(Some(text.to_string()))
        }
    }
}

fn within(field: &str, text: &str, max: usize) -> Result<()> {
    let length = text.chars().count();
    if length > max {
        return Err(Error::invalid(
            field,
            format!("is {length} characters long; the limit is {max}"),
        ));
    }
    Ok(())
}

/// Dates outside 1950-2100 are typing mistakes (a year of 202 or 20225).
pub fn date(field: &str, date: Option<NaiveDate>) -> Result<Option<NaiveDate>> {
    match date {
        Some(d) if !(FIRST_YEAR..=LAST_YEAR).contains(&d.year()) => Err(Error::invalid(
            field,
            format!("{d} is outside {FIRST_YEAR}-{LAST_YEAR}; check the year"),
        )),
        other => Ok(other),
    }
}

fn number(field: &str, value: f64) -> Result<f64> {
    if !value.is_finite() || value.abs() > MAX_NUMBER {
        return Err(Error::invalid(field, "must be a number of sane size"));
    }
    Ok(value)
}

/// Only web addresses are links: `http` or `https` with a host. An address typed without
/// a scheme ("example.com/x") is taken as `https://`; any other scheme is refused by name.
pub fn url(field: &str, text: &str) -> Result<String> {
    let not_web = || {
        Error::invalid(
            field,
            format!("\"{text}\" is not a web address (https://...)"),
        )
    };
    let (text, typed_scheme) = match scheme_of(text) {
        Some(scheme) if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") => {
            return Err(Error::invalid(
                field,
                format!(
                    "\"{text}\" is a {scheme}: link; only web addresses (http:// or https://) are kept"
                ),
            ))
        }
        Some(_) => (text.to_string(), true),
        None => (format!("https://{text}"), false),
    };
    let parsed = url::Url::parse(&text).map_err(|_| not_web())?;
    let host = parsed.host_str().unwrap_or_default();
    // Without a scheme, a lone word ("nope") is not taken for a host name.
    let plausible = typed_scheme || host.contains('.') || host == "localhost";
    if host.is_empty() || !plausible {
        return Err(not_web());
    }
    Ok(text)
}

/// The scheme a link was typed with (`https`, `mailto`...), or `None` for a bare address.
/// "example.com:8080/x" has a port, not a scheme: a scheme's colon is followed by no digit.
fn scheme_of(text: &str) -> Option<&str> {
    let (scheme, rest) = text.split_once(':')?;
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let port = rest.starts_with(|c: char| c.is_ascii_digit());
    (is_scheme && (rest.starts_with("//") || !port)).then_some(scheme)
}

/// Tags and skills: trimmed, without blanks or repeats (ignoring case), in the order given.
/// Tags and skills, each list tidied as `labels` does.
pub fn tidy_labels(labels: Labels) -> Result<Labels> {
    Ok(Labels {
        tags: self::labels("tags", labels.tags)?,
        skills: self::labels("skills", labels.skills)?,
    })
}

pub fn labels(field: &str, labels: Vec<String>) -> Result<Vec<String>> {
    let mut kept: Vec<String> = Vec::new();
    for label in labels {
        let label = label.trim().trim_start_matches('#').trim();
        if label.is_empty() || kept.iter().any(|k| k.eq_ignore_ascii_case(label)) {
            continue;
        }
        within(field, label, MAX_LABEL)?;
        kept.push(label.to_string());
    }
    if kept.len() > MAX_LABELS {
        return Err(Error::invalid(
            field,
            format!("at most {MAX_LABELS} per entry"),
        ));
    }
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::ArtifactKind;

    fn field_of(result: Result<impl std::fmt::Debug>) -> String {
        match result {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_project_needs_a_title_and_sane_dates() {
        let ok = ProjectInput {
            title: "  Checkout rewrite ".into(),
            organization: Some("   ".into()),
            started_on: day(2024, 1, 1),
            ended_on: day(2024, 6, 1),
            labels: Labels {
                tags: vec!["#perf".into(), "Perf".into(), " ".into(), "payments".into()],
                ..Default::default()
            },
            ..Default::default()
        };
        let tidy = project(ok.clone()).unwrap();
        assert_eq!(tidy.title, "Checkout rewrite");
        assert_eq!(tidy.organization, None);
        assert_eq!(tidy.labels.tags, vec!["perf", "payments"]);

        let cases: Vec<(ProjectInput, &str)> = vec![
            (
                ProjectInput {
                    title: " \n ".into(),
                    ..ok.clone()
                },
                "title",
            ),
            (
                ProjectInput {
                    title: "x".repeat(MAX_TITLE + 1),
                    ..ok.clone()
                },
                "title",
            ),
            (
                ProjectInput {
                    ended_on: day(2023, 12, 31),
                    ..ok.clone()
                },
                "ended_on",
            ),
            (
                ProjectInput {
                    started_on: day(1900, 1, 1),
                    ended_on: None,
                    ..ok.clone()
                },
                "started_on",
            ),
            (
                ProjectInput {
                    ended_on: day(2999, 1, 1),
                    ..ok.clone()
                },
                "ended_on",
            ),
            (
                ProjectInput {
                    summary: Some("a".repeat(10_000_000)),
                    ..ok.clone()
                },
                "summary",
            ),
            (
                ProjectInput {
                    labels: Labels {
                        tags: vec!["t".repeat(41)],
                        ..Default::default()
                    },
                    ..ok.clone()
                },
                "tags",
            ),
            (
                ProjectInput {
                    labels: Labels {
                        skills: (0..21).map(|i| i.to_string()).collect(),
                        ..Default::default()
                    },
                    ..ok.clone()
                },
                "skills",
            ),
        ];
        for (input, field) in cases {
            assert_eq!(field_of(project(input)), field);
        }
    }

    #[test]
    fn a_metric_needs_a_name_and_finite_numbers() {
        let ok = MetricInput {
            project_id: 1,
            name: "p99 latency".into(),
            result: 120.0,
            ..Default::default()
        };
        assert!(metric(ok.clone()).is_ok());
        assert_eq!(
            field_of(metric(MetricInput {
                name: "".into(),
                ..ok.clone()
            })),
            "name"
        );
        assert_eq!(
            field_of(metric(MetricInput {
                result: f64::NAN,
                ..ok.clone()
            })),
            "result"
        );
        assert_eq!(
            field_of(metric(MetricInput {
                baseline: Some(f64::INFINITY),
                ..ok.clone()
            })),
            "baseline"
        );
        assert_eq!(
            field_of(metric(MetricInput {
                baseline: Some(1e300),
                ..ok
            })),
            "baseline"
        );
    }

    #[test]
    fn a_decision_is_checked_field_by_field() {
        let ok = DecisionInput {
            title: "Queue or cron".into(),
            chosen: "Queue".into(),
            ..Default::default()
        };
        assert!(decision(ok.clone()).is_ok());
        assert_eq!(
            field_of(decision(DecisionInput {
                chosen: " ".into(),
                ..ok.clone()
            })),
            "chosen"
        );
        assert_eq!(
            field_of(decision(DecisionInput {
                confidence: Some(101),
                ..ok.clone()
            })),
            "confidence"
        );
        assert_eq!(
            field_of(decision(DecisionInput {
                decided_on: day(2024, 5, 1),
                review_on: day(2024, 4, 1),
                ..ok.clone()
            })),
            "review_on"
        );
        let nameless = DecisionOption {
            text: " ".into(),
            pros: "cheap".into(),
            cons: String::new(),
        };
        assert_eq!(
            field_of(decision(DecisionInput {
                options: vec![nameless],
                ..ok.clone()
            })),
            "options"
        );
        let blank = DecisionOption::default();
        assert!(decision(DecisionInput {
            options: vec![blank],
            ..ok
        })
        .unwrap()
        .options
        .is_empty());
    }

    #[test]
    fn only_web_addresses_are_links() {
        for good in [
            "https://github.com/acme/pay/pull/42",
            "http://intranet.local/rfc/7",
        ] {
            assert_eq!(url("url", good).unwrap(), good);
        }
        for bad in [
            "not a url",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "ftp://x.org/a",
            "mailto:ada@example.com",
            "nope",
        ] {
            assert!(url("url", bad).is_err(), "{bad}");
        }
        // Typed without a scheme, an address is taken as https.
        for (bare, kept) in [
            ("example.com/x", "https://example.com/x"),
            ("www.example.com", "https://www.example.com"),
            (
                "intranet.local:8080/rfc/7",
                "https://intranet.local:8080/rfc/7",
            ),
            ("localhost:3000", "https://localhost:3000"),
        ] {
            assert_eq!(url("url", bare).unwrap(), kept, "{bare}");
        }
        let refused = |text: &str| match url("url", text) {
            Err(Error::Invalid { reason, .. }) => reason,
            other => panic!("{text}: {other:?}"),
        };
        assert!(refused("ftp://x.org/a").contains("ftp: link"));
        assert!(refused("javascript:alert(1)").contains("only web addresses (http:// or https://)"));
        let ok = ArtifactInput {
            project_id: 1,
            kind: Some(ArtifactKind::Rfc),
            title: "RFC".into(),
            ..Default::default()
        };
        assert!(artifact(ok.clone()).is_ok());
        assert_eq!(
            field_of(artifact(ArtifactInput {
                kind: None,
                ..ok.clone()
            })),
            "kind"
        );
        assert_eq!(
            field_of(artifact(ArtifactInput {
                url: Some("nope".into()),
                ..ok
            })),
            "url"
        );
    }

    #[test]
    fn feedback_and_notes_need_their_text() {
        let ok = FeedbackInput {
            source: "manager".into(),
            text: "Clear RFC".into(),
            ..Default::default()
        };
        assert!(feedback(ok.clone()).is_ok());
        assert_eq!(
            field_of(feedback(FeedbackInput {
                rating: Some(0),
                ..ok.clone()
            })),
            "rating"
        );
        assert_eq!(
            field_of(feedback(FeedbackInput {
                rating: Some(6),
                ..ok.clone()
            })),
            "rating"
        );
        assert_eq!(
            field_of(feedback(FeedbackInput {
                source: "".into(),
                ..ok
            })),
            "source"
        );
        assert_eq!(
            field_of(note(NoteInput {
                text: "\t".into(),
                ..Default::default()
            })),
            "text"
        );
    }
}
