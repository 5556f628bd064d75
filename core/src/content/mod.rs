//! The career material compiled into the binary: guides, interview questions, skills and
//! note templates, parsed from Markdown with TOML front matter, rendered and validated.

mod files;
mod front;
mod markdown;
mod tree;
mod validate;

#[cfg(test)]
mod tests;

use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journal::{ArtifactKind, Scope};

pub use markdown::{band_slug, role_slug, BANDS, ROLES};
pub use tree::Step;
pub use validate::{check_template, TEMPLATE_MAX_BODY};

/// Every guide, question, skill and template, in the order `content/` lists them.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Library {
    pub guides: Vec<Guide>,
    pub questions: Vec<Question>,
    pub skills: Vec<Skill>,
    pub templates: Vec<Template>,
}

/// A career guide: its reading text, its checklist and, for the main guide, the frameworks.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Guide {
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// Interview questions to practise with this guide.
    pub questions: Vec<String>,
    pub skills: Vec<String>,
    /// Other guides worth reading next.
    pub related: Vec<String>,
    pub checklist: Vec<ChecklistItem>,
    /// The progression stages and their proofs of readiness; empty for most guides.
    pub stages: Vec<Stage>,
    /// The next-move decision tree, when the guide has one.
    pub tree: Option<DecisionTree>,
    /// The body as sanitized HTML, with heading ids and tagged band/role rows.
    pub html: String,
    pub toc: Vec<TocEntry>,
}

/// One thing to do, with a stable id so progress survives edits to its wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChecklistItem {
    pub id: String,
    pub text: String,
    /// Due within this many days of the start of the checklist cycle.
    pub due_days: Option<u32>,
    /// A heading the item is grouped under.
    pub section: Option<String>,
    /// The journal entry that shows the item done, when the journal can tell: the
    /// checklist then offers the item as done, naming the entry.
    pub evidence: Option<Evidence>,
}

/// A step of the progression framework: what to focus on and what proves readiness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Stage {
    pub id: String,
    pub name: String,
    pub focus: String,
    /// The experience this stage usually comes with, as a label ("3-6 years").
    pub years: String,
    pub proofs: Vec<Proof>,
}

/// A proof of readiness and the journal evidence that satisfies it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Proof {
    pub id: String,
    pub text: String,
    pub evidence: Evidence,
    /// How many matching journal entries the proof needs (1 unless the file says more).
    pub count: u32,
}

/// What kind of journal entry proves a proof of readiness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Evidence {
    /// A project whose scope is at least this wide.
    ProjectScope { at_least: Scope },
    /// A metric that moved the better way, optionally in a given unit.
    MetricImproved {
        #[serde(default)]
        unit: Option<String>,
    },
    /// An artifact of this kind: an RFC, a postmortem, a talk...
    Artifact { artifact: ArtifactKind },
    /// A decision that weighed at least this many options.
    DecisionWithOptions { min_options: u32 },
    /// A decision whose outcome was written down afterwards.
    DecisionReviewed,
    /// Feedback tagged with this skill.
    FeedbackSkill { skill: String },
    /// Any entry tagged with this skill.
    Skill { skill: String },
    /// Feedback rated at least this high (1-5).
    FeedbackRating { min: u8 },
    /// Any project logged.
    Project,
    /// A metric with its baseline: measured before and after, whichever way it moved.
    MetricWithBaseline,
    /// An artifact of any kind.
    AnyArtifact,
    /// A story rehearsed at least once, optionally one that answers this question.
    StoryRehearsed {
        #[serde(default)]
        question: Option<String>,
    },
    /// A goal a mentee or report reached: what mentoring changed, proved by its day.
    MentoringOutcome,
    /// Someone the engineer trained took over work the engineer used to carry.
    SuccessorTrained,
}

/// A few questions that lead to a suggested next move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DecisionTree {
    start: String,
    nodes: Vec<TreeNode>,
    paths: Vec<TreePath>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TreeNode {
    pub id: String,
    pub question: String,
    pub answers: Vec<TreeAnswer>,
}

/// An answer leads either to another question (`next`) or to a suggestion (`path`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TreeAnswer {
    pub label: String,
    #[serde(default)]
    pub next: Option<String>,
    #[serde(default)]
    pub path: Option<String>,
}

/// A suggested career path, with the guide that walks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TreePath {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub guide: String,
}

/// A heading of a rendered body, for the reader's table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// How a behavioural answer is structured: the same framework stories use.
pub use crate::stories::Framework;

