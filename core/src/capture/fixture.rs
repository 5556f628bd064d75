//! Real git repositories with fixed authors and dates, for capture's tests and benchmark:
//! written by `git fast-import` (tests and benchmarks may run git; the app never does).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// `hour` o'clock UTC on `day` ("YYYY-MM-DD"), in seconds since the epoch.
fn seconds(day: &str, hour: u32) -> i64 {
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .expect("a day")
        .and_hms_opt(hour, 0, 0)
        .expect("a time")
        .and_utc()
        .timestamp()
}

/// Someone who commits: name and email.
#[derive(Debug, Clone, Copy)]
pub struct Person {
    pub name: &'static str,
    pub email: &'static str,
}

pub const ME: Person = Person { name: "Robin Vale", email: "robin@example.com" };
pub const PEER: Person = Person { name: "Sam Okafor", email: "sam@example.org" };

/// One commit to write: who, when (seconds since the epoch, and the UTC offset as
/// `+0100`), the message, the files it writes (path, content) and deletes, and for a
/// merge the mark of its second parent.
#[derive(Debug, Clone)]
pub struct Commit {
    pub author: Person,
    pub at: i64,
    pub offset: &'static str,
    pub message: Vec<u8>,
    pub files: Vec<(String, Vec<u8>)>,
    pub deletes: Vec<String>,
    pub merge: Option<usize>,
    pub branch: &'static str,
}

impl Commit {
    pub fn new(author: Person, day: &str, message: &str) -> Commit {
        Commit {
            author,
            at: seconds(day, 10),
            offset: "+0000",
            message: message.as_bytes().to_vec(),
            files: Vec::new(),
            deletes: Vec::new(),
            merge: None,
            branch: "main",
        }
    }

    pub fn file(mut self, path: &str, content: &str) -> Commit {
        self.files.push((path.to_string(), content.as_bytes().to_vec()));
        self
    }

    pub fn merging(mut self, mark: usize) -> Commit {
        self.merge = Some(mark);
        self
    }

    pub fn on(mut self, branch: &'static str) -> Commit {
        self.branch = branch;
        self
    }
}

/// A repository on disk, made by `git init` and filled by `git fast-import`.
pub struct Repo {
    pub path: PathBuf,
    /// Commits written so far; the n-th has mark n + 1.
    pub written: usize,
    /// The mark of each branch's last commit in the stream not yet imported.
    tips: std::collections::HashMap<&'static str, usize>,
}

