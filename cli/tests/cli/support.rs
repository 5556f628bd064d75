//! The one way these tests run `careerlog` headless: a fresh journal in a temporary folder,
//! and calls that fail the test if the binary ever panics, whether the command succeeds or
//! not. Nothing else in `tests/` is used here, so this folder can move to the CLI package
//! whole.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The binary under test: the only place its path is named.
fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_careerlog")
}

/// Variables that choose or unlock a journal: never inherited from the person running the
/// tests, only set by a test that means to.
const JOURNAL_ENV: [&str; 3] = ["CAREERLOG_DB", "CAREERLOG_PASSPHRASE", "CAREERLOG_NEW_PASSPHRASE"];

/// A new journal (`journal.sqlite3`) in a temporary folder that lives as long as this.
pub struct Cli {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Cli {
    pub fn new() -> Cli {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("journal.sqlite3");
        Cli { dir, db }
    }

    /// The journal file, which need not exist yet.
    pub fn db(&self) -> &Path {
        &self.db
    }

    /// A file in the journal's temporary folder, as a command-line argument.
    pub fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    /// A call on this journal (`--db`), to add environment variables to.
    pub fn run(&self) -> Run {
        Run { db: Some(self.db.clone()), env: Vec::new() }
    }

    /// A call on this journal with one more environment variable.
    pub fn env(&self, key: &str, value: impl AsRef<OsStr>) -> Run {
        self.run().env(key, value)
    }

    /// A call on another journal file (`--db path`).
    pub fn on(&self, db: impl AsRef<Path>) -> Run {
        Run { db: Some(db.as_ref().to_path_buf()), env: Vec::new() }
    }

    /// A call without `--db`: the journal is the one the flags and environment choose.
    pub fn without_db(&self) -> Run {
        Run { db: None, env: Vec::new() }
    }

    pub fn raw(&self, args: &[&str]) -> Output {
        self.run().raw(args)
    }

    pub fn json(&self, args: &[&str]) -> Value {
        self.run().json(args)
    }

    pub fn text(&self, args: &[&str]) -> String {
        self.run().text(args)
    }

    pub fn fails(&self, args: &[&str]) -> String {
        self.run().fails(args)
    }

    /// Adds the metric most tests use, p99 latency 800 ms -> 120 ms (lower is better), to
    /// `project`, with any further flags.
    pub fn latency(&self, project: &str, more: &[&str]) -> Value {
        let mut args = vec![
            "metric", "add", "--project", project, "--name", "p99 latency", "--unit", "ms",
            "--baseline", "800", "--result", "120", "--better", "lower",
        ];
        args.extend_from_slice(more);
        self.json(&args)
    }
}

/// One call of the binary: which journal, and which environment variables are set.
pub struct Run {
    db: Option<PathBuf>,
    env: Vec<(String, OsString)>,
}

impl Run {
    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Run {
        self.env.push((key.to_owned(), value.as_ref().to_owned()));
        self
    }

    /// Runs the binary and returns what it did; fails the test if it panicked.
    pub fn raw(&self, args: &[&str]) -> Output {
        let mut command = Command::new(binary());
        if let Some(db) = &self.db {
            command.arg("--db").arg(db);
        }
        command.args(args);
        for key in JOURNAL_ENV {
            command.env_remove(key);
        }
        command.envs(self.env.iter().map(|(k, v)| (k, v)));
        let output = command.output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        output
    }

    /// Runs with `--json` and returns the parsed answer; fails the test on an error.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        serde_json::from_str(&self.text(&all)).unwrap()
    }

    /// Runs expecting success; returns what it printed.
    pub fn text(&self, args: &[&str]) -> String {
        let output = self.raw(args);
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    }

    /// Runs expecting a failure; returns the one line on stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let output = self.raw(args);
        assert!(!output.status.success(), "{args:?} should fail");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        stderr
    }
}

/// The integer id of an entry as the CLI prints it, as an argument.
pub fn id(value: &Value) -> String {
    value["id"].as_i64().expect("an integer id").to_string()
}
