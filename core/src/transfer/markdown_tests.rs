//! The Markdown folder without a journal: the tree of a small journal to the byte, file
//! names from unsafe titles and colliding ones, and folders that must be refused naming
//! the file and line.

use serde_json::json;

use super::*;
use crate::transfer::{FileEntry, JournalFile};

fn entry(kind: EntryKind, uuid: &str, fields: Value) -> FileEntry {
    FileEntry {
        kind,
        uuid: uuid.to_string(),
        created_at: "2024-03-04T09:30:00.000Z".to_string(),
        updated_at: "2024-03-05T10:00:00.000Z".to_string(),
        fields,
    }
}

const PROJECT: &str = "6a1f0e9b-7d24-4f6b-8c3d-2b5d91c47e0a";
const NOTE: &str = "0b5d91c4-7e0a-4f6b-8c3d-6a1f0e9b7d24";
const STORY: &str = "9c3d6a1f-0e9b-4d24-8b5d-91c47e0a4f6b";

fn small() -> JournalFile {
    let mut file = ImportPlan::new(ImportSource::Journal, Existing::NewerWins).file;
    file.entries = vec![
        entry(
            EntryKind::Project,
            PROJECT,
            json!({
                "title": "Checkout: p99 \"latency\"", "organization": "Northwind",
                "started_on": "2023-11-01", "summary": "Cut p99 from 800 ms to 120 ms.",
                "tags": ["payments"], "skills": ["go", "sql"], "private": true, "role": null,
            }),
        ),
        entry(
            EntryKind::Note,
            NOTE,
            json!({
                "text": "Standup\n\nTalked about the rollout.", "date": "2024-03-04",
                "project_id": PROJECT, "tags": [], "skills": [],
            }),
        ),
        entry(
            EntryKind::Story,
            STORY,
            json!({
                "title": "Rollout", "framework": "star", "situation": "Old checkout.",
                "task": null, "action": "Led it.\n\nStep by step.", "result": "",
                "project_ids": [PROJECT], "metric_ids": [], "decision_ids": [],
                "feedback_ids": [], "questions": [], "target_seconds": 120,
                "tags": [], "skills": [],
            }),
        ),
    ];
    file.profile = Some(Profile { name: Some("Robin Example".into()), ..Default::default() });
    file
}

fn write_folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
    dir
}

fn read(dir: &Path) -> Result<ImportPlan> {
    plan(dir, &mut |_, _| {})
}

#[test]
fn a_small_journal_gives_this_tree() {
    let tree = tree(&small());
    let paths: Vec<&str> = tree.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "README.md", "notes/2024/standup.md", "profile.md",
            "projects/2023/checkout-p99-latency.md", "stories/2024/rollout.md"
        ]
    );
    let text = |path: &str| tree.iter().find(|(p, _)| p == path).unwrap().1.clone();
    assert_eq!(
        text("projects/2023/checkout-p99-latency.md"),
        format!(
            "---\nkind: \"project\"\nuuid: \"{PROJECT}\"\ntitle: \"Checkout: p99 \\\"latency\\\"\"\n\
created: \"2024-03-04T09:30:00.000Z\"\nupdated: \"2024-03-05T10:00:00.000Z\"\n\
organization: \"Northwind\"\nprivate: true\nskills: [\"go\",\"sql\"]\nstarted_on: \"2023-11-01\"\n\
tags: [\"payments\"]\n---\n\nCut p99 from 800 ms to 120 ms.\n"
        )
    );
    assert_eq!(
        text("notes/2024/standup.md"),
        format!(
            "---\nkind: \"note\"\nuuid: \"{NOTE}\"\ntitle: \"Standup\"\n\
created: \"2024-03-04T09:30:00.000Z\"\nupdated: \"2024-03-05T10:00:00.000Z\"\n\
date: \"2024-03-04\"\nproject: \"{PROJECT}\"\nskills: []\ntags: []\n---\n\n\
Standup\n\nTalked about the rollout.\n"
        )
    );
    let story = text("stories/2024/rollout.md");
    assert!(
        story.ends_with("---\n\n## Situation\n\nOld checkout.\n\n## Action\n\nLed it.\n\nStep by step.\n\n## Result\n\n\n"),
        "{story}"
    );
    assert!(story.contains(&format!("projects: [\"{PROJECT}\"]\n")), "{story}");
    assert_eq!(text("profile.md"), "---\nkind: \"profile\"\nname: \"Robin Example\"\n---\n\n\n");
    assert!(text("README.md").starts_with(MARKER));
}

