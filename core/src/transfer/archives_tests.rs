//! LinkedIn's and Day One's exports: realistic invented samples land where they belong,
//! a second import adds nothing, a preview writes nothing, and broken archives (bad CSV
//! quoting, a name that climbs out of the archive, invalid dates, duplicates, 10,000
//! rows) are refused or reported in words.

use std::path::{Path, PathBuf};

use crate::journal::EntryKind;
use crate::test_support::journal;
use crate::transfer::archive::zip_of;
use crate::transfer::import::{read_source, ImportPlan, ImportSource};

const LINKEDIN: &[&str] = &[
    "Profile.csv", "Positions.csv", "Skills.csv", "Recommendations_Received.csv", "Connections.csv",
];

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/samples").join(name)).unwrap()
}

/// The LinkedIn sample, with `change` applied to its files, as a ZIP in `dir`.
fn linkedin_zip(dir: &Path, change: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> PathBuf {
    let files: Vec<(String, Vec<u8>)> = LINKEDIN
        .iter()
        .map(|n| {
            (format!("Basic_LinkedInDataExport/{n}"), change(n, sample(&format!("linkedin/{n}"))))
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let path = dir.join("linkedin.zip");
    std::fs::write(&path, zip_of(&refs)).unwrap();
    path
}

fn read(source: ImportSource, path: &Path) -> crate::Result<ImportPlan> {
    read_source(source, path, &mut |_, _| {})
}

fn count(plan: &ImportPlan, kind: EntryKind) -> usize {
    plan.file.entries.iter().filter(|e| e.kind == kind).count()
}

#[test]
fn a_linkedin_export_reads_into_profile_positions_skills_and_recommendations() {
    let dir = tempfile::tempdir().unwrap();
    let plan = read(ImportSource::Linkedin, &linkedin_zip(dir.path(), |_, b| b)).unwrap();
    let profile = plan.file.profile.clone().unwrap();
    assert_eq!(profile.name.as_deref(), Some("Robin Okafor"));
    assert_eq!(profile.location.as_deref(), Some("Lisbon, Portugal"));
    assert_eq!(count(&plan, EntryKind::Project), 2);
    let first = &plan.file.entries.iter().find(|e| e.kind == EntryKind::Project).unwrap().fields;
    assert_eq!(first["title"], "Senior Backend Engineer at Northwind Payments");
    assert_eq!(first["started_on"], "2022-03-01");
    assert_eq!(first["status"], "active");
    assert!(
        first["summary"].as_str().unwrap().contains("\nMoved the ledger"),
        "a quoted line break"
    );
    // PostgreSQL and Kafka are named in their positions; Go nowhere, so on the latest.
    assert_eq!(first["skills"], serde_json::json!(["PostgreSQL", "Go"]));
    assert_eq!(count(&plan, EntryKind::Feedback), 1, "the hidden one is left out");
    assert_eq!(count(&plan, EntryKind::Person), 1);
    let skipped: Vec<String> =
        plan.skipped.iter().map(|s| format!("{}: {}", s.what, s.why)).collect();
    assert!(
        skipped.contains(
            &"archive file Basic_LinkedInDataExport/Connections.csv: Career Log does not import it"
                .to_string()
        ),
        "{skipped:?}"
    );
    assert!(
        skipped.contains(
            &"Recommendations_Received.csv line 3: the recommendation is hidden on LinkedIn"
                .to_string()
        ),
        "{skipped:?}"
    );
}

#[test]
fn a_linkedin_import_links_the_recommendation_to_its_person_and_adds_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let zip = linkedin_zip(dir.path(), |_, b| b);
    let (_j, mut j) = journal();
    let preview = j.import_plan(read(ImportSource::Linkedin, &zip).unwrap(), "", false).unwrap();
    assert_eq!(preview.report.added, 4);
    assert_eq!(j.list_projects(0, 10).unwrap().total, 0, "a preview writes nothing");
    j.import_plan(read(ImportSource::Linkedin, &zip).unwrap(), "", true).unwrap();
    let file = j.export_journal().unwrap();
    let person = file.entries.iter().find(|e| e.kind == EntryKind::Person).unwrap();
    let feedback: Vec<_> = file.entries.iter().filter(|e| e.kind == EntryKind::Feedback).collect();
    assert_eq!(feedback.len(), 1);
    assert_eq!(feedback[0].fields["source"], "Dana Whitfield");
    assert_eq!(feedback[0].fields["person_id"], person.uuid.as_str(), "linked to the person");
    assert_eq!(feedback[0].fields["date"], "2024-03-14");
    assert_eq!(person.fields["name"], "Dana Whitfield");
    let again = j.import_plan(read(ImportSource::Linkedin, &zip).unwrap(), "", true).unwrap();
    assert_eq!((again.report.added, again.report.updated), (0, 0));
}

#[test]
fn a_broken_linkedin_export_is_refused_saying_which_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    // Each case replaces one file of the sample export.
    let cases: [(&str, &[u8], &str); 7] = [
        (
            "Positions.csv",
            b"Company Name,Title,Started On\nContoso,Engineer,Marchh 2021\n",
            "Positions.csv line 2: the start date is not a date (\"Marchh 2021\"); LinkedIn writes Mar 2021",
        ),
        (
            "Positions.csv",
            b"Company Name,Title,Started On,Finished On\nContoso,Engineer,Mar 2021,Jan 2020\n",
            "Positions.csv line 2: the end date (2020-01-01) is before the start date (2021-03-01)",
        ),
        (
            "Skills.csv",
            b"Name\n\"Rust\n",
            "Skills.csv line 2: a quote is opened and never closed",
        ),
        (
            "Positions.csv",
            b"Company Name,Title,Started On\nContoso,\"Engineer,Mar 2021\nFabrikam,Lead,Jan 2020\n",
            "Positions.csv line 2: a quote is opened and never closed",
        ),
        (
            "Positions.csv",
            b"Company Name,Title\nContoso,Engineer,extra\n",
            "Positions.csv line 2: the row has 3 fields where the header has 2",
        ),
        (
            "Positions.csv",
            b"Company,Role\nContoso,Engineer\n",
            "Positions.csv has no header line starting with \"Company Name\"",
        ),
        (
            "Profile.csv",
            b"First Name\n\xff\xfe\n",
            "Profile.csv",
        ),
    ];
    for (file, text, needle) in cases {
        let change = |n: &str, b: Vec<u8>| if n == file { text.to_vec() } else { b };
        let message = read(ImportSource::Linkedin, &linkedin_zip(dir.path(), change))
            .unwrap_err()
            .to_string();
        assert!(message.contains(needle), "{needle}\n  got: {message}");
    }
    // A name that climbs out of the archive refuses the whole archive.
    let evil = dir.path().join("evil.zip");
    std::fs::write(
        &evil,
        zip_of(&[("Positions.csv", b"Company Name\nA\n"), ("../../etc/cron.d/x", b"boom")]),
    )
    .unwrap();
    let message = read(ImportSource::Linkedin, &evil).unwrap_err().to_string();
    assert!(
        message.contains("the file name \"../../etc/cron.d/x\" points outside the archive"),
        "{message}"
    );
    // Not a ZIP, and a ZIP of something else.
    let text = dir.path().join("notes.zip");
    std::fs::write(&text, "just text").unwrap();
    assert!(read(ImportSource::Linkedin, &text)
        .unwrap_err()
        .to_string()
        .contains("is not a ZIP archive"));
    let other = dir.path().join("other.zip");
    std::fs::write(&other, zip_of(&[("photo.jpg", b"\xff\xd8")])).unwrap();
    assert!(read(ImportSource::Linkedin, &other)
        .unwrap_err()
        .to_string()
        .contains("is it LinkedIn's data export?"));
}

#[test]
fn duplicated_positions_are_imported_once_and_ten_thousand_rows_import_whole() {
    let dir = tempfile::tempdir().unwrap();
    let dup = linkedin_zip(dir.path(), |n, b| {
        if n == "Positions.csv" {
            b"Company Name,Title,Started On\nContoso,Engineer,2020\nContoso,Engineer,2020\n"
                .to_vec()
        } else {
            b
        }
    });
    let plan = read(ImportSource::Linkedin, &dup).unwrap();
    assert_eq!(count(&plan, EntryKind::Project), 1);
    assert!(plan.skipped.iter().any(|s| s.what == "Positions.csv line 3 (Engineer at Contoso)"));

    let mut many = String::from("Company Name,Title,Started On,Finished On\n");
    for n in 0..10_000 {
        many.push_str(&format!("Company {n},\"Engineer, level {}\",Jan 2010,Dec 2011\n", n % 7));
    }
    let big = linkedin_zip(dir.path(), |name, b| {
        if name == "Positions.csv" {
            many.clone().into_bytes()
        } else {
            b
        }
    });
    let (_j, mut j) = journal();
    let done = j.import_plan(read(ImportSource::Linkedin, &big).unwrap(), "", true).unwrap();
    assert_eq!(done.report.added, 10_000 + 2, "positions, the person and the feedback");
    let again = j.import_plan(read(ImportSource::Linkedin, &big).unwrap(), "", true).unwrap();
    assert_eq!(again.report.added, 0);
}

#[test]
fn day_one_entries_become_notes_on_the_day_where_they_were_written() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("Journal.json");
    std::fs::write(&json, sample("dayone/Journal.json")).unwrap();
    let plan = read(ImportSource::Dayone, &json).unwrap();
    assert_eq!(count(&plan, EntryKind::Note), 2, "the entry with only a photo has no text");
    let first = &plan.file.entries[0].fields;
    // 07:30 UTC on 2 March is 23:30 on 1 March in Los Angeles.
    assert_eq!(first["date"], "2024-03-01");
    assert_eq!(first["text"], "Shipped the cache for checkout. p99 went from 800 ms to 120 ms!");
    assert_eq!(first["tags"], serde_json::json!(["work", "checkout", "starred"]));
    assert_eq!(
        plan.file.entries[1].fields["text"],
        "1:1 with Dana - talked about the staff promotion case."
    );
    let skipped: Vec<String> = plan.skipped.iter().map(|s| s.what.clone()).collect();
    assert!(
        skipped.contains(&"photos (2)".to_string())
            && skipped.contains(&"audio recordings (1)".to_string()),
        "{skipped:?}"
    );

    // The same journal in Day One's ZIP, with its photos folder: the same notes.
    let zip = dir.path().join("dayone.zip");
    std::fs::write(
        &zip,
        zip_of(&[
            ("Journal.json", &sample("dayone/Journal.json")),
            ("photos/1F2E3D4C5B6A.jpeg", b"\xff\xd8"),
        ]),
    )
    .unwrap();
    let zipped = read(ImportSource::Dayone, &zip).unwrap();
    assert_eq!(zipped.file.entries, plan.file.entries);
    assert!(zipped.skipped.iter().any(|s| s.what == "attachment files (1)"));

    let (_j, mut j) = journal();
    let done = j.import_plan(zipped, "", true).unwrap();
    assert_eq!(done.report.added, 2);
    let again = j.import_plan(read(ImportSource::Dayone, &json).unwrap(), "", true).unwrap();
    assert_eq!(
        (again.report.added, again.report.unchanged),
        (0, 2),
        "the ZIP and its JSON are the same entries"
    );
}

#[test]
fn a_broken_day_one_export_says_which_entry() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            r#"{"entries": [{"creationDate": "yesterday", "text": "Standup"}]}"#,
            "entry 1 (\"Standup\"): the creation date is not a date and time (\"yesterday\"",
        ),
        (
            r#"{"entries": [{"creationDate": "2024-03-01T09:00:00Z", "timeZone": "Mars/Olympus", "text": "Standup"}]}"#,
            "entry 1 (\"Standup\"): the time zone \"Mars/Olympus\" is not one this computer knows",
        ),
        (
            r#"{"entries": [{"text": "Standup"}]}"#,
            "entry 1 (\"Standup\"): the creationDate is missing: is it Day One's JSON export?",
        ),
        (r#"{"journal": []}"#, "the file has no \"entries\""),
    ];
    for (text, needle) in cases {
        let path = dir.path().join("Journal.json");
        std::fs::write(&path, text).unwrap();
        let message = read(ImportSource::Dayone, &path).unwrap_err().to_string();
        assert!(message.contains(needle), "{needle}\n  got: {message}");
    }
}
