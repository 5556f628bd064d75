//! `careerlog project|metric|decision|artifact|feedback|note|search|trash ...`: the journal
//! without a window. Flags map onto the core's inputs; `edit` changes only the flags given.

use careerlog_core::journal::{
    Artifact, ArtifactInput, ArtifactKind, Decision, DecisionInput, DecisionOption, Direction,
    Feedback, FeedbackDirection, FeedbackInput, Labels, Metric, MetricInput, Note, NoteFilter,
    NoteInput, Project, ProjectFilter, ProjectInput, ProjectSort, ProjectStatus, Scope, Stored,
};
use careerlog_core::store::Record;
use careerlog_core::{Journal, Result};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use serde::Serialize;

use super::Output;

/// A date flag: `YYYY-MM-DD`, or an empty string to clear the date on `edit`.
#[derive(Debug, Clone, Copy)]
pub struct Day(pub Option<NaiveDate>);

pub fn day(text: &str) -> std::result::Result<Day, String> {
    if text.trim().is_empty() {
        return Ok(Day(None));
    }
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map(|d| Day(Some(d)))
        .map_err(|_| format!("\"{text}\" is not a date; use YYYY-MM-DD"))
}

pub fn number(text: &str) -> std::result::Result<f64, String> {
    let value: f64 =
        text.trim().replace('_', "").parse().map_err(|_| format!("\"{text}\" is not a number"))?;
    if value.is_finite() {
        Ok(value)
    } else {
        Err(format!("\"{text}\" is not a finite number"))
    }
}

macro_rules! enum_parser {
    ($fn:ident, $ty:ty) => {
        fn $fn(text: &str) -> std::result::Result<$ty, String> {
            <$ty>::parse(text)
        }
    };
}
enum_parser!(scope, Scope);
enum_parser!(status, ProjectStatus);
enum_parser!(direction, Direction);
enum_parser!(feedback_direction, FeedbackDirection);
enum_parser!(artifact_kind, ArtifactKind);
enum_parser!(sort, ProjectSort);

#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    /// Log a project.
    Add(ProjectFlags),
    /// List projects, newest first, with their best metric; says how many more there are.
    List {
        #[arg(long, default_value_t = 100)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        /// Only projects whose title, organization or role holds each of these words.
        #[arg(long, value_name = "WORDS")]
        search: Option<String>,
        /// planned, active, shipped, paused or cancelled
        #[arg(long, value_parser = status)]
        status: Option<ProjectStatus>,
        /// task, feature, service, initiative, multi-team or organization
        #[arg(long, value_parser = scope)]
        scope: Option<Scope>,
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
        /// newest, oldest, title or most-metrics
        #[arg(long, value_parser = sort, default_value = "newest")]
        sort: ProjectSort,
    },
    /// Show a project with its metrics, decisions, artifacts, feedback and notes.
    Show { id: i64 },
    /// Change the given fields of a project.
    Edit {
        id: i64,
        #[command(flatten)]
        flags: ProjectFlags,
    },
    /// Move a project and everything under it to the trash.
    Delete { id: i64 },
}

#[derive(Debug, Args)]
pub struct ProjectFlags {
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub org: Option<String>,
    #[arg(long)]
    pub role: Option<String>,
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub started: Option<Day>,
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub ended: Option<Day>,
    /// task, feature, service, initiative, multi-team or organization
    #[arg(long, value_parser = scope)]
    pub scope: Option<Scope>,
    /// planned, active, shipped, paused or cancelled
    #[arg(long, value_parser = status)]
    pub status: Option<ProjectStatus>,
    #[arg(long)]
    pub summary: Option<String>,
    #[command(flatten)]
    pub labels: LabelFlags,
}