#[test]
fn the_tree_reads_back_to_the_same_entries() {
    let file = small();
    let tree = tree(&file);
    let files: Vec<(&str, &str)> = tree.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let dir = write_folder(&files);
    let back = read(dir.path()).unwrap();
    assert_eq!(back.existing, Existing::SourceWins);
    assert_eq!(back.file.profile, file.profile);
    let mut want = file.entries.clone();
    for e in &mut want {
        e.fields.as_object_mut().unwrap().retain(|_, v| !v.is_null());
    }
    let mut got = back.file.entries.clone();
    for e in &mut got {
        e.fields.as_object_mut().unwrap().retain(|_, v| !v.is_null());
    }
    want.sort_by(|a, b| a.uuid.cmp(&b.uuid));
    got.sort_by(|a, b| a.uuid.cmp(&b.uuid));
    assert_eq!(got, want);
    assert_eq!(back.places.len(), 3);
    assert!(back.places.contains(&"notes/2024/standup.md".to_string()));
}

#[test]
fn unsafe_titles_give_safe_file_names() {
    assert_eq!(slug("CON"), "con-entry");
    assert_eq!(slug("lpt1"), "lpt1-entry");
    assert_eq!(slug("a/b"), "a-b");
    assert_eq!(slug(".."), "untitled");
    assert_eq!(slug("🙂🚀"), "untitled");
    assert_eq!(slug("Café rollout 🙂 v2."), "cafe-rollout-v2");
    assert_eq!(slug("trailing dot. "), "trailing-dot");
    assert_eq!(slug("C:\\Users\\x<>|?*"), "c-users-x");
    let long = slug(&"word ".repeat(60));
    assert!(long.len() <= MAX_NAME && !long.ends_with('-'), "{long}");
    for name in [slug("CON"), slug(&"é".repeat(300)), long] {
        assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
    }
}

#[test]
fn colliding_names_get_a_short_uuid_the_same_way_every_time() {
    let mut file = small();
    let twin = "f0000000-0000-4000-8000-000000000000";
    let first = "00000000-0000-4000-8000-000000000001";
    file.entries.push(entry(
        EntryKind::Note,
        twin,
        json!({"text": "Standup", "date": "2024-01-02"}),
    ));
    file.entries.insert(
        0,
        entry(EntryKind::Note, first, json!({"text": "standup!", "date": "2024-05-06"})),
    );
    let a = tree(&file);
    file.entries.reverse();
    let b = tree(&file);
    assert_eq!(a, b, "the order of the journal does not matter");
    let paths: Vec<&str> =
        a.iter().map(|(p, _)| p.as_str()).filter(|p| p.starts_with("notes/")).collect();
    assert_eq!(
        paths,
        [
            "notes/2024/standup-0b5d91c4.md", "notes/2024/standup-f0000000.md",
            "notes/2024/standup.md"
        ]
    );
    let text = |path: &str| a.iter().find(|(p, _)| p == path).unwrap().1.clone();
    assert!(text("notes/2024/standup.md").contains(first));
}

#[test]
fn bad_front_matter_is_refused_naming_the_file_and_line() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "notes/2024/standup.md",
            "---\nkind: note\ntitle: Standup\ndate: 2024-13-45\n---\nhi\n",
            "notes/2024/standup.md line 4: the date is not a date (\"2024-13-45\"",
        ),
        (
            "notes/a.md",
            "---\nkind: note\nuuid: not-a-uuid\n---\nhi\n",
            "notes/a.md line 3: the uuid \"not-a-uuid\" is not a UUID",
        ),
        (
            "notes/b.md",
            "---\nkind: lunch\n---\nhi\n",
            "notes/b.md line 2: \"lunch\" is not a kind of entry",
        ),
        (
            "notes/c.md",
            "---\nkind: note\ntext: hi\n",
            "notes/c.md line 1: the front matter that starts here never ends",
        ),
        (
            "notes/d.md",
            "---\nkind: note\ntags: [\"a\", \n---\n",
            "notes/d.md line 3: the value of \"tags\" is not readable YAML",
        ),
        (
            "notes/e.md",
            "---\nkind: note\nkind: note\n---\n",
            "notes/e.md line 3: \"kind\" is given twice (also on line 2)",
        ),
        (
            "notes/f.md", "---\nkind: note\n  indented: x\n---\n",
            "notes/f.md line 3: this line is indented",
        ),
        (
            "notes/g.md",
            "---\nkind: note\njust words\n---\n",
            "notes/g.md line 3: this line should be a property",
        ),
        (
            "notes/h.md",
            "---\nkind: note\ncreated: yesterday\n---\n",
            "notes/h.md line 3: the time it was created is not a date and time",
        ),
        (
            "notes/i.md",
            "---\nkind: note\nx: [[[[[[[[[[1]]]]]]]]]]\n---\n",
            "notes/i.md line 3: \"x\" nests lists or groups more than 8 deep",
        ),
        (
            "stories/j.md",
            "---\nkind: story\ntitle: S\n---\n\nsome words\n## Action\n\nx\n",
            "stories/j.md line 6: a story's text goes under its headings",
        ),
    ];
    for (path, text, told) in cases {
        let dir = write_folder(&[(path, text)]);
        let error = read(dir.path()).unwrap_err().to_string();
        assert!(error.contains(told), "{path}: {error}");
    }
    let dir = write_folder(&[("notes/x.md", "\u{0}\u{ff}")]);
    std::fs::write(dir.path().join("notes/x.md"), [0xff, 0xfe]).unwrap();
    let error = read(dir.path()).unwrap_err().to_string();
    assert!(error.contains("notes/x.md is not UTF-8 text"), "{error}");
    let uuid = "6a1f0e9b-7d24-4f6b-8c3d-2b5d91c47e0a";
    let twice = format!("---\nkind: note\nuuid: {uuid}\n---\nhi\n");
    let dir = write_folder(&[("notes/a.md", &twice), ("notes/b.md", &twice)]);
    let error = read(dir.path()).unwrap_err().to_string();
    assert!(
        error.contains(&format!("notes/b.md: its uuid {uuid} is also the uuid of notes/a.md")),
        "{error}"
    );
}

