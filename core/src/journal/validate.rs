//! The rules a journal entry must meet before it is written, as pure functions.
//! Each returns the entry tidied (trimmed, blanks as absent) or every broken rule at once,
//! each named by the input field it concerns so the window can mark them all.

use chrono::{Datelike, NaiveDate};

use super::{
    ArtifactInput, ArtifactKind, DecisionInput, DecisionOption, FeedbackInput, Labels, MetricInput,
    NoteInput, ProjectInput, ReviewInput,
};
use crate::error::FieldError;
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

/// The broken rules of one input, gathered in form order so all are told at once.
#[derive(Debug, Default)]
pub struct Problems(Vec<FieldError>);

impl Problems {
    /// The value of a check that passed; a failed one is noted and stands in as the default.
    pub fn take<T: Default>(&mut self, checked: Result<T>) -> T {
        match checked {
            Ok(value) => value,
            Err(error) => {
                self.note(error);
                T::default()
            }
        }
    }

    /// Notes every field problem of `error` (anything else is noted as a problem of `input`).
    pub fn note(&mut self, error: Error) {
        match error {
            Error::Invalid { errors, .. } => {
                for e in errors {
                    if !self.0.contains(&e) {
                        self.0.push(e);
                    }
                }
            }
            other => self.0.push(FieldError::new("input", other.to_string())),
        }
    }

    pub fn add(&mut self, field: &str, reason: impl Into<String>) {
        let problem = FieldError::new(field, reason);
        if !self.0.contains(&problem) {
            self.0.push(problem);
        }
    }

    /// Whether `field` already has a problem (so a rule across fields need not repeat it).
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|e| e.field == field)
    }

    /// The tidied input when nothing was broken, else every problem.
    pub fn done<T>(self, value: T) -> Result<T> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(Error::fields(self.0))
        }
    }
}

pub fn project(input: ProjectInput) -> Result<ProjectInput> {
    let mut p = Problems::default();
    let title = p.take(required("title", &input.title, MAX_TITLE));
    let organization = p.take(optional("organization", input.organization, MAX_TITLE));
    let role = p.take(optional("role", input.role, MAX_TITLE));
    let started_on = p.take(date("started_on", input.started_on));
    let ended_on = p.take(date("ended_on", input.ended_on));
    if let (Some(start), Some(end)) = (started_on, ended_on) {
        if end < start {
            p.add("ended_on", format!("is before the start ({end} is before {start})"));
        }
    }
    let summary = p.take(optional("summary", input.summary, MAX_TEXT));
    let labels = p.take(tidy_labels(input.labels));
    p.done(ProjectInput {
        title,
        organization,
        role,
        started_on,
        ended_on,
        scope: input.scope,
        status: input.status,
        summary,
        labels,
    })
}

pub fn metric(input: MetricInput) -> Result<MetricInput> {
    let mut p = Problems::default();
    let tidy = MetricInput {
        project_id: input.project_id,
        name: p.take(required("name", &input.name, MAX_TITLE)),
        unit: p.take(optional("unit", input.unit, MAX_SHORT)),
        baseline: p.take(input.baseline.map(|b| number("baseline", b)).transpose()),
        result: p.take(input.result.map(|r| number("result", r)).transpose()),
        better: input.better,
        measured_on: p.take(date("measured_on", input.measured_on)),
        evidence: p.take(optional("evidence", input.evidence, MAX_TEXT)),
        target: p.take(input.target.map(|t| number("target", t)).transpose()),
        measure_by: p.take(date("measure_by", input.measure_by)),
        labels: p.take(tidy_labels(input.labels)),
    };
    if tidy.result.is_none() && tidy.baseline.is_none() && !p.has("baseline") && !p.has("result") {
        p.add(
            "result",
            "is missing: enter it, or log the baseline now and the result when it is measured",
        );
    }
    p.done(tidy)
}