/// Tags, skills and the people an entry involved; given on `edit`, each replaces the
/// entry's list. `--private` keeps it out of shared exports, `--public` lets it back in.
#[derive(Debug, Args)]
pub struct LabelFlags {
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    #[arg(long = "skill", value_name = "SKILL")]
    pub skills: Vec<String>,
    /// A person it involved (worked together, consulted), by id (`careerlog person list`);
    /// repeat for each.
    #[arg(long = "with", value_name = "PERSON_ID")]
    pub with: Vec<i64>,
    /// Keep it out of everything made to be shared: the brag document, the progress
    /// report, resume exports.
    #[arg(long, conflicts_with = "public")]
    pub private: bool,
    /// Share it again in exports (undoes --private).
    #[arg(long)]
    pub public: bool,
}

impl LabelFlags {
    pub fn apply(self, labels: &mut Labels) {
        if !self.tags.is_empty() {
            labels.tags = self.tags;
        }
        if !self.skills.is_empty() {
            labels.skills = self.skills;
        }
        if !self.with.is_empty() {
            labels.person_ids = self.with;
        }
        if self.private {
            labels.private = true;
        }
        if self.public {
            labels.private = false;
        }
    }
}

/// Sets `field` when the flag was given; an empty text clears it.
pub fn set<T>(field: &mut Option<T>, flag: Option<T>) {
    if flag.is_some() {
        *field = flag;
    }
}

pub fn set_day(field: &mut Option<NaiveDate>, flag: Option<Day>) {
    if let Some(Day(value)) = flag {
        *field = value;
    }
}

impl EntryFlags for ProjectFlags {
    type Input = ProjectInput;

    fn required(&self) -> Vec<(&'static str, &'static str, bool)> {
        vec![("title", "title", self.title.is_some())]
    }

    fn apply(self, input: &mut ProjectInput) {
        if let Some(title) = self.title {
            input.title = title;
        }
        set(&mut input.organization, self.org);
        set(&mut input.role, self.role);
        set_day(&mut input.started_on, self.started);
        set_day(&mut input.ended_on, self.ended);
        set(&mut input.scope, self.scope);
        set(&mut input.status, self.status);
        set(&mut input.summary, self.summary);
        self.labels.apply(&mut input.labels);
    }
}

/// Subcommands shared by the kinds that hang off a project.
#[derive(Debug, Subcommand)]
pub enum EntryCommand<F: EntryFlags> {
    /// Log a new entry.
    Add(F),
    /// Show one entry.
    Show { id: i64 },
    /// Change the given fields of an entry.
    Edit {
        id: i64,
        #[command(flatten)]
        flags: F,
    },
    /// Move an entry to the trash.
    Delete { id: i64 },
}

/// The flags of one kind of entry, mapped onto its input, so one add/show/edit/delete
/// serves every kind.
pub trait EntryFlags: Args {
    type Input: Record + Default;
    /// The flags `add` cannot do without, in the order they are asked for:
    /// (input field, flag, given).
    fn required(&self) -> Vec<(&'static str, &'static str, bool)>;
    /// Sets the input's fields from the flags given; the others stay as they are.
    fn apply(self, input: &mut Self::Input);
}

/// One line on an entry, as `add`, `show` and `edit` print it.
pub trait Describe {
    fn describe(&self) -> String;
}

type Full<F> = <<F as EntryFlags>::Input as Record>::Full;

impl<F: EntryFlags> EntryCommand<F>
where
    Full<F>: Describe + Serialize,
{
    pub fn run(self, j: &mut Journal) -> Result<Output> {
        match self {
            EntryCommand::Add(flags) => add(j, flags),
            EntryCommand::Show { id } => show::<Full<F>>(j, id),
            EntryCommand::Edit { id, flags } => edit(j, id, |input| flags.apply(input)),
            EntryCommand::Delete { id } => delete_as::<Full<F>>(j, id),
        }
    }
}

/// Adds an entry from its flags, once the required ones are there.
fn add<F: EntryFlags>(j: &mut Journal, flags: F) -> Result<Output>
where
    Full<F>: Describe + Serialize,
{
    if let Some((field, flag, _)) = flags.required().into_iter().find(|(_, _, given)| !given) {
        return Err(missing(field, flag));
    }
    let mut input = F::Input::default();
    flags.apply(&mut input);
    let added = j.add(input)?;
    Ok(shown(&added, format!("Added {}", added.describe())))
}

