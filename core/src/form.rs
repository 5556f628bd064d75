//! Input from outside the core (the window's forms, imported files) read into typed
//! inputs, with every problem named by its field and told in plain words, never serde's.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::error::FieldError;
use crate::{Error, Result};

/// How many unreadable places one input may have before reading stops.
const MAX_ROUNDS: usize = 64;
/// How many stand-ins `stand_in` has to try at one place.
const STAND_INS: usize = 7;

/// A command argument as the window sent it, read only when the command runs: a value of
/// the wrong type (text where a number goes, a day that does not exist) becomes a field
/// error of that input, as a broken rule does, instead of Tauri's "invalid args".
#[derive(Debug, Clone)]
pub struct Form<T> {
    value: Value,
    input: PhantomData<fn() -> T>,
}

impl<'de, T> Deserialize<'de> for Form<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Value::deserialize(d).map(Form::new)
    }
}

impl<T> Form<T> {
    pub fn new(value: Value) -> Self {
        Form { value, input: PhantomData }
    }
}

impl<T: DeserializeOwned> Form<T> {
    /// The typed input, or every field that cannot be read, each by its input field
    /// (`options`, not `options[2].text`) so the form can mark it.
    pub fn decode(self) -> Result<T> {
        let mut value = self.value;
        read(&mut value).map_err(|(problems, _)| Error::fields(by_field(&problems, "input")))
    }

    /// Like `decode`, for one value sent as its own argument (a date, say): its problems
    /// are told as the field `field`.
    pub fn decode_as(self, field: &str) -> Result<T> {
        let mut value = self.value;
        read(&mut value).map_err(|(problems, _)| Error::fields(by_field(&problems, field)))
    }
}

impl<T: crate::store::Record> Form<T> {
    /// The input read and checked against its rules, or every problem at once: the
    /// fields that cannot be read first, then the broken rules of the others.
    pub fn decode_entry(self) -> Result<T> {
        let mut value = self.value;
        match read::<T>(&mut value) {
            Ok(input) => input.validate(),
            Err((problems, rest)) => {
                let mut all = by_field(&problems, "input");
                if let Some(Err(Error::Invalid { errors, .. })) = rest.map(T::validate) {
                    for e in errors {
                        if !all.iter().any(|a| a.field == e.field) {
                            all.push(e);
                        }
                    }
                }
                Err(Error::fields(all))
            }
        }
    }
}

/// Problems by input field, one per field (its first); `whole` names the input itself.
fn by_field(problems: &[Unreadable], whole: &str) -> Vec<FieldError> {
    let mut all: Vec<FieldError> = Vec::new();
    for p in problems {
        let field = match p.path.first() {
            Some(Step::Key(key)) => key.clone(),
            _ => whole.to_string(),
        };
        if !all.iter().any(|a| a.field == field) {
            all.push(FieldError::new(field, p.reason.clone()));
        }
    }
    all
}

/// One step of the way to a value inside a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    Key(String),
    Index(usize),
}

/// A place that could not be read as what it should be, and why in plain words.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unreadable {
    pub path: Vec<Step>,
    pub reason: String,
}

/// Reads `value` as a `T`. Each place that cannot be read is noted and given stand-ins
/// (left out, null, 0, "", ...) until the rest reads, so every problem is told at once;
/// the problems come with the input as read with the stand-ins, when it could be.
pub(crate) fn read<T: DeserializeOwned>(
    value: &mut Value,
) -> std::result::Result<T, (Vec<Unreadable>, Option<T>)> {
    let mut problems: Vec<Unreadable> = Vec::new();
    let mut tried: Vec<(Vec<Step>, usize)> = Vec::new();
    let mut last: Option<Vec<Step>> = None;
    for _ in 0..MAX_ROUNDS {
        let error = match serde_path_to_error::deserialize::<_, T>(&*value) {
            Ok(input) if problems.is_empty() => return Ok(input),
            Ok(input) => return Err((problems, Some(input))),
            Err(error) => error,
        };
        let mut path = steps(error.path());
        let message = error.into_inner().to_string();
        // serde names a missing field in its message, not in the path; an unknown one
        // is in both.
        if let Some(name) = quoted_name(&message, "missing field `")
            .or_else(|| quoted_name(&message, "unknown field `"))
        {
            if path.last() != Some(&Step::Key(name.clone())) {
                path.push(Step::Key(name));
            }
        }
        // A flattened field (tags, skills) loses its place in serde's path: find the key
        // it comes from, else take it for the place just given a stand-in.
        if path.is_empty() {
            if let Some(key) = culprit::<T>(value, &message) {
                path.push(Step::Key(key));
            } else if let Some(previous) = &last {
                path.clone_from(previous);
            }
        }
        let round = match tried.iter_mut().find(|(p, _)| *p == path) {
            Some((_, round)) => {
                *round += 1;
                *round
            }
            None => {
                problems.push(Unreadable {
                    reason: plain(&message, lookup(value, &path)),
                    path: path.clone(),
                });
                tried.push((path.clone(), 0));
                0
            }
        };
        if !stand_in(value, &path, round) {
            break;
        }
        last = Some(path);
    }
    Err((problems, None))
}

