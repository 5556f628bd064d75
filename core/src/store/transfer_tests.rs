//! Whole-journal export and import: the round trip over generated journals, idempotence,
//! merging, and a corpus of bad files that must each be refused with nothing changed.

use proptest::prelude::*;
use tempfile::TempDir;

use super::Journal;
use crate::journal::*;
use crate::stories::*;

fn journal() -> (TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(dir.path().join("journal.sqlite3")).unwrap();
    (dir, journal)
}

fn bytes(j: &Journal) -> Vec<u8> {
    serde_json::to_vec_pretty(&j.export_journal().unwrap()).unwrap()
}

/// A project to generate: title, scope index, (baseline, result) pairs, a decision or not.
type ProjectShape = (String, u8, Vec<(f64, f64)>, bool);

/// A small generated journal: projects with metrics, decisions, notes, a story.
#[derive(Debug, Clone)]
struct Shape {
    projects: Vec<ProjectShape>,
    notes: Vec<String>,
    story: bool,
}

fn shapes() -> impl Strategy<Value = Shape> {
    let text = "[A-Za-z][A-Za-z0-9 ,.'é🙂\"<>&-]{0,40}";
    let project = (
        text,
        0u8..6,
        prop::collection::vec((-1e6f64..1e6, -1e6f64..1e6), 0..3),
        any::<bool>(),
    );
    (
        prop::collection::vec(project, 0..4),
        prop::collection::vec(text, 0..3),
        any::<bool>(),
    )
        .prop_map(|(projects, notes, story)| Shape {
            projects,
            notes,
            story,
        })
}

fn build(j: &mut Journal, shape: &Shape) {
    let mut metrics = Vec::new();
    let mut projects = Vec::new();
    for (i, (title, scope, pairs, decided)) in shape.projects.iter().enumerate() {
        let p = j
            .add(ProjectInput {
                title: format!("P{i} {title}"),
                scope: Scope::ALL.get(*scope as usize).copied(),
                labels: Labels {
                    tags: vec![format!("t{scope}")],
                    ..Default::default()
                },
                ..Default::default()
            })
            .unwrap();
        for (k, (baseline, result)) in pairs.iter().enumerate() {
            let m = j
                .add(MetricInput {
                    project_id: p.id,
                    name: format!("m{k} {title}"),
                    baseline: Some(*baseline),
                    result: *result,
                    better: Some(Direction::Lower),
                    ..Default::default()
                })
                .unwrap();
            metrics.push(m.id);
        }
        if *decided {
            j.add(DecisionInput {
                project_id: Some(p.id),
                title: format!("D {title}"),
                options: vec!["A".into(), "B".into()],
                chosen: "A".into(),
                ..Default::default()
            })
            .unwrap();
        }
        projects.push(p.id);
    }
    for text in &shape.notes {
        j.add(NoteInput {
            text: format!("n {text}"),
            project_id: projects.first().copied(),
            ..Default::default()
        })
        .unwrap();
    }
    if shape.story {
        let s = j
            .save_story(
                None,
                StoryInput {
                    title: "Story".into(),
                    action: Some("did it".into()),
                    project_ids: projects.clone(),
                    metric_ids: metrics.clone(),
                    ..Default::default()
                },
            )
            .unwrap();
        j.add(RehearsalInput {
            story_id: s.id,
            total_ms: 60_000,
            section_ms: vec![10_000, 10_000, 30_000, 10_000],
            ..Default::default()
        })
        .unwrap();
    }
    j.refresh_bullets().unwrap();
    if let Some(first) = j.bullets().unwrap().first() {
        j.edit_bullet(first.id, "An edited bullet with 3 numbers")
            .unwrap();
    }
    j.check_item(
        "technical-leader",
        "set-band-and-role",
        "2026-01-05".parse().unwrap(),
    )
    .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn export_import_export_gives_the_same_document(shape in shapes()) {
        let (_a, mut source) = journal();
        build(&mut source, &shape);
        let first = bytes(&source);
        let (_b, mut target) = journal();
        target.import_journal(&first).unwrap();
        let second = bytes(&target);
        prop_assert_eq!(String::from_utf8(first).unwrap(), String::from_utf8(second).unwrap());
        // Importing again changes nothing.
        let again = target.import_journal(&bytes(&source)).unwrap();
        prop_assert_eq!(again.added + again.updated, 0);
        prop_assert!(target.integrity_ok().unwrap());
    }
}

