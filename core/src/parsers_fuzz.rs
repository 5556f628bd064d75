//! Property tests over every parser that reads outside input: imports, the content
//! format, search text, and the validation of typed fields. Any input must give an answer
//! or a clear error; none may panic.

use proptest::prelude::*;

use crate::content::Library;
use crate::journal::{validate, MetricInput, NoteInput, ProjectInput};
use crate::transfer::{parse_journal_file, parse_jrnl};
use crate::Journal;

fn config() -> ProptestConfig {
    ProptestConfig { cases: 256, ..ProptestConfig::default() }
}

/// Bytes that look like the files these parsers expect, bent at random.
fn json_like() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        "{", "}", "[", "]", ",", ":", "\"", "\"format\"", "\"careerlog-journal\"", "\"version\"",
        "1", "\"entries\"", "\"kind\"", "\"project\"", "\"uuid\"", "\"fields\"", "\"title\"",
        "null", "true", "-1e999", "\"2024-01-01\"", "\"date\"", "\"time\"", "\"body\"", "\\u0000",
        "\u{ff}", " ", "\n",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|parts| parts.concat().into_bytes())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn journal_files_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_journal_file(&bytes);
    }

    #[test]
    fn journal_like_files_never_panic(bytes in json_like()) {
        let _ = parse_journal_file(&bytes);
        let _ = parse_jrnl(&bytes);
    }

    #[test]
    fn jrnl_files_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_jrnl(&bytes);
    }

    #[test]
    fn content_files_never_panic(front in "[a-z_ =\"\\[\\]{}0-9\n.-]{0,120}", body in "[#|*`>\\[\\]()a-z <>/\n-]{0,200}") {
        let text = format!("+++\n{front}\n+++\n{body}");
        let _ = Library::from_files(&[("guides/x.md", text.as_str())]);
        let _ = Library::from_files(&[("questions/y.md", text.as_str()), ("skills/z.md", body.as_str())]);
        let _ = Library::from_files(&[("templates/t.md", text.as_str())]);
    }

    #[test]
    fn templates_of_ones_own_are_refused_cleanly(slug in "\\PC{0,80}", title in "\\PC{0,100}", body in "\\PC{0,300}", tag in "\\PC{0,50}") {
        let template = crate::content::Template {
            slug, title, description: String::new(), tags: vec![tag], body,
        };
        let _ = crate::content::check_template(&template);
    }

    #[test]
    fn typed_fields_are_refused_cleanly(title in "\\PC{0,300}", number in any::<f64>(), day in 0i32..4000) {
        let date = chrono::NaiveDate::from_ymd_opt(day.max(1), 1, 1);
        let _ = validate::project(ProjectInput { title: title.clone(), started_on: date, ..Default::default() });
        let _ = validate::metric(MetricInput { name: title.clone(), result: Some(number), baseline: Some(number), ..Default::default() });
        let _ = validate::note(NoteInput { text: title, ..Default::default() });
    }
}

#[test]
fn search_text_never_fails() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open(dir.path().join("journal.sqlite3")).unwrap();
    journal
        .add(NoteInput {
            text: "NEAR(a b) AND \"quoted\" title:x * OR -not".into(),
            ..Default::default()
        })
        .unwrap();
    let mut runner = proptest::test_runner::TestRunner::new(config());
    let strategy = "[\\PC\"*():^+{}\\[\\]-]{0,40}";
    runner
        .run(&strategy, |text| {
            prop_assert!(journal.search(&text, 0, 10).is_ok(), "{text:?}");
            Ok(())
        })
        .unwrap();
}
