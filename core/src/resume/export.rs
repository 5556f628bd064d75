//! The exports: Markdown, plain text and JSON Resume of the chosen bullets, and a brag
//! document of a period for a review. Pure functions of what the store hands them.

use chrono::NaiveDate;
use serde_json::{json, Map, Value};

use super::generate::names_of;
use super::wording::decision_choice;
use super::Bullet;
use crate::documents::{linked, Block, Document, Inline};
use crate::journal::ProjectDetail;
use crate::profile::Profile;

/// Bullets grouped by organization and role, most recent group first, keeping order.
struct Group<'a> {
    organization: Option<&'a str>,
    role: Option<&'a str>,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    /// Ongoing when any project in it has no end date.
    ongoing: bool,
    bullets: Vec<&'a Bullet>,
}

fn groups(bullets: &[Bullet]) -> Vec<Group<'_>> {
    let mut groups: Vec<Group> = Vec::new();
    for b in bullets {
        let key = (b.organization.as_deref(), b.role.as_deref());
        let group = match groups.iter_mut().position(|g| (g.organization, g.role) == key) {
            Some(i) => &mut groups[i],
            None => {
                groups.push(Group {
                    organization: key.0,
                    role: key.1,
                    start: None,
                    end: None,
                    ongoing: false,
                    bullets: Vec::new(),
                });
                groups.last_mut().expect("just pushed")
            }
        };
        group.start = match (group.start, b.started_on) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        group.end = match (group.end, b.ended_on) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        group.ongoing |= b.ended_on.is_none();
        group.bullets.push(b);
    }
    groups.sort_by_key(|g| std::cmp::Reverse((g.ongoing, g.end.or(g.start))));
    groups
}

fn period(group: &Group) -> String {
    let year = |d: Option<NaiveDate>| d.map(|d| d.format("%b %Y").to_string());
    match (year(group.start), group.ongoing, year(group.end)) {
        (Some(s), true, _) => format!("{s} – present"),
        (Some(s), false, Some(e)) if s == e => s,
        (Some(s), false, Some(e)) => format!("{s} – {e}"),
        (None, _, Some(e)) => e,
        _ => String::new(),
    }
}

fn heading(group: &Group) -> String {
    match (group.role, group.organization) {
        (Some(r), Some(o)) => format!("{r}, {o}"),
        (Some(r), None) => r.to_string(),
        (None, Some(o)) => o.to_string(),
        (None, None) => "Projects".to_string(),
    }
}

fn person(profile: &Profile) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(name) = &profile.name {
        lines.push(name.clone());
    }
    let contact: Vec<&str> =
        [profile.headline.as_deref(), profile.email.as_deref(), profile.location.as_deref()]
            .into_iter()
            .flatten()
            .collect();
    if !contact.is_empty() {
        lines.push(contact.join(" · "));
    }
    lines
}

/// The contact line with the email address as a link.
fn contact(profile: &Profile) -> Vec<Inline> {
    let mut runs = Vec::new();
    let mut push = |run: Inline| {
        if !runs.is_empty() {
            runs.push(Inline::text(" · "));
        }
        runs.push(run);
    };
    if let Some(headline) = &profile.headline {
        push(Inline::text(headline));
    }
    if let Some(email) = &profile.email {
        push(Inline::Link { text: email.clone(), url: format!("mailto:{email}") });
    }
    if let Some(location) = &profile.location {
        push(Inline::text(location));
    }
    runs
}

