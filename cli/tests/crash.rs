//! Crash safety: writers killed with SIGKILL at random moments, hundreds of times. Every
//! entry a writer acknowledged (printed after its commit) must be in the journal after,
//! and SQLite's integrity check must pass.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ROUNDS: u64 = 300;

/// splitmix64: a fixed, seedable sequence of kill delays, so a failure can be replayed.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[test]
fn acknowledged_entries_survive_kill_9_at_any_moment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.sqlite3");
    let mut seed = 0x5EED_u64;
    let mut acknowledged: Vec<(i64, String)> = Vec::new();
    let mut killed = 0;
    // Kills land anywhere from launch to a little past a writer's usual lifetime, measured
    // on the same journal once it exists (creating one costs more than a write), as the
    // median of a few writes so one slow start on a busy machine does not stretch it.
    let write = || {
        let started = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_careerlog"))
            .arg("--db")
            .arg(&db)
            .args(["note", "add", "warm up"])
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        started.elapsed()
    };
    write();
    let mut lifetimes: Vec<Duration> = (0..5).map(|_| write()).collect();
    lifetimes.sort();
    let typical = lifetimes[lifetimes.len() / 2];
    let window = (typical.as_micros() as u64 * 2).max(1_000);
    for round in 0..ROUNDS {
        let text = format!("round {round}: {}", next(&mut seed));
        // Some writers add a project with a metric (two writes), most a note.
        let args: Vec<String> = if round % 5 == 0 {
            vec![
                "project".into(),
                "add".into(),
                "--title".into(),
                text.clone(),
                "--tag".into(),
                "crash".into(),
            ]
        } else {
            vec!["note".into(), "add".into(), text.clone(), "--tag".into(), "crash".into()]
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_careerlog"))
            .arg("--db")
            .arg(&db)
            .arg("--json")
            .args(&args)
            .env_remove("CAREERLOG_DB")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let delay = Duration::from_micros(next(&mut seed) % window);
        let started = Instant::now();
        while started.elapsed() < delay {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        }
        let output = child.wait_with_output().unwrap();
        // Acknowledged means the whole answer was printed, which happens after the commit.
        if let Ok(value) = serde_json::from_slice::<serde_json::Value>(&output.stdout) {
            let id = value["id"].as_i64().expect("an acknowledged write has an id");
            acknowledged.push((id, text));
        }
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let verdict: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(verdict, "ok");
    let mut lost = 0;
    for (id, text) in &acknowledged {
        let found: Option<String> = conn
            .query_row(
                "SELECT coalesce((SELECT title FROM projects WHERE id = ?1), (SELECT text FROM notes WHERE id = ?1))",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        if found.as_deref() != Some(text.as_str()) {
            lost += 1;
        }
    }
    println!(
        "rounds: {ROUNDS}, writer lifetime: {} ms, killed before exit: {killed}, acknowledged: {}, lost: {lost}",
        typical.as_millis(),
        acknowledged.len()
    );
    assert_eq!(lost, 0);
    assert!(killed >= ROUNDS / 10, "the kills must land: only {killed} of {ROUNDS}");
    assert!(acknowledged.len() as u64 >= ROUNDS / 10, "enough writes must finish to check");
}