fn show<E>(j: &Journal, id: i64) -> Result<Output>
where
    E: Stored + Describe + Serialize,
    E::Input: Record<Full = E>,
{
    let entry = j.entry::<E>(id)?;
    let mut text = entry.describe();
    text.push_str(&people_lines(j, entry.to_input().labels())?);
    Ok(shown(&entry, text))
}

/// The lines `show` adds for an entry's people and its private flag (empty without them).
pub fn people_lines(j: &Journal, labels: &Labels) -> Result<String> {
    let mut text = String::new();
    if !labels.person_ids.is_empty() {
        let names = j.person_names(&labels.person_ids)?;
        let names: Vec<String> =
            names.iter().map(|p| format!("{} (person {})", p.name, p.id)).collect();
        text.push_str(&format!("\n  with {}", names.join(", ")));
    }
    if labels.private {
        text.push_str("\n  private: kept out of the brag document, reports and resume exports");
    }
    Ok(text)
}

/// Changes the entry `id` as `change` says; every other field keeps its value.
pub fn edit<R>(j: &mut Journal, id: i64, change: impl FnOnce(&mut R)) -> Result<Output>
where
    R: Record,
    R::Full: Describe + Serialize,
{
    let mut input = j.entry::<R::Full>(id)?.to_input();
    change(&mut input);
    let updated = j.update(id, input)?;
    Ok(shown(&updated, format!("Updated {}", updated.describe())))
}

/// Moves the entry `id` to the trash, once it is known to be of the kind `E`.
pub fn delete_as<E>(j: &mut Journal, id: i64) -> Result<Output>
where
    E: Stored,
    E::Input: Record<Full = E>,
{
    j.entry::<E>(id)?;
    delete(j, id)
}

#[derive(Debug, Args)]
pub struct MetricFlags {
    #[arg(long, value_name = "ID")]
    pub project: Option<i64>,
    #[arg(long)]
    pub name: Option<String>,
    /// ms, %, $, requests/s...
    #[arg(long)]
    pub unit: Option<String>,
    #[arg(long, value_parser = number, allow_hyphen_values = true)]
    pub baseline: Option<f64>,
    /// The number now; leave it out to log the baseline first and add the result later.
    #[arg(long, value_parser = number, allow_hyphen_values = true)]
    pub result: Option<f64>,
    /// The number aimed for.
    #[arg(long, value_parser = number, allow_hyphen_values = true)]
    pub target: Option<f64>,
    /// The day the result should be measured by (the follow-up queue asks after it).
    #[arg(long = "measure-by", value_parser = day, value_name = "DATE")]
    pub measure_by: Option<Day>,
    /// Which way is better: lower or higher
    #[arg(long, value_parser = direction)]
    pub better: Option<Direction>,
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub measured: Option<Day>,
    /// A link or a note on where the number comes from.
    #[arg(long)]
    pub evidence: Option<String>,
    #[command(flatten)]
    pub labels: LabelFlags,
}

impl EntryFlags for MetricFlags {
    type Input = MetricInput;

    fn required(&self) -> Vec<(&'static str, &'static str, bool)> {
        vec![
            ("project_id", "project", self.project.is_some()),
            ("name", "name", self.name.is_some()),
        ]
    }

    fn apply(self, input: &mut MetricInput) {
        if let Some(project) = self.project {
            input.project_id = project;
        }
        if let Some(name) = self.name {
            input.name = name;
        }
        set(&mut input.unit, self.unit);
        set(&mut input.baseline, self.baseline);
        set(&mut input.result, self.result);
        set(&mut input.target, self.target);
        set_day(&mut input.measure_by, self.measure_by);
        set(&mut input.better, self.better);
        set_day(&mut input.measured_on, self.measured);
        set(&mut input.evidence, self.evidence);
        self.labels.apply(&mut input.labels);
    }
}

