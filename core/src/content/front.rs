//! Reading one content file: the TOML front matter between `+++` lines into its kind's
//! fields, the Markdown body into HTML (a template keeps its Markdown too). Problems are
//! collected, never thrown one by one.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::markdown::{self, Rendered};
use super::{
    ChecklistItem, ContentProblem, DecisionTree, Evidence, Framework, Guide, Library, Proof,
    Question, Skill, Stage, Template,
};
use crate::journal::{ArtifactKind, Scope};

/// A parsed file with what validation needs beyond the public type.
pub(super) struct Doc<T> {
    pub file: String,
    pub item: T,
    pub body: Rendered,
}

/// Everything that parsed, in file order, before cross-file validation.
#[derive(Default)]
pub(super) struct Parsed {
    pub guides: Vec<Doc<Guide>>,
    pub questions: Vec<Doc<Question>>,
    pub skills: Vec<Doc<Skill>>,
    pub templates: Vec<Doc<Template>>,
}

impl Parsed {
    pub fn into_library(self) -> Library {
        Library {
            guides: self.guides.into_iter().map(|d| d.item).collect(),
            questions: self.questions.into_iter().map(|d| d.item).collect(),
            skills: self.skills.into_iter().map(|d| d.item).collect(),
            templates: self.templates.into_iter().map(|d| d.item).collect(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuideFront {
    slug: String,
    title: String,
    summary: String,
    #[serde(default)]
    questions: Vec<String>,
    #[serde(default)]
    skills: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    checklist: Vec<ChecklistFront>,
    #[serde(default)]
    stages: Vec<StageFront>,
    #[serde(default)]
    tree: Option<DecisionTree>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFront {
    slug: String,
    title: String,
    #[serde(default)]
    skills: Vec<String>,
    #[serde(default)]
    guides: Vec<String>,
    looking_for: Vec<String>,
    follow_ups: Vec<String>,
    framework: Framework,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SkillFront {
    slug: String,
    title: String,
    summary: String,
    #[serde(default)]
    questions: Vec<String>,
    #[serde(default)]
    guides: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFront {
    slug: String,
    title: String,
    description: String,
    #[serde(default)]
    tags: Vec<String>,
}

// Stages are read through these mirrors: ts-rs cannot read `deny_unknown_fields` on the
// tagged `Evidence` enum, so the strict reading lives here and the public types stay plain.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChecklistFront {
    id: String,
    text: String,
    #[serde(default)]
    due_days: Option<u32>,
    #[serde(default)]
    section: Option<String>,
    #[serde(default)]
    evidence: Option<EvidenceRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StageFront {
    id: String,
    name: String,
    focus: String,
    years: String,
    proofs: Vec<ProofFront>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProofFront {
    id: String,
    text: String,
    evidence: EvidenceRule,
    #[serde(default)]
    count: Option<u32>,
}

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum EvidenceRule {
    ProjectScope {
        at_least: Scope,
    },
    MetricImproved {
        #[serde(default)]
        unit: Option<String>,
    },
    Artifact {
        artifact: ArtifactKind,
    },
    DecisionWithOptions {
        min_options: u32,
    },
    DecisionReviewed,
    FeedbackSkill {
        skill: String,
    },
    Skill {
        skill: String,
    },
    FeedbackRating {
        min: u8,
    },
    Project,
    MetricWithBaseline,
    AnyArtifact,
    StoryRehearsed {
        #[serde(default)]
        question: Option<String>,
    },
    MentoringOutcome,
    SuccessorTrained,
}

impl From<ChecklistFront> for ChecklistItem {
    fn from(f: ChecklistFront) -> ChecklistItem {
        ChecklistItem {
            id: f.id,
            text: f.text,
            due_days: f.due_days,
            section: f.section,
            evidence: f.evidence.map(Evidence::from),
        }
    }
}

impl From<StageFront> for Stage {
    fn from(f: StageFront) -> Stage {
        Stage {
            id: f.id,
            name: f.name,
            focus: f.focus,
            years: f.years,
            proofs: f.proofs.into_iter().map(Proof::from).collect(),
        }
    }
}

impl From<ProofFront> for Proof {
    fn from(f: ProofFront) -> Proof {
        Proof { id: f.id, text: f.text, evidence: f.evidence.into(), count: f.count.unwrap_or(1) }
    }
}

impl From<EvidenceRule> for Evidence {
    fn from(rule: EvidenceRule) -> Evidence {
        match rule {
            EvidenceRule::ProjectScope { at_least } => Evidence::ProjectScope { at_least },
            EvidenceRule::MetricImproved { unit } => Evidence::MetricImproved { unit },
            EvidenceRule::Artifact { artifact } => Evidence::Artifact { artifact },
            EvidenceRule::DecisionWithOptions { min_options } => {
                Evidence::DecisionWithOptions { min_options }
            }
            EvidenceRule::DecisionReviewed => Evidence::DecisionReviewed,
            EvidenceRule::FeedbackSkill { skill } => Evidence::FeedbackSkill { skill },
            EvidenceRule::Skill { skill } => Evidence::Skill { skill },
            EvidenceRule::FeedbackRating { min } => Evidence::FeedbackRating { min },
            EvidenceRule::Project => Evidence::Project,
            EvidenceRule::MetricWithBaseline => Evidence::MetricWithBaseline,
            EvidenceRule::AnyArtifact => Evidence::AnyArtifact,
            EvidenceRule::StoryRehearsed { question } => Evidence::StoryRehearsed { question },
            EvidenceRule::MentoringOutcome => Evidence::MentoringOutcome,
            EvidenceRule::SuccessorTrained => Evidence::SuccessorTrained,
        }
    }
}

pub(super) fn parse_all(files: &[(&str, &str)], problems: &mut Vec<ContentProblem>) -> Parsed {
    let mut parsed = Parsed::default();
    for &(path, text) in files {
        let mut report =
            |problem: String| problems.push(ContentProblem { file: path.to_string(), problem });
        let Some((kind, stem)) = kind_and_stem(path) else {
            report(
                "is not a content file: expected guides/, questions/, skills/ or templates/<slug>.md"
                    .into(),
            );
            continue;
        };
        let (front, markdown) = match split_front_matter(text) {
            Ok(parts) => parts,
            Err(problem) => {
                report(problem);
                continue;
            }
        };
        let body = markdown::render(markdown);
        let file = path.to_string();
        let read = Read { front, stem, file, body, report: &mut report };
        match kind {
            Kind::Guide => parsed.guides.extend(read.doc(|f: GuideFront, r| Guide {
                slug: f.slug,
                title: f.title,
                summary: f.summary,
                questions: f.questions,
                skills: f.skills,
                related: f.related,
                checklist: f.checklist.into_iter().map(ChecklistItem::from).collect(),
                stages: f.stages.into_iter().map(Stage::from).collect(),
                tree: f.tree,
                html: r.html.clone(),
                toc: r.toc.clone(),
            })),
            Kind::Question => parsed.questions.extend(read.doc(|f: QuestionFront, r| Question {
                slug: f.slug,
                title: f.title,
                skills: f.skills,
                guides: f.guides,
                looking_for: f.looking_for,
                follow_ups: f.follow_ups,
                framework: f.framework,
                html: r.html.clone(),
                toc: r.toc.clone(),
            })),
            Kind::Skill => parsed.skills.extend(read.doc(|f: SkillFront, r| Skill {
                slug: f.slug,
                title: f.title,
                summary: f.summary,
                questions: f.questions,
                guides: f.guides,
                html: r.html.clone(),
                toc: r.toc.clone(),
            })),
            Kind::Template => parsed.templates.extend(read.doc(|f: TemplateFront, _| Template {
                slug: f.slug,
                title: f.title,
                description: f.description,
                tags: f.tags,
                body: note_start(markdown),
            })),
        }
    }
    parsed
}

#[derive(Clone, Copy)]
enum Kind {
    Guide,
    Question,
    Skill,
    Template,
}

fn kind_and_stem(path: &str) -> Option<(Kind, &str)> {
    let (dir, name) = path.split_once('/')?;
    let stem = name.strip_suffix(".md")?;
    let kind = match dir {
        "guides" => Kind::Guide,
        "questions" => Kind::Question,
        "skills" => Kind::Skill,
        "templates" => Kind::Template,
        _ => return None,
    };
    Some((kind, stem))
}

/// One content file on its way to a `Doc`: its front matter, file name and rendered body.
struct Read<'a, R: FnMut(String)> {
    front: &'a str,
    stem: &'a str,
    file: String,
    body: Rendered,
    report: &'a mut R,
}

/// What every kind of content item is known by: the slug its file is named after.
trait Slugged {
    fn slug(&self) -> &str;
}

impl Slugged for Guide {
    fn slug(&self) -> &str {
        &self.slug
    }
}

impl Slugged for Question {
    fn slug(&self) -> &str {
        &self.slug
    }
}

impl Slugged for Skill {
    fn slug(&self) -> &str {
        &self.slug
    }
}

impl Slugged for Template {
    fn slug(&self) -> &str {
        &self.slug
    }
}

impl<R: FnMut(String)> Read<'_, R> {
    /// Reads the front matter as `F` and builds the item from it and the rendered body;
    /// a file that does not parse is reported and left out.
    fn doc<F: DeserializeOwned, T: Slugged>(
        self,
        build: impl FnOnce(F, &Rendered) -> T,
    ) -> Option<Doc<T>> {
        let front = deserialize::<F>(self.front, self.report)?;
        let item = build(front, &self.body);
        if self.stem != item.slug() {
            (self.report)(format!(
                "slug \"{}\" does not match the file name \"{}.md\"",
                item.slug(),
                self.stem
            ));
        }
        Some(Doc { file: self.file, item, body: self.body })
    }
}

fn deserialize<T: DeserializeOwned>(front: &str, report: &mut impl FnMut(String)) -> Option<T> {
    match toml::from_str(front) {
        Ok(value) => Some(value),
        Err(error) => {
            // toml counts lines from the start of the front matter, one below the `+++`.
            report(format!(
                "front matter (lines counted after the opening +++): {}",
                error.to_string().trim_end()
            ));
            None
        }
    }
}

/// A template's body as a new note starts with it: the Markdown as written, without the
/// blank lines around it, ending in one newline (so typing starts on a line of its own).
fn note_start(markdown: &str) -> String {
    let mut text = markdown.trim_end();
    while let Some((line, rest)) = text.split_once('\n') {
        if !line.trim().is_empty() {
            break;
        }
        text = rest;
    }
    if text.trim().is_empty() {
        String::new()
    } else {
        format!("{text}\n")
    }
}

/// Splits `+++\n<toml>\n+++\n<markdown>` into its two parts.
pub(super) fn split_front_matter(text: &str) -> Result<(&str, &str), String> {
    let missing = || "must start with TOML front matter between two `+++` lines".to_string();
    let rest =
        text.strip_prefix("+++\n").or_else(|| text.strip_prefix("+++\r\n")).ok_or_else(missing)?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == "+++" {
            return Ok((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    Err("the front matter is never closed by a `+++` line".into())
}
