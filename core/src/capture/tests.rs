//! Capture over real repositories (written by `git fast-import` with fixed authors and
//! dates): what a scan proposes, never twice, all or nothing, and the inputs it survives.

use std::path::Path;

use super::fixture::{snapshot, Commit, Repo, ME, PEER};
use super::{Cancel, ProposedEntry, ScanReport, ScanRequest};
use crate::journal::{ArtifactKind, Direction, EntryKind, Metric, Note, Project};
use crate::test_support::{day, journal};
use crate::{Error, Journal};

const TODAY: &str = "2026-11-30";

fn scan(journal: &mut Journal, paths: &[&Path]) -> ScanReport {
    try_scan(journal, paths).expect("the scan runs")
}

fn try_scan(journal: &mut Journal, paths: &[&Path]) -> crate::Result<ScanReport> {
    let request = ScanRequest {
        paths: paths.iter().map(|p| p.to_path_buf()).collect(),
        authors: vec![ME.email.to_string()],
        ..ScanRequest::default()
    };
    journal.capture_git(&request, day(TODAY), &mut |_| {}, &Cancel::new())
}

/// The shared payments repository, with more: a peer's commit, a branch of mine merged by
/// the peer as pull request #15, and a tag.
fn payments(root: &Path) -> Repo {
    let mut repo = super::fixture::payments(root);
    repo.commit(&[
        Commit::new(PEER, "2026-11-05", "Tidy the docs").file("docs/intro.md", "intro"),
        Commit::new(ME, "2026-11-12", "Batch refunds")
            .file("billing/refunds.rs", "batch")
            .on("refunds"),
        Commit::new(
            PEER,
            "2026-11-13",
            "Merge pull request #15 from acme/refunds\n\nBatch the refunds",
        )
        .merging(7),
    ]);
    repo.tag("v2.3.0", ME, "2026-11-12");
    repo
}

/// The payments repository, scanned once into a new journal.
fn scanned_payments() -> (tempfile::TempDir, Repo, tempfile::TempDir, Journal) {
    let root = tempfile::tempdir().unwrap();
    let repo = payments(root.path());
    let (dir, mut journal) = journal();
    scan(&mut journal, &[root.path()]);
    (root, repo, dir, journal)
}

fn open_proposals(journal: &Journal) -> Vec<super::Proposal> {
    journal.inbox_page(0, 500).unwrap().proposals
}

fn of_kind(journal: &Journal, kind: EntryKind) -> Vec<super::Proposal> {
    open_proposals(journal).into_iter().filter(|p| p.entry.kind() == kind).collect()
}