#[derive(Debug, Args)]
pub struct DecisionFlags {
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long, value_name = "ID")]
    pub project: Option<i64>,
    #[arg(long)]
    pub context: Option<String>,
    /// What the choice was for, as the bullet says it after "to": "keep writes replayable".
    #[arg(long, value_name = "TEXT")]
    pub goal: Option<String>,
    /// An option considered, with what spoke for and against it: "NAME", "NAME|PROS" or
    /// "NAME|PROS|CONS" (e.g. --option "Kafka|replayable|ops cost"); repeat for each.
    /// Given on `edit`, the list replaces the old one; an option named again without pros
    /// or cons keeps the ones it had.
    #[arg(long = "option", value_name = "NAME|PROS|CONS", value_parser = option)]
    pub options: Vec<DecisionOption>,
    #[arg(long)]
    pub chosen: Option<String>,
    #[arg(long)]
    pub tradeoffs: Option<String>,
    /// The outcome you expect.
    #[arg(long)]
    pub expected: Option<String>,
    /// How sure you are, 0-100.
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=100))]
    pub confidence: Option<u8>,
    /// The actual outcome, once known.
    #[arg(long)]
    pub outcome: Option<String>,
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub decided: Option<Day>,
    /// When to look back at the outcome.
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub review: Option<Day>,
    #[command(flatten)]
    pub labels: LabelFlags,
}

impl EntryFlags for DecisionFlags {
    type Input = DecisionInput;

    fn required(&self) -> Vec<(&'static str, &'static str, bool)> {
        vec![("title", "title", self.title.is_some()), ("chosen", "chosen", self.chosen.is_some())]
    }

    fn apply(self, input: &mut DecisionInput) {
        if let Some(title) = self.title {
            input.title = title;
        }
        set(&mut input.project_id, self.project);
        set(&mut input.context, self.context);
        set(&mut input.goal, self.goal);
        if !self.options.is_empty() {
            let before = std::mem::take(&mut input.options);
            input.options = self
                .options
                .into_iter()
                .map(|mut option| {
                    let kept = before
                        .iter()
                        .find(|b| b.text.trim().eq_ignore_ascii_case(option.text.trim()));
                    if let Some(kept) =
                        kept.filter(|_| option.pros.is_empty() && option.cons.is_empty())
                    {
                        option.pros.clone_from(&kept.pros);
                        option.cons.clone_from(&kept.cons);
                    }
                    option
                })
                .collect();
        }
        if let Some(chosen) = self.chosen {
            input.chosen = chosen;
        }
        set(&mut input.tradeoffs, self.tradeoffs);
        set(&mut input.expected, self.expected);
        set(&mut input.confidence, self.confidence);
        set(&mut input.outcome, self.outcome);
        set_day(&mut input.decided_on, self.decided);
        set_day(&mut input.review_on, self.review);
        self.labels.apply(&mut input.labels);
    }
}

/// `NAME|PROS|CONS` as typed: the name, then what spoke for it and against it, each part
/// optional after the name.
pub fn option(text: &str) -> std::result::Result<DecisionOption, String> {
    let mut parts = text.split('|').map(str::trim);
    let name = parts.next().unwrap_or_default();
    let pros = parts.next().unwrap_or_default();
    let cons = parts.next().unwrap_or_default();
    if parts.next().is_some() {
        return Err(format!(
            "\"{text}\" has more than three parts; use NAME|PROS|CONS (a | separates them)"
        ));
    }
    if name.is_empty() {
        return Err(format!("\"{text}\" has no name before its pros and cons"));
    }
    Ok(DecisionOption { text: name.to_string(), pros: pros.to_string(), cons: cons.to_string() })
}

#[derive(Debug, Args)]
pub struct ArtifactFlags {
    #[arg(long, value_name = "ID")]
    pub project: Option<i64>,
    /// rfc, pr, postmortem, design-doc, demo or talk
    #[arg(long, value_parser = artifact_kind)]
    pub kind: Option<ArtifactKind>,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub url: Option<String>,
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub date: Option<Day>,
    #[command(flatten)]
    pub labels: LabelFlags,
}

