//! LinkedIn's data export (the ZIP "Get a copy of your data" makes) as an import plan:
//! `Positions.csv` to projects, `Skills.csv` to skills on the positions that name them,
//! `Recommendations_Received.csv` to feedback received from a person, `Profile.csv` to
//! the profile. Every other file of the archive is reported and left alone.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::archive::{self, file_name};
use super::import::{
    day_stamp, in_order, job_title, Carrier, Existing, ImportPlan, ImportSource, Position,
    Progress, EPOCH, MAX_ENTRIES,
};
use super::refuse;
use crate::journal::EntryKind;
use crate::profile::Profile;
use crate::Result;

const READ: [&str; 4] =
    ["Positions.csv", "Skills.csv", "Recommendations_Received.csv", "Profile.csv"];

/// One CSV file's rows as maps from header to value, with the line each row starts on.
/// Lines before the header (LinkedIn puts notes above some) are passed over: the header is
/// the first line that begins with `first_column`.
fn rows(
    name: &str,
    bytes: &[u8],
    first_column: &str,
) -> Result<Vec<(u64, HashMap<String, String>)>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        refuse(format!("{name} is not UTF-8 text (invalid byte at offset {})", e.valid_up_to()))
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let mut skipped_lines = 0u64;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start_matches('"').starts_with(first_column) {
            break;
        }
        skipped_lines += 1;
        start += line.len();
    }
    if start >= text.len() {
        return Err(refuse(format!(
            "{name} has no header line starting with \"{first_column}\": is it LinkedIn's export?"
        )));
    }
    // CSV doubles a quote inside a quoted field, so a well-formed file has an even number;
    // an odd one means a quote opened and never closed, swallowing the rest of the file.
    let unclosed = text[start..].matches('"').count() % 2 == 1;
    let mut reader = csv::ReaderBuilder::new().from_reader(&text.as_bytes()[start..]);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| refuse(format!("{name}: the header cannot be read ({e})")))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line() + skipped_lines).unwrap_or(0);
            let why = match e.kind() {
                _ if unclosed => {
                    "a quote is opened and never closed, so the rest of the file reads as one field"
                        .to_string()
                }
                csv::ErrorKind::Utf8 { .. } => "a field is not UTF-8 text".to_string(),
                csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                    format!("the row has {len} fields where the header has {expected_len}")
                }
                _ => format!("the row cannot be read ({e}): is a quote left open?"),
            };
            refuse(format!("{name} line {line}: {why}"))
        })?;
        let line = record.position().map(|p| p.line() + skipped_lines).unwrap_or(0);
        if out.len() >= MAX_ENTRIES {
            return Err(refuse(format!("{name} has more than {MAX_ENTRIES} rows")));
        }
        let map = headers
            .iter()
            .zip(record.iter())
            .map(|(h, v)| (h.clone(), v.trim().to_string()))
            .collect();
        out.push((line, map));
    }
    if unclosed {
        let line = out.last().map_or(skipped_lines + 1, |(line, _)| *line);
        return Err(refuse(format!(
            "{name} line {line}: a quote is opened and never closed, so the rest of the file reads as one field"
        )));
    }
    Ok(out)
}

/// A field of a row, or None when blank or absent.
fn field<'a>(row: &'a HashMap<String, String>, name: &str) -> Option<&'a str> {
    row.get(name).map(String::as_str).filter(|v| !v.is_empty())
}

/// LinkedIn's dates: "Mar 2021", "March 2021", "2021", "2021-03-14", "3/14/21".
fn date(place: &str, what: &str, value: Option<&str>) -> Result<Option<NaiveDate>> {
    let Some(raw) = value else { return Ok(None) };
    let first_of = |text: String| NaiveDate::parse_from_str(&text, "%d %b %Y").ok();
    let parsed = NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .or_else(|| first_of(format!("1 {raw}")))
        .or_else(|| NaiveDate::parse_from_str(&format!("1 {raw}"), "%d %B %Y").ok())
        .or_else(|| raw.parse::<i32>().ok().and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)))
        .or_else(|| {
            let day = raw.split([',', ' ']).next().unwrap_or(raw);
            NaiveDate::parse_from_str(day, "%m/%d/%y")
                .ok()
                .or_else(|| NaiveDate::parse_from_str(day, "%m/%d/%Y").ok())
        });
    parsed.map(Some).ok_or_else(|| {
        refuse(format!("{place}: the {what} is not a date (\"{raw}\"); LinkedIn writes Mar 2021"))
    })
}

