//! The progress report for a mentor: a period of the journal, as Markdown to share, with
//! private entries already left out of the summary it is written from.

use crate::habit::PeriodSummary;
use crate::people::Person;

/// The report for `person` from `author` (the engineer's name, when the profile has one).
pub fn progress_markdown(person: &Person, author: Option<&str>, s: &PeriodSummary) -> String {
    let p = &s.period;
    let mut out = format!("# Progress report for {}\n\n", person.name);
    let from = author.map(|a| format!("From {a}, ")).unwrap_or_default();
    out.push_str(&format!("{from}{} to {}\n\n", p.starts_on, p.ends_on));
    let mut section = |title: &str, lines: Vec<String>, none: &str| {
        out.push_str(&format!("## {title}\n\n"));
        if lines.is_empty() {
            out.push_str(&format!("{none}\n\n"));
        }
        for line in &lines {
            out.push_str(&format!("- {line}\n"));
        }
        if !lines.is_empty() {
            out.push('\n');
        }
    };
    section(
        "Projects",
        s.projects
            .iter()
            .map(|t| {
                let mut facts: Vec<String> = Vec::new();
                if let Some(role) = &t.project.role {
                    facts.push(role.clone());
                }
                if let Some(status) = t.project.status {
                    facts.push(status.in_words().to_string());
                }
                let facts = if facts.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", facts.join(", "))
                };
                format!("**{}**{facts}", t.project.title)
            })
            .collect(),
        "No project was worked on in this period.",
    );
    section(
        "Metrics that moved",
        s.metrics.iter().map(|m| format!("{}: {}", m.name, m.line())).collect(),
        "No metric was measured in this period.",
    );
    section(
        "Checklist progress",
        s.checklists
            .iter()
            .map(|c| {
                format!(
                    "{} (cycle {}): {} of {} items checked",
                    c.guide_title, c.cycle, c.checked, c.items
                )
            })
            .collect(),
        "No checklist item was checked in this period.",
    );
    let r = &s.rehearsals;
    let rehearsed = if r.count == 0 {
        Vec::new()
    } else {
        let times = if r.count == 1 {
            "1 rehearsal".to_string()
        } else {
            format!("{} rehearsals", r.count)
        };
        let mut lines = vec![format!("{times}, {} min in all", r.minutes)];
        lines.extend(r.stories.iter().cloned());
        lines
    };
    section("Stories rehearsed", rehearsed, "No story was rehearsed in this period.");
    out.trim_end().to_string() + "\n"
}