/// The top-level key whose value causes an error serde could not place: the one whose
/// stand-in makes that error go away without one of its own taking its place.
fn culprit<T: DeserializeOwned>(value: &Value, message: &str) -> Option<String> {
    let keys: Vec<String> = value.as_object()?.keys().cloned().collect();
    for key in keys {
        for round in 0..STAND_INS {
            let mut probe = value.clone();
            let place = [Step::Key(key.clone())];
            if !stand_in(&mut probe, &place, round) {
                continue;
            }
            let own = |e: &serde_path_to_error::Error<serde_json::Error>| {
                let text = e.inner().to_string();
                steps(e.path()).first() == Some(&place[0])
                    || quoted_name(&text, "missing field `").as_deref() == Some(key.as_str())
            };
            match serde_path_to_error::deserialize::<_, T>(&probe) {
                Ok(_) => return Some(key),
                Err(e) if !own(&e) && e.inner().to_string() != message => return Some(key),
                Err(_) => {}
            }
        }
    }
    None
}

fn steps(path: &serde_path_to_error::Path) -> Vec<Step> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(Step::Index(*index)),
            Segment::Map { key } => Some(Step::Key(key.clone())),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect()
}

/// The name in "missing field `title`" and its kin.
fn quoted_name(message: &str, prefix: &str) -> Option<String> {
    let rest = message.strip_prefix(prefix)?;
    rest.split('`').next().map(str::to_string)
}

pub(crate) fn lookup<'a>(value: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(value, |at, step| match step {
        Step::Key(key) => at.get(key),
        Step::Index(index) => at.get(index),
    })
}

/// Puts the `round`-th stand-in at `path`; false when there is none left to try.
fn stand_in(value: &mut Value, path: &[Step], round: usize) -> bool {
    let Some((last, parent)) = path.split_last() else {
        return false;
    };
    let mut at = &mut *value;
    for step in parent {
        let next = match step {
            Step::Key(key) => at.get_mut(key),
            Step::Index(index) => at.get_mut(*index),
        };
        match next {
            Some(next) => at = next,
            None => return false,
        }
    }
    let stand_ins: [Option<Value>; STAND_INS] = [
        None,
        Some(Value::Null),
        Some(Value::from(0)),
        Some(Value::from("")),
        Some(Value::from(false)),
        Some(Value::Array(Vec::new())),
        Some(Value::Object(serde_json::Map::new())),
    ];
    let Some(stand_in) = stand_ins.get(round).cloned() else {
        return false;
    };
    match (at, last, stand_in) {
        (Value::Object(map), Step::Key(key), None) => {
            map.remove(key);
        }
        (Value::Object(map), Step::Key(key), Some(v)) => {
            map.insert(key.clone(), v);
        }
        (Value::Array(list), Step::Index(index), v) if *index < list.len() => {
            list[*index] = v.unwrap_or(Value::Null);
        }
        _ => return false,
    }
    true
}

/// What chrono says of a date it cannot read.
const DATE_ERRORS: &[&str] = &[
    "input contains invalid characters", "premature end of input", "input is out of range",
    "trailing input", "input is not enough for unique date and time",
    "no possible date and time matching input",
];