impl EntryFlags for ArtifactFlags {
    type Input = ArtifactInput;

    fn required(&self) -> Vec<(&'static str, &'static str, bool)> {
        vec![
            ("project_id", "project", self.project.is_some()),
            ("title", "title", self.title.is_some()),
        ]
    }

    fn apply(self, input: &mut ArtifactInput) {
        if let Some(project) = self.project {
            input.project_id = project;
        }
        set(&mut input.kind, self.kind);
        if let Some(title) = self.title {
            input.title = title;
        }
        set(&mut input.url, self.url);
        set_day(&mut input.date, self.date);
        self.labels.apply(&mut input.labels);
    }
}

#[derive(Debug, Args)]
pub struct FeedbackFlags {
    #[arg(long, value_name = "ID")]
    pub project: Option<i64>,
    /// Who gave it (or, given, who it went to): peer, manager, mock interview...
    /// Optional with --person: their name is used.
    #[arg(long)]
    pub source: Option<String>,
    /// The person it came from or went to (`careerlog person list`).
    #[arg(long, value_name = "ID")]
    pub person: Option<i64>,
    /// received (the default) or given
    #[arg(long, value_parser = feedback_direction)]
    pub direction: Option<FeedbackDirection>,
    #[arg(long)]
    pub text: Option<String>,
    /// 1-5
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5))]
    pub rating: Option<u8>,
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub date: Option<Day>,
    #[command(flatten)]
    pub labels: LabelFlags,
}

impl EntryFlags for FeedbackFlags {
    type Input = FeedbackInput;

    fn required(&self) -> Vec<(&'static str, &'static str, bool)> {
        vec![
            ("source", "source", self.source.is_some() || self.person.is_some()),
            ("text", "text", self.text.is_some()),
        ]
    }

    fn apply(self, input: &mut FeedbackInput) {
        set(&mut input.project_id, self.project);
        set(&mut input.person_id, self.person);
        set(&mut input.direction, self.direction);
        if let Some(source) = self.source {
            input.source = source;
        }
        if let Some(text) = self.text {
            input.text = text;
        }
        set(&mut input.rating, self.rating);
        set_day(&mut input.date, self.date);
        self.labels.apply(&mut input.labels);
    }
}

#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    /// Log a dated note: what happened this week. With --template, the note starts from
    /// the template (its text after the note's own first line, its tags added).
    Add {
        text: Option<String>,
        /// A note template by name (`careerlog template list`): incident, launch, ...
        #[arg(long, value_name = "NAME")]
        template: Option<String>,
        #[command(flatten)]
        flags: NoteFlags,
    },
    /// List notes, newest first; says how many match and how to see more.
    List {
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
        /// Notes dated on or after this day.
        #[arg(long, value_parser = day, value_name = "DATE")]
        since: Option<Day>,
        /// Notes dated on or before this day.
        #[arg(long, value_parser = day, value_name = "DATE")]
        until: Option<Day>,
        /// Only the notes of this project.
        #[arg(long, value_name = "ID", conflicts_with = "no_project")]
        project: Option<i64>,
        /// Only the notes under no project.
        #[arg(long)]
        no_project: bool,
    },
    Show {
        id: i64,
    },
    /// Change the given fields of a note; `--project ID` moves it to a project,
    /// `--no-project` takes it out of its project.
    Edit {
        id: i64,
        #[arg(long)]
        text: Option<String>,
        #[arg(long, conflicts_with = "project")]
        no_project: bool,
        #[command(flatten)]
        flags: NoteFlags,
    },
    Delete {
        id: i64,
    },
}

#[derive(Debug, Args)]
pub struct NoteFlags {
    #[arg(long, value_name = "ID")]
    pub project: Option<i64>,
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub date: Option<Day>,
    #[command(flatten)]
    pub labels: LabelFlags,
}

