//! A period's summary in Markdown: what a saved review keeps, and what the CLI prints.

use super::PeriodSummary;
use crate::resume::grammar::listed;

/// The summary as Markdown, with every number as the journal tells it.
pub fn period_markdown(s: &PeriodSummary) -> String {
    let p = &s.period;
    let mut out = format!("## {} ({} to {})\n\n", p.label, p.starts_on, p.ends_on);
    if s.empty {
        out.push_str("Nothing was logged in this period.\n");
        return out;
    }
    let mut section = |title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            out.push_str(&format!("### {title}\n\n"));
            for line in lines {
                out.push_str(&format!("- {line}\n"));
            }
            out.push('\n');
        }
    };
    section(
        "Projects",
        s.projects
            .iter()
            .map(|t| {
                let status =
                    t.project.status.map(|s| format!(" ({})", s.as_str())).unwrap_or_default();
                let entries = match t.entries {
                    0 => String::new(),
                    1 => ": 1 entry".to_string(),
                    n => format!(": {n} entries"),
                };
                format!("{}{status}{entries}", t.project.title)
            })
            .collect(),
    );
    section(
        "Metrics that moved",
        s.metrics.iter().map(|m| format!("{}: {}", m.name, m.line())).collect(),
    );
    section(
        "Decisions",
        s.decisions
            .iter()
            .map(|d| match &d.outcome {
                Some(outcome) => format!("{}: chose {}. Outcome: {outcome}", d.title, d.chosen),
                None => format!("{}: chose {} (no outcome written yet)", d.title, d.chosen),
            })
            .collect(),
    );
    section(
        "Feedback",
        s.feedback
            .iter()
            .map(|f| {
                let day = f.date.map(|d| format!(", {d}")).unwrap_or_default();
                format!("From {}{day}: {}", f.source, f.text)
            })
            .collect(),
    );
    section(
        "Checklists",
        s.checklists
            .iter()
            .map(|c| {
                format!(
                    "{} (cycle {}): {} of {} items checked",
                    c.guide_title, c.cycle, c.checked, c.items
                )
            })
            .collect(),
    );
    let r = &s.rehearsals;
    if r.count > 0 {
        let times = if r.count == 1 {
            "1 rehearsal".to_string()
        } else {
            format!("{} rehearsals", r.count)
        };
        section(
            "Rehearsals",
            vec![format!("{times} ({} min) of {}", r.minutes, listed(&r.stories, false))],
        );
    }
    out.trim_end().to_string() + "\n"
}
