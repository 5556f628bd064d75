//! `careerlog`, the command line: every headless subcommand over the core, with `--json`
//! for scripts. It links no GTK or WebKit; with no subcommand it starts the window binary.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod capture;
mod demo;
mod guides;
mod habit;
mod imports;
mod journal;
mod people;
mod resume;
mod stories;
mod window;

use careerlog_core::journal::Metric;
use careerlog_core::{paths, Journal};
use clap::{Parser, Subcommand};
use serde::Serialize;

#[derive(Debug, Parser)]
#[command(
    name = "careerlog",
    version,
    about = "Career Log: a private career journal. Without a subcommand it opens the window."
)]
pub struct Args {
    /// The journal file (default: the platform data dir, created on first run).
    #[arg(long, global = true, env = "CAREERLOG_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the journal file, its schema version and the app version.
    Info,
    /// Projects: add, list, show, edit, delete.
    #[command(subcommand)]
    Project(journal::ProjectCommand),
    /// Metrics of a project: a baseline, a result and which way is better.
    #[command(subcommand)]
    Metric(journal::EntryCommand<journal::MetricFlags>),
    /// Decisions: the options weighed, the choice, its trade-offs and its outcome.
    #[command(subcommand)]
    Decision(journal::EntryCommand<journal::DecisionFlags>),
    /// Artifacts of a project: RFCs, PRs, postmortems, design docs, ADRs, runbooks, demos, talks.
    #[command(subcommand)]
    Artifact(journal::EntryCommand<journal::ArtifactFlags>),
    /// Feedback received or given: from or to peers, managers, mock interviewers
    /// (`--person ID --direction given|received`).
    #[command(subcommand)]
    Feedback(journal::EntryCommand<journal::FeedbackFlags>),
    /// People you work with: add, list, show (their page), edit, delete.
    #[command(subcommand)]
    Person(people::PersonCommand),
    /// 1:1s with a person and the action items each side agreed: add, list, show, delete.
    #[command(subcommand, name = "one-on-one")]
    OneOnOne(people::OneOnOneCommand),
    /// An action item from a 1:1: done, reopen.
    #[command(subcommand)]
    Action(people::ActionCommand),
    /// A mentee's goals and the day they reached them: add, reached, delete.
    #[command(subcommand)]
    Goal(people::GoalCommand),
    /// Dated notes: the weekly log.
    #[command(subcommand)]
    Note(journal::NoteCommand),
    /// The weekly habit: what this week gained, and quarter, half and year summaries.
    #[command(subcommand)]
    Review(habit::ReviewCommand),
    /// What needs a follow-up, most urgent first: reviews due, metrics waiting for results,
    /// stories to rehearse before an interview, quiet projects, a year ago today.
    Followups,
    /// Note templates: list, show (`note add --template NAME` starts a note from one).
    #[command(subcommand)]
    Template(habit::TemplateCommand),
    /// Search every entry; the words are taken literally. Numbers are found as written
    /// ("800", "1,547", "2.6%"); projects and decisions come first.
    Search {
        query: String,
        /// How many hits to show.
        #[arg(long, default_value_t = 20)]
        limit: u32,
        /// How many of the best hits to skip: the next page starts where this one ends.
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
    /// Fill the inbox from your git history: `capture git`, and where capture looks.
    #[command(subcommand)]
    Capture(capture::CaptureCommand),
    /// Proposals from capture: list, show, accept, dismiss, merge, undo.
    #[command(subcommand)]
    Inbox(capture::InboxCommand),
    /// Deleted entries: list, restore, empty.
    #[command(subcommand)]
    Trash(journal::TrashCommand),
    /// Interview stories told from the journal: add, list, show, edit, delete.
    #[command(subcommand)]
    Story(stories::StoryCommand),
    /// Rehearsals of a story done away from the app.
    #[command(subcommand)]
    Rehearsal(stories::RehearsalCommand),
    /// Career guides: list, show (read one in the terminal).
    #[command(subcommand)]
    Guide(guides::GuideCommand),
    /// A guide's checklist: show, check, uncheck, start a new cycle.
    #[command(subcommand)]
    Checklist(guides::ChecklistCommand),
    /// Behavioural interview questions: list, show.
    #[command(subcommand)]
    Question(guides::QuestionCommand),
    /// The progression stages and which proofs of readiness the journal holds.
    Readiness,
    /// Your experience band, role and target role.
    #[command(subcommand)]
    Profile(guides::ProfileCommand),
    /// Resume bullets generated from the journal: list, lint, edit, pick, move.
    #[command(subcommand)]
    Bullet(resume::BulletCommand),
    /// Named selections of bullets for one kind of role: add, list, show, delete, restore.
    #[command(subcommand)]
    Variant(resume::VariantCommand),
    /// Export: resume bullets, a brag document, a calendar of due checklist items.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Import a journal document, jrnl's JSON, a JSON Resume, LinkedIn's or Day One's
    /// export or a Markdown folder, all or nothing (`--dry-run` shows what it would do).
    #[command(subcommand)]
    Import(ImportCommand),
    /// Backups beside the journal: create, list, restore.
    #[command(subcommand)]
    Backup(BackupCommand),
    /// Encryption at rest. Passphrases come from the environment, never from flags:
    /// CAREERLOG_PASSPHRASE (the current one) and CAREERLOG_NEW_PASSPHRASE.
    #[command(subcommand)]
    Encryption(EncryptionCommand),
    /// Fill a new, empty journal with realistic demo data (the same for the same seed).
    Demo(demo::DemoFlags),
}

#[derive(Debug, Subcommand)]
pub enum EncryptionCommand {
    /// Encrypt the journal and its backups with CAREERLOG_NEW_PASSPHRASE.
    On,
    /// Change the passphrase from CAREERLOG_PASSPHRASE to CAREERLOG_NEW_PASSPHRASE.
    Change,
    /// Store the journal in the clear again (opened with CAREERLOG_PASSPHRASE).
    Off,
}

fn encryption(journal: &mut Journal, command: EncryptionCommand) -> careerlog_core::Result<Output> {
    let current = std::env::var("CAREERLOG_PASSPHRASE").ok();
    let next = || {
        std::env::var("CAREERLOG_NEW_PASSPHRASE").map_err(|_| {
            careerlog_core::Error::invalid(
                "passphrase",
                "set CAREERLOG_NEW_PASSPHRASE to the new passphrase",
            )
        })
    };
    let said = match command {
        EncryptionCommand::On => {
            journal.set_passphrase(None, Some(&next()?))?;
            "The journal and its backups are encrypted"
        }
        EncryptionCommand::Change => {
            journal.set_passphrase(current.as_deref(), Some(&next()?))?;
            "The passphrase is changed"
        }
        EncryptionCommand::Off => {
            journal.set_passphrase(current.as_deref(), None)?;
            "The journal and its backups are stored in the clear again"
        }
    };
    let info = journal.info()?;
    Ok((to_json(&info), said.to_string()))
}

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Copy the journal into a new backup now (older ones rotate out).
    Create,
    /// The backups, newest first, each with its id.
    List,
    /// Replace the journal with backup ID; the current state is backed up first.
    Restore { id: i64 },
}

