//! Core operations at scale: search, the journal list page, a project page, Home and the
//! readiness map on journals of 10k, 100k and 1M entries (`scale_10k/...`, the same names
//! in each group); resume export of 10,000 bullets; imports. `bench/run` runs this with
//! `cargo bench` and writes the figures to docs/benchmarks.md.
//!
//! The journals are demo data (`careerlog_core::demo`), made once and kept under
//! `CAREERLOG_BENCH_DIR` (default `target/bench`). Under `cargo test` (no `--bench`
//! argument) every benchmark runs once on small journals in a temporary folder.

use std::path::{Path, PathBuf};
use std::time::Duration;

use careerlog_core::capture::{Cancel, ScanRequest};
use careerlog_core::demo::{self, DemoProject};
use careerlog_core::resume::{ExportFormat, ExportRequest};
use careerlog_core::Journal;
use criterion::{BatchSize, Criterion};

// Real repositories written by `git fast-import`: the core's own test fixture.
#[path = "../src/capture/fixture.rs"]
#[allow(dead_code)]
mod fixture;

const SEED: u64 = demo::DEFAULT_SEED;

/// The sizes the budgets are stated at, or small ones for a quick test run.
struct Sizes {
    /// (group name, entries) of the scale journals.
    scale: [(&'static str, u64); 3],
    bullets: u64,
    imported: u64,
    /// Commits of the capture repository.
    commits: u64,
}

fn benchmarking() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn sizes() -> Sizes {
    if benchmarking() {
        Sizes {
            scale: [("scale_10k", 10_000), ("scale_100k", 100_000), ("scale_1m", 1_000_000)],
            bullets: 10_000,
            imported: 10_000,
            commits: 100_000,
        }
    } else {
        Sizes {
            scale: [("scale_10k", 100), ("scale_100k", 200), ("scale_1m", 300)],
            bullets: 40,
            imported: 50,
            commits: 400,
        }
    }
}

/// A demo journal with `projects` projects, made on first use and reused after.
fn demo_journal(dir: &Path, name: &str, projects: u32) -> PathBuf {
    let path = dir.join(format!("{name}-{projects}p-seed{SEED}.sqlite3"));
    let ready = path.exists()
        && Journal::open(&path)
            .and_then(|j| j.list_projects(0, 1))
            .is_ok_and(|page| page.total == projects);
    if !ready {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        let mut journal = Journal::open(&path).expect("bench journal opens");
        journal.fill_demo(SEED, projects).expect("demo data fills");
    }
    path
}

/// jrnl's JSON export of `count` dated entries with tags, as `careerlog import jrnl` reads.
fn jrnl_json(count: u64) -> Vec<u8> {
    let mut rng = demo::SplitMix64::new(SEED);
    let words = [
        "shipped", "reviewed", "migrated", "billing", "checkout", "latency", "incident",
        "mentoring", "pairing", "deploy", "pipeline", "rollout", "postmortem", "roadmap", "cache",
        "queue", "timeout", "hiring", "onboarding", "schema", "dashboard", "runbook",
    ];
    let entries: Vec<serde_json::Value> = (0..count)
        .map(|i| {
            let mut text = |n: u64| -> String {
                (0..n).map(|_| *rng.pick(&words)).collect::<Vec<_>>().join(" ")
            };
            let title = text(6);
            let body = text(40);
            let day = chrono::NaiveDate::from_ymd_opt(2016, 1, 4).unwrap()
                + chrono::Days::new(i * 3_650 / count);
            serde_json::json!({
                "title": title,
                "body": body,
                "date": day.to_string(),
                "time": format!("{:02}:{:02}", 8 + i % 10, i % 60),
                "tags": ["@work"],
                "starred": i % 20 == 0,
            })
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({ "tags": {}, "entries": entries })).unwrap()
}

/// What a user waits for on a journal of any size: search (a rare word, a common one, two
/// words, a prefix being typed), the journal list's first and middle page, a project
/// page, Home's overview, its "This week" card and follow-up queue, and the guides' stage
/// readiness.
fn scale_group(c: &mut Criterion, name: &str, journal: &Journal, projects: u32) {
    let mut group = c.benchmark_group(name);
    // Each operation takes about a millisecond: a short window gives a steady median.
    group.sample_size(30).warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    for (name, query) in [
        ("search_rare", "kafka "),
        ("search_common", "latency "),
        ("search_two_words", "billing ledger "),
        ("search_prefix", "migr"),
    ] {
        group.bench_function(name, |b| b.iter(|| journal.search(query, 0, 20).unwrap()));
    }
    group.bench_function("list_page_first", |b| b.iter(|| journal.list_projects(0, 50).unwrap()));
    let middle = projects / 2;
    group.bench_function("list_page_middle", |b| {
        b.iter(|| journal.list_projects(middle, 50).unwrap())
    });
    let some_project = journal.list_projects(middle, 1).unwrap().projects[0].project.id;
    group.bench_function("project_page", |b| {
        b.iter(|| journal.project_detail(some_project).unwrap())
    });
    group.bench_function("home_overview", |b| b.iter(|| journal.overview().unwrap()));
    // Home's weekly habit: the "This week" card (it counts the follow-ups too) and the queue.
    let clock = careerlog_core::habit::Clock::system();
    group.bench_function("home_this_week", |b| b.iter(|| journal.week_summary(&clock).unwrap()));
    let today = clock.today();
    group.bench_function("followups", |b| b.iter(|| journal.followups(today).unwrap()));
    group.bench_function("readiness", |b| b.iter(|| journal.readiness().unwrap()));
    group.finish();
}

fn main() {
    let sizes = sizes();
    let temp = tempfile::tempdir().expect("a temporary folder");
    let dir = if benchmarking() {
        let dir = std::env::var_os("CAREERLOG_BENCH_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench"));
        std::fs::create_dir_all(&dir).expect("the bench folder");
        dir
    } else {
        temp.path().to_path_buf()
    };
    let mut c = Criterion::default().configure_from_args();

    // The scale journals: the same operations at each size, so the report shows growth.
    for (name, entries) in sizes.scale {
        let projects = demo::projects_for(SEED, entries, DemoProject::entry_count);
        let journal = Journal::open(demo_journal(&dir, "entries", projects)).unwrap();
        scale_group(&mut c, name, &journal, projects);
    }

    // 10,000 bullets picked for export (improved metrics are picked by default).
    let projects = demo::projects_for(SEED, sizes.bullets, DemoProject::strong_bullets);
    let mut resume = Journal::open(demo_journal(&dir, "bullets", projects)).unwrap();
    let mut group = c.benchmark_group("export_10k_bullets");
    for format in
        [ExportFormat::Markdown, ExportFormat::JsonResume, ExportFormat::Docx, ExportFormat::Pdf]
    {
        let request =
            ExportRequest { format, variant: None, tags: Vec::new(), since: None, until: None };
        let (_, exported) = resume.export_bullets(&request).unwrap();
        assert!(exported as u64 >= sizes.bullets, "{exported} bullets");
        group.bench_function(format.as_str(), |b| {
            b.iter(|| resume.export_bullets(&request).unwrap())
        });
    }
    // Right after an edit the bullets are regenerated first: the export a user gets the
    // first time after changing the journal.
    let request = ExportRequest {
        format: ExportFormat::Markdown,
        variant: None,
        tags: Vec::new(),
        since: None,
        until: None,
    };
    let page = resume.list_projects(0, 1).unwrap();
    let project = page.projects[0].project.clone();
    group.bench_function("markdown_after_an_edit", |b| {
        b.iter_custom(|iterations| {
            let mut spent = Duration::ZERO;
            for i in 0..iterations {
                let mut input = project.input.clone();
                input.summary = Some(format!("Edited for the benchmark, round {}.", i % 2));
                resume.update(project.id, input).unwrap();
                let began = std::time::Instant::now();
                resume.export_bullets(&request).unwrap();
                spent += began.elapsed();
            }
            spent
        })
    });
    group.finish();
    // The review packet of the journal's last year, built and written out.
    let year = careerlog_core::documents::packet::PacketRequest {
        since: "2025-01-01".parse().unwrap(),
        until: "2025-12-31".parse().unwrap(),
        target: Some("leverage".into()),
    };
    assert!(resume.packet(&year).unwrap().sentence_count() > 10);
    let mut group = c.benchmark_group("review_packet");
    for format in careerlog_core::documents::DocumentFormat::ALL.iter().copied() {
        group.bench_function(format!("year_{}", format.as_str()), |b| {
            b.iter(|| resume.export_packet(&year, format).unwrap())
        });
    }
    group.finish();

    // Imports into a new journal: jrnl's JSON, and a whole-journal document.
    let mut group = c.benchmark_group("import_10k");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    let jrnl = jrnl_json(sizes.imported);
    let projects = demo::projects_for(SEED, sizes.imported, DemoProject::entry_count);
    let document = {
        let source = Journal::open(demo_journal(&dir, "entries", projects)).unwrap();
        serde_json::to_vec(&source.export_journal().unwrap()).unwrap()
    };
    let fresh = |name: &str| {
        let folder = tempfile::tempdir_in(&dir).unwrap();
        let journal = Journal::open(folder.path().join(name)).unwrap();
        (folder, journal)
    };
    group.bench_function("jrnl_json", |b| {
        b.iter_batched(
            || fresh("jrnl.sqlite3"),
            |(_folder, mut journal)| journal.import_jrnl(&jrnl).unwrap(),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("journal_document", |b| {
        b.iter_batched(
            || fresh("document.sqlite3"),
            |(_folder, mut journal)| journal.import_journal(&document).unwrap(),
            BatchSize::PerIteration,
        )
    });
    group.finish();

    capture_group(&mut c, &dir, sizes.commits);

    c.final_summary();
}

/// A repository of `commits` commits over a year, one in four the engineer's: one in three
/// of theirs states a metric ("p95 latency from N ms to M ms"), one in fifteen is a
/// squash-merged pull request, so a first scan proposes about one per ten commits (10,000
/// for 100,000). Made once under the bench folder; `bench/run` times `git log --author`
/// over the same repository.
fn capture_repository(dir: &Path, commits: u64) -> PathBuf {
    let path = dir.join(format!("capture-{commits}c"));
    let ready = path.join(".git/careerlog-bench-ready");
    if ready.exists() {
        return path;
    }
    let _ = std::fs::remove_dir_all(&path);
    let mut repo = fixture::Repo::init(&path);
    repo.remote("git@github.com:acme/payments-platform.git");
    let start = chrono::NaiveDate::from_ymd_opt(2025, 12, 1)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp();
    let step = 360 * 86_400 / commits as i64;
    let mut stream = Vec::new();
    let mut batch = Vec::new();
    let areas =
        ["api", "billing", "ledger", "web", "docs", "ops", "services/rates", "services/refunds"];
    for n in 0..commits {
        let mine = n % 4 == 0;
        let who = if mine { fixture::ME } else { fixture::PEER };
        let area = areas[(n as usize / 7) % areas.len()];
        let mut message = format!("Change {n} in {area}");
        if mine && (n / 4) % 15 == 0 {
            message.push_str(&format!(" (#{})", n / 4 + 1));
        }
        if mine && (n / 4) % 3 == 0 {
            message.push_str(&format!(
                "\n\nCut p95 latency from {} ms to {} ms.",
                300 + n % 500,
                100 + n % 97
            ));
        }
        let mut commit = fixture::Commit::new(who, "2025-12-01", &message)
            .file(&format!("{area}/file{}.txt", n % 40), &n.to_string());
        commit.at = start + n as i64 * step;
        batch.push(commit);
        if batch.len() == 10_000 {
            repo.stream(&batch, &mut stream);
            batch.clear();
        }
    }
    repo.stream(&batch, &mut stream);
    repo.import(&stream);
    std::fs::write(&ready, b"").unwrap();
    path
}

/// The capture budgets: a first scan of the repository, a rescan with nothing new, and the
/// inbox the first scan filled, opened and paged.
fn capture_group(c: &mut Criterion, dir: &Path, commits: u64) {
    let repo = capture_repository(dir, commits);
    let request = ScanRequest {
        paths: vec![repo.clone()],
        since: chrono::NaiveDate::from_ymd_opt(2000, 1, 1),
        until: None,
        authors: vec![fixture::ME.email.to_string()],
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let scan = |journal: &mut Journal| {
        journal.capture_git(&request, today, &mut |_| {}, &Cancel::new()).unwrap()
    };
    let fresh = || {
        let folder = tempfile::tempdir_in(dir).unwrap();
        let journal = Journal::open(folder.path().join("capture.sqlite3")).unwrap();
        (folder, journal)
    };
    let mut group = c.benchmark_group("capture");
    group.sample_size(10).measurement_time(Duration::from_secs(30));
    group.bench_function("first_scan_100k", |b| {
        b.iter_batched(
            fresh,
            |(_folder, mut journal)| {
                let report = scan(&mut journal);
                assert_eq!(report.repositories[0].commits_read, commits);
                report
            },
            BatchSize::PerIteration,
        )
    });
    let (_folder, mut journal) = fresh();
    let report = scan(&mut journal);
    let proposals = report.proposed.total();
    assert!(u64::from(proposals) >= commits / 11, "{proposals} proposals");
    group.bench_function("rescan_nothing_new", |b| {
        b.iter(|| {
            let again = scan(&mut journal);
            assert_eq!(again.proposed.total(), 0);
            again
        })
    });
    group.bench_function("inbox_open_10k", |b| b.iter(|| journal.inbox_page(0, 50).unwrap()));
    let middle = proposals / 2;
    group.bench_function("inbox_page_middle_10k", |b| {
        b.iter(|| journal.inbox_page(middle, 50).unwrap())
    });
    group.finish();
    if benchmarking() {
        let facts =
            serde_json::json!({ "commits": commits, "proposals": proposals, "repository": repo });
        std::fs::write(dir.join("capture-facts.json"), facts.to_string()).unwrap();
    }
}