pub fn decision(input: DecisionInput) -> Result<DecisionInput> {
    let mut p = Problems::default();
    let title = p.take(required("title", &input.title, MAX_TITLE));
    let context = p.take(optional("context", input.context, MAX_TEXT));
    let goal = p.take(goal(input.goal));
    let options = p.take(options(input.options));
    let mut chosen = p.take(required("chosen", &input.chosen, MAX_TEXT));
    if !chosen.is_empty() && !p.has("options") && !options.is_empty() {
        match options.iter().find(|o| same_choice(&o.text, &chosen)) {
            // The option's own spelling, so the choice and the options never disagree.
            Some(option) => chosen.clone_from(&option.text),
            None => {
                let names: Vec<&str> = options.iter().map(|o| o.text.as_str()).collect();
                p.add(
                    "chosen",
                    format!(
                        "\"{chosen}\" is not one of the options ({}); pick one of them or add it as an option",
                        names.join(", ")
                    ),
                );
            }
        }
    }
    let tradeoffs = p.take(optional("tradeoffs", input.tradeoffs, MAX_TEXT));
    let expected = p.take(optional("expected", input.expected, MAX_TEXT));
    if input.confidence.is_some_and(|c| c > 100) {
        p.add("confidence", "must be between 0 and 100");
    }
    let outcome = p.take(optional("outcome", input.outcome, MAX_TEXT));
    let decided_on = p.take(date("decided_on", input.decided_on));
    let review_on = p.take(date("review_on", input.review_on));
    if let (Some(decided), Some(review)) = (decided_on, review_on) {
        if review < decided {
            p.add(
                "review_on",
                format!("is before the decision date ({review} is before {decided})"),
            );
        }
    }
    let labels = p.take(tidy_labels(input.labels));
    p.done(DecisionInput {
        project_id: input.project_id,
        title,
        context,
        goal,
        options,
        chosen,
        tradeoffs,
        expected,
        confidence: input.confidence,
        outcome,
        outcome_on: input.outcome_on,
        decided_on,
        review_on,
        labels,
    })
}

/// Whether a typed choice names an option: trimmed, ignoring case.
pub fn same_choice(option: &str, chosen: &str) -> bool {
    option.trim().to_lowercase() == chosen.trim().to_lowercase()
}

/// The options weighed: blank ones dropped, each named, at most `MAX_OPTIONS`.
fn options(options: Vec<DecisionOption>) -> Result<Vec<DecisionOption>> {
    let mut p = Problems::default();
    let options: Vec<DecisionOption> = options
        .into_iter()
        .filter(|o| {
            !(o.text.trim().is_empty() && o.pros.trim().is_empty() && o.cons.trim().is_empty())
        })
        .map(|o| {
            let text = match required("options", &o.text, MAX_TITLE) {
                Err(_) if o.text.trim().is_empty() => {
                    p.add("options", "every option needs a name");
                    String::new()
                }
                other => p.take(other),
            };
            DecisionOption {
                text,
                pros: p.take(optional("options", Some(o.pros), MAX_TEXT)).unwrap_or_default(),
                cons: p.take(optional("options", Some(o.cons), MAX_TEXT)).unwrap_or_default(),
            }
        })
        .collect();
    if options.len() > MAX_OPTIONS {
        p.add(
            "options",
            format!("at most {MAX_OPTIONS} options; keep the ones you really weighed"),
        );
    }
    p.done(options)
}

pub fn artifact(input: ArtifactInput) -> Result<ArtifactInput> {
    let mut p = Problems::default();
    if input.kind.is_none() {
        p.add("kind", ArtifactKind::choices());
    }
    let tidy = ArtifactInput {
        project_id: input.project_id,
        kind: input.kind,
        title: p.take(required("title", &input.title, MAX_TITLE)),
        url: p.take(
            optional("url", input.url, MAX_URL).and_then(|u| u.map(|u| url("url", &u)).transpose()),
        ),
        date: p.take(date("date", input.date)),
        labels: p.take(tidy_labels(input.labels)),
    };
    p.done(tidy)
}

pub fn feedback(input: FeedbackInput) -> Result<FeedbackInput> {
    let mut p = Problems::default();
    // With a person, a blank source is filled with their name when it is written.
    let source = match input.person_id {
        Some(_) => p.take(optional("source", Some(input.source), MAX_SHORT)).unwrap_or_default(),
        None => p.take(required("source", &input.source, MAX_SHORT)),
    };
    let date = p.take(date("date", input.date));
    let text = p.take(required("text", &input.text, MAX_TEXT));
    if input.rating.is_some_and(|r| !(1..=5).contains(&r)) {
        p.add("rating", "must be from 1 to 5");
    }
    let labels = p.take(tidy_labels(input.labels));
    p.done(FeedbackInput {
        project_id: input.project_id,
        source,
        person_id: input.person_id,
        direction: input.direction,
        date,
        text,
        rating: input.rating,
        labels,
    })
}

pub fn note(input: NoteInput) -> Result<NoteInput> {
    let mut p = Problems::default();
    let tidy = NoteInput {
        project_id: input.project_id,
        date: p.take(date("date", input.date)),
        text: p.take(required("text", &input.text, MAX_TEXT)),
        labels: p.take(tidy_labels(input.labels)),
    };
    p.done(tidy)
}