fn backup(journal: &mut Journal, command: BackupCommand) -> careerlog_core::Result<Output> {
    let keep = journal.settings()?.backups_keep;
    let describe = |b: &careerlog_core::store::BackupInfo| {
        format!(
            "{:>14}  {}  {:<15}  {} KB  {}",
            b.id,
            b.created_at,
            backup_reason(b),
            b.bytes / 1024,
            b.path
        )
    };
    match command {
        BackupCommand::Create => {
            let made = journal.create_backup(keep, &|_, _| {})?;
            Ok((to_json(&made), format!("Backed up to {}", made.path)))
        }
        BackupCommand::List => {
            let all = journal.backups()?;
            let text = if all.is_empty() {
                format!("No backups yet in {}", journal.backup_dir().display())
            } else {
                all.iter().map(describe).collect::<Vec<_>>().join("\n")
            };
            Ok((to_json(&all), text))
        }
        BackupCommand::Restore { id } => {
            let restored = journal.restore_backup(id, keep, &|_, _| {})?;
            let held: Vec<String> =
                restored.entries.iter().map(|e| entries_of(e.kind, e.count)).collect();
            let held = if held.is_empty() { "no entries".to_string() } else { held.join(", ") };
            use careerlog_core::store::BackupReason;
            let which = match restored.backup.reason {
                Some(BackupReason::Manual) => "the manual backup",
                Some(BackupReason::Daily) => "the daily backup",
                Some(BackupReason::BeforeRestore) => "the copy made before a restore",
                None => "the backup",
            };
            let text = format!(
                "Restored {which} of {}: the journal now holds {held}.\n\
                 The journal as it was just before is backup {} (restore it to undo this).",
                restored.backup.created_at, restored.safety.id
            );
            Ok((to_json(&restored), text))
        }
    }
}