/// serde's and chrono's messages in the engineer's words, starting with a verb so they
/// read after the field's name ("the result is missing"); `found` is the value there.
pub(crate) fn plain(message: &str, found: Option<&Value>) -> String {
    let message = tidy(message);
    let shown = found.and_then(show);
    let with = |reason: &str| match &shown {
        Some(shown) => format!("{reason} ({shown})"),
        None => reason.to_string(),
    };
    if message.starts_with("missing field") {
        return "is missing".to_string();
    }
    if message.starts_with("unknown field") {
        return "is not something Career Log knows here (a typing mistake, or a file from a newer Career Log?)".to_string();
    }
    if let Some(choices) = message.strip_prefix("choose one of") {
        return format!("{}; choose one of{choices}", with("is not one of the choices"));
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let choices = rest
            .split_once("expected ")
            .map(|(_, list)| list.trim_start_matches("one of "))
            .unwrap_or_default()
            .replace('`', "")
            .replace('-', " ");
        return format!("{}; choose one of: {choices}", with("is not one of the choices"));
    }
    if DATE_ERRORS.contains(&message.as_str()) {
        return date_reason(found);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if rest.starts_with("null") {
            return "is missing".to_string();
        }
        let expected = rest.split_once(", expected ").map_or("", |(_, e)| e);
        return match expected {
            "f64" | "f32" => with("is not a number"),
            "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" => {
                with("is not a whole number")
            }
            "a string" | "a borrowed string" | "string" | "a character" => {
                "should be text".to_string()
            }
            "a sequence" => "should be a list".to_string(),
            "a boolean" => "should be true or false".to_string(),
            e if e.contains("date") => date_reason(found),
            e if e.starts_with("struct") || e == "a map" || e.starts_with("a map") => {
                "should be a group of named fields ({ ... })".to_string()
            }
            _ => "is not the right kind of value here".to_string(),
        };
    }
    if let Some(rest) = message.strip_prefix("invalid value: integer `") {
        let negative = rest.starts_with('-');
        return if negative { with("cannot be negative") } else { with("is too large") };
    }
    if message.starts_with("invalid length") {
        return "has the wrong number of items".to_string();
    }
    if message.starts_with("invalid value") {
        return with("is not a value that fits here");
    }
    message
}

fn date_reason(found: Option<&Value>) -> String {
    match found.and_then(Value::as_str) {
        // Well formed but not a day: 2024-02-30, 2023-13-01.
        Some(text) if looks_like_a_date(text) => {
            format!("is not a day of the calendar (\"{text}\")")
        }
        Some(text) => format!("is not a date (\"{}\"); write it as YYYY-MM-DD", cut(text)),
        None => "is not a date; write it as YYYY-MM-DD".to_string(),
    }
}

fn looks_like_a_date(text: &str) -> bool {
    let parts: Vec<&str> = text.trim().split('-').collect();
    parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// A value as a message quotes it: text in quotes, cut short; numbers as they are.
fn show(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(format!("\"{}\"", cut(text))),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn cut(text: &str) -> String {
    if text.chars().count() <= 40 {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(40).collect::<String>())
    }
}

/// serde's messages end with " at line 1 column 2"; the place is told otherwise.
pub(crate) fn tidy(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// An input field's name as the engineer would say it: `started_on` is "start date".
pub fn field_words(field: &str) -> String {
    let words = match field {
        "started_on" => "start date",
        "ended_on" => "end date",
        "measured_on" => "date measured",
        "decided_on" => "decision date",
        "review_on" => "review date",
        "project_id" => "project",
        "story_id" => "story",
        "better" => "better direction",
        "chosen" => "chosen option",
        "tradeoffs" => "trade-offs",
        "expected" => "expected outcome",
        "url" => "link",
        "started_at" => "start time",
        "total_ms" => "total time",
        "section_ms" => "section times",
        "target_seconds" => "target time",
        "project_ids" => "linked projects",
        "metric_ids" => "linked metrics",
        "decision_ids" => "linked decisions",
        "questions" => "interview questions",
        "uuid" => "UUID",
        "created_at" => "time it was created",
        "updated_at" => "time it was last changed",
        "source_key" => "what it was generated from",
        "generated_text" => "generated text",
        "checked_at" => "time it was checked",
        "closed_on" => "closing date",
        "target_role" => "target role",
        "band" => "experience band",
        other => return other.replace('_', " "),
    };
    words.to_string()
}

/// "the result is missing", "the end date: the end (...) is before the start (...)": a
/// reason told after the name of its place.
pub(crate) fn about(place: &str, reason: &str) -> String {
    const VERBS: &[&str] =
        &["is ", "cannot ", "must ", "should ", "has ", "needs ", "links ", "was ", "does "];
    if VERBS.iter().any(|v| reason.starts_with(v)) {
        format!("the {place} {reason}")
    } else {
        format!("the {place}: {reason}")
    }
}

/// A place inside an input, in words: "options (item 2, text)".
pub(crate) fn place_words(path: &[Step]) -> String {
    let Some((first, rest)) = path.split_first() else {
        return "input".to_string();
    };
    let head = match first {
        Step::Key(key) => field_words(key),
        Step::Index(index) => format!("item {}", index + 1),
    };
    if rest.is_empty() {
        return head;
    }
    let rest: Vec<String> = rest
        .iter()
        .map(|step| match step {
            Step::Key(key) => field_words(key),
            Step::Index(index) => format!("item {}", index + 1),
        })
        .collect();
    format!("{head} ({})", rest.join(", "))
}

#[cfg(test)]
mod tests;
