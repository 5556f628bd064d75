//! Resume bullets from the journal: generated with the right arithmetic and wording,
//! linted, edited without losing their sources, picked into named variants, exported.

mod export;
mod generate;
pub mod grammar;
pub mod lint;
pub mod wording;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::macros::text_enum;

pub use export::{
    brag, brag_document, json_resume, markdown, plain_text, resume_document, BragEntries,
};
pub(crate) use generate::learn_decision;
pub use generate::{
    candidates, names_of, preview_bullet, BulletPreview, Candidate, PreviewContext, PreviewEntry,
};
pub use grammar::Names;
pub use lint::{lint, lint_with, Finding, LintRule};

/// A resume bullet: its text, where it came from, and what the lint says about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Bullet {
    pub id: i64,
    pub uuid: String,
    pub project_id: i64,
    /// What the bullet was generated from (`metric:12`, `decision:5`, `project:3`).
    pub key: String,
    pub text: String,
    /// The latest generated wording; differs from `text` once the engineer edits it.
    pub generated_text: String,
    pub edited: bool,
    /// Picked for the resume.
    pub included: bool,
    pub position: u32,
    /// The journal entries the bullet states (project, metric, decision).
    pub sources: Vec<i64>,
    pub project_title: String,
    pub organization: Option<String>,
    pub role: Option<String>,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub tags: Vec<String>,
    pub skills: Vec<String>,
    pub findings: Vec<Finding>,
}

/// Which bullets a variant takes: by tag, skill, role or the project's dates. Empty
/// lists and absent dates do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VariantFilter {
    pub tags: Vec<String>,
    pub skills: Vec<String>,
    pub roles: Vec<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl VariantFilter {
    pub fn matches(&self, bullet: &Bullet) -> bool {
        let any = |wanted: &[String], have: &[String]| {
            wanted.is_empty()
                || wanted.iter().any(|w| have.iter().any(|h| h.eq_ignore_ascii_case(w)))
        };
        let role = bullet.role.clone().into_iter().collect::<Vec<_>>();
        let end = bullet.ended_on.or(bullet.started_on);
        let start = bullet.started_on.or(bullet.ended_on);
        any(&self.tags, &bullet.tags)
            && any(&self.skills, &bullet.skills)
            && any(&self.roles, &role)
            && self.since.is_none_or(|since| end.is_none_or(|e| e >= since))
            && self.until.is_none_or(|until| start.is_none_or(|s| s <= until))
    }
}

/// A named selection of bullets with its own order and wording, e.g. "staff backend".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Variant {
    pub id: i64,
    pub name: String,
    pub filter: VariantFilter,
    /// The bullets it takes, in its order, with its own wording where edited.
    pub bullets: Vec<Bullet>,
}

/// A variant as listed, without its bullets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VariantSummary {
    pub id: i64,
    pub name: String,
    pub filter: VariantFilter,
}

text_enum!(
    ExportFormat {
        Markdown = "markdown",
        Text = "text",
        JsonResume = "json-resume",
        Docx = "docx" ("DOCX"),
        Pdf = "pdf" ("PDF"),
    }
);

/// What to export: a format, optionally a variant and extra filters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportRequest {
    pub format: ExportFormat,
    pub variant: Option<String>,
    pub tags: Vec<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Text => "txt",
            ExportFormat::JsonResume => "json",
            ExportFormat::Docx => "docx",
            ExportFormat::Pdf => "pdf",
        }
    }

    /// The document format it writes, for the formats that are documents.
    pub fn document(self) -> Option<crate::documents::DocumentFormat> {
        use crate::documents::DocumentFormat;
        match self {
            ExportFormat::Markdown => Some(DocumentFormat::Markdown),
            ExportFormat::Docx => Some(DocumentFormat::Docx),
            ExportFormat::Pdf => Some(DocumentFormat::Pdf),
            ExportFormat::Text | ExportFormat::JsonResume => None,
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod wording_tests;