/// "1 project", "3 stories", "2 feedback", "4 1:1s".
fn entries_of(kind: careerlog_core::journal::EntryKind, count: u32) -> String {
    use careerlog_core::journal::EntryKind;
    let one = match kind {
        EntryKind::OneOnOne => "1:1",
        EntryKind::Action => "action item",
        other => other.as_str(),
    };
    let name = match (kind, count) {
        (EntryKind::Feedback, _) | (_, 1) => one.to_string(),
        (EntryKind::Story, _) => "stories".to_string(),
        (EntryKind::Person, _) => "people".to_string(),
        _ => format!("{one}s"),
    };
    format!("{count} {name}")
}

/// Why a backup was made, as `backup list` says it.
fn backup_reason(b: &careerlog_core::store::BackupInfo) -> &'static str {
    use careerlog_core::store::BackupReason;
    match b.reason {
        Some(BackupReason::Manual) => "manual",
        Some(BackupReason::Daily) => "daily",
        Some(BackupReason::BeforeRestore) => "before restore",
        None => "unlabelled",
    }
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Merge a document written by `careerlog export journal` (by UUID; newer wins).
    Journal { file: PathBuf },
    /// Import the JSON that `jrnl --format json` writes, as dated notes.
    Jrnl { file: PathBuf },
    /// A JSON Resume (resume.json): the profile, positions and projects with their
    /// highlights as resume bullets (numbers that moved as metrics), skills, awards.
    JsonResume(imports::ImportArgs),
    /// LinkedIn's data export (the ZIP of "Get a copy of your data"): positions,
    /// skills, recommendations received, the profile.
    Linkedin(imports::ImportArgs),
    /// Day One's export (a ZIP, or its JSON file): entries as dated notes with their
    /// tags; photos and audio are counted, not imported.
    Dayone(imports::ImportArgs),
    /// A folder written by `careerlog export markdown`, perhaps edited since in another
    /// editor: each file updates its entry.
    Markdown(imports::ImportArgs),
}

fn read_file(path: &Path) -> careerlog_core::Result<Vec<u8>> {
    std::fs::read(path)
        .map_err(|e| careerlog_core::Error::io(format!("cannot read {}", path.display()), e))
}

fn import(journal: &mut Journal, command: ImportCommand) -> careerlog_core::Result<Output> {
    use careerlog_core::transfer::import::ImportSource;
    let (report, from) = match command {
        ImportCommand::Journal { file } => (journal.import_journal(&read_file(&file)?)?, file),
        ImportCommand::Jrnl { file } => (journal.import_jrnl(&read_file(&file)?)?, file),
        ImportCommand::JsonResume(args) => {
            return imports::run(journal, ImportSource::JsonResume, args)
        }
        ImportCommand::Linkedin(args) => {
            return imports::run(journal, ImportSource::Linkedin, args)
        }
        ImportCommand::Dayone(args) => return imports::run(journal, ImportSource::Dayone, args),
        ImportCommand::Markdown(args) => {
            return imports::run(journal, ImportSource::Markdown, args)
        }
    };
    let text = format!(
        "Imported {}: {} added, {} updated, {} already there",
        from.display(),
        report.added,
        report.updated,
        report.unchanged
    );
    Ok((to_json(&report), text))
}