/// The skills the bullets' projects name, most named first.
fn skills_of(bullets: &[Bullet]) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for skill in bullets.iter().flat_map(|b| b.skills.iter()) {
        match counts.iter_mut().find(|(s, _)| s.eq_ignore_ascii_case(skill)) {
            Some((_, n)) => *n += 1,
            None => counts.push((skill.clone(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.into_iter().map(|(s, _)| s).collect()
}

/// The resume as a document: the name and contact line, "Experience" with a heading per
/// role and organization and its dates, then "Skills". One column in reading order, the
/// standard headings hiring systems look for.
pub fn resume_document(bullets: &[Bullet], profile: &Profile) -> Document {
    let mut blocks = Vec::new();
    let groups = groups(bullets);
    if !groups.is_empty() {
        blocks.push(Block::Heading { level: 1, text: "Experience".into(), aside: None });
    }
    for group in groups {
        let when = period(&group);
        blocks.push(Block::Heading {
            level: 2,
            text: heading(&group),
            aside: (!when.is_empty()).then_some(when),
        });
        blocks.push(Block::Bullets(
            group.bullets.iter().map(|b| vec![Inline::text(b.text.replace('\n', " "))]).collect(),
        ));
    }
    let skills = skills_of(bullets);
    if !skills.is_empty() {
        blocks.push(Block::Heading { level: 1, text: "Skills".into(), aside: None });
        blocks.push(Block::Paragraph(vec![Inline::text(skills.join(" · "))]));
    }
    let contact = contact(profile);
    Document {
        title: profile.name.clone().unwrap_or_default(),
        subtitle: if contact.is_empty() { Vec::new() } else { vec![contact] },
        author: profile.name.clone(),
        blocks,
        sources: Vec::new(),
    }
}

pub fn markdown(bullets: &[Bullet], profile: &Profile) -> String {
    crate::documents::markdown(&resume_document(bullets, profile))
}

pub fn plain_text(bullets: &[Bullet], profile: &Profile) -> String {
    let mut out = String::new();
    for line in person(profile) {
        out.push_str(&line);
        out.push('\n');
    }
    if !out.is_empty() {
        out.push('\n');
    }
    for group in groups(bullets) {
        let when = period(&group);
        out.push_str(&heading(&group).to_uppercase());
        if !when.is_empty() {
            out.push_str(&format!(" ({when})"));
        }
        out.push('\n');
        for b in group.bullets {
            out.push_str(&format!("  * {}\n", b.text.replace('\n', " ")));
        }
        out.push('\n');
    }
    out.trim_end().to_string() + "\n"
}

/// A `resume.json` per the JSON Resume schema: `basics` from the profile, `work` from the
/// bullets grouped by organization and role, `skills` from the journal's skills.
pub fn json_resume(bullets: &[Bullet], profile: &Profile, skills: &[String]) -> Value {
    let mut basics = Map::new();
    let mut put = |key: &str, value: Option<&String>| {
        if let Some(v) = value {
            basics.insert(key.to_string(), json!(v));
        }
    };
    put("name", profile.name.as_ref());
    put("label", profile.headline.as_ref());
    put("email", profile.email.as_ref());
    put("summary", profile.summary.as_ref());
    if let Some(location) = &profile.location {
        basics.insert("location".into(), json!({ "city": location }));
    }
    let work: Vec<Value> = groups(bullets)
        .iter()
        .map(|g| {
            let mut entry = Map::new();
            entry.insert("name".into(), json!(g.organization.unwrap_or("Independent")));
            if let Some(role) = g.role {
                entry.insert("position".into(), json!(role));
            }
            if let Some(start) = g.start {
                entry.insert("startDate".into(), json!(start.format("%Y-%m-%d").to_string()));
            }
            if let (false, Some(end)) = (g.ongoing, g.end) {
                entry.insert("endDate".into(), json!(end.format("%Y-%m-%d").to_string()));
            }
            let highlights: Vec<&str> = g.bullets.iter().map(|b| b.text.as_str()).collect();
            entry.insert("highlights".into(), json!(highlights));
            Value::Object(entry)
        })
        .collect();
    let skills: Vec<Value> = skills.iter().map(|s| json!({ "name": s })).collect();
    json!({
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": basics,
        "work": work,
        "skills": skills,
        "meta": { "version": "v1.0.0", "canonical": "https://jsonresume.org/schema" },
    })
}

/// What a brag document covers: the period, the projects active in it and the quarter,
/// half and year reviews written of it.
pub struct BragEntries<'a> {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub projects: &'a [ProjectDetail],
    pub reviews: &'a [crate::journal::Review],
}

fn within(day: Option<NaiveDate>, since: Option<NaiveDate>, until: Option<NaiveDate>) -> bool {
    match day {
        None => true,
        Some(d) => since.is_none_or(|s| d >= s) && until.is_none_or(|u| d <= u),
    }
}

/// A brag document for a review as a document: per project, what moved, what was decided
/// and what people said, within the period.
pub fn brag(entries: &BragEntries, profile: &Profile) -> Document {
    let (since, until) = (entries.since, entries.until);
    let label = |d: Option<NaiveDate>, open: &str| {
        d.map(|d| d.to_string()).unwrap_or_else(|| open.to_string())
    };
    let name = profile.name.as_deref().map(|n| format!(": {n}")).unwrap_or_default();
    let mut document = Document {
        title: format!("Brag document{name}"),
        subtitle: vec![vec![Inline::text(format!(
            "Period: {} to {}",
            label(since, "the beginning"),
            label(until, "today")
        ))]],
        author: profile.name.clone(),
        ..Document::default()
    };
    let blocks = &mut document.blocks;
    if entries.projects.is_empty() && entries.reviews.is_empty() {
        blocks.push(Block::Paragraph(vec![Inline::text("No projects in this period.")]));
        return document;
    }
    let list = |label: &str, items: Vec<String>, blocks: &mut Vec<Block>| {
        if !items.is_empty() {
            blocks.push(Block::Label(label.to_string()));
            blocks.push(Block::Bullets(items.iter().map(|i| linked(i)).collect()));
        }
    };
    let names = names_of(entries.projects);
    for d in entries.projects {
        let p = &d.project;
        blocks.push(Block::Heading { level: 1, text: p.title.clone(), aside: None });
        let facts: Vec<String> = [
            p.organization.clone(),
            p.role.clone(),
            p.scope.map(|s| format!("{} scope", s.as_str())),
            match (p.started_on, p.ended_on) {
                (Some(s), Some(e)) => Some(format!("{s} to {e}")),
                (Some(s), None) => Some(format!("since {s}")),
                _ => None,
            },
        ]
        .into_iter()
        .flatten()
        .collect();
        if !facts.is_empty() {
            blocks.push(Block::Paragraph(vec![Inline::Text(facts.join(" · "))]));
        }
        if let Some(summary) = &p.summary {
            blocks.push(Block::Paragraph(vec![Inline::text(summary)]));
        }
        let metrics = d
            .metrics
            .iter()
            .filter(|m| within(m.measured_on, since, until))
            .map(|m| {
                let evidence =
                    m.evidence.as_deref().map(|e| format!(" — evidence: {e}")).unwrap_or_default();
                format!("{}: {}{evidence}", m.name, m.line())
            })
            .collect();
        list("Impact", metrics, blocks);
        let decisions = d
            .decisions
            .iter()
            .filter(|x| within(x.decided_on, since, until))
            .map(|x| {
                let outcome =
                    x.outcome.as_deref().map(|o| format!(" Outcome: {o}")).unwrap_or_default();
                format!("{}: {}.{outcome}", x.title, decision_choice(x, &names))
            })
            .collect();
        list("Decisions", decisions, blocks);
        let artifacts = d
            .artifacts
            .iter()
            .filter(|a| within(a.date, since, until))
            .map(|a| {
                format!(
                    "{} ({}){}",
                    a.title,
                    a.kind.map_or("", |k| k.as_str()),
                    a.url.as_deref().map(|u| format!(": {u}")).unwrap_or_default()
                )
            })
            .collect();
        list("Artifacts", artifacts, blocks);
        let feedback = d
            .feedback
            .iter()
            .filter(|f| within(f.date, since, until))
            .map(|f| {
                format!(
                    "{} ({}): \"{}\"",
                    f.source,
                    f.date.map(|d| d.to_string()).unwrap_or_default(),
                    f.text.replace('\n', " ")
                )
            })
            .collect();
        list("Feedback", feedback, blocks);
    }
    if !entries.reviews.is_empty() {
        blocks.push(Block::Heading { level: 1, text: "Reviews".into(), aside: None });
        for r in entries.reviews {
            blocks.push(Block::Label(crate::store::review_title(&r.input)));
            let lines = [
                ("Went well", &r.went_well),
                ("To improve", &r.to_improve),
                ("Next focus", &r.next_focus),
            ]
            .into_iter()
            .filter_map(|(label, text)| {
                text.as_ref()
                    .map(|t| vec![Inline::Text(format!("{label}: {}", t.replace('\n', " ")))])
            })
            .collect::<Vec<_>>();
            if !lines.is_empty() {
                blocks.push(Block::Bullets(lines));
            }
        }
    }
    document
}

/// The brag document in Markdown.
pub fn brag_document(entries: &BragEntries, profile: &Profile) -> String {
    crate::documents::markdown(&brag(entries, profile))
}
