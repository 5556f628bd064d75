//! Candidate bullets for a project, from its metrics, its decisions and the project itself.

use crate::journal::{ProjectDetail, Scope};

use super::wording::{lower_first, metric_bullet};

/// A generated bullet before it is stored: a stable key, its text and its sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub key: String,
    pub text: String,
    pub sources: Vec<i64>,
    /// Worth picking by default: it states a measured improvement.
    pub strong: bool,
}

/// The bullets a project offers: one per metric with a baseline, one per decision that
/// weighed options, and one for the project itself.
pub fn candidates(detail: &ProjectDetail) -> Vec<Candidate> {
    let p = &detail.project;
    let mut out = Vec::new();
    for m in &detail.metrics {
        if let Some(text) = metric_bullet(m, &p.title) {
            out.push(Candidate {
                key: format!("metric:{}", m.id),
                text,
                sources: vec![p.id, m.id],
                strong: m.improved == Some(true),
            });
        }
    }
    for d in &detail.decisions {
        let rejected = d.rejected();
        if rejected.is_empty() {
            continue;
        }
        let trading = d
            .tradeoffs
            .as_deref()
            .map(|t| format!(", trading {}", lower_first(first_clause(t))))
            .unwrap_or_default();
        out.push(Candidate {
            key: format!("decision:{}", d.id),
            text: format!(
                "Chose {} over {} for {}{trading}",
                mid_sentence(&d.chosen),
                rejected
                    .iter()
                    .map(|r| mid_sentence(r))
                    .collect::<Vec<_>>()
                    .join(" and "),
                lower_first(&d.title)
            ),
            sources: vec![p.id, d.id],
            strong: false,
        });
    }
    let verb = match p.role.as_deref().map(str::to_lowercase) {
        Some(role)
            if role.contains("lead") || role.contains("manager") || role.contains("owner") =>
        {
            "Led"
        }
        _ => "Delivered",
    };
    let scope = match p.scope {
        Some(Scope::MultiTeam) => " across several teams",
        Some(Scope::Organization) => " across the organization",
        Some(Scope::Initiative) => " as a cross-cutting initiative",
        _ => "",
    };
    let at = p
        .organization
        .as_deref()
        .map(|o| format!(" at {o}"))
        .unwrap_or_default();
    let summary = p
        .summary
        .as_deref()
        .map(|s| format!(": {}", lower_first(first_clause(s))))
        .unwrap_or_default();
    out.push(Candidate {
        key: format!("project:{}", p.id),
        text: format!("{verb} {}{at}{scope}{summary}", p.title),
        sources: vec![p.id],
        strong: false,
    });
    out
}

/// An option's name inside a sentence: a leading article goes lower case; names such as
/// Kafka or Postgres keep their capitals.
fn mid_sentence(text: &str) -> String {
    for article in ["A ", "An ", "The "] {
        if let Some(rest) = text.strip_prefix(article) {
            return format!("{}{rest}", article.to_lowercase());
        }
    }
    text.to_string()
}

/// The first sentence or clause, without its full stop.
fn first_clause(text: &str) -> &str {
    let end = text.find(['.', '\n', ';']).unwrap_or(text.len());
    text[..end].trim()
}