fn export_journal(journal: &Journal, out: &Path) -> careerlog_core::Result<Output> {
    let document = journal.export_journal()?;
    let bytes = serde_json::to_vec_pretty(&document).expect("the journal serialises");
    write_file(out, &bytes)?;
    #[derive(Serialize)]
    struct Exported {
        path: String,
        entries: usize,
    }
    let exported = Exported { path: out.display().to_string(), entries: document.entries.len() };
    // The process ends right after; freeing every entry's map one by one costs a tenth
    // of the whole export for nothing.
    std::mem::forget(document);
    std::mem::forget(bytes);
    let text = format!("Wrote {} entries to {}", exported.entries, exported.path);
    Ok((to_json(&exported), text))
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Resume bullets as Markdown, plain text, JSON Resume (to stdout without --out), DOCX
    /// or PDF.
    Bullets(resume::BulletExport),
    /// A brag document of a period, for a review (Markdown, DOCX or PDF); private entries
    /// left out.
    Brag(resume::BragExport),
    /// A review and promotion packet of a period (Markdown, DOCX or PDF): impact,
    /// leadership, people, growth, gaps and goals, every claim citing its entries;
    /// private entries left out.
    Packet(resume::PacketExport),
    /// A progress report for a mentor or manager (Markdown): projects, metrics,
    /// checklists and rehearsals of a period, private entries left out.
    Report(people::ReportExport),
    /// The whole journal as one JSON document (every entry with its UUID).
    Journal {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The journal as a folder of Markdown files, one per entry, by kind and year, with
    /// YAML front matter (what Obsidian shows as properties); `import markdown` reads it
    /// back.
    Markdown {
        /// An empty or new folder, or one this command wrote before.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Due checklist items and the weekly review (weekly, with an alarm) as an .ics file
    /// for a calendar app.
    Ics {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

fn write_file(path: &Path, bytes: &[u8]) -> careerlog_core::Result<()> {
    careerlog_core::files::write_atomically(path, bytes)
}

/// What a command prints: its JSON form and its text form.
type Output = (String, String);

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(error) => return usage_error(error),
    };
    let Some(command) = args.command else {
        return window::open(args.db.as_deref());
    };
    match journal_path(args.db) {
        Ok(path) => run(command, &path, args.json),
        Err(error) => fail(&error.to_string()),
    }
}

/// The journal `--db` (or `CAREERLOG_DB`) names, else the default one.
fn journal_path(db: Option<PathBuf>) -> careerlog_core::Result<PathBuf> {
    db.map_or_else(paths::default_journal_path, Ok)
}

fn run(command: Command, path: &Path, json: bool) -> ExitCode {
    let passphrase = std::env::var("CAREERLOG_PASSPHRASE").ok();
    let outcome = Journal::open_with(path, passphrase.as_deref()).and_then(|mut journal| {
        match command {
            // A linter's exit code: 1 when it found something, with the findings printed.
            Command::Bullet(resume::BulletCommand::Lint { text }) => resume::lint(&journal, &text),
            other => dispatch(other, &mut journal).map(|output| (output, false)),
        }
    });
    match outcome {
        Ok(((json_text, text), findings)) => {
            // A reader that stops early (`| head`) is not an error of ours.
            use std::io::Write;
            let _ = writeln!(std::io::stdout().lock(), "{}", if json { json_text } else { text });
            if findings {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(error) => fail(&error.to_string()),
    }
}

/// Runs a command on the open journal; what it prints, or why it failed.
fn dispatch(command: Command, journal: &mut Journal) -> careerlog_core::Result<Output> {
    match command {
        Command::Project(c) => c.run(journal),
        Command::Metric(c) => c.run(journal),
        Command::Decision(c) => c.run(journal),
        Command::Artifact(c) => c.run(journal),
        Command::Feedback(c) => c.run(journal),
        Command::Note(c) => c.run(journal),
        Command::Person(c) => c.run(journal),
        Command::OneOnOne(c) => c.run(journal),
        Command::Action(c) => c.run(journal),
        Command::Goal(c) => c.run(journal),
        Command::Export(ExportCommand::Report(flags)) => people::export_report(journal, flags),
        Command::Search { query, limit, offset } => journal::search(journal, &query, offset, limit),
        Command::Trash(c) => c.run(journal),
        Command::Review(c) => c.run(journal),
        Command::Followups => habit::followups(journal),
        Command::Template(c) => c.run(journal),
        Command::Capture(c) => c.run(journal),
        Command::Inbox(c) => c.run(journal),
        Command::Story(c) => c.run(journal),
        Command::Guide(c) => c.run(),
        Command::Checklist(c) => c.run(journal),
        Command::Question(c) => c.run(),
        Command::Readiness => guides::readiness(journal),
        Command::Profile(c) => c.run(journal),
        Command::Export(ExportCommand::Ics { out }) => guides::export_ics(journal, &out),
        Command::Export(ExportCommand::Journal { out }) => export_journal(journal, &out),
        Command::Export(ExportCommand::Markdown { out }) => imports::export_markdown(journal, &out),
        Command::Import(c) => import(journal, c),
        Command::Backup(c) => backup(journal, c),
        Command::Encryption(c) => encryption(journal, c),
        Command::Demo(flags) => demo::demo(journal, flags),
        Command::Export(ExportCommand::Bullets(flags)) => resume::export_bullets(journal, flags),
        Command::Export(ExportCommand::Brag(flags)) => resume::export_brag(journal, flags),
        Command::Export(ExportCommand::Packet(flags)) => resume::export_packet(journal, flags),
        Command::Bullet(c) => c.run(journal),
        Command::Variant(c) => c.run(journal),
        Command::Rehearsal(c) => c.run(journal),
        Command::Info => journal.info().map(|info| {
            let text = format!(
                "journal: {}\nschema:  {}\nsqlite:  {}\nversion: {}",
                info.journal_path, info.schema_version, info.sqlite_version, info.version
            );
            (to_json(&info), text)
        }),
    }
}

/// "p99 latency: 800 ms → 120 ms · −85% · better": the change as every surface tells it.
fn describe_metric(m: &Metric) -> String {
    format!("{}: {}", m.name, m.line())
}

fn to_json(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value).expect("plain data always serialises")
}

/// Reports an error as one line on stderr and returns the failing exit code.
fn fail(message: &str) -> ExitCode {
    let line = message.lines().collect::<Vec<_>>().join(" ");
    eprintln!("careerlog: {line}");
    ExitCode::FAILURE
}

/// Help and version go to stdout as clap prints them; a usage mistake is one line.
fn usage_error(error: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            ExitCode::SUCCESS
        }
        _ => {
            let rendered = error.render().to_string();
            let first = rendered.lines().next().unwrap_or("invalid arguments");
            eprintln!("careerlog: {}", first.trim_start_matches("error: "));
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// clap's own consistency checks of every subcommand and flag.
    #[test]
    fn the_command_line_is_well_formed() {
        super::Args::command().debug_assert();
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        /// Dates, numbers and durations as typed: an answer or a message, never a panic.
        #[test]
        fn typed_values_never_panic(text in "\\PC{0,24}") {
            let _ = super::journal::day(&text);
            let _ = super::journal::number(&text);
            let _ = super::stories::seconds(&text);
            let _ = super::stories::section_seconds(&text);
        }

        /// Any argument list parses or is refused with a usage error.
        #[test]
        fn any_arguments_parse_or_are_refused(args in prop::collection::vec(prop::sample::select(vec![
            "project", "add", "edit", "list", "show", "delete", "metric", "note", "story", "rehearsal",
            "export", "bullets", "import", "journal", "backup", "restore", "--title", "--result", "--baseline",
            "--seconds", "--sections", "--started", "--format", "markdown", "--json", "--db", "-1", "1e9",
            "2024-02-30", "", "--", "x", "--rating", "9", "--scope", "multi-team", "search", "*", "--offset",
            "person", "one-on-one", "action", "goal", "--relationship", "peer", "--ended", "--with",
            "--private", "--public", "--action", "reached", "report",
        ]), 0..8)) {
            let mut argv = vec!["careerlog"];
            argv.extend(args.iter().copied());
            let _ = <super::Args as clap::Parser>::try_parse_from(argv);
        }
    }
}