/// Runs git without the machine's or the user's configuration.
pub fn git(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new("git");
    command
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("HOME", dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

fn run(mut command: Command) {
    let out = command.output().expect("git runs (capture's tests need the git binary)");
    assert!(out.status.success(), "git failed: {}", String::from_utf8_lossy(&out.stderr));
}

impl Repo {
    /// An empty repository at `path` (created), on branch `main`.
    pub fn init(path: &Path) -> Repo {
        std::fs::create_dir_all(path).expect("the folder is made");
        run(git(path, &["init", "-q", "-b", "main"]));
        Repo { path: path.to_path_buf(), written: 0, tips: Default::default() }
    }

    pub fn remote(&self, url: &str) -> &Repo {
        run(git(&self.path, &["remote", "add", "origin", url]));
        self
    }

    /// Writes `commits` on top of what is there, each on its branch.
    pub fn commit(&mut self, commits: &[Commit]) -> &mut Repo {
        let mut stream = Vec::new();
        self.stream(commits, &mut stream);
        self.import(&stream);
        self
    }

    /// Runs `git fast-import` on a stream written by `stream`.
    pub fn import(&mut self, stream: &[u8]) {
        // Marks live for one fast-import run; the next stream starts from the refs.
        self.tips.clear();
        let mut child = git(&self.path, &["fast-import", "--quiet", "--force"])
            .stdin(Stdio::piped())
            .spawn()
            .expect("git fast-import starts");
        child.stdin.take().expect("stdin").write_all(stream).expect("the stream is written");
        let out = child.wait_with_output().expect("git fast-import ends");
        assert!(out.status.success(), "fast-import: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// The fast-import stream of `commits`, for writing many at once.
    /// A merge's `merging` mark must be of a commit in the same stream.
    pub fn stream(&mut self, commits: &[Commit], out: &mut Vec<u8>) {
        for commit in commits {
            self.written += 1;
            let mark = self.written;
            let who = format!(
                "{} <{}> {} {}",
                commit.author.name, commit.author.email, commit.at, commit.offset
            );
            out.extend_from_slice(
                format!("commit refs/heads/{}\nmark :{mark}\n", commit.branch).as_bytes(),
            );
            out.extend_from_slice(format!("author {who}\ncommitter {who}\n").as_bytes());
            out.extend_from_slice(format!("data {}\n", commit.message.len()).as_bytes());
            out.extend_from_slice(&commit.message);
            out.push(b'\n');
            let on_disk = |b: &str| self.path.join(".git/refs/heads").join(b).exists();
            let tips = &self.tips;
            let from = match tips.get(commit.branch) {
                Some(tip) => Some(format!(":{tip}")),
                None if on_disk(commit.branch) => Some(format!("refs/heads/{}^0", commit.branch)),
                None => match tips.get("main") {
                    Some(tip) => Some(format!(":{tip}")),
                    None if on_disk("main") => Some("refs/heads/main^0".to_string()),
                    None => None,
                },
            };
            if let Some(from) = from {
                out.extend_from_slice(format!("from {from}\n").as_bytes());
            }
            self.tips.insert(commit.branch, mark);
            if let Some(other) = commit.merge {
                out.extend_from_slice(format!("merge :{other}\n").as_bytes());
            }
            for path in &commit.deletes {
                out.extend_from_slice(format!("D {path}\n").as_bytes());
            }
            for (path, content) in &commit.files {
                out.extend_from_slice(
                    format!("M 100644 inline {path}\ndata {}\n", content.len()).as_bytes(),
                );
                out.extend_from_slice(content);
                out.push(b'\n');
            }
            out.push(b'\n');
        }
    }

    /// An annotated tag by `who` on `branch`'s tip, on `day`.
    pub fn tag(&self, name: &str, who: Person, day: &str) {
        let at = seconds(day, 12);
        let mut command = git(&self.path, &["tag", "-a", name, "-m", name]);
        command
            .env("GIT_COMMITTER_NAME", who.name)
            .env("GIT_COMMITTER_EMAIL", who.email)
            .env("GIT_COMMITTER_DATE", format!("{at} +0000"));
        run(command);
    }
}

/// The payments repository every face's tests start from: two weeks of Robin's work among
/// a peer's, a squash-merged pull request that states a metric ("p99 latency from 800ms to
/// 120ms", #12), and an ADR.
pub fn payments(root: &Path) -> Repo {
    let mut repo = Repo::init(&root.join("payments-api"));
    repo.remote("git@github.com:acme/payments-api.git");
    repo.commit(&[
        Commit::new(PEER, "2026-11-02", "Start the service").file("README.md", "# payments"),
        Commit::new(ME, "2026-11-03", "Add the retry budget").file("api/retry.rs", "fn retry() {}"),
        Commit::new(ME, "2026-11-04", "Cap the settlement queue").file("billing/queue.rs", "100"),
        Commit::new(
            ME,
            "2026-11-10",
            "Cache the exchange rates (#12)\n\nCut p99 latency from 800ms to 120ms.",
        )
        .file("api/rates.rs", "cache"),
        Commit::new(ME, "2026-11-11", "Record the ledger decision").file(
            "docs/adr/0007-use-postgres-for-the-ledger.md",
            "# Use Postgres for the ledger\n\nBecause.",
        ),
    ]);
    repo
}

/// Every file under `dir` with its bytes, in order: a repository read by a scan must be
/// byte-identical after it.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("the folder reads") {
            let path = entry.expect("an entry").path();
            let meta = std::fs::symlink_metadata(&path).expect("metadata");
            if meta.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap_or_default();
                files.push((path, bytes));
            }
        }
    }
    files.sort();
    files
}
