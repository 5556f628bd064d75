//! The Markdown folder with a journal: export, import into an empty journal and export
//! again gives the same tree (over generated journals); an edited body updates exactly
//! its entry; the folder written equals the tree, and a foreign folder is refused.

use proptest::prelude::*;

use super::transfer_tests::{build, shapes};
use super::Journal;
use crate::journal::{NoteInput, ProjectInput};
use crate::test_support::journal;
use crate::transfer::markdown::{plan, tree, MARKER};

fn folder_tree(j: &Journal) -> Vec<(String, String)> {
    tree(&j.export_journal().unwrap())
}

/// Every file under `dir` with its text, by path with `/`.
fn on_disk(dir: &std::path::Path) -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, prefix: &str, out: &mut Vec<(String, String)>) {
        for child in std::fs::read_dir(dir).unwrap() {
            let child = child.unwrap();
            let name = format!("{prefix}{}", child.file_name().to_string_lossy());
            if child.file_type().unwrap().is_dir() {
                walk(&child.path(), &format!("{name}/"), out);
            } else {
                out.push((name, std::fs::read_to_string(child.path()).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out);
    out.sort();
    out
}

fn import(j: &mut Journal, dir: &std::path::Path) -> crate::transfer::ImportReport {
    let read = plan(dir, &mut |_, _| {}).unwrap();
    j.import_plan(read, "", true).unwrap().report
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, .. ProptestConfig::default() })]

    #[test]
    fn export_import_export_gives_the_same_tree(shape in shapes()) {
        let (_a, mut source) = journal();
        build(&mut source, &shape);
        let first = folder_tree(&source);
        let out = tempfile::tempdir().unwrap();
        let report = source.export_markdown(out.path()).unwrap();
        prop_assert_eq!(report.files as usize, first.len());
        prop_assert_eq!(&on_disk(out.path()), &first);
        let (_b, mut target) = journal();
        let done = import(&mut target, out.path());
        prop_assert_eq!(done.updated + done.unchanged, 0);
        let second = folder_tree(&target);
        prop_assert_eq!(&first, &second);
        // Importing again changes nothing, in either journal.
        let again = import(&mut target, out.path());
        prop_assert_eq!(again.added + again.updated, 0);
        let back = import(&mut source, out.path());
        prop_assert_eq!(back.added + back.updated, 0);
        prop_assert_eq!(&folder_tree(&source), &first);
    }
}

#[test]
fn exporting_twice_gives_identical_folders_and_stale_files_go() {
    let (_a, mut j) = journal();
    let p = j.add(ProjectInput { title: "Checkout".into(), ..Default::default() }).unwrap();
    let note = j
        .add(NoteInput {
            text: "Standup\n\nTalked about the rollout.".into(),
            project_id: Some(p.id),
            date: "2024-03-04".parse().ok(),
            ..Default::default()
        })
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("journal");
    let first = j.export_markdown(&dir).unwrap();
    let files = on_disk(&dir);
    assert!(files.iter().any(|(p, _)| p == "notes/2024/standup.md"), "{files:?}");
    assert_eq!(first.folders, 4, "projects, projects/<year>, notes, notes/2024");
    let second = j.export_markdown(&dir).unwrap();
    assert_eq!((second.changed, second.removed), (0, 0));
    assert_eq!(on_disk(&dir), files, "the same folder, byte for byte");
    // The note renamed: its old file goes, and nothing else changes.
    j.update(
        note.id,
        NoteInput {
            text: "Retro".into(),
            project_id: Some(p.id),
            date: "2024-03-04".parse().ok(),
            ..Default::default()
        },
    )
    .unwrap();
    let third = j.export_markdown(&dir).unwrap();
    assert_eq!(third.removed, 1);
    assert_eq!(on_disk(&dir), folder_tree(&j));
    assert!(!dir.join("notes/2024/standup.md").exists());
}

#[test]
fn a_folder_that_is_not_an_export_is_refused_untouched() {
    let (_a, j) = journal();
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("thesis.md"), "my thesis").unwrap();
    let error = j.export_markdown(out.path()).unwrap_err().to_string();
    assert!(error.contains("is not empty and is not a Career Log Markdown export"), "{error}");
    assert_eq!(on_disk(out.path()), vec![("thesis.md".to_string(), "my thesis".to_string())]);
    let file = out.path().join("thesis.md");
    let error = j.export_markdown(&file).unwrap_err().to_string();
    assert!(error.contains("is a file, not a folder"), "{error}");
    // The folder's README marks it as Career Log's.
    let mine = out.path().join("mine");
    j.export_markdown(&mine).unwrap();
    assert!(std::fs::read_to_string(mine.join("README.md")).unwrap().starts_with(MARKER));
}

#[test]
fn an_edited_body_updates_exactly_that_entry() {
    let (_a, mut j) = journal();
    build(&mut j, &super::transfer_tests::everything());
    let out = tempfile::tempdir().unwrap();
    j.export_markdown(out.path()).unwrap();
    let files = on_disk(out.path());
    let (path, text) = files.iter().find(|(p, _)| p.starts_with("notes/")).unwrap().clone();
    let edited = format!("{text}Added in another editor.\n");
    std::fs::write(out.path().join(&path), &edited).unwrap();
    let before = j.export_journal().unwrap();
    let report = import(&mut j, out.path());
    assert_eq!((report.added, report.updated), (0, 1), "{report:?}");
    let after = j.export_journal().unwrap();
    let changed: Vec<_> = before
        .entries
        .iter()
        .zip(&after.entries)
        .filter(|(a, b)| a.fields != b.fields)
        .map(|(a, _)| a.uuid.clone())
        .collect();
    assert_eq!(changed.len(), 1);
    let note = after.entries.iter().find(|e| e.uuid == changed[0]).unwrap();
    let words = note.fields["text"].as_str().unwrap();
    assert!(words.starts_with("n ") && words.ends_with("\nAdded in another editor."), "{words}");
    // Exporting again writes the edit back where it was.
    j.export_markdown(out.path()).unwrap();
    let again = std::fs::read_to_string(out.path().join(&path)).unwrap();
    assert!(again.ends_with("\nAdded in another editor.\n"), "{again}");
}

#[test]
fn a_hand_written_folder_imports_once_and_a_bad_entry_names_its_file() {
    let (_a, mut j) = journal();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("notes/2024")).unwrap();
    let note =
        "---\ntitle: Retro\ndate: 2024-03-04\naliases: [retro]\ntags:\n  - team\n---\nWent well.\n";
    std::fs::write(dir.path().join("notes/2024/retro.md"), note).unwrap();
    let first = import(&mut j, dir.path());
    assert_eq!(first.added, 1, "{first:?}");
    let again = import(&mut j, dir.path());
    assert_eq!((again.added, again.updated), (0, 0), "a re-import adds nothing");
    let file = j.export_journal().unwrap();
    assert_eq!(file.entries[0].fields["text"], "Went well.");
    assert_eq!(file.entries[0].fields["tags"], serde_json::json!(["team"]));
    std::fs::write(dir.path().join("notes/2024/bad.md"), "---\nkind: metric\nname: p99\n---\n")
        .unwrap();
    let read = plan(dir.path(), &mut |_, _| {}).unwrap();
    let error = j.import_plan(read, "", true).unwrap_err().to_string();
    assert!(error.contains("notes/2024/bad.md"), "{error}");
    assert_eq!(j.export_journal().unwrap().entries.len(), 1, "nothing was written");
}