#[test]
fn hand_written_files_and_others_in_the_folder() {
    let dir = write_folder(&[
        ("README.md", "# mine"),
        ("notes/2024/plain.md", "Just a note\nwith two lines\n"),
        (
            "notes/2024/obsidian.md",
            "---\ntitle: Retro\ndate: 2024-03-04\ntags:\n  - team\n  - 'q1'\n---\nWent well.\n",
        ),
        ("notes/photo.png", "png"),
        (".obsidian/app.md", "---\nkind: note\n---\n"),
    ]);
    let read = read(dir.path()).unwrap();
    assert_eq!(read.file.entries.len(), 2);
    let obsidian = &read.file.entries[0];
    assert_eq!(read.places[0], "notes/2024/obsidian.md");
    assert_eq!(obsidian.kind, EntryKind::Note);
    assert_eq!(
        obsidian.uuid,
        super::super::import::source_uuid(ImportSource::Markdown, "notes/2024/obsidian.md")
    );
    assert_eq!(obsidian.created_at, "2024-03-04T00:00:00.000Z");
    assert_eq!(
        obsidian.fields,
        json!({"date": "2024-03-04", "tags": ["team", "q1"], "text": "Went well."})
    );
    assert_eq!(read.file.entries[1].fields, json!({"text": "Just a note\nwith two lines"}));
    let skipped: Vec<&str> = read.skipped.iter().map(|s| s.what.as_str()).collect();
    assert_eq!(skipped, ["folder .obsidian", "notes/photo.png"]);
}

#[cfg(unix)]
#[test]
fn links_are_not_followed_out_of_the_folder() {
    let outside = write_folder(&[("secret.md", "---\nkind: note\n---\nsecret\n")]);
    let dir = write_folder(&[("notes/a.md", "hi\n")]);
    std::os::unix::fs::symlink(outside.path(), dir.path().join("notes/elsewhere")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.md"), dir.path().join("b.md")).unwrap();
    let read = read(dir.path()).unwrap();
    assert_eq!(read.file.entries.len(), 1);
    let skipped: Vec<&str> = read.skipped.iter().map(|s| s.what.as_str()).collect();
    assert_eq!(skipped, ["b.md", "notes/elsewhere"]);
    assert!(read.skipped.iter().all(|s| s.why.contains("links are not followed")));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, .. Default::default() })]

    /// Any text at all is read or refused in words, never a panic.
    #[test]
    fn any_file_is_read_or_refused_without_a_panic(
        head in "(---\n)?",
        lines in proptest::collection::vec("[a-z_ :\\-\\[\\]{}\"'#0-9é🙂\t]{0,20}", 0..8),
        close in "(---\n)?",
        body in "(## (Situation|Action)\n)?[a-z\n#]{0,30}",
        kind in "(story|note|artifact|project)",
    ) {
        let text = format!("{head}kind: {kind}\n{}\n{close}{body}", lines.join("\n"));
        if let Ok(parsed) = parse("notes/x.md", &text) {
            let _ = read_entry("notes/x.md", parsed);
        }
        let _ = slug(&text);
    }
}

#[test]
fn unsafe_titles_give_safe_paths_in_the_tree() {
    let mut file = small();
    file.entries.clear();
    let long = "x".repeat(300);
    for (i, text) in ["CON", "a/b", "..", "🙂", long.as_str(), "nul."].iter().enumerate() {
        let uuid = format!("00000000-0000-4000-8000-00000000000{i}");
        file.entries.push(entry(
            EntryKind::Note,
            &uuid,
            json!({"text": text, "date": "2024-01-02"}),
        ));
    }
    let paths: Vec<String> =
        tree(&file).into_iter().map(|(p, _)| p).filter(|p| p.starts_with("notes/")).collect();
    let short = format!("notes/2024/{}.md", "x".repeat(MAX_NAME));
    assert_eq!(
        paths,
        [
            "notes/2024/a-b.md",
            "notes/2024/con-entry.md",
            "notes/2024/nul-entry.md",
            "notes/2024/untitled-00000000.md",
            "notes/2024/untitled.md",
            short.as_str(),
        ]
    );
}