impl NoteFlags {
    fn apply(self, input: &mut NoteInput) {
        set(&mut input.project_id, self.project);
        set_day(&mut input.date, self.date);
        self.labels.apply(&mut input.labels);
    }
}

#[derive(Debug, Subcommand)]
pub enum TrashCommand {
    /// What is in the trash, most recent first; each with its own id.
    List,
    /// Put a trashed entry back with everything that went with it.
    Restore { id: i64 },
    /// Delete everything in the trash for good.
    Empty,
}

pub fn shown(value: &impl Serialize, text: String) -> Output {
    (super::to_json(value), text)
}

pub fn missing(field: &str, flag: &str) -> careerlog_core::Error {
    careerlog_core::Error::invalid(field, format!("is required: pass --{flag}"))
}

impl ProjectCommand {
    pub fn run(self, j: &mut Journal) -> Result<Output> {
        match self {
            ProjectCommand::Add(flags) => add(j, flags),
            ProjectCommand::List { limit, offset, search, status, scope, tag, sort } => {
                let filter = ProjectFilter { text: search, status, scope, tag };
                list_projects(j, &filter, sort, offset, limit)
            }
            ProjectCommand::Show { id } => {
                let d = j.project_detail(id)?;
                let mut lines = vec![format!(
                    "{} {}{}",
                    d.project.id,
                    d.project.title,
                    people_lines(j, &d.project.labels)?
                )];
                lines.extend(d.metrics.iter().map(|m| format!("  {}", m.describe())));
                lines.extend(
                    d.decisions
                        .iter()
                        .map(|x| format!("  decision {}: {} -> {}", x.id, x.title, x.chosen)),
                );
                lines.extend(d.artifacts.iter().map(|x| {
                    let kind = x.kind.map_or("", |k| k.as_str());
                    format!("  artifact {}: [{kind}] {}", x.id, x.title)
                }));
                lines.extend(
                    d.feedback
                        .iter()
                        .map(|x| format!("  feedback {}: {}: {}", x.id, x.source, x.text)),
                );
                lines.extend(d.notes.iter().map(|x| format!("  {}", x.describe())));
                Ok(shown(&d, lines.join("\n")))
            }
            ProjectCommand::Edit { id, flags } => edit(j, id, |input| flags.apply(input)),
            ProjectCommand::Delete { id } => delete(j, id),
        }
    }
}

/// "Showing 1-100 of 340 projects; 240 more: `... --offset 100`", or how many there are.
fn page_line(offset: u32, shown: usize, total: u32, what: &str) -> String {
    let plural = |n: u32| {
        if n == 1 {
            what.to_string()
        } else {
            format!("{what}s")
        }
    };
    let first = offset + 1;
    let last = offset + shown as u32;
    let more = total.saturating_sub(last);
    if shown == 0 {
        format!("{total} {} in all; none from --offset {offset}", plural(total))
    } else if more > 0 {
        format!(
            "Showing {first}-{last} of {total} {}; {more} more: add --offset {last} to see the next",
            plural(total)
        )
    } else if offset > 0 {
        format!("Showing {first}-{last} of {total} {}", plural(total))
    } else {
        format!("{total} {}", plural(total))
    }
}

fn list_projects(
    j: &Journal,
    filter: &ProjectFilter,
    sort: ProjectSort,
    offset: u32,
    limit: u32,
) -> Result<Output> {
    let page = j.find_projects(filter, sort, offset, limit)?;
    let mut lines: Vec<String> = page
        .projects
        .iter()
        .map(|row| {
            let p = &row.project;
            let when = p.started_on.map(|d| d.to_string()).unwrap_or_else(|| "undated".into());
            let org = p.organization.as_deref().map(|o| format!(" ({o})")).unwrap_or_default();
            let best = row
                .best_metric
                .as_ref()
                .map(|m| format!("  {}", super::describe_metric(m)))
                .unwrap_or_default();
            format!("{:>5}  {when:<10}  {}{org}{best}", p.id, p.title)
        })
        .collect();
    if page.total == 0 && filter == &ProjectFilter::default() {
        lines.push("No projects yet: add one with `careerlog project add --title ...`".into());
    } else if page.total == 0 {
        lines.push("No projects match".into());
    } else {
        lines.push(page_line(offset, page.projects.len(), page.total, "project"));
    }
    Ok((super::to_json(&page.projects), lines.join("\n")))
}