/// The longest summary a review keeps: a year of a busy journal, in Markdown.
pub const MAX_SUMMARY: usize = 200_000;

pub fn review(input: ReviewInput) -> Result<ReviewInput> {
    let mut p = Problems::default();
    let starts_on = p.take(date("starts_on", Some(input.starts_on))).unwrap_or(input.starts_on);
    let ends_on = p.take(date("ends_on", Some(input.ends_on))).unwrap_or(input.ends_on);
    if ends_on < starts_on {
        p.add("ends_on", format!("should be on or after the start ({starts_on})"));
    }
    let tidy = ReviewInput {
        period: input.period,
        starts_on,
        ends_on,
        summary: p.take(required("summary", &input.summary, MAX_SUMMARY)),
        went_well: p.take(optional("went_well", input.went_well, MAX_TEXT)),
        to_improve: p.take(optional("to_improve", input.to_improve, MAX_TEXT)),
        next_focus: p.take(optional("next_focus", input.next_focus, MAX_TEXT)),
        labels: p.take(tidy_labels(input.labels)),
    };
    p.done(tidy)
}

/// A decision's goal, kept as the purpose it states: "To keep writes replayable." is stored
/// as "keep writes replayable", which a bullet says as "to keep writes replayable".
fn goal(text: Option<String>) -> Result<Option<String>> {
    let Some(text) = optional("goal", text, MAX_TEXT)? else {
        return Ok(None);
    };
    let mut rest = text.trim_end_matches(['.', ' ']).trim();
    for lead in ["in order to ", "so as to ", "to "] {
        if rest.len() >= lead.len() && rest[..lead.len()].eq_ignore_ascii_case(lead) {
            rest = rest[lead.len()..].trim_start();
            break;
        }
    }
    if rest.eq_ignore_ascii_case("to") || rest.is_empty() {
        return Ok(None);
    }
    Ok(Some(rest.to_string()))
}

pub(crate) fn required(field: &str, text: &str, max: usize) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(field, "cannot be empty"));
    }
    within(field, text, max)?;
    Ok(text.to_string())
}

pub(crate) fn optional(field: &str, text: Option<String>, max: usize) -> Result<Option<String>> {
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
            format!("is {d}, outside {FIRST_YEAR}-{LAST_YEAR}; check the year"),
        )),
        other => Ok(other),
    }
}

fn number(field: &str, value: f64) -> Result<f64> {
    if !value.is_finite() {
        return Err(Error::invalid(field, "is not a number"));
    }
    if value.abs() > MAX_NUMBER {
        return Err(Error::invalid(field, "is too large to be a measurement; check the digits"));
    }
    Ok(value)
}

/// Only web addresses are links: `http` or `https` with a host. An address typed without
/// a scheme ("example.com/x") is taken as `https://`; any other scheme is refused by name.
pub fn url(field: &str, text: &str) -> Result<String> {
    let not_web =
        || Error::invalid(field, format!("\"{text}\" is not a web address (https://...)"));
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
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let port = rest.starts_with(|c: char| c.is_ascii_digit());
    (is_scheme && (rest.starts_with("//") || !port)).then_some(scheme)
}

/// Tags and skills, each list tidied as `labels` does.
pub fn tidy_labels(labels: Labels) -> Result<Labels> {
    let mut p = Problems::default();
    let mut person_ids: Vec<i64> = Vec::new();
    for id in labels.person_ids {
        if !person_ids.contains(&id) {
            person_ids.push(id);
        }
    }
    if person_ids.len() > MAX_LABELS {
        p.add("person_ids", format!("has {} people; the limit is {MAX_LABELS}", person_ids.len()));
    }
    let tidy = Labels {
        tags: p.take(self::labels("tags", labels.tags)),
        skills: p.take(self::labels("skills", labels.skills)),
        person_ids,
        private: labels.private,
    };
    p.done(tidy)
}

