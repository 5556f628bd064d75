//! The capture Inbox in the real window: Settings > Capture pointed at a folder of real git
//! repositories (written by `git fast-import` with fixed authors and dates), a scan with its
//! progress, a project and a metric accepted, a note dismissed, a rescan that brings nothing
//! back, the accepted entries in the journal; keyboard triage; a cancelled scan.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use serde_json::{json, Value};

use crate::support::{App, Turn};

#[path = "../../core/src/capture/fixture.rs"]
#[allow(dead_code)]
mod fixture;

use fixture::{payments, Commit, Repo, ME, PEER};

/// A repository of `weeks` weeks of Robin's work, one commit a week: a note each.
fn weekly(root: &Path, name: &str, weeks: u32) -> Repo {
    let mut repo = Repo::init(&root.join(name));
    let commits: Vec<Commit> = (0..weeks)
        .map(|w| {
            let day = chrono::NaiveDate::from_ymd_opt(2026, 9, 7).unwrap()
                + chrono::Duration::weeks(i64::from(w));
            Commit::new(ME, &day.to_string(), &format!("Index shard {w}"))
                .file(&format!("shards/{w}.rs"), "shard")
        })
        .collect();
    repo.commit(&commits);
    repo
}

/// A repository of `count` commits written by one fast-import stream: a scan of it takes
/// seconds in the debug build, long enough to cancel.
fn big(root: &Path, count: usize) -> Repo {
    let mut repo = Repo::init(&root.join("monorepo"));
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    let commits: Vec<Commit> = (0..count)
        .map(|i| {
            let day = start + chrono::Duration::days((i * 300 / count) as i64);
            let who = if i % 3 == 0 { ME } else { PEER };
            Commit::new(who, &day.to_string(), &format!("Change {i}"))
                .file("log.txt", &i.to_string())
        })
        .collect();
    repo.commit(&commits);
    repo
}

async fn open_proposals(app: &App) -> Vec<Value> {
    let page = app.invoke_ok("inbox_page", json!({"offset": 0, "limit": 500})).await;
    page["proposals"].as_array().unwrap().clone()
}

fn first_of(proposals: &[Value], kind: &str) -> i64 {
    proposals
        .iter()
        .find(|p| p["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} proposal in {proposals:?}"))["id"]
        .as_i64()
        .unwrap()
}

/// The nav's count of open proposals (none shown at 0).
async fn nav_count(app: &App) -> usize {
    // Its text, even while the pointer on the nav shows the shortcut in its place.
    let script =
        "return document.querySelector('[data-testid=\"nav-inbox-count\"]')?.textContent ?? '0'";
    let shown = app.execute(script, vec![]).await;
    shown.as_str().unwrap().trim().parse().unwrap()
}