pub fn delete(j: &mut Journal, id: i64) -> Result<Output> {
    let item = j.delete_entry(id)?;
    let with = match item.children {
        0 => String::new(),
        n => format!(" with {n} entries under it"),
    };
    let text = format!(
        "Moved {} {} \"{}\"{with} to the trash (restore with `careerlog trash restore {}`)",
        item.kind.as_str(),
        item.entry_id,
        item.title,
        item.id
    );
    Ok(shown(&item, text))
}

impl Describe for Project {
    fn describe(&self) -> String {
        format!("project {}: {}", self.id, self.title)
    }
}

impl Describe for Metric {
    fn describe(&self) -> String {
        format!("metric {}: {}", self.id, super::describe_metric(self))
    }
}

impl Describe for Decision {
    fn describe(&self) -> String {
        let due = if self.review_due { " (review due)" } else { "" };
        let reviewed = match (&self.outcome, self.outcome_on) {
            (Some(_), Some(day)) => format!(" (outcome written {day})"),
            (Some(_), None) => " (outcome written)".to_string(),
            (None, _) => String::new(),
        };
        format!("decision {}: {} -> {}{due}{reviewed}", self.id, self.title, self.chosen)
    }
}

impl Describe for Artifact {
    fn describe(&self) -> String {
        let url = self.url.as_deref().map(|u| format!(" <{u}>")).unwrap_or_default();
        let kind = self.kind.map_or("", |k| k.as_str());
        format!("artifact {}: [{kind}] {}{url}", self.id, self.title)
    }
}

impl Describe for Feedback {
    fn describe(&self) -> String {
        let rating = self.rating.map(|r| format!(" ({r}/5)")).unwrap_or_default();
        let date = self.date.map(|d| d.to_string()).unwrap_or_default();
        // Feedback given names who it went to.
        let to = if self.direction == Some(FeedbackDirection::Given) { "to " } else { "" };
        format!("feedback {}: {date} {to}{}{rating}: {}", self.id, self.source, self.text)
    }
}

impl Describe for Note {
    fn describe(&self) -> String {
        let date = self.date.map(|d| d.to_string()).unwrap_or_default();
        format!("note {}: {date} {}", self.id, self.text)
    }
}

impl NoteCommand {
    pub fn run(self, j: &mut Journal) -> Result<Output> {
        match self {
            NoteCommand::Add { text, template, flags } => {
                let mut input =
                    NoteInput { text: text.clone().unwrap_or_default(), ..Default::default() };
                if let Some(name) = template {
                    let t = j.template(&name)?.template;
                    input.text = match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                        Some(first) => format!("{first}\n\n{}", t.body.trim_end()),
                        None => t.body.trim_end().to_string(),
                    };
                    input.labels.tags = t.tags;
                } else if text.is_none() {
                    return Err(careerlog_core::Error::invalid(
                        "text",
                        "give the note's text, or --template NAME to start from a template",
                    ));
                }
                flags.apply(&mut input);
                let n = j.add(input)?;
                Ok(shown(&n, format!("Added {}", n.describe())))
            }
            NoteCommand::List { limit, offset, tag, since, until, project, no_project } => {
                let filter = NoteFilter {
                    tag,
                    since: since.and_then(|d| d.0),
                    until: until.and_then(|d| d.0),
                    project_id: project,
                    without_project: no_project,
                };
                let filtered = filter != NoteFilter::default();
                let page = j.note_page(&filter, offset, limit)?;
                let mut lines: Vec<String> = page
                    .notes
                    .iter()
                    .map(|row| {
                        let under = row
                            .project_title
                            .as_deref()
                            .map(|t| format!("  [{t}]"))
                            .unwrap_or_default();
                        format!("{}{under}", row.note.describe())
                    })
                    .collect();
                if page.total == 0 {
                    lines.push(if filtered {
                        "No notes match".to_string()
                    } else {
                        "No notes yet: add one with `careerlog note add \"...\"`".to_string()
                    });
                } else {
                    lines.push(page_line(offset, page.notes.len(), page.total, "note"));
                }
                Ok(shown(&page.notes, lines.join("\n")))
            }
            NoteCommand::Show { id } => show::<Note>(j, id),
            NoteCommand::Edit { id, text, no_project, flags } => {
                edit(j, id, |input: &mut NoteInput| {
                    if let Some(text) = text {
                        input.text = text;
                    }
                    flags.apply(input);
                    if no_project {
                        input.project_id = None;
                    }
                })
            }
            NoteCommand::Delete { id } => delete_as::<Note>(j, id),
        }
    }
}