/// Tags and skills: trimmed, without blanks or repeats (ignoring case), in the order given.
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
        return Err(Error::invalid(field, format!("at most {MAX_LABELS} {field} per entry")));
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
            (ProjectInput { title: " \n ".into(), ..ok.clone() }, "title"),
            (ProjectInput { title: "x".repeat(MAX_TITLE + 1), ..ok.clone() }, "title"),
            (ProjectInput { ended_on: day(2023, 12, 31), ..ok.clone() }, "ended_on"),
            (
                ProjectInput { started_on: day(1900, 1, 1), ended_on: None, ..ok.clone() },
                "started_on",
            ),
            (ProjectInput { ended_on: day(2999, 1, 1), ..ok.clone() }, "ended_on"),
            (ProjectInput { summary: Some("a".repeat(10_000_000)), ..ok.clone() }, "summary"),
            (
                ProjectInput {
                    labels: Labels { tags: vec!["t".repeat(41)], ..Default::default() },
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
            result: Some(120.0),
            ..Default::default()
        };
        assert!(metric(ok.clone()).is_ok());
        assert_eq!(field_of(metric(MetricInput { name: "".into(), ..ok.clone() })), "name");
        assert_eq!(
            field_of(metric(MetricInput { result: Some(f64::NAN), ..ok.clone() })),
            "result"
        );
        assert_eq!(
            field_of(metric(MetricInput { baseline: Some(f64::INFINITY), ..ok.clone() })),
            "baseline"
        );
        assert_eq!(field_of(metric(MetricInput { baseline: Some(1e300), ..ok })), "baseline");
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
            field_of(decision(DecisionInput { chosen: " ".into(), ..ok.clone() })),
            "chosen"
        );
        assert_eq!(
            field_of(decision(DecisionInput { confidence: Some(101), ..ok.clone() })),
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
        let nameless =
            DecisionOption { text: " ".into(), pros: "cheap".into(), cons: String::new() };
        assert_eq!(
            field_of(decision(DecisionInput { options: vec![nameless], ..ok.clone() })),
            "options"
        );
        let goals = [
            (
                Some("  To keep checkout writes replayable. "),
                Some("keep checkout writes replayable"),
            ),
            (Some("in order to cut pages"), Some("cut pages")),
            (Some("so retries are safe"), Some("so retries are safe")),
            (Some("tolerate a region outage"), Some("tolerate a region outage")),
            (Some(" to "), None),
            (Some("   "), None),
            (None, None),
        ];
        for (typed, kept) in goals {
            let tidy =
                decision(DecisionInput { goal: typed.map(Into::into), ..ok.clone() }).unwrap();
            assert_eq!(tidy.goal.as_deref(), kept, "{typed:?}");
        }
        assert_eq!(
            field_of(decision(DecisionInput {
                goal: Some("g".repeat(MAX_TEXT + 1)),
                ..ok.clone()
            })),
            "goal"
        );
        let blank = DecisionOption::default();
        assert!(decision(DecisionInput { options: vec![blank], ..ok }).unwrap().options.is_empty());
    }

    #[test]
    fn only_web_addresses_are_links() {
        for good in ["https://github.com/acme/pay/pull/42", "http://intranet.local/rfc/7"] {
            assert_eq!(url("url", good).unwrap(), good);
        }
        for bad in [
            "not a url", "javascript:alert(1)", "file:///etc/passwd", "https://", "ftp://x.org/a",
            "mailto:ada@example.com", "nope",
        ] {
            assert!(url("url", bad).is_err(), "{bad}");
        }
        // Typed without a scheme, an address is taken as https.
        for (bare, kept) in [
            ("example.com/x", "https://example.com/x"),
            ("www.example.com", "https://www.example.com"),
            ("intranet.local:8080/rfc/7", "https://intranet.local:8080/rfc/7"),
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
        assert_eq!(field_of(artifact(ArtifactInput { kind: None, ..ok.clone() })), "kind");
        assert_eq!(field_of(artifact(ArtifactInput { url: Some("nope".into()), ..ok })), "url");
    }

    #[test]
    fn feedback_and_notes_need_their_text() {
        let ok = FeedbackInput {
            source: "manager".into(),
            text: "Clear RFC".into(),
            ..Default::default()
        };
        assert!(feedback(ok.clone()).is_ok());
        assert_eq!(field_of(feedback(FeedbackInput { rating: Some(0), ..ok.clone() })), "rating");
        assert_eq!(field_of(feedback(FeedbackInput { rating: Some(6), ..ok.clone() })), "rating");
        assert_eq!(field_of(feedback(FeedbackInput { source: "".into(), ..ok })), "source");
        assert_eq!(field_of(note(NoteInput { text: "\t".into(), ..Default::default() })), "text");
    }

    fn problems_of(result: Result<impl std::fmt::Debug>) -> Vec<(String, String)> {
        match result {
            Err(error @ Error::Invalid { .. }) => {
                error.field_errors().iter().map(|e| (e.field.clone(), e.reason.clone())).collect()
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    /// (field, reason) of each problem.
    type Told = Vec<(String, String)>;

    fn pairs(expected: &[(&str, &str)]) -> Told {
        expected.iter().map(|(f, r)| (f.to_string(), r.to_string())).collect()
    }

    #[test]
    fn every_broken_field_is_told_at_once_in_form_order() {
        let cases: Vec<(Told, Vec<(&str, &str)>)> = vec![
            (
                problems_of(project(ProjectInput {
                    title: " ".into(),
                    role: Some("r".repeat(MAX_TITLE + 1)),
                    started_on: day(2024, 5, 1),
                    ended_on: day(2024, 1, 1),
                    labels: Labels {
                        tags: (0..21).map(|i| format!("t{i}")).collect(),
                        ..Default::default()
                    },
                    ..Default::default()
                })),
                vec![
                    ("title", "cannot be empty"),
                    ("role", "is 201 characters long; the limit is 200"),
                    (
                        "ended_on",
                        "is before the start (2024-01-01 is before 2024-05-01)",
                    ),
                    ("tags", "at most 20 tags per entry"),
                ],
            ),
            (
                problems_of(metric(MetricInput {
                    project_id: 1,
                    name: "".into(),
                    baseline: Some(f64::NAN),
                    result: Some(1e300),
                    measured_on: day(1900, 1, 1),
                    ..Default::default()
                })),
                vec![
                    ("name", "cannot be empty"),
                    ("baseline", "is not a number"),
                    (
                        "result",
                        "is too large to be a measurement; check the digits",
                    ),
                    (
                        "measured_on",
                        "is 1900-01-01, outside 1950-2100; check the year",
                    ),
                ],
            ),
            (
                problems_of(decision(DecisionInput {
                    title: "".into(),
                    options: vec![
                        DecisionOption {
                            text: " ".into(),
                            pros: "cheap".into(),
                            cons: String::new(),
                        },
                        DecisionOption {
                            text: "".into(),
                            pros: String::new(),
                            cons: "slow".into(),
                        },
                    ],
                    chosen: "".into(),
                    confidence: Some(120),
                    ..Default::default()
                })),
                vec![
                    ("title", "cannot be empty"),
                    ("options", "every option needs a name"),
                    ("chosen", "cannot be empty"),
                    ("confidence", "must be between 0 and 100"),
                ],
            ),
            (
                problems_of(artifact(ArtifactInput {
                    project_id: 1,
                    kind: None,
                    title: "".into(),
                    url: Some("ftp://x.org/a".into()),
                    ..Default::default()
                })),
                vec![
                    (
                        "kind",
                        "choose one of: RFC, pull request, postmortem, design doc, ADR, runbook, demo, talk",
                    ),
                    ("title", "cannot be empty"),
                    (
                        "url",
                        "\"ftp://x.org/a\" is a ftp: link; only web addresses (http:// or https://) are kept",
                    ),
                ],
            ),
            (
                problems_of(feedback(FeedbackInput {
                    source: "".into(),
                    text: "".into(),
                    rating: Some(0),
                    ..Default::default()
                })),
                vec![
                    ("source", "cannot be empty"),
                    ("text", "cannot be empty"),
                    ("rating", "must be from 1 to 5"),
                ],
            ),
        ];
        for (got, expected) in cases {
            assert_eq!(got, pairs(&expected));
        }
        let error = project(ProjectInput::default()).unwrap_err();
        assert_eq!(error.to_string(), "title: cannot be empty");
        let error = feedback(FeedbackInput::default()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "source: cannot be empty (and 1 more problem: text: cannot be empty)",
            "one line: the first problem and the others after it"
        );
    }

    #[test]
    fn the_chosen_option_must_be_one_of_the_options_listed() {
        let options = vec![
            DecisionOption::from("Keep git-flow"),
            DecisionOption::from("Trunk-based with flags"),
        ];
        let with = |chosen: &str| DecisionInput {
            title: "Branching".into(),
            options: options.clone(),
            chosen: chosen.into(),
            ..Default::default()
        };
        // Trimmed and ignoring case, and then spelled as the option is.
        let tidy = decision(with("  trunk-based WITH flags ")).unwrap();
        assert_eq!(tidy.chosen, "Trunk-based with flags");
        assert_eq!(
            problems_of(decision(with("Release branches"))),
            pairs(&[(
                "chosen",
                "\"Release branches\" is not one of the options (Keep git-flow, Trunk-based with flags); pick one of them or add it as an option"
            )])
        );
        // With no options listed, any choice stands.
        let free =
            decision(DecisionInput { options: Vec::new(), ..with("Release branches") }).unwrap();
        assert_eq!(free.chosen, "Release branches");
        // Blank options do not count as options.
        assert!(decision(DecisionInput {
            options: vec![DecisionOption::default()],
            ..with("Release branches")
        })
        .is_ok());
    }
}