#[test]
fn an_import_merges_by_uuid_and_the_newer_side_wins() {
    let (_a, mut a) = journal();
    let p = a
        .add(ProjectInput {
            title: "Checkout".into(),
            ..Default::default()
        })
        .unwrap();
    let (_b, mut b) = journal();
    let report = b.import_journal(&bytes(&a)).unwrap();
    assert_eq!((report.added, report.updated), (1, 0));
    let local = b.list_projects(0, 10).unwrap().projects[0].project.clone();
    assert_eq!(local.uuid, p.uuid);

    std::thread::sleep(std::time::Duration::from_millis(5));
    a.update(
        p.id,
        ProjectInput {
            title: "Checkout v2".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let report = b.import_journal(&bytes(&a)).unwrap();
    assert_eq!(report.updated, 1);
    assert_eq!(b.entry::<Project>(local.id).unwrap().title, "Checkout v2");

    std::thread::sleep(std::time::Duration::from_millis(5));
    b.update(
        local.id,
        ProjectInput {
            title: "Checkout v3".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let report = b.import_journal(&bytes(&a)).unwrap();
    assert_eq!(
        (report.updated, report.unchanged),
        (0, 1),
        "the local edit is newer"
    );
    assert_eq!(b.entry::<Project>(local.id).unwrap().title, "Checkout v3");
}

#[test]
fn a_bad_file_is_refused_whole_and_says_where() {
    let (_a, mut source) = journal();
    let p = source
        .add(ProjectInput {
            title: "Checkout".into(),
            ..Default::default()
        })
        .unwrap();
    source
        .add(MetricInput {
            project_id: p.id,
            name: "p99".into(),
            result: 1.0,
            ..Default::default()
        })
        .unwrap();
    let good = String::from_utf8(bytes(&source)).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&good).unwrap();
    let with = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut d = doc.clone();
        edit(&mut d);
        serde_json::to_vec(&d).unwrap()
    };
    let nested = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let corpus: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "line",
        ),
        ("empty", Vec::new(), "line 1"),
        ("not UTF-8", b"{\"format\": \"\xff\"}".to_vec(), "not UTF-8"),
        ("not JSON", b"format = 1".to_vec(), "line 1"),
        ("an array", b"[]".to_vec(), "line 1"),
        (
            "trailing data",
            format!("{good} {{}}").into_bytes(),
            "trailing",
        ),
        ("deep nesting", nested.into_bytes(), "line 1"),
        (
            "wrong format",
            with(&|d| d["format"] = "something-else".into()),
            "not a Career Log journal",
        ),
        (
            "future version",
            with(&|d| d["version"] = 99.into()),
            "version 99",
        ),
        (
            "version as text",
            with(&|d| d["version"] = "1".into()),
            "version",
        ),
        (
            "unknown top-level field",
            with(&|d| d["extra"] = 1.into()),
            "extra",
        ),
        (
            "entries not a list",
            with(&|d| d["entries"] = 5.into()),
            "entries",
        ),
        (
            "unknown kind",
            with(&|d| d["entries"][0]["kind"] = "podcast".into()),
            "entries[0].kind",
        ),
        (
            "bad uuid",
            with(&|d| d["entries"][0]["uuid"] = "nope".into()),
            "not a UUID",
        ),
        (
            "duplicate uuid",
            with(&|d| {
                let u = d["entries"][0]["uuid"].clone();
                d["entries"][1]["uuid"] = u;
            }),
            "also used by entries[0]",
        ),
        (
            "bad timestamp",
            with(&|d| d["entries"][0]["created_at"] = "yesterday".into()),
            "created_at",
        ),
        (
            "wrong field type",
            with(&|d| d["entries"][1]["fields"]["result"] = "lots".into()),
            "entries[1].fields.result",
        ),
        (
            "missing field",
            with(&|d| {
                d["entries"][0]["fields"]
                    .as_object_mut()
                    .unwrap()
                    .remove("title");
            }),
            "title",
        ),
        (
            "empty title",
            with(&|d| d["entries"][0]["fields"]["title"] = " ".into()),
            "title: cannot be empty",
        ),
        (
            "dangling link",
            with(&|d| {
                d["entries"][1]["fields"]["project_id"] =
                    "00000000-0000-4000-8000-000000000000".into()
            }),
            "no entry with the UUID",
        ),
        (
            "link not a string",
            with(&|d| d["entries"][1]["fields"]["project_id"] = 3.into()),
            "project_id",
        ),
        (
            "absurd date",
            with(&|d| d["entries"][0]["fields"]["started_on"] = "1066-10-14".into()),
            "started_on",
        ),
        (
            "huge text",
            with(&|d| d["entries"][0]["fields"]["summary"] = "x".repeat(2_000_000).into()),
            "summary",
        ),
    ];
    let (_b, mut target) = journal();
    target
        .add(NoteInput {
            text: "mine".into(),
            ..Default::default()
        })
        .unwrap();
    let before = bytes(&target);
    for (name, file, needle) in &corpus {
        let error = target.import_journal(file).expect_err(name).to_string();
        assert!(error.contains(needle), "{name}: {error}");
        assert_eq!(bytes(&target), before, "{name}: the journal changed");
    }
    assert!(
        target.import_journal(good.as_bytes()).is_ok(),
        "the good file itself imports"
    );
}

#[test]
fn jrnl_files_import_once_and_bad_ones_change_nothing() {
    let (_dir, mut j) = journal();
    let file = br#"{"tags": {}, "entries": [
        {"title": "Shipped", "body": "the queue", "date": "2024-03-01", "time": "09:15", "tags": ["@work"], "starred": false},
        {"title": "1:1", "body": "", "date": "2024-03-04", "time": "14:00", "tags": [], "starred": true}
    ]}"#;
    assert_eq!(j.import_jrnl(file).unwrap().added, 2);
    assert_eq!(
        j.import_jrnl(file).unwrap().added,
        0,
        "the same entries are not added twice"
    );
    let notes = j.list_notes(10).unwrap();
    assert_eq!(notes[0].date.unwrap().to_string(), "2024-03-04");
    assert_eq!(notes[1].labels.tags, vec!["work"]);
    let bad = br#"{"entries": [{"title": "ok", "date": "2024-01-01"}, {"title": "x", "date": "not a date"}]}"#;
    assert!(j
        .import_jrnl(bad)
        .unwrap_err()
        .to_string()
        .contains("entries[1].date"));
    assert_eq!(
        j.list_notes(10).unwrap().len(),
        2,
        "the good first entry was not kept either"
    );
}