async fn nav_count_is(app: &App, expected: usize) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let shown = nav_count(app).await;
        if shown == expected {
            return;
        }
        assert!(Instant::now() < deadline, "the nav shows {shown} open proposals, not {expected}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Points Settings > Capture at `folder` with Robin's email, typed as a person would.
async fn set_up_capture(app: &App, folder: &Path) {
    app.click("nav-settings").await;
    // A relative folder is refused next to the folders.
    app.fill("capture-folder-input", "src/repos").await;
    app.click("capture-folder-add").await;
    app.click("capture-save").await;
    let refused = app.text_with("capture-folder-error", "full path").await;
    assert!(refused.contains("not a full path"), "{refused}");
    app.click("capture-folder-remove").await;
    app.fill("capture-folder-input", &folder.display().to_string()).await;
    app.click("capture-folder-add").await;
    app.fill("capture-identity-input", ME.email).await;
    app.click("capture-identity-add").await;
    app.click("capture-save").await;
    app.testid("capture-saved").await;
    let setup = app.invoke_ok("capture_setup_get", json!({})).await;
    assert_eq!(setup["settings"]["folders"], json!([folder.display().to_string()]));
    assert_eq!(setup["settings"]["identities"], json!([ME.email]));
}

async fn scan_ended(app: &App, phase: &str) -> String {
    app.wait(&format!("[data-testid='capture-report'][data-phase='{phase}']")).await;
    app.text_until("capture-report", |t| !t.trim().is_empty()).await
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_point_capture_at_repositories_and_the_inbox_fills_the_journal_once() {
    let turn = Turn::take().await;
    let repos = turn.path("repos");
    payments(&repos);
    weekly(&repos, "search-indexer", 2);
    let app = turn.open().await;

    set_up_capture(&app, &repos).await;
    app.click("capture-scan").await;
    let report = scan_ended(&app, "done").await;
    assert!(report.contains("Found"), "{report}");
    assert!(report.contains("2 repositories"), "{report}");

    let proposals = open_proposals(&app).await;
    let open = proposals.len();
    assert!(open >= 6, "{proposals:?}");
    nav_count_is(&app, open).await;

    app.click("nav-inbox").await;
    app.testid("section-inbox").await;
    // Where a metric came from: the repository, the phrase, the request; no project yet.
    let metric = proposals
        .iter()
        .find(|p| p["kind"] == "metric" && p["source"]["repository"] == "payments-api")
        .expect("the stated metric");
    let metric_id = metric["id"].as_i64().unwrap();
    let summary = app.text(&format!("inbox-summary-{metric_id}")).await;
    assert_eq!(summary, "800 ms → 120 ms, lower is better");
    let source = app.text(&format!("inbox-source-{metric_id}")).await;
    assert!(source.contains("payments-api") && source.contains("Request #12"), "{source}");
    let lands = app.text(&format!("inbox-lands-{metric_id}")).await;
    assert_eq!(lands, "No project yet");

    // The metric first: refused beside it, with the repository's project offered.
    app.click(&format!("inbox-item-{metric_id}")).await;
    app.click("inbox-accept").await;
    let refusal = app.text_with(&format!("inbox-refusal-{metric_id}"), "project").await;
    assert!(refusal.contains("project"), "{refusal}");
    app.testid(&format!("inbox-accept-repo-{metric_id}")).await;

    // The project as proposed, then the metric, which now lands under it.
    let project_id = proposals
        .iter()
        .find(|p| p["kind"] == "project" && p["source"]["repository"] == "payments-api")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    app.click(&format!("inbox-item-{project_id}")).await;
    app.click("inbox-accept").await;
    app.gone(&format!("inbox-item-{project_id}")).await;
    app.text_with("toast", "Accepted").await;
    let lands = app.text_with(&format!("inbox-lands-{metric_id}"), "Under").await;
    assert_eq!(lands, "Under payments-api");
    app.click(&format!("inbox-item-{metric_id}")).await;
    app.click("inbox-accept").await;
    app.gone(&format!("inbox-item-{metric_id}")).await;

    // A note dismissed.
    let note_id = first_of(&proposals, "note");
    app.click(&format!("inbox-item-{note_id}")).await;
    app.click("inbox-dismiss").await;
    app.gone(&format!("inbox-item-{note_id}")).await;
    app.text_with("toast", "Dismissed").await;
    nav_count_is(&app, open - 3).await;

    // A rescan: nothing comes back.
    app.click("inbox-scan").await;
    let report = scan_ended(&app, "done").await;
    assert!(report.contains("Nothing new"), "{report}");
    nav_count_is(&app, open - 3).await;
    assert_eq!(open_proposals(&app).await.len(), open - 3);

    // In the journal: the project, with the metric and its evidence link.
    let project = app.invoke_ok("inbox_get", json!({"id": project_id})).await;
    let metric = app.invoke_ok("inbox_get", json!({"id": metric_id})).await;
    assert_eq!(project["state"], "accepted");
    let project_entry = project["entry_id"].as_i64().unwrap();
    let metric_entry = metric["entry_id"].as_i64().unwrap();
    app.click("nav-journal").await;
    app.click(&format!("project-{project_entry}")).await;
    app.testid("project-page").await;
    let shown = app.text_with(&format!("metric-{metric_entry}"), "Evidence").await;
    assert!(shown.contains("p99 latency"), "{shown}");
    assert!(shown.contains("github.com/acme/payments-api/pull/12"), "{shown}");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn proposals_are_triaged_from_the_keyboard_with_undo() {
    let turn = Turn::take().await;
    let repos = turn.path("repos");
    weekly(&repos, "search-indexer", 4);
    let app = turn.open().await;
    app.invoke_ok(
        "capture_settings_set",
        json!({"settings": {"folders": [repos.display().to_string()], "exclusions": [],
            "identities": [ME.email]}}),
    )
    .await;
    app.invoke_ok("capture_scan", json!({"request": null})).await;
    let proposals = open_proposals(&app).await;
    let ids: Vec<i64> = proposals.iter().map(|p| p["id"].as_i64().unwrap()).collect();
    assert_eq!(proposals.len(), 5, "a project and four weekly notes: {proposals:?}");

    app.click("nav-inbox").await;
    app.testid(&format!("inbox-item-{}", ids[0])).await;
    let focused = "return document.querySelector('[data-testid^=\"inbox-item-\"][aria-current=\"true\"]')?.dataset.testid ?? null";
    let is_focused = |i: usize| format!("inbox-item-{}", ids[i]);
    assert_eq!(app.execute(focused, vec![]).await, json!(is_focused(0)));

    // j, j, k: the second one.
    app.chord(&['j']).await;
    app.chord(&['j']).await;
    app.chord(&['k']).await;
    assert_eq!(app.execute(focused, vec![]).await, json!(is_focused(1)));
    app.press(Key::Down).await;
    assert_eq!(app.execute(focused, vec![]).await, json!(is_focused(2)));
    app.press(Key::Up).await;

    // d dismisses it and the focus moves on; u brings it back.
    app.chord(&['d']).await;
    app.gone(&is_focused(1)).await;
    nav_count_is(&app, 4).await;
    assert_eq!(app.execute(focused, vec![]).await, json!(is_focused(2)));
    app.chord(&['u']).await;
    app.testid(&is_focused(1)).await;
    nav_count_is(&app, 5).await;
    let back = app.invoke_ok("inbox_get", json!({"id": ids[1]})).await;
    assert_eq!(back["state"], "open");

    // a accepts the focused note (a note needs no project).
    app.click(&is_focused(3)).await;
    app.chord(&['a']).await;
    app.gone(&is_focused(3)).await;
    nav_count_is(&app, 4).await;
    let accepted = app.invoke_ok("inbox_get", json!({"id": ids[3]})).await;
    assert_eq!(accepted["state"], "accepted");

    // Not while typing: the palette's field takes the letters.
    app.chord(&[Key::Control.into(), 'k']).await;
    app.testid("search-palette").await;
    app.chord(&['d']).await;
    app.press(Key::Escape).await;
    nav_count_is(&app, 4).await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cancelled_scan_shows_its_progress_and_leaves_the_inbox_as_it_was() {
    let turn = Turn::take().await;
    let repos = turn.path("repos");
    weekly(&repos, "search-indexer", 2);
    let made = Instant::now();
    big(&repos, 100_000);
    eprintln!("100,000 commits written in {:?}", made.elapsed());
    let app = turn.open().await;
    app.invoke_ok(
        "capture_settings_set",
        json!({"settings": {"folders": [repos.join("search-indexer").display().to_string()],
            "exclusions": [], "identities": [ME.email]}}),
    )
    .await;
    app.invoke_ok("capture_scan", json!({"request": null})).await;
    let before = open_proposals(&app).await;
    app.invoke_ok(
        "capture_settings_set",
        json!({"settings": {"folders": [repos.display().to_string()], "exclusions": [],
            "identities": [ME.email]}}),
    )
    .await;

    app.click("nav-inbox").await;
    app.click("inbox-scan").await;
    app.testid("capture-progress").await;
    let figures = app
        .text_until("capture-progress-figures", |t| {
            t.contains("commits") && !t.contains(" 0 commits")
        })
        .await;
    assert!(figures.contains("Read"), "{figures}");
    app.click("capture-cancel").await;
    let report = scan_ended(&app, "cancelled").await;
    assert!(report.contains("Scan cancelled; the inbox is as it was"), "{report}");
    assert_eq!(open_proposals(&app).await, before);
    nav_count_is(&app, before.len()).await;
    app.close().await;
}

/// Not a check: saves the Inbox (empty before any folder, full, a refusal, editing a
/// proposal, mid-scan, empty after triage), the Home card and the Settings card, light and
/// dark, to `target/screenshots/inbox-*.png` for a person to look at.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool: cargo test --test e2e inbox::capture -- --ignored"]
async fn capture_inbox() {
    // On the software path (no GPU), WebKit's snapshot for WebDriver never completes on
    // the Inbox or the Journal here; with compositing forced it does.
    let turn = Turn::take_with(|_| vec![("WEBKIT_FORCE_COMPOSITING_MODE", "1".into())]).await;
    let repos = turn.path("repos");
    payments(&repos);
    weekly(&repos, "search-indexer", 3);
    weekly(&repos, "platform-observability-pipeline-with-a-rather-long-repository-name", 1);
    let big_folder = turn.path("big");
    big(&big_folder, 100_000);
    let app = turn.open().await;
    let shots = |name: &'static str| {
        let app = &app;
        async move {
            for theme in ["light", "dark"] {
                app.set_theme(theme).await;
                tokio::time::sleep(Duration::from_millis(400)).await;
                app.shot(&format!("inbox-{name}-{theme}")).await;
            }
        }
    };
    let settings = |folders: Vec<String>| json!({"settings": {"folders": folders, "exclusions": [], "identities": [ME.email]}});

    app.click("nav-inbox").await;
    app.testid("inbox-empty").await;
    shots("empty-unconfigured").await;

    app.click("nav-settings").await;
    let to_card = || {
        app.execute(
            "const h = [...document.querySelectorAll('h2')].find(h => h.textContent === 'Capture');
             h.scrollIntoView({block: 'start'}); document.querySelector('main').scrollTop -= 24;",
            vec![],
        )
    };
    app.testid("capture-folder-input").await;
    to_card().await;
    shots("settings-card-empty").await;
    app.fill("capture-folder-input", &repos.display().to_string()).await;
    app.click("capture-folder-add").await;
    app.fill("capture-identity-input", ME.email).await;
    app.click("capture-identity-add").await;
    app.fill("capture-exclusion-input", "generated/protos").await;
    app.click("capture-exclusion-add").await;
    app.click("capture-save").await;
    app.testid("capture-exclusion-error").await;
    to_card().await;
    shots("settings-card-refused").await;
    app.click("capture-exclusion-remove").await;
    app.click("capture-save").await;
    app.testid("capture-saved").await;
    app.click("capture-scan").await;
    scan_ended(&app, "done").await;
    to_card().await;
    shots("settings-card-scanned").await;

    app.click("nav-home").await;
    app.testid("home-inbox").await;
    shots("home-card").await;

    app.click("home-inbox").await;
    let proposals = open_proposals(&app).await;
    app.testid(&format!("inbox-item-{}", proposals[0]["id"])).await;
    app.click("capture-report-close").await;
    shots("full").await;

    let metric = first_of(&proposals, "metric");
    app.click_centered(&format!("inbox-item-{metric}")).await;
    app.click("inbox-accept").await;
    app.testid(&format!("inbox-refusal-{metric}")).await;
    shots("refusal").await;

    app.click("inbox-edit").await;
    app.testid("metric-save").await;
    shots("editing").await;
    app.press(Key::Escape).await;

    let two: Vec<i64> = proposals
        .iter()
        .filter(|p| p["kind"] == "note")
        .take(2)
        .map(|p| p["id"].as_i64().unwrap())
        .collect();
    for id in &two {
        app.click_centered(&format!("inbox-select-{id}")).await;
    }
    app.execute("document.querySelector('main').scrollTop = 0", vec![]).await;
    shots("selected").await;
    app.click("inbox-clear").await;

    app.invoke_ok(
        "capture_settings_set",
        settings(vec![repos.display().to_string(), big_folder.display().to_string()]),
    )
    .await;
    app.click("inbox-scan").await;
    app.text_until("capture-progress-figures", |t| !t.contains(" 0 commits")).await;
    shots("scanning").await;
    app.click("capture-cancel").await;
    scan_ended(&app, "cancelled").await;
    shots("cancelled").await;

    let ids: Vec<i64> =
        open_proposals(&app).await.iter().map(|p| p["id"].as_i64().unwrap()).collect();
    app.invoke_ok("inbox_dismiss", json!({"ids": ids})).await;
    app.click("nav-home").await;
    app.click("nav-inbox").await;
    app.testid("inbox-empty").await;
    shots("empty").await;
    app.close().await;
}