pub fn search(j: &Journal, query: &str, offset: u32, limit: u32) -> Result<Output> {
    let page = j.search(query, offset, limit)?;
    let mut lines: Vec<String> = page
        .hits
        .iter()
        .map(|h| {
            let snippet: String = h
                .snippet
                .iter()
                .map(|p| if p.hit { format!("[{}]", p.text) } else { p.text.clone() })
                .collect();
            let snippet = snippet.split_whitespace().collect::<Vec<_>>().join(" ");
            // Hits that read alike ("p99 latency" in ten projects) differ by their project.
            let project = match (&h.project_title, h.kind) {
                (Some(title), kind) if kind != careerlog_core::journal::EntryKind::Project => {
                    format!("  (in {title})")
                }
                _ => String::new(),
            };
            format!("{} {}: {}{project}\n    {snippet}", h.kind.as_str(), h.id, h.title)
        })
        .collect();
    if page.hits.is_empty() {
        lines.push(if page.total > 0 {
            format!(
                "No more matches for \"{query}\": all {} are before --offset {offset}",
                page.total
            )
        } else {
            format!("Nothing matches \"{query}\"")
        });
    } else if page.more > 0 {
        let next = offset + page.hits.len() as u32;
        lines.push(format!(
            "{} more (of {}{}): careerlog search {} --offset {next}",
            page.more,
            page.total,
            if page.capped { "+" } else { "" },
            shell_word(query)
        ));
    }
    if page.capped && page.more == 0 && !page.hits.is_empty() {
        lines.push(format!(
            "More entries match: the {} added last were ranked; add a word to narrow it",
            page.total
        ));
    }
    Ok(shown(&page, lines.join("\n")))
}

/// The query as it can be typed again in a shell.
fn shell_word(text: &str) -> String {
    if !text.is_empty() && text.chars().all(|c| c.is_alphanumeric() || "-_.,%".contains(c)) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

impl TrashCommand {
    pub fn run(self, j: &mut Journal) -> Result<Output> {
        let command = self;
        match command {
            TrashCommand::List => {
                let items = j.trash()?;
                let text = if items.is_empty() {
                    "The trash is empty".to_string()
                } else {
                    items
                        .iter()
                        .map(|i| {
                            format!(
                                "{:>5}  {}  {} \"{}\"",
                                i.id,
                                &i.deleted_at[..10.min(i.deleted_at.len())],
                                i.kind.as_str(),
                                i.title
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                Ok(shown(&items, text))
            }
            TrashCommand::Restore { id } => {
                let item = j.restore(id)?;
                let text =
                    format!("Restored {} {} \"{}\"", item.kind.as_str(), item.entry_id, item.title);
                Ok(shown(&item, text))
            }
            TrashCommand::Empty => {
                let removed = j.empty_trash()?;
                #[derive(Serialize)]
                struct Emptied {
                    removed: u32,
                }
                Ok(shown(&Emptied { removed }, format!("Emptied the trash ({removed} items)")))
            }
        }
    }
}