pub fn plan(path: &Path, progress: Progress) -> Result<ImportPlan> {
    let members = archive::read(path, &|name| READ.contains(&file_name(name)), progress)?;
    let mut plan = ImportPlan::new(ImportSource::Linkedin, Existing::NewerWins);
    let found = |wanted: &str| {
        members.iter().find(|m| file_name(&m.name) == wanted).and_then(|m| m.bytes.as_deref())
    };
    for member in &members {
        if !READ.contains(&file_name(&member.name)) {
            plan.skip(format!("archive file {}", member.name), "Career Log does not import it");
        }
    }
    if READ.iter().all(|name| found(name).is_none()) {
        return Err(refuse(format!(
            "{} holds none of Positions.csv, Skills.csv, Recommendations_Received.csv or Profile.csv: is it LinkedIn's data export?",
            path.display()
        )));
    }

    if let Some(bytes) = found("Profile.csv") {
        if let Some((_, row)) = rows("Profile.csv", bytes, "First Name")?.into_iter().next() {
            let name = [field(&row, "First Name"), field(&row, "Last Name")]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let profile = Profile {
                name: Some(name).filter(|n| !n.is_empty()),
                headline: field(&row, "Headline").map(str::to_string),
                summary: field(&row, "Summary").map(str::to_string),
                location: field(&row, "Geo Location").map(str::to_string),
                ..Profile::default()
            };
            if profile != Profile::default() {
                plan.file.profile = Some(profile);
            }
        }
    }

    let mut carriers = Vec::new();
    if let Some(bytes) = found("Positions.csv") {
        for (line, row) in rows("Positions.csv", bytes, "Company Name")? {
            let at = format!("Positions.csv line {line}");
            let company = field(&row, "Company Name");
            let role = field(&row, "Title");
            let Some(title) = job_title(role, company) else {
                plan.skip(at, "it has neither a company nor a title");
                continue;
            };
            let started = date(&at, "start date", field(&row, "Started On"))?;
            let ended = date(&at, "end date", field(&row, "Finished On"))?;
            in_order(&at, started, ended)?;
            let key = format!(
                "position|{title}|{}|{}",
                field(&row, "Started On").unwrap_or_default(),
                field(&row, "Finished On").unwrap_or_default()
            );
            if plan.holds(&key) {
                plan.skip(
                    format!("{at} ({title})"),
                    "the same position appears earlier in the file",
                );
                continue;
            }
            let summary = field(&row, "Description");
            let position =
                Position { title: &title, organization: company, role, started, ended, summary };
            let uuid = plan.entry(
                EntryKind::Project,
                &key,
                &position.stamp(),
                position.fields(&[]),
                &format!("{at} (\"{title}\")"),
            );
            carriers.push(Carrier {
                uuid,
                text: format!("{title} {}", summary.unwrap_or_default()),
                ended,
                started,
            });
        }
    }
    if let Some(bytes) = found("Skills.csv") {
        let skills: Vec<(String, Vec<String>)> = rows("Skills.csv", bytes, "Name")?
            .into_iter()
            .filter_map(|(_, row)| field(&row, "Name").map(|n| (n.to_string(), Vec::new())))
            .collect();
        plan.place_skills(&carriers, &skills);
    }
    if let Some(bytes) = found("Recommendations_Received.csv") {
        for (line, row) in rows("Recommendations_Received.csv", bytes, "First Name")? {
            let at = format!("Recommendations_Received.csv line {line}");
            if field(&row, "Status").is_some_and(|s| !s.eq_ignore_ascii_case("visible")) {
                plan.skip(at, "the recommendation is hidden on LinkedIn");
                continue;
            }
            let Some(text) = field(&row, "Text") else {
                plan.skip(at, "it has no text");
                continue;
            };
            let who = [field(&row, "First Name"), field(&row, "Last Name")]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let day = date(&at, "date", field(&row, "Creation Date"))?;
            let stamp = day_stamp(day.unwrap_or(EPOCH));
            let person = (!who.is_empty()).then(|| {
                let team = field(&row, "Company").map(str::to_string);
                let note = field(&row, "Job Title").map(|t| format!("{t} (from LinkedIn)"));
                let key = format!("person|{who}");
                if plan.holds(&key) {
                    super::import::source_uuid(plan.source, &key)
                } else {
                    plan.entry(
                        EntryKind::Person,
                        &key,
                        &stamp,
                        json!({
                            "name": who,
                            "relationships": [{ "relationship": "peer", "team": team }],
                            "notes": note,
                            "tags": ["linkedin"],
                            "skills": [],
                        }),
                        &format!("{at} (\"{who}\")"),
                    )
                }
            });
            plan.entry(
                EntryKind::Feedback,
                &format!("recommendation|{who}|{text}"),
                &stamp,
                json!({
                    "project_id": Value::Null,
                    "source": if who.is_empty() { "LinkedIn recommendation".to_string() } else { who.clone() },
                    "person_id": person,
                    "direction": "received",
                    "date": day,
                    "text": text,
                    "rating": Value::Null,
                    "tags": ["linkedin", "recommendation"],
                    "skills": [],
                }),
                &at,
            );
        }
    }
    Ok(plan)
}