/// A behavioural interview question with how to answer it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Question {
    pub slug: String,
    /// The question as an interviewer asks it.
    pub title: String,
    pub skills: Vec<String>,
    pub guides: Vec<String>,
    pub looking_for: Vec<String>,
    /// The follow-ups an interviewer is likely to ask, for the rehearsal drill.
    pub follow_ups: Vec<String>,
    pub framework: Framework,
    pub html: String,
    pub toc: Vec<TocEntry>,
}

/// A skill the guides build, with what it looks like at each level.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Skill {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub questions: Vec<String>,
    pub guides: Vec<String>,
    pub html: String,
    pub toc: Vec<TocEntry>,
}

/// A note template: what a new note starts as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Template {
    pub slug: String,
    pub title: String,
    pub description: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The Markdown a note made from it starts with (the raw body, not HTML).
    pub body: String,
}

/// A guide as the library list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GuideSummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub skills: Vec<String>,
    pub checklist_items: u32,
    pub has_tree: bool,
}

/// A question as the library list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QuestionSummary {
    pub slug: String,
    pub title: String,
    pub framework: Framework,
    pub skills: Vec<String>,
}

/// What is wrong with the content, one problem per line, each naming its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub problems: Vec<ContentProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentProblem {
    /// The file's path inside `content/`.
    pub file: String,
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the content has {} problem(s):", self.problems.len())?;
        for p in &self.problems {
            write!(f, "\n  content/{}: {}", p.file, p.problem)?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentError {}

impl ContentError {
    /// Whether some problem in `file` mentions `needle`; for tests and tooling.
    pub fn mentions(&self, file: &str, needle: &str) -> bool {
        self.problems.iter().any(|p| p.file == file && p.problem.contains(needle))
    }
}

/// The library compiled into this binary, parsed and validated on first use.
///
/// The content is fixed at build time and `cargo test` validates it, so a failure here is
/// a build that skipped its tests; it stops with the list of problems.
pub fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| match Library::load() {
        Ok(library) => library,
        Err(error) => panic!("{error}"),
    })
}

impl Library {
    /// Parses and validates the files compiled into the binary.
    pub fn load() -> Result<Library, ContentError> {
        Library::from_files(files::FILES)
    }

    /// Parses and validates a set of `(path, text)` files laid out like `content/`:
    /// `guides/<slug>.md`, `questions/<slug>.md`, `skills/<slug>.md`, `templates/<slug>.md`.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Library, ContentError> {
        let mut problems = Vec::new();
        let parsed = front::parse_all(files, &mut problems);
        validate::library(&parsed, &mut problems);
        if problems.is_empty() {
            Ok(parsed.into_library())
        } else {
            Err(ContentError { problems })
        }
    }

    pub fn guide(&self, slug: &str) -> Option<&Guide> {
        self.guides.iter().find(|g| g.slug == slug)
    }

    pub fn question(&self, slug: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.slug == slug)
    }

    pub fn skill(&self, slug: &str) -> Option<&Skill> {
        self.skills.iter().find(|s| s.slug == slug)
    }

    pub fn template(&self, slug: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.slug == slug)
    }

    pub fn guide_summaries(&self) -> Vec<GuideSummary> {
        self.guides.iter().map(Guide::summary).collect()
    }

    pub fn question_summaries(&self) -> Vec<QuestionSummary> {
        self.questions.iter().map(Question::summary).collect()
    }
}

impl Guide {
    pub fn summary(&self) -> GuideSummary {
        GuideSummary {
            slug: self.slug.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            skills: self.skills.clone(),
            checklist_items: self.checklist.len() as u32,
            has_tree: self.tree.is_some(),
        }
    }

    pub fn checklist_item(&self, id: &str) -> Option<&ChecklistItem> {
        self.checklist.iter().find(|item| item.id == id)
    }

    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|stage| stage.id == id)
    }
}

impl Question {
    pub fn summary(&self) -> QuestionSummary {
        QuestionSummary {
            slug: self.slug.clone(),
            title: self.title.clone(),
            framework: self.framework,
            skills: self.skills.clone(),
        }
    }
}

/// The TypeScript declarations of the content types, for `bindings.rs` to add to its list.
#[cfg(test)]
pub(crate) fn ts_decls(cfg: &ts_rs::Config) -> Vec<String> {
    vec![
        Library::decl(cfg),
        Guide::decl(cfg),
        ChecklistItem::decl(cfg),
        Stage::decl(cfg),
        Proof::decl(cfg),
        Evidence::decl(cfg),
        DecisionTree::decl(cfg),
        TreeNode::decl(cfg),
        TreeAnswer::decl(cfg),
        TreePath::decl(cfg),
        Step::decl(cfg),
        TocEntry::decl(cfg),
        Question::decl(cfg),
        Skill::decl(cfg),
        GuideSummary::decl(cfg),
        QuestionSummary::decl(cfg),
        Template::decl(cfg),
    ]
}