#[test]
fn a_scan_proposes_the_project_a_note_a_week_the_requests_the_adr_and_the_metric() {
    let root = tempfile::tempdir().unwrap();
    let repo = payments(root.path());
    let (_dir, mut journal) = journal();
    let report = scan(&mut journal, &[root.path()]);

    assert_eq!(report.repositories.len(), 1, "{report:?}");
    let read = &report.repositories[0];
    assert_eq!(read.name, "payments-api");
    assert_eq!(read.commits_read, 8);
    // Five of mine, and the merge of my branch by a peer.
    assert_eq!(read.commits_yours, 6);
    assert_eq!(report.proposed.project, 1);
    assert_eq!(report.proposed.note, 2, "two weeks of work");
    assert_eq!(report.proposed.artifact, 3, "two requests and the ADR");
    assert_eq!(report.proposed.metric, 1);
    assert_eq!(journal.inbox_count().unwrap(), 7);
    // Proposals are not entries: the journal itself is untouched.
    assert_eq!(journal.overview().unwrap().entry_count, 0);
    assert_eq!(journal.overview().unwrap().inbox_open, 7);

    let project = &of_kind(&journal, EntryKind::Project)[0];
    let ProposedEntry::Project(p) = &project.entry else { panic!() };
    assert_eq!(p.title, "payments-api");
    assert_eq!(p.organization.as_deref(), Some("acme"));
    assert_eq!(p.started_on, Some(day("2026-11-03")));
    assert_eq!(project.source.web_url.as_deref(), Some("https://github.com/acme/payments-api"));

    let notes = of_kind(&journal, EntryKind::Note);
    let ProposedEntry::Note(first_week) = &notes[1].entry else { panic!() };
    assert_eq!(first_week.date, Some(day("2026-11-04")), "dated on the week's last work");
    assert!(
        first_week
            .text
            .starts_with("Week of 2 Nov 2026 in payments-api: 2 commits, 2 files changed"),
        "{}",
        first_week.text
    );
    assert!(
        first_week.text.contains("- Add the retry budget\n- Cap the settlement queue"),
        "{}",
        first_week.text
    );
    assert!(!first_week.text.contains("Tidy the docs"), "a peer's commit is not mine");
    assert_eq!(notes[1].source.commits.len(), 2);
    let ProposedEntry::Note(second_week) = &notes[0].entry else { panic!() };
    assert!(second_week.text.contains("Tagged v2.3.0."), "{}", second_week.text);

    let artifacts = of_kind(&journal, EntryKind::Artifact);
    let find = |kind: ArtifactKind| {
        artifacts
            .iter()
            .filter_map(|p| match &p.entry {
                ProposedEntry::Artifact(a) if a.kind == Some(kind) => {
                    Some((a.clone(), p.source.clone()))
                }
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    let requests = find(ArtifactKind::Pr);
    assert_eq!(requests.len(), 2);
    let squash =
        requests.iter().find(|(_, s)| s.request == Some(12)).expect("the squash-merged #12");
    assert_eq!(squash.0.title, "Cache the exchange rates");
    assert_eq!(squash.0.url.as_deref(), Some("https://github.com/acme/payments-api/pull/12"));
    let merged = requests.iter().find(|(_, s)| s.request == Some(15)).expect("the merged #15");
    assert_eq!(merged.0.title, "Batch the refunds");
    let adr = &find(ArtifactKind::Adr)[0];
    assert_eq!(adr.0.title, "Use Postgres for the ledger");
    assert_eq!(adr.1.file.as_deref(), Some("docs/adr/0007-use-postgres-for-the-ledger.md"));
    assert!(adr
        .0
        .url
        .as_deref()
        .unwrap()
        .starts_with("https://github.com/acme/payments-api/blob/"));

    let metric = &of_kind(&journal, EntryKind::Metric)[0];
    let ProposedEntry::Metric(m) = &metric.entry else { panic!() };
    assert_eq!((m.baseline, m.result, m.unit.as_deref()), (Some(800.0), Some(120.0), Some("ms")));
    assert_eq!(m.better, Some(Direction::Lower));
    assert_eq!(m.measured_on, Some(day("2026-11-10")));
    assert_eq!(m.evidence.as_deref(), Some("https://github.com/acme/payments-api/pull/12"));
    assert_eq!(metric.source.phrase.as_deref(), Some("Cut p99 latency from 800ms to 120ms"));
    drop(repo);
}

#[test]
fn accepting_maps_the_repository_so_its_metric_and_notes_land_under_the_project() {
    let (_root, _repo, _dir, mut journal) = scanned_payments();

    let metric = of_kind(&journal, EntryKind::Metric)[0].id;
    let refused = journal.accept_proposal(metric, None, None).unwrap_err();
    assert!(matches!(&refused, Error::Invalid { field, .. } if field == "project_id"), "{refused}");
    assert_eq!(journal.proposal(metric).unwrap().state, super::ProposalState::Open);

    let project = of_kind(&journal, EntryKind::Project)[0].id;
    let accepted = journal.accept_proposal(project, None, None).unwrap();
    let project_id = accepted.proposals[0].entry_id.unwrap();
    assert_eq!(journal.entry::<Project>(project_id).unwrap().title, "payments-api");
    // The rest now shows the project it will land under.
    assert!(open_proposals(&journal).iter().all(|p| p.project_id == Some(project_id)));

    let triage = journal.accept_proposal(metric, None, None).unwrap();
    let saved = journal.entry::<Metric>(triage.proposals[0].entry_id.unwrap()).unwrap();
    assert_eq!(saved.project_id, project_id);
    assert_eq!(saved.percent_change.map(|p| p.round()), Some(-85.0));

    // Accepted edited, through the kind's form: the form's rules apply.
    let note = of_kind(&journal, EntryKind::Note)[0].id;
    let blank = serde_json::json!({ "project_id": project_id, "date": "2026-11-13", "text": "  " });
    let refused = journal.accept_proposal_form(note, Some(blank), None).unwrap_err();
    assert!(matches!(&refused, Error::Invalid { field, .. } if field == "text"), "{refused}");
    let edited = serde_json::json!({ "project_id": project_id, "date": "2026-11-13", "text": "Shipped rate caching." });
    let triage = journal.accept_proposal_form(note, Some(edited), None).unwrap();
    let saved = journal.entry::<Note>(triage.proposals[0].entry_id.unwrap()).unwrap();
    assert_eq!(
        (saved.text.as_str(), saved.project_id),
        ("Shipped rate caching.", Some(project_id))
    );
    assert_eq!(journal.project_detail(project_id).unwrap().metrics.len(), 1);
}

#[test]
fn nothing_is_proposed_twice_and_a_rescan_reads_only_new_commits() {
    let (root, mut repo, _dir, mut journal) = scanned_payments();
    let notes = of_kind(&journal, EntryKind::Note);
    journal.dismiss_proposals(&[notes[0].id]).unwrap();
    let project = of_kind(&journal, EntryKind::Project)[0].id;
    journal.accept_proposal(project, None, None).unwrap();
    let open = journal.inbox_count().unwrap();

    let again = scan(&mut journal, &[root.path()]);
    assert_eq!(again.repositories[0].commits_read, 0, "every ref's tip was read: {again:?}");
    assert_eq!(again.proposed.total(), 0);
    assert_eq!(journal.inbox_count().unwrap(), open);

    repo.commit(&[
        Commit::new(ME, "2026-11-17", "Add refund webhooks").file("billing/webhooks.rs", "hooks")
    ]);
    let third = scan(&mut journal, &[root.path()]);
    assert_eq!(third.repositories[0].commits_read, 1);
    assert_eq!(third.proposed.note, 1);
    assert_eq!(third.proposed.total(), 1, "the project is mapped, nothing else is new");
    let newest = &of_kind(&journal, EntryKind::Note)[0];
    assert_eq!(newest.source.commits.len(), 1);

    // A wider range reads history again, and the sources already seen stay out.
    let request = ScanRequest {
        paths: vec![root.path().to_path_buf()],
        authors: vec![ME.email.into()],
        since: Some(day("2020-01-01")),
        ..ScanRequest::default()
    };
    let wide = journal.capture_git(&request, day(TODAY), &mut |_| {}, &Cancel::new()).unwrap();
    assert_eq!(wide.repositories[0].commits_read, 9);
    assert_eq!(wide.proposed.total(), 0);
    assert!(wide.already_proposed >= 7, "{wide:?}");
}

#[test]
fn a_cancelled_scan_leaves_the_inbox_as_it_was() {
    let root = tempfile::tempdir().unwrap();
    let _repo = payments(root.path());
    let mut other = Repo::init(&root.path().join("zz-other"));
    other.commit(&[Commit::new(ME, "2026-11-20", "Start").file("a.txt", "a")]);
    let (_dir, mut journal) = journal();
    let cancel = Cancel::new();
    let request = ScanRequest {
        paths: vec![root.path().to_path_buf()],
        authors: vec![ME.email.into()],
        ..ScanRequest::default()
    };
    let mut seen = 0;
    let result = journal.capture_git(
        &request,
        day(TODAY),
        &mut |p| {
            seen = seen.max(p.repositories_read);
            if p.repositories_read == 1 {
                cancel.cancel();
            }
        },
        &cancel,
    );
    assert!(matches!(result, Err(Error::Cancelled)), "{result:?}");
    assert_eq!(seen, 1, "cancelled after the first repository");
    assert_eq!(journal.inbox_count().unwrap(), 0);
    // And nothing of what was read is remembered: the next scan reads it all.
    let report = scan(&mut journal, &[root.path()]);
    assert_eq!(report.repositories.len(), 2);
    assert_eq!(report.repositories[0].commits_read, 8);
}

#[test]
fn a_scan_leaves_the_repository_byte_identical() {
    let root = tempfile::tempdir().unwrap();
    let repo = payments(root.path());
    // A work tree with an index, as a clone has: a scan must not refresh it.
    super::fixture::git(&repo.path, &["reset", "-q", "--hard"]).output().unwrap();
    let before = snapshot(&repo.path);
    let (_dir, mut journal) = journal();
    scan(&mut journal, &[root.path()]);
    scan(&mut journal, &[&repo.path]);
    assert_eq!(snapshot(&repo.path), before);
}

#[test]
fn merging_notes_makes_one_with_every_source_and_undo_takes_each_action_back() {
    let (_root, _repo, _dir, mut journal) = scanned_payments();
    let notes: Vec<i64> = of_kind(&journal, EntryKind::Note).iter().map(|p| p.id).collect();
    let merged = journal.merge_proposals(&notes).unwrap();
    let one = &merged.proposals[0];
    assert_eq!(one.source.commits.len(), 5);
    let ProposedEntry::Note(text) = &one.entry else { panic!() };
    assert!(text.text.find("Week of 2 Nov").unwrap() < text.text.find("Week of 9 Nov").unwrap());
    assert_eq!(of_kind(&journal, EntryKind::Note).len(), 1);
    let artifact = of_kind(&journal, EntryKind::Artifact)[0].id;
    assert!(journal.merge_proposals(&[one.id, artifact]).is_err(), "only notes merge");

    // Undo the merge: both notes are back.
    journal.undo_proposals(&[one.id]).unwrap();
    assert_eq!(of_kind(&journal, EntryKind::Note).len(), 2);

    // Undo an accept: the entry goes to the trash, the proposal comes back.
    let note = notes[0];
    let accepted = journal.accept_proposal(note, None, None).unwrap();
    let entry = accepted.proposals[0].entry_id.unwrap();
    let undone = journal.undo_proposals(&[note]).unwrap();
    assert_eq!(undone.proposals[0].state, super::ProposalState::Open);
    assert!(journal.entry::<Note>(entry).is_err());
    assert_eq!(journal.trash().unwrap().len(), 1);

    // Undo a dismiss, and a bulk accept that fails changes nothing.
    journal.dismiss_proposals(&[note]).unwrap();
    journal.undo_proposals(&[note]).unwrap();
    let all: Vec<i64> = open_proposals(&journal).iter().map(|p| p.id).collect();
    let metric = of_kind(&journal, EntryKind::Metric)[0].id;
    let without_project: Vec<i64> = all
        .iter()
        .copied()
        .filter(|id| *id != of_kind(&journal, EntryKind::Project)[0].id)
        .collect();
    assert!(journal.accept_proposals(&without_project, None).is_err());
    assert_eq!(journal.inbox_count().unwrap(), all.len() as u32);
    let everything = journal.accept_proposals(&all, None).unwrap();
    assert_eq!(everything.open, 0);
    assert!(everything.proposals.iter().any(|p| p.id == metric && p.entry_id.is_some()));
}

#[test]
fn a_project_proposal_attaches_to_an_existing_project() {
    let root = tempfile::tempdir().unwrap();
    let _repo = payments(root.path());
    let (_dir, mut journal) = journal();
    let existing = journal
        .add(crate::journal::ProjectInput {
            title: "Payments platform".into(),
            ..Default::default()
        })
        .unwrap();
    scan(&mut journal, &[root.path()]);
    let project = of_kind(&journal, EntryKind::Project)[0].id;
    let triage = journal.accept_proposal(project, None, Some(existing.id)).unwrap();
    assert_eq!(triage.proposals[0].entry_id, Some(existing.id));
    assert_eq!(journal.overview().unwrap().project_count, 1);
    assert!(open_proposals(&journal)
        .iter()
        .all(|p| p.project_title.as_deref() == Some("Payments platform")));
    // Undo unmaps; the project stays.
    journal.undo_proposals(&[project]).unwrap();
    assert!(open_proposals(&journal).iter().all(|p| p.project_id.is_none()));
    assert!(journal.entry::<Project>(existing.id).is_ok());
}

#[test]
fn the_inbox_pages_newest_work_first() {
    let root = tempfile::tempdir().unwrap();
    let mut repo = Repo::init(&root.path().join("many"));
    let commits: Vec<Commit> = (0..60)
        .map(|n| {
            let day = day("2026-01-05") + chrono::Days::new(n * 7);
            Commit::new(ME, &day.to_string(), &format!("Week {n}")).file("f.txt", &n.to_string())
        })
        .collect();
    repo.commit(&commits);
    let (_dir, mut journal) = journal();
    let request = ScanRequest {
        paths: vec![root.path().to_path_buf()],
        authors: vec![ME.email.into()],
        since: Some(day("2026-01-01")),
        ..ScanRequest::default()
    };
    journal.capture_git(&request, day(TODAY), &mut |_| {}, &Cancel::new()).unwrap();
    let first = journal.inbox_page(0, 20).unwrap();
    assert_eq!(first.total, 61);
    let second = journal.inbox_page(20, 20).unwrap();
    let days: Vec<_> =
        first.proposals.iter().chain(&second.proposals).map(|p| p.source.last_on).collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "{days:?}");
    assert_eq!(journal.inbox_page(0, 10_000).unwrap().proposals.len(), 61);
}

#[test]
fn identities_match_emails_and_names_in_any_case() {
    let root = tempfile::tempdir().unwrap();
    let mut repo = Repo::init(&root.path().join("r"));
    repo.commit(&[Commit::new(ME, "2026-11-02", "Mine").file("a", "a")]);
    for (identity, found) in [
        ("ROBIN@example.com", 1),
        ("<robin@example.com>", 1),
        ("robin vale", 1),
        ("robin", 0),
        ("sam@example.org", 0),
    ] {
        let (_dir, mut journal) = journal();
        let request = ScanRequest {
            paths: vec![root.path().to_path_buf()],
            authors: vec![identity.into()],
            ..ScanRequest::default()
        };
        let report =
            journal.capture_git(&request, day(TODAY), &mut |_| {}, &Cancel::new()).unwrap();
        assert_eq!(report.repositories[0].commits_yours, found, "{identity}");
    }
}

#[test]
fn settings_keep_folders_exclusions_and_identities_tidied() {
    let (_dir, mut journal) = journal();
    assert_eq!(journal.capture_settings().unwrap(), super::CaptureSettings::default());
    let saved = journal
        .save_capture_settings(super::CaptureSettings {
            folders: vec!["/home/robin/src".into(), " /home/robin/src ".into(), "".into()],
            exclusions: vec!["node_modules".into()],
            identities: vec!["robin@example.com".into()],
        })
        .unwrap();
    assert_eq!(saved.folders, vec!["/home/robin/src"]);
    assert_eq!(journal.capture_settings().unwrap(), saved);
    let relative = super::CaptureSettings { folders: vec!["src".into()], ..saved.clone() };
    assert!(
        matches!(journal.save_capture_settings(relative), Err(Error::Invalid { field, .. }) if field == "folders")
    );
    let path = super::CaptureSettings { exclusions: vec!["a/b".into()], ..saved.clone() };
    assert!(
        matches!(journal.save_capture_settings(path), Err(Error::Invalid { field, .. }) if field == "exclusions")
    );
    assert_eq!(journal.capture_settings().unwrap(), saved);
    // A scan with no path reads the settings' folders.
    let none = ScanRequest::default();
    let (_d, mut empty) = crate::test_support::journal();
    let refused = empty.capture_git(&none, day(TODAY), &mut |_| {}, &Cancel::new()).unwrap_err();
    assert!(matches!(refused, Error::Invalid { field, .. } if field == "folders"));
}

#[test]
fn bad_inputs_are_read_as_far_as_they_can_be_or_skipped_with_a_reason() {
    let root = tempfile::tempdir().unwrap();
    let base = root.path();

    // Not a repository, and a path that does not exist.
    std::fs::create_dir_all(base.join("plain/notes")).unwrap();
    // A bare repository: its history is read like any.
    let mut source = Repo::init(&base.join("src-of-bare"));
    source.commit(&[Commit::new(ME, "2026-11-02", "Bare work").file("a", "a")]);
    super::fixture::git(base, &["clone", "-q", "--bare", "src-of-bare", "bare.git"])
        .output()
        .unwrap();
    // A shallow clone.
    let mut deep = Repo::init(&base.join("deep"));
    deep.commit(&[
        Commit::new(ME, "2026-11-02", "One").file("a", "1"),
        Commit::new(ME, "2026-11-03", "Two").file("a", "2"),
        Commit::new(ME, "2026-11-04", "Three").file("a", "3"),
    ]);
    let url = format!("file://{}", base.join("deep").display());
    super::fixture::git(base, &["clone", "-q", "--depth", "1", &url, "shallow"]).output().unwrap();
    // A detached HEAD, invalid UTF-8 and a 5 MB message, a file name in Latin-1.
    let mut odd = Repo::init(&base.join("odd"));
    let mut huge = b"Rewrite the parser\n\n".to_vec();
    huge.extend(std::iter::repeat_n(b'x', 5 * 1024 * 1024));
    let mut latin = Commit::new(ME, "2026-11-05", "");
    latin.message = b"Caf\xe9 menu \xff\xfe".to_vec();
    latin.files.push(("menu-caf\u{e9}.txt".into(), b"\xe9".to_vec()));
    let mut big = Commit::new(ME, "2026-11-06", "");
    big.message = huge;
    big.files.push(("big.txt".into(), b"big".to_vec()));
    odd.commit(&[latin, big]);
    super::fixture::git(&odd.path, &["checkout", "-q", "--detach", "HEAD~1"]).output().unwrap();
    // A symlink loop in the folder tree.
    std::os::unix::fs::symlink(base, base.join("plain/loop")).unwrap();
    // A repository with a missing object: the newest commit's tree is gone.
    let mut broken = Repo::init(&base.join("broken"));
    broken.commit(&[
        Commit::new(ME, "2026-11-02", "Old").file("old.txt", "old"),
        Commit::new(ME, "2026-11-09", "New").file("new.txt", "new"),
    ]);
    super::fixture::git(&broken.path, &["repack", "-q", "-a", "-d"]).output().unwrap();
    let commit = String::from_utf8(
        std::process::Command::new("git")
            .current_dir(&broken.path)
            .args(["rev-parse", "HEAD"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let _ = commit;
    for pack in std::fs::read_dir(broken.path.join(".git/objects/pack")).unwrap() {
        std::fs::remove_file(pack.unwrap().path()).unwrap();
    }
    // A repository with no commits yet.
    Repo::init(&base.join("empty"));

    let (_dir, mut journal) = journal();
    let missing = base.join("no-such-folder");
    let report = scan(&mut journal, &[base, &missing]);
    let names: Vec<&str> = report.repositories.iter().map(|r| r.name.as_str()).collect();
    assert!(names.contains(&"bare"), "{report:#?}");
    assert!(names.contains(&"shallow"), "{report:#?}");
    assert!(names.contains(&"odd"), "{report:#?}");
    let shallow = report.repositories.iter().find(|r| r.name == "shallow").unwrap();
    assert_eq!(shallow.commits_yours, 1);
    assert!(shallow.partly.as_deref().unwrap().contains("shallow"), "{shallow:?}");
    let odd = report.repositories.iter().find(|r| r.name == "odd").unwrap();
    assert_eq!(odd.commits_yours, 2, "both branches' commits, HEAD detached");
    let reason = |path: &Path| {
        report
            .skipped
            .iter()
            .find(|s| s.path == path.display().to_string())
            .map(|s| s.reason.clone())
    };
    assert_eq!(reason(&missing).as_deref(), Some("does not exist"));
    assert_eq!(reason(&base.join("empty")).as_deref(), Some("has no commits yet"));
    assert!(reason(&base.join("plain/loop")).unwrap().contains("symlink loop"));
    let broken_read = report.repositories.iter().find(|r| r.name == "broken");
    let broken_skip = reason(&base.join("broken"));
    assert!(
        broken_read.is_some_and(|r| r.partly.is_some()) || broken_skip.is_some(),
        "a damaged repository is read in part or skipped with a reason: {report:#?}"
    );
    // The odd messages were read, lossily, and cut.
    let notes = of_kind(&journal, EntryKind::Note);
    let odd_note = notes.iter().find(|p| p.source.repository == "odd").unwrap();
    let ProposedEntry::Note(n) = &odd_note.entry else { panic!() };
    assert!(n.text.contains("Caf\u{fffd} menu"), "{}", n.text);
    assert!(n.text.len() < 4_000, "a 5 MB message makes a short note");
}

#[test]
fn a_folder_that_cannot_be_read_is_skipped_with_its_reason() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().unwrap();
    let locked = root.path().join("locked");
    std::fs::create_dir_all(locked.join("inside")).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let (_dir, mut journal) = journal();
    let report = scan(&mut journal, &[root.path()]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    // Root reads every folder; anyone else is told why this one was passed over.
    let root_user = std::fs::read_dir(&locked).is_ok() && unsafe_is_root();
    if !root_user {
        assert!(
            report.skipped.iter().any(|s| s.path == locked.display().to_string()
                && s.reason.contains("permission denied")),
            "{report:#?}"
        );
    }
    assert!(report.repositories.is_empty());
}

/// Whether the tests run as root (CI containers often do), read from /proc.
fn unsafe_is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .map(|s| {
            s.lines().any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

#[test]
fn a_repository_of_100_000_files_is_read_and_counted_up_to_the_cap() {
    let root = tempfile::tempdir().unwrap();
    let mut repo = Repo::init(&root.path().join("monorepo"));
    let mut vendor = Commit::new(ME, "2026-11-02", "Vendor the world");
    for n in 0..100_000 {
        vendor.files.push((format!("third/{:03}/{n}.txt", n % 500), b"same".to_vec()));
    }
    repo.commit(&[vendor]);
    let (_dir, mut journal) = journal();
    let report = scan(&mut journal, &[root.path()]);
    assert_eq!(report.repositories[0].commits_yours, 1);
    let ProposedEntry::Note(n) = &of_kind(&journal, EntryKind::Note)[0].entry else { panic!() };
    assert!(n.text.contains("20,000 files changed"), "counted to the cap: {}", n.text);
}

#[test]
fn documents_are_known_by_their_paths() {
    for (path, kind) in [
        ("docs/adr/0007-use-postgres.md", Some(ArtifactKind::Adr)),
        ("doc/architecture/decisions/0001-record.md", Some(ArtifactKind::Adr)),
        ("rfcs/0042-retry-budgets.md", Some(ArtifactKind::Rfc)),
        ("docs/rfc/streaming.rst", Some(ArtifactKind::Rfc)),
        ("docs/design/checkout-v2.md", Some(ArtifactKind::DesignDoc)),
        ("design-docs/ledger.adoc", Some(ArtifactKind::DesignDoc)),
        ("postmortems/2026-03-02-outage.md", Some(ArtifactKind::Postmortem)),
        ("docs/incidents/queue-stall.md", Some(ArtifactKind::Postmortem)),
        ("ops/runbooks/failover.md", Some(ArtifactKind::Runbook)),
        ("docs/adr/README.md", None),
        ("docs/adr/0000-template.md", None),
        ("docs/adr/diagram.png", None),
        ("src/design/button.tsx", None),
        ("docs/guide.md", None),
    ] {
        assert_eq!(super::git::doc_kind(path), kind, "{path}");
    }
    assert_eq!(
        super::git::title_in("---\ntitle: \"Retry budgets\"\n---\n# Other").as_deref(),
        Some("Retry budgets")
    );
    assert_eq!(
        super::git::title_in("Ledger storage\n==============\n").as_deref(),
        Some("Ledger storage")
    );
    assert_eq!(
        super::git::title_from_name("docs/adr/0007-use-postgres-for-the-ledger.md"),
        "Use postgres for the ledger"
    );
}

#[test]
fn a_submodule_is_read_as_its_own_repository_and_its_gitlink_is_no_file_change() {
    use super::fixture::git;
    let root = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let mut lib = Repo::init(&outside.path().join("shared-lib"));
    lib.commit(&[
        Commit::new(PEER, "2026-11-02", "Start the library").file("lib.rs", "pub fn x() {}")
    ]);
    let mut app = Repo::init(&root.path().join("app"));
    app.commit(&[Commit::new(ME, "2026-11-03", "Start the app").file("main.rs", "fn main() {}")]);
    // fast-import writes no work tree: check the app out before adding to it.
    git(&app.path, &["reset", "-q", "--hard"]).output().unwrap();
    let lib_url = format!("file://{}", lib.path.display());
    let added = git(
        &app.path,
        &["-c", "protocol.file.allow=always", "submodule", "add", "-q", &lib_url, "shared-lib"],
    )
    .output()
    .unwrap();
    assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
    let committed = git(&app.path, &["commit", "-q", "-m", "Use the shared library"])
        .env("GIT_AUTHOR_NAME", ME.name)
        .env("GIT_AUTHOR_EMAIL", ME.email)
        .env("GIT_COMMITTER_NAME", ME.name)
        .env("GIT_COMMITTER_EMAIL", ME.email)
        .env("GIT_AUTHOR_DATE", "2026-11-04T10:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-11-04T10:00:00Z")
        .output()
        .unwrap();
    assert!(committed.status.success(), "{}", String::from_utf8_lossy(&committed.stderr));

    let (_dir, mut journal) = journal();
    let report = scan(&mut journal, &[root.path()]);
    let names: Vec<&str> = report.repositories.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, vec!["app", "shared-lib"], "{report:#?}");
    assert_eq!(report.repositories[0].commits_yours, 2);
    assert_eq!(report.repositories[1].commits_yours, 0, "the library's commits are a peer's");
    let ProposedEntry::Note(n) = &of_kind(&journal, EntryKind::Note)[0].entry else { panic!() };
    // The second commit wrote .gitmodules; the gitlink itself is not a file.
    assert!(n.text.contains("2 commits, 2 files changed"), "{}", n.text);
}
