//! A JSON Resume (jsonresume.org's `resume.json`) as an import plan: `basics` to the
//! profile, each `work` position and each `projects` item to a project, their
//! `highlights` to resume bullets in the engineer's words (a number that moved also to a
//! metric, read by the parser the capture inbox uses), `skills` to skills, `awards` to
//! feedback received and `publications` to notes. What has no place yet is reported.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{json, Value};

use super::import::{
    day_stamp, in_order, job_title, Carrier, Existing, ImportPlan, ImportSource, Position,
    MAX_ENTRIES,
};
use super::refuse;
use crate::capture::phrases::find_metrics;
use crate::journal::EntryKind;
use crate::profile::Profile;
use crate::Result;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Resume {
    basics: Basics,
    work: Vec<Work>,
    projects: Vec<Work>,
    skills: Vec<Skill>,
    awards: Vec<Award>,
    publications: Vec<Publication>,
    volunteer: Vec<Value>,
    education: Vec<Value>,
    certificates: Vec<Value>,
    languages: Vec<Value>,
    interests: Vec<Value>,
    references: Vec<Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Basics {
    name: Option<String>,
    label: Option<String>,
    email: Option<String>,
    summary: Option<String>,
    location: Option<Location>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Location {
    city: Option<String>,
    region: Option<String>,
    #[serde(rename = "countryCode")]
    country_code: Option<String>,
}

/// A `work` position or a `projects` item: the two share their shape closely enough.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Work {
    /// The organization (work) or the project's name (projects).
    name: Option<String>,
    /// The role (work).
    position: Option<String>,
    /// The organization a project was for (projects).
    entity: Option<String>,
    roles: Vec<String>,
    description: Option<String>,
    summary: Option<String>,
    #[serde(rename = "startDate")]
    start_date: Option<String>,
    #[serde(rename = "endDate")]
    end_date: Option<String>,
    highlights: Vec<String>,
    keywords: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Skill {
    name: Option<String>,
    keywords: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Award {
    title: Option<String>,
    date: Option<String>,
    awarder: Option<String>,
    summary: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Publication {
    name: Option<String>,
    publisher: Option<String>,
    #[serde(rename = "releaseDate")]
    release_date: Option<String>,
    url: Option<String>,
    summary: Option<String>,
}

/// Trimmed, or None when blank.
fn text(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_string)
}

/// JSON Resume's dates: `2024-03-01`, `2024-03` or `2024`, read as their first day.
fn day(place: &str, field: &str, value: &Option<String>) -> Result<Option<NaiveDate>> {
    let Some(raw) = text(value) else { return Ok(None) };
    let parsed = match raw.len() {
        4 => NaiveDate::parse_from_str(&format!("{raw}-01-01"), "%Y-%m-%d"),
        7 => NaiveDate::parse_from_str(&format!("{raw}-01"), "%Y-%m-%d"),
        _ => NaiveDate::parse_from_str(&raw, "%Y-%m-%d"),
    };
    parsed.map(Some).map_err(|_| {
        refuse(format!(
            "{place}: the {field} is not a date (\"{raw}\"); JSON Resume writes 2024-03-01, 2024-03 or 2024"
        ))
    })
}

/// `work 2 ("Staff Engineer at Northwind")`: a place in the file, counted from 1.
fn place(list: &str, index: usize, title: &str) -> String {
    let title: String = if title.chars().count() > 40 {
        format!("{}…", title.chars().take(40).collect::<String>())
    } else {
        title.to_string()
    };
    if title.is_empty() {
        format!("{list} {}", index + 1)
    } else {
        format!("{list} {} (\"{title}\")", index + 1)
    }
}

pub fn plan(bytes: &[u8]) -> Result<ImportPlan> {
    let resume: Resume = super::read_json(bytes, Some("a JSON Resume (resume.json)"))?;
    let total = resume.work.len() + resume.projects.len() + resume.awards.len();
    if total > MAX_ENTRIES {
        return Err(refuse(format!(
            "the file holds {total} positions, projects and awards; the limit is {MAX_ENTRIES}"
        )));
    }
    let mut plan = ImportPlan::new(ImportSource::JsonResume, Existing::NewerWins);
    let basics = &resume.basics;
    let location = basics.location.as_ref().map(|l| {
        [&l.city, &l.region, &l.country_code]
            .iter()
            .filter_map(|part| text(part))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let profile = Profile {
        name: text(&basics.name),
        headline: text(&basics.label),
        email: text(&basics.email),
        location: location.filter(|l| !l.is_empty()),
        summary: text(&basics.summary),
        ..Profile::default()
    };
    if profile != Profile::default() {
        plan.file.profile = Some(profile);
    }

    let mut placed: Vec<Carrier> = Vec::new();
    for (list, items) in [("work", &resume.work), ("project", &resume.projects)] {
        for (index, item) in items.iter().enumerate() {
            let is_work = list == "work";
            let (organization, role, name) = if is_work {
                (text(&item.name), text(&item.position), None)
            } else {
                let roles = item.roles.iter().map(|r| r.trim()).filter(|r| !r.is_empty());
                let roles = roles.collect::<Vec<_>>().join(", ");
                (text(&item.entity), Some(roles).filter(|r| !r.is_empty()), text(&item.name))
            };
            let Some(title) = name.or_else(|| job_title(role.as_deref(), organization.as_deref()))
            else {
                plan.skip(place(list, index, ""), "it has no name or position");
                continue;
            };
            let at = place(list, index, &title);
            let started = day(&at, "start date", &item.start_date)?;
            let ended = day(&at, "end date", &item.end_date)?;
            in_order(&at, started, ended)?;
            let key = format!(
                "{list}|{}|{}|{}|{}",
                title,
                organization.as_deref().unwrap_or_default(),
                item.start_date.as_deref().unwrap_or_default(),
                item.end_date.as_deref().unwrap_or_default()
            );
            if plan.holds(&key) {
                plan.skip(at, "the same position appears earlier in the file");
                continue;
            }
            let summary = text(&item.summary).or_else(|| text(&item.description));
            let position = Position {
                title: &title,
                organization: organization.as_deref(),
                role: role.as_deref(),
                started,
                ended,
                summary: summary.as_deref(),
            };
            let stamp = position.stamp();
            let skills: Vec<&str> =
                item.keywords.iter().map(|k| k.trim()).filter(|k| !k.is_empty()).collect();
            let project =
                plan.entry(EntryKind::Project, &key, &stamp, position.fields(&skills), &at);
            let mut words = format!("{title} {}", summary.clone().unwrap_or_default());
            for (n, highlight) in item.highlights.iter().enumerate() {
                let highlight = highlight.trim();
                if highlight.is_empty() {
                    continue;
                }
                words.push(' ');
                words.push_str(highlight);
                let what = format!("{at}, highlight {}", n + 1);
                let found = find_metrics(highlight).into_iter().next();
                let source = match found {
                    Some(m) => {
                        let uuid = plan.entry(
                            EntryKind::Metric,
                            &format!("metric|{key}|{highlight}"),
                            &stamp,
                            json!({
                                "project_id": project,
                                "name": m.name,
                                "unit": m.unit,
                                "baseline": m.baseline,
                                "result": m.result,
                                "better": m.better,
                                "measured_on": ended,
                                "evidence": Value::Null,
                                "tags": [],
                                "skills": [],
                            }),
                            &what,
                        );
                        format!("metric:{uuid}")
                    }
                    None => {
                        let uuid = plan.entry(
                            EntryKind::Note,
                            &format!("highlight|{key}|{highlight}"),
                            &stamp,
                            json!({
                                "project_id": project,
                                "date": ended.or(started),
                                "text": highlight,
                                "tags": ["resume"],
                                "skills": [],
                            }),
                            &what,
                        );
                        format!("note:{uuid}")
                    }
                };
                plan.bullet(&project, &source, highlight, u32::try_from(n).unwrap_or(u32::MAX));
            }
            placed.push(Carrier { uuid: project, text: words, ended, started });
        }
    }

    let skills: Vec<(String, Vec<String>)> = resume
        .skills
        .iter()
        .filter_map(|s| text(&s.name).map(|name| (name, s.keywords.clone())))
        .collect();
    plan.place_skills(&placed, &skills);

    for (index, award) in resume.awards.iter().enumerate() {
        let Some(title) = text(&award.title) else {
            plan.skip(place("award", index, ""), "it has no title");
            continue;
        };
        let at = place("award", index, &title);
        let date = day(&at, "date", &award.date)?;
        let body = match text(&award.summary) {
            Some(summary) => format!("Award: {title}. {summary}"),
            None => format!("Award: {title}."),
        };
        plan.entry(
            EntryKind::Feedback,
            &format!("award|{title}|{}", award.date.as_deref().unwrap_or_default()),
            &day_stamp(date.unwrap_or(super::import::EPOCH)),
            json!({
                "project_id": Value::Null,
                "source": text(&award.awarder).unwrap_or_else(|| "Award".to_string()),
                "direction": "received",
                "date": date,
                "text": body,
                "rating": Value::Null,
                "tags": ["award"],
                "skills": [],
            }),
            &at,
        );
    }
    for (index, publication) in resume.publications.iter().enumerate() {
        let Some(name) = text(&publication.name) else {
            plan.skip(place("publication", index, ""), "it has no name");
            continue;
        };
        let at = place("publication", index, &name);
        let date = day(&at, "release date", &publication.release_date)?;
        let mut body = match text(&publication.publisher) {
            Some(publisher) => format!("Published \"{name}\" in {publisher}."),
            None => format!("Published \"{name}\"."),
        };
        if let Some(url) = text(&publication.url) {
            body.push_str(&format!(" {url}"));
        }
        if let Some(summary) = text(&publication.summary) {
            body.push_str(&format!("\n\n{summary}"));
        }
        plan.entry(
            EntryKind::Note,
            &format!("publication|{name}|{}", publication.release_date.as_deref().unwrap_or_default()),
            &day_stamp(date.unwrap_or(super::import::EPOCH)),
            json!({ "project_id": Value::Null, "date": date, "text": body, "tags": ["publication"], "skills": [] }),
            &at,
        );
    }
    for (list, items) in [
        ("education", resume.education.len()),
        ("volunteer", resume.volunteer.len()),
        ("certificates", resume.certificates.len()),
        ("languages", resume.languages.len()),
        ("interests", resume.interests.len()),
        ("references", resume.references.len()),
    ] {
        if items > 0 {
            plan.skip(format!("{list} ({items})"), "Career Log has no place for it yet");
        }
    }
    Ok(plan)
}

#[cfg(test)]
#[path = "json_resume_tests.rs"]
mod tests;
