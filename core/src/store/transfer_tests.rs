//! Whole-journal export and import: the round trip over generated journals, compared
//! table by table, idempotence, merging, and a corpus of bad files that must each be
//! refused, in plain words, with nothing changed.

use std::collections::{BTreeMap, HashMap};

use proptest::prelude::*;

use super::Journal;
use crate::journal::*;
use crate::profile::{ExperienceBand, Profile, TargetRole};
use crate::resume::VariantFilter;
use crate::stories::*;
use crate::{Settings, Theme};

use crate::test_support::journal;

fn bytes(j: &Journal) -> Vec<u8> {
    serde_json::to_vec_pretty(&j.export_journal().unwrap()).unwrap()
}

/// How a column's values are compared across two journals: local ids become what
/// identifies their row everywhere.
#[derive(Debug, Clone, Copy)]
enum Column {
    /// An entry id, compared as the entry's UUID.
    Entry,
    /// A JSON list of entry ids.
    Entries,
    Bullet,
    /// What a bullet was generated from, `metric:12`.
    BulletKey,
    /// A review-packet sentence's key, with entry ids in it: `impact:metric:12`.
    PacketKey,
    Variant,
    /// A checklist cycle, by guide and number.
    Cycle,
    /// When this journal wrote the row: not compared.
    Stamp,
}

/// Every user table and its columns that hold local ids; columns not named compare as
/// they are. A table in neither this list nor `STAYS_BEHIND` fails the round trip, so a
/// new table has to say how it travels.
const TRAVELS: &[(&str, &[(&str, Column)])] = &[
    ("settings", &[]),
    ("entries", &[("id", Column::Entry)]),
    ("projects", &[("id", Column::Entry), ("last_logged_at", Column::Stamp)]),
    ("metrics", &[("id", Column::Entry), ("project_id", Column::Entry)]),
    ("decisions", &[("id", Column::Entry), ("project_id", Column::Entry)]),
    ("artifacts", &[("id", Column::Entry), ("project_id", Column::Entry)]),
    (
        "feedback",
        &[("id", Column::Entry), ("project_id", Column::Entry), ("person_id", Column::Entry)],
    ),
    ("notes", &[("id", Column::Entry), ("project_id", Column::Entry)]),
    ("labels", &[("entry_id", Column::Entry)]),
    ("search_index", &[("rowid", Column::Entry), ("project_id", Column::Entry)]),
    ("profile", &[]),
    ("checklist_cycles", &[("id", Column::Cycle)]),
    ("checklist_checks", &[("cycle_id", Column::Cycle)]),
    ("stories", &[("id", Column::Entry)]),
    ("story_links", &[("story_id", Column::Entry), ("entry_id", Column::Entry)]),
    ("story_questions", &[("story_id", Column::Entry)]),
    ("rehearsals", &[("id", Column::Entry), ("story_id", Column::Entry)]),
    (
        "bullets",
        &[
            ("id", Column::Bullet),
            ("project_id", Column::Entry),
            ("key", Column::BulletKey),
            ("sources", Column::Entries),
        ],
    ),
    ("variants", &[("id", Column::Variant)]),
    ("variant_bullets", &[("variant_id", Column::Variant), ("bullet_id", Column::Bullet)]),
    ("reviews", &[("id", Column::Entry)]),
    ("people", &[("id", Column::Entry)]),
    ("one_on_ones", &[("id", Column::Entry), ("person_id", Column::Entry)]),
    ("actions", &[("id", Column::Entry), ("one_on_one_id", Column::Entry)]),
    ("goals", &[("id", Column::Entry), ("person_id", Column::Entry)]),
    ("entry_people", &[("entry_id", Column::Entry), ("person_id", Column::Entry)]),
    ("templates", &[("updated_at", Column::Stamp)]),
    ("packet_edits", &[("key", Column::PacketKey), ("updated_at", Column::Stamp)]),
];

/// Tables whose rows do not travel, and why.
const STAYS_BEHIND: &[(&str, &str)] = &[
    ("trash", "deleted entries wait in this journal's trash; they are not part of the journal"),
    ("proposals", "the capture inbox is this machine's reading of its repositories"),
    ("capture_keys", "what was proposed from this machine's repositories"),
    ("capture_repos", "this machine's repositories and the projects they map to"),
    ("capture_reads", "how far this machine's repositories were read"),
    ("followup_marks", "what was snoozed or dismissed in this journal's follow-up queue"),
];

/// Every user table as sorted rows of `column=value`, ids swapped for UUIDs.
fn tables(j: &Journal) -> BTreeMap<String, Vec<String>> {
    let conn = &j.conn;
    let map = |sql: &str| -> HashMap<i64, String> {
        let mut statement = conn.prepare(sql).unwrap();
        let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        rows.map(Result::unwrap).collect()
    };
    let entries = map("SELECT id, uuid FROM entries");
    let bullets = map("SELECT id, uuid FROM bullets");
    let variants = map("SELECT id, uuid FROM variants");
    let cycles = map("SELECT id, guide || '#' || number FROM checklist_cycles");
    let names: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND name NOT LIKE 'search_index_%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut all = BTreeMap::new();
    for name in names {
        if STAYS_BEHIND.iter().any(|(t, _)| *t == name) {
            continue;
        }
        let Some((_, columns)) = TRAVELS.iter().find(|(t, _)| *t == name) else {
            panic!("table {name}: say in TRAVELS how its rows travel in an export, or in STAYS_BEHIND why they do not");
        };
        // A deleted variant waits for an undo in this journal only, like the trash.
        let filter = if name == "variants" { " WHERE deleted_at IS NULL" } else { "" };
        let mut statement = conn
            .prepare(&format!("SELECT rowid, * FROM {name}{filter}"))
            .or_else(|_| conn.prepare(&format!("SELECT * FROM {name}{filter}")))
            .unwrap();
        let column_names: Vec<String> = statement.column_names().map(|c| c.to_string()).collect();
        let mut rows: Vec<String> = Vec::new();
        let mut query = statement.query([]).unwrap();
        while let Some(row) = query.next().unwrap() {
            let mut cells = Vec::new();
            for (i, column) in column_names.iter().enumerate() {
                use rusqlite::types::ValueRef;
                let how = columns.iter().find(|(c, _)| c == column).map(|(_, how)| *how);
                // A rowid that is not an entry's id is local, like an AUTOINCREMENT id.
                if column == "rowid" && how.is_none() {
                    continue;
                }
                let value = row.get_ref(i).unwrap();
                let id = match value {
                    ValueRef::Integer(n) => Some(n),
                    _ => None,
                };
                let text = match value {
                    ValueRef::Text(t) => Some(String::from_utf8_lossy(t).to_string()),
                    _ => None,
                };
                let lookup = |m: &HashMap<i64, String>, id: Option<i64>| {
                    id.map(|id| m.get(&id).cloned().unwrap_or_else(|| format!("missing {id}")))
                        .unwrap_or_else(|| "NULL".into())
                };
                let shown = match how {
                    Some(Column::Entry) => lookup(&entries, id),
                    Some(Column::Bullet) => lookup(&bullets, id),
                    Some(Column::Variant) => lookup(&variants, id),
                    Some(Column::Cycle) => lookup(&cycles, id),
                    Some(Column::Stamp) => continue,
                    Some(Column::Entries) => {
                        let ids: Vec<i64> = serde_json::from_str(&text.unwrap()).unwrap();
                        let uuids: Vec<String> =
                            ids.into_iter().map(|id| lookup(&entries, Some(id))).collect();
                        uuids.join(",")
                    }
                    Some(Column::PacketKey) => {
                        crate::documents::packet::swap_key_ids(&text.unwrap(), |id| {
                            Some(lookup(&entries, id.parse().ok()))
                        })
                        .unwrap()
                    }
                    Some(Column::BulletKey) => {
                        let key = text.unwrap();
                        let (kind, id) = key.split_once(':').unwrap();
                        format!("{kind}:{}", lookup(&entries, id.parse().ok()))
                    }
                    None => match value {
                        ValueRef::Null => "NULL".into(),
                        ValueRef::Integer(n) => n.to_string(),
                        ValueRef::Real(x) => format!("{x:?}"),
                        ValueRef::Text(t) => format!("{:?}", String::from_utf8_lossy(t)),
                        ValueRef::Blob(b) => format!("blob {b:?}"),
                    },
                };
                cells.push(format!("{column}={shown}"));
            }
            rows.push(cells.join(" | "));
        }
        rows.sort();
        all.insert(name, rows);
    }
    all
}

/// Asserts two journals hold the same rows, table by table.
fn same_tables(a: &Journal, b: &Journal) {
    let (a, b) = (tables(a), tables(b));
    for (table, rows) in &a {
        assert_eq!(Some(rows), b.get(table), "table {table} differs");
    }
    assert_eq!(a.len(), b.len(), "the same tables");
}

/// A project to generate: title, scope index, (baseline, result) pairs, a decision or not.
type ProjectShape = (String, u8, Vec<(f64, f64)>, bool);

/// A small generated journal: projects with metrics, decisions, notes, a story, resume
/// variants, settings and a profile.
#[derive(Debug, Clone)]
pub(super) struct Shape {
    projects: Vec<ProjectShape>,
    notes: Vec<String>,
    story: bool,
    /// Variant names, each tailoring the first bullets or not.
    variants: Vec<(String, bool)>,
    settings: bool,
    profile: bool,
    /// People: a name, a relationship (by index), how many 1:1s, and whether private.
    people: Vec<(String, u8, u8, bool)>,
}

pub(super) fn shapes() -> impl Strategy<Value = Shape> {
    let text = "[A-Za-z][A-Za-z0-9 ,.'é🙂\"<>&-]{0,40}";
    let project =
        (text, 0u8..6, prop::collection::vec((-1e6f64..1e6, -1e6f64..1e6), 0..3), any::<bool>());
    (
        prop::collection::vec(project, 0..4),
        prop::collection::vec(text, 0..3),
        any::<bool>(),
        prop::collection::vec(("[A-Za-z][A-Za-z0-9 ]{0,20}", any::<bool>()), 0..3),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec((text, 0u8..7, 0u8..3, any::<bool>()), 0..3),
    )
        .prop_map(|(projects, notes, story, variants, settings, profile, people)| Shape {
            projects,
            notes,
            story,
            variants,
            settings,
            profile,
            people,
        })
}

pub(super) fn build(j: &mut Journal, shape: &Shape) {
    use crate::people::{
        ActionDraft, ActionOwner, GoalInput, OneOnOneForm, OneOnOneInput, PersonInput,
        Relationship, RelationshipSpan,
    };
    let mut metrics = Vec::new();
    let mut decisions = Vec::new();
    let mut projects = Vec::new();
    let mut people = Vec::new();
    let mut feedback = Vec::new();
    for (i, (name, relationship, meetings, private)) in shape.people.iter().enumerate() {
        let person = j
            .add(PersonInput {
                name: format!("Person {i} {name}"),
                relationships: vec![
                    RelationshipSpan {
                        relationship: Relationship::Peer,
                        team: Some("Payments".into()),
                        from: "2021-03-01".parse().ok(),
                        to: "2023-12-31".parse().ok(),
                    },
                    RelationshipSpan {
                        relationship: Relationship::ALL[*relationship as usize],
                        team: None,
                        from: "2024-01-01".parse().ok(),
                        to: None,
                    },
                ],
                notes: Some(format!("notes {name}")),
                labels: Labels { private: *private, ..Default::default() },
            })
            .unwrap();
        for m in 0..*meetings {
            j.save_one_on_one(
                None,
                OneOnOneForm {
                    meeting: OneOnOneInput {
                        person_id: person.id,
                        date: format!("2024-0{}-15", m + 1).parse().ok(),
                        agenda: Some(format!("agenda {m}")),
                        ..Default::default()
                    },
                    actions: vec![
                        ActionDraft {
                            id: None,
                            text: format!("mine {m}"),
                            owner: ActionOwner::Me,
                            done: m == 0,
                        },
                        ActionDraft {
                            id: None,
                            text: format!("theirs {m}"),
                            owner: ActionOwner::Them,
                            done: false,
                        },
                    ],
                },
            )
            .unwrap();
        }
        j.add(GoalInput {
            person_id: person.id,
            text: format!("goal {name}"),
            set_on: "2024-01-10".parse().ok(),
            reached_on: (i % 2 == 0).then(|| "2024-05-01".parse().unwrap()),
            took_over: i % 2 == 0,
            ..Default::default()
        })
        .unwrap();
        people.push(person.id);
    }
    for (i, (title, scope, pairs, decided)) in shape.projects.iter().enumerate() {
        let p = j
            .add(ProjectInput {
                title: format!("P{i} {title}"),
                scope: Scope::ALL.get(*scope as usize).copied(),
                started_on: "2024-02-01".parse().ok(),
                labels: Labels {
                    tags: vec![format!("t{scope}")],
                    skills: vec!["mentoring".into()],
                    person_ids: people.clone(),
                    private: i == 1,
                },
                ..Default::default()
            })
            .unwrap();
        for (k, (baseline, result)) in pairs.iter().enumerate() {
            let m = j
                .add(MetricInput {
                    project_id: p.id,
                    name: format!("m{k} {title}"),
                    unit: Some("ms".into()),
                    baseline: Some(*baseline),
                    result: Some(*result),
                    better: Some(Direction::Lower),
                    ..Default::default()
                })
                .unwrap();
            metrics.push(m.id);
        }
        if *decided {
            let d = j
                .add(DecisionInput {
                    project_id: Some(p.id),
                    title: format!("D {title}"),
                    options: vec![
                        DecisionOption {
                            text: "A".into(),
                            pros: "cheap".into(),
                            cons: "slow".into(),
                        },
                        "B".into(),
                    ],
                    chosen: "a".into(),
                    confidence: Some(70),
                    review_on: "2024-06-01".parse().ok(),
                    ..Default::default()
                })
                .unwrap();
            decisions.push(d.id);
            j.add(ArtifactInput {
                project_id: p.id,
                kind: Some(ArtifactKind::Rfc),
                title: format!("RFC {title}"),
                url: Some("https://example.com/rfc/1".into()),
                ..Default::default()
            })
            .unwrap();
            let f = j
                .add(FeedbackInput {
                    project_id: Some(p.id),
                    source: if people.is_empty() { "manager".into() } else { String::new() },
                    person_id: people.first().copied(),
                    direction: Some(crate::journal::FeedbackDirection::Given),
                    text: format!("F {title}"),
                    rating: Some(4),
                    ..Default::default()
                })
                .unwrap();
            feedback.push(f.id);
        }
        projects.push(p.id);
    }
    for (i, text) in shape.notes.iter().enumerate() {
        j.add(NoteInput {
            text: format!("n {text}"),
            // Every other note is a quick note outside any project.
            project_id: projects.first().copied().filter(|_| i % 2 == 0),
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
                    decision_ids: decisions.clone(),
                    feedback_ids: feedback.clone(),
                    questions: vec!["tell-me-about-your-leadership-experience".into()],
                    ..Default::default()
                },
            )
            .unwrap();
        j.add(RehearsalInput {
            story_id: s.id,
            total_ms: 60_000,
            section_ms: vec![10_000, 10_000, 30_000, 10_000],
            rating: Some(3),
            note: Some("too fast".into()),
            ..Default::default()
        })
        .unwrap();
        // The habit's review entries and the engineer's templates travel with the stories.
        let quarter = j.period_summary(PeriodKind::Quarter, "2024-02-10".parse().unwrap()).unwrap();
        j.add(ReviewInput {
            period: PeriodKind::Quarter,
            starts_on: quarter.period.starts_on,
            ends_on: quarter.period.ends_on,
            summary: quarter.markdown,
            went_well: Some("Shipped on time".into()),
            to_improve: None,
            next_focus: Some("Mentoring".into()),
            labels: Labels {
                tags: vec!["review".into()],
                skills: Vec::new(),
                ..Default::default()
            },
        })
        .unwrap();
        j.save_template(crate::content::Template {
            slug: "design-review".into(),
            title: "Design review".into(),
            description: "After a design review.".into(),
            tags: vec!["design".into()],
            body: "## What was proposed\n\n## What changed\n".into(),
        })
        .unwrap();
    }
    j.refresh_bullets().unwrap();
    let bullets = j.bullets().unwrap();
    if let Some(first) = bullets.first() {
        j.edit_bullet(first.id, "An edited bullet with 3 numbers").unwrap();
    }
    // The engineer's words for review-packet sentences about entries, and about the period.
    let years = crate::documents::packet::PacketRequest {
        since: "2000-01-01".parse().unwrap(),
        until: "2030-12-31".parse().unwrap(),
        target: Some("foundation".into()),
    };
    let packet = j.packet(&years).unwrap();
    let keys: Vec<String> = packet
        .sections
        .iter()
        .flat_map(|s| &s.sentences)
        .map(|s| s.key.clone())
        .filter(|k| k.contains(":metric:") || k.contains(":decision:") || k.starts_with("summary:"))
        .take(3)
        .collect();
    for (i, key) in keys.iter().enumerate() {
        j.edit_packet_sentence(&years, key, &format!("My own words, number {i}.")).unwrap();
    }
    for (i, (name, tailored)) in shape.variants.iter().enumerate() {
        let filter = VariantFilter {
            tags: vec![format!("t{i}")],
            since: "2020-01-01".parse().ok(),
            ..Default::default()
        };
        let v = j.save_variant(None, &format!("V{i} {name}"), &filter).unwrap();
        if *tailored {
            for (k, b) in bullets.iter().take(3).enumerate() {
                let text = (k == 0).then_some("Tailored wording for this variant");
                j.tailor_bullet(v.id, b.id, text, k == 1, Some(k as u32 + 1)).unwrap();
            }
        }
    }
    j.check_item("technical-leader", "set-band-and-role", "2026-01-05".parse().unwrap()).unwrap();
    if shape.settings {
        j.save_settings(&Settings {
            theme: Theme::Dark,
            words_per_minute: 150,
            backups_keep: 12,
            first_run_put_off: true,
            rendering: crate::Rendering::Software,
            review_day: crate::habit::ReviewDay::Monday,
            review_time: "09:30".into(),
            fiscal_year_start: 4,
        })
        .unwrap();
        j.new_cycle("technical-leader", "2026-04-01".parse().unwrap()).unwrap();
    }
    if shape.profile {
        j.save_profile(Profile {
            band: Some(ExperienceBand::Years5To7),
            target_role: Some(TargetRole::StaffEngineer),
            name: Some("Robin Example".into()),
            email: Some("robin@example.com".into()),
            ..Default::default()
        })
        .unwrap();
    }
}

/// A journal that fills every table that travels.
pub(super) fn everything() -> Shape {
    Shape {
        projects: vec![
            ("Checkout".into(), 2, vec![(800.0, 120.0), (2.1, 2.6)], true),
            ("Billing".into(), 4, vec![(1547.0, 1001.0)], true),
        ],
        notes: vec!["kickoff".into(), "retro".into()],
        story: true,
        variants: vec![("Staff".into(), true), ("Backend".into(), false)],
        settings: true,
        profile: true,
        people: vec![("Ada".into(), 3, 2, false), ("Grace".into(), 0, 1, true)],
    }
}

#[test]
fn every_table_travels_in_the_round_trip() {
    let (_a, mut source) = journal();
    build(&mut source, &everything());
    let filled = tables(&source);
    for (table, rows) in &filled {
        assert!(
            !rows.is_empty(),
            "table {table} is empty in the sample: fill it in build() so the round trip checks it"
        );
    }
    let (_b, mut target) = journal();
    target.import_journal(&bytes(&source)).unwrap();
    same_tables(&source, &target);
    assert_eq!(target.variants().unwrap().len(), 2, "the variants came along");
    let staff = |j: &Journal| {
        let summary = j.variants().unwrap().remove(0);
        assert_eq!(summary.name, "V0 Staff");
        j.variant(summary.id).unwrap()
    };
    let (mine, theirs) = (staff(&source), staff(&target));
    let texts = |v: &crate::resume::Variant| -> Vec<String> {
        v.bullets.iter().map(|b| b.text.clone()).collect()
    };
    assert_eq!(texts(&mine), texts(&theirs), "the tailoring came along");
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
        same_tables(&source, &target);
        // Importing again changes nothing.
        let again = target.import_journal(&bytes(&source)).unwrap();
        prop_assert_eq!(again.added + again.updated, 0);
        same_tables(&source, &target);
        prop_assert!(target.integrity_ok().unwrap());
    }
}

#[test]
fn an_import_merges_by_uuid_and_the_newer_side_wins() {
    let (_a, mut a) = journal();
    let p = a.add(ProjectInput { title: "Checkout".into(), ..Default::default() }).unwrap();
    let (_b, mut b) = journal();
    let report = b.import_journal(&bytes(&a)).unwrap();
    assert_eq!((report.added, report.updated), (1, 0));
    let local = b.list_projects(0, 10).unwrap().projects[0].project.clone();
    assert_eq!(local.uuid, p.uuid);

    std::thread::sleep(std::time::Duration::from_millis(5));
    a.update(p.id, ProjectInput { title: "Checkout v2".into(), ..Default::default() }).unwrap();
    let report = b.import_journal(&bytes(&a)).unwrap();
    assert_eq!(report.updated, 1);
    assert_eq!(b.entry::<Project>(local.id).unwrap().title, "Checkout v2");

    std::thread::sleep(std::time::Duration::from_millis(5));
    b.update(local.id, ProjectInput { title: "Checkout v3".into(), ..Default::default() }).unwrap();
    let report = b.import_journal(&bytes(&a)).unwrap();
    assert_eq!((report.updated, report.unchanged), (0, 1), "the local edit is newer");
    assert_eq!(b.entry::<Project>(local.id).unwrap().title, "Checkout v3");
}

#[test]
fn a_bad_file_is_refused_whole_and_says_where() {
    let (_a, mut source) = journal();
    let p = source.add(ProjectInput { title: "Checkout".into(), ..Default::default() }).unwrap();
    source
        .add(MetricInput {
            project_id: p.id,
            name: "p99".into(),
            result: Some(1.0),
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
            "the file ends too early, at line",
        ),
        ("empty", Vec::new(), "the file is empty"),
        ("not UTF-8", b"{\"format\": \"\xff\"}".to_vec(), "not UTF-8"),
        (
            "not JSON",
            b"format = 1".to_vec(),
            "the file is not valid JSON at line 1 column 2",
        ),
        (
            "a trailing comma",
            b"{\"format\": \"careerlog-journal\",}".to_vec(),
            "a comma stands before a closing bracket",
        ),
        (
            "an array",
            b"[]".to_vec(),
            "the file holds a list, not a Career Log journal",
        ),
        (
            "trailing data",
            format!("{good} {{}}").into_bytes(),
            "there is more after the end of the document",
        ),
        (
            "deep nesting",
            nested.into_bytes(),
            "the file nests lists or objects too deeply",
        ),
        (
            "wrong format",
            with(&|d| d["format"] = "something-else".into()),
            "the file's \"format\" is \"something-else\": it is not a Career Log journal",
        ),
        (
            "future version",
            with(&|d| d["version"] = 99.into()),
            "format version 99 is not one this Career Log reads (it reads versions 1 to 2); update Career Log",
        ),
        (
            "version as text",
            with(&|d| d["version"] = "1".into()),
            "the file's format version should be a whole number, not text",
        ),
        (
            "unknown top-level field",
            with(&|d| d["extra"] = 1.into()),
            "the file's \"extra\" is not something Career Log knows here",
        ),
        (
            "entries not a list",
            with(&|d| d["entries"] = 5.into()),
            "the file's \"entries\" should be a list",
        ),
        (
            "unknown kind",
            with(&|d| d["entries"][0]["kind"] = "podcast".into()),
            "entry 1 (a podcast, \"Checkout\"): the kind is not one of the choices (\"podcast\"); choose one of: person, project, metric,",
        ),
        (
            "bad uuid",
            with(&|d| d["entries"][0]["uuid"] = "nope".into()),
            "entry 1 (a project, \"Checkout\"): the UUID \"nope\" is not a UUID",
        ),
        (
            "duplicate uuid",
            with(&|d| {
                let u = d["entries"][0]["uuid"].clone();
                d["entries"][1]["uuid"] = u;
            }),
            "entry 2 (a metric, \"p99\"): the UUID ",
        ),
        (
            "duplicate uuid, said of both",
            with(&|d| {
                let u = d["entries"][0]["uuid"].clone();
                d["entries"][1]["uuid"] = u;
            }),
            "is also used by entry 1 (a project, \"Checkout\")",
        ),
        (
            "bad timestamp",
            with(&|d| d["entries"][0]["created_at"] = "yesterday".into()),
            "entry 1 (a project, \"Checkout\"): the time it was created is not a date and time (\"yesterday\"",
        ),
        (
            "wrong field type",
            with(&|d| d["entries"][1]["fields"]["result"] = "lots".into()),
            "entry 2 (a metric, \"p99\"): the result is not a number (\"lots\")",
        ),
        (
            "missing field",
            with(&|d| {
                d["entries"][0]["fields"]
                    .as_object_mut()
                    .unwrap()
                    .remove("title");
            }),
            "entry 1 (a project): the title is missing",
        ),
        (
            "empty title",
            with(&|d| d["entries"][0]["fields"]["title"] = " ".into()),
            "entry 1 (a project): the title cannot be empty",
        ),
        (
            "dangling link",
            with(&|d| {
                d["entries"][1]["fields"]["project_id"] =
                    "00000000-0000-4000-8000-000000000000".into()
            }),
            "entry 2 (a metric, \"p99\"): the project links to 00000000-0000-4000-8000-000000000000, which is neither in the file nor in this journal",
        ),
        (
            "link not a string",
            with(&|d| d["entries"][1]["fields"]["project_id"] = 3.into()),
            "entry 2 (a metric, \"p99\"): the project should be the UUID of an entry, as text",
        ),
        (
            "absurd date",
            with(&|d| d["entries"][0]["fields"]["started_on"] = "1066-10-14".into()),
            "entry 1 (a project, \"Checkout\"): the start date is 1066-10-14, outside 1950-2100; check the year",
        ),
        (
            "huge text",
            with(&|d| d["entries"][0]["fields"]["summary"] = "x".repeat(2_000_000).into()),
            "entry 1 (a project, \"Checkout\"): the summary is 2000000 characters long; the limit is 20000",
        ),
    ];
    let (_b, mut target) = journal();
    target.add(NoteInput { text: "mine".into(), ..Default::default() }).unwrap();
    let before = bytes(&target);
    for (name, file, needle) in &corpus {
        let error = target.import_journal(file).expect_err(name).to_string();
        assert!(error.contains(needle), "{name}: {error}");
        for code in ["entries[", "fields.", "missing field", "expected", "invalid type", "`"] {
            assert!(!error.contains(code), "{name} reads like code: {error}");
        }
        assert_eq!(bytes(&target), before, "{name}: the journal changed");
    }
    assert!(target.import_journal(good.as_bytes()).is_ok(), "the good file itself imports");
}

#[test]
fn jrnl_files_import_once_and_bad_ones_change_nothing() {
    let (_dir, mut j) = journal();
    let file = br#"{"tags": {}, "entries": [
        {"title": "Shipped", "body": "the queue", "date": "2024-03-01", "time": "09:15", "tags": ["@work"], "starred": false},
        {"title": "1:1", "body": "", "date": "2024-03-04", "time": "14:00", "tags": [], "starred": true}
    ]}"#;
    assert_eq!(j.import_jrnl(file).unwrap().added, 2);
    assert_eq!(j.import_jrnl(file).unwrap().added, 0, "the same entries are not added twice");
    let notes = j.list_notes(10).unwrap();
    assert_eq!(notes[0].date.unwrap().to_string(), "2024-03-04");
    assert_eq!(notes[1].labels.tags, vec!["work"]);
    let bad = br#"{"entries": [{"title": "ok", "date": "2024-01-01"}, {"title": "x", "date": "not a date"}]}"#;
    assert!(j
        .import_jrnl(bad)
        .unwrap_err()
        .to_string()
        .contains("entry 2 (\"x\"): the date is not a date (\"not a date\")"));
    assert_eq!(j.list_notes(10).unwrap().len(), 2, "the good first entry was not kept either");
}

#[test]
fn variants_merge_by_uuid_the_newer_side_wins_and_no_name_is_lost() {
    let (_a, mut a) = journal();
    build(&mut a, &everything());
    let (_b, mut b) = journal();
    b.save_variant(None, "V1 Backend", &VariantFilter::default()).unwrap();
    let report = b.import_journal(&bytes(&a)).unwrap();
    assert!(report.added >= 2, "{report:?}");
    let names: Vec<String> = b.variants().unwrap().into_iter().map(|v| v.name).collect();
    assert_eq!(
        names,
        ["V0 Staff", "V1 Backend", "V1 Backend (imported)"],
        "a name taken here keeps both variants"
    );

    // A newer rename there wins here; an older file changes nothing.
    std::thread::sleep(std::time::Duration::from_millis(5));
    let staff = a.variants().unwrap().remove(0);
    a.save_variant(Some(staff.id), "V0 Staff, renamed", &staff.filter).unwrap();
    let before = bytes(&b);
    b.import_journal(&bytes(&a)).unwrap();
    let names: Vec<String> = b.variants().unwrap().into_iter().map(|v| v.name).collect();
    assert!(names.contains(&"V0 Staff, renamed".to_string()), "{names:?}");
    assert_ne!(before, bytes(&b));
    std::thread::sleep(std::time::Duration::from_millis(5));
    let mine = b.variants().unwrap().into_iter().find(|v| v.name == "V0 Staff, renamed").unwrap();
    b.save_variant(Some(mine.id), "Mine now", &mine.filter).unwrap();
    let again = b.import_journal(&bytes(&a)).unwrap();
    assert_eq!(again.added + again.updated, 0, "the local rename is newer");
    assert!(b.variants().unwrap().iter().any(|v| v.name == "Mine now"));
}

#[test]
fn the_journal_settings_and_profile_travel_and_the_local_ones_win() {
    let (_a, mut a) = journal();
    build(&mut a, &everything());
    let (_b, mut b) = journal();
    b.save_profile(Profile { name: Some("Sam Local".into()), ..Default::default() }).unwrap();
    b.import_journal(&bytes(&a)).unwrap();
    assert_eq!(b.settings().unwrap().words_per_minute, 150);
    assert_eq!(b.settings().unwrap().theme, Theme::Dark);
    let profile = b.profile().unwrap();
    assert_eq!(profile.name.as_deref(), Some("Sam Local"), "set here, kept");
    assert_eq!(profile.email.as_deref(), Some("robin@example.com"), "filled in");

    let (_c, mut c) = journal();
    c.save_settings(&Settings { words_per_minute: 130, ..Settings::default() }).unwrap();
    c.import_journal(&bytes(&a)).unwrap();
    assert_eq!(c.settings().unwrap().words_per_minute, 130, "set here, kept");
}

#[test]
fn a_version_1_file_still_imports() {
    let (_a, mut a) = journal();
    build(&mut a, &everything());
    let mut doc: serde_json::Value = serde_json::from_slice(&bytes(&a)).unwrap();
    doc["version"] = 1.into();
    let object = doc.as_object_mut().unwrap();
    object.remove("variants");
    object.remove("settings");
    let (_b, mut b) = journal();
    let report = b.import_journal(&serde_json::to_vec(&doc).unwrap()).unwrap();
    assert_eq!(report.added as usize, a.export_journal().unwrap().entries.len());
    assert!(b.variants().unwrap().is_empty());
}

#[test]
fn an_older_decision_with_a_free_choice_keeps_it_as_an_option() {
    let (_a, mut a) = journal();
    a.add(DecisionInput {
        title: "Queue or cron".into(),
        options: vec!["Queue".into(), "Cron".into()],
        chosen: "Queue".into(),
        ..Default::default()
    })
    .unwrap();
    let mut doc: serde_json::Value = serde_json::from_slice(&bytes(&a)).unwrap();
    // As Career Log wrote it before the choice had to be an option.
    doc["entries"][0]["fields"]["chosen"] = "A nightly batch".into();
    let (_b, mut b) = journal();
    b.import_journal(&serde_json::to_vec(&doc).unwrap()).unwrap();
    let exported = b.export_journal().unwrap();
    let fields = &exported.entries[0].fields;
    assert_eq!(fields["chosen"], "A nightly batch");
    let options: Vec<&str> =
        fields["options"].as_array().unwrap().iter().map(|o| o["text"].as_str().unwrap()).collect();
    assert_eq!(options, ["Queue", "Cron", "A nightly batch"]);
}

#[test]
fn bad_variants_settings_and_profiles_are_refused_in_plain_words_with_nothing_written() {
    let (_a, mut source) = journal();
    build(&mut source, &everything());
    let doc: serde_json::Value = serde_json::from_slice(&bytes(&source)).unwrap();
    let with = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut d = doc.clone();
        edit(&mut d);
        serde_json::to_vec(&d).unwrap()
    };
    let metric =
        doc["entries"].as_array().unwrap().iter().position(|e| e["kind"] == "metric").unwrap();
    // Metrics added in the same millisecond export in UUID order: name the one that is first.
    let name = doc["entries"][metric]["fields"]["name"].as_str().unwrap().to_string();
    let corpus: Vec<(&str, Vec<u8>, String)> = vec![
        (
            "every problem of one entry",
            with(&|d| {
                let fields = &mut d["entries"][metric]["fields"];
                fields["result"] = "fast".into();
                fields["measured_on"] = "2024-13-01".into();
                fields["better"] = "up".into();
            }),
            format!(
                "entry {} (a metric, \"{name}\"): the better direction is not one of the choices (\"up\"); choose one of: lower, higher (and 2 more problems: entry {0} (a metric, \"{name}\"): the date measured is not a day of the calendar (\"2024-13-01\"); entry {0} (a metric, \"{name}\"): the result is not a number (\"fast\"))",
                metric + 1
            ),
        ),
        (
            "a link to the wrong kind",
            with(&|d| {
                let note = d["entries"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|e| e["kind"] == "note")
                    .unwrap()["uuid"]
                    .clone();
                d["entries"][metric]["fields"]["project_id"] = note;
            }),
            "the project links to ".to_string(),
        ),
        (
            "a variant of an unknown bullet",
            with(&|d| {
                let tailored = d["variants"]
                    .as_array_mut()
                    .unwrap()
                    .iter_mut()
                    .find(|v| v["name"] == "V0 Staff")
                    .unwrap();
                tailored["bullets"][0]["bullet"] = "00000000-0000-4000-8000-000000000000".into()
            }),
            "(\"V0 Staff\"): its bullet 1 (00000000-0000-4000-8000-000000000000) is neither in the file nor in this journal".to_string(),
        ),
        (
            "a variant without a name",
            with(&|d| d["variants"][1]["name"] = " ".into()),
            "resume variant 2 (\" \"): the name cannot be empty".to_string(),
        ),
        (
            "a variant with a bad filter",
            with(&|d| d["variants"][0]["filter"]["since"] = "soon".into()),
            "the filter (since) is not a date (\"soon\"); write it as YYYY-MM-DD".to_string(),
        ),
        (
            "a setting out of range",
            with(&|d| d["settings"]["words_per_minute"] = "9000".into()),
            "the setting \"words_per_minute\" should be a whole number from 80 to 220 (it is \"9000\")"
                .to_string(),
        ),
        (
            "an unknown setting",
            with(&|d| d["settings"]["font"] = "serif".into()),
            "the setting \"font\" is not a setting this Career Log knows".to_string(),
        ),
        (
            "a profile with a bad email",
            with(&|d| d["profile"]["email"] = "robin at example".into()),
            "the profile: the email is not an email address (\"robin at example\")".to_string(),
        ),
        (
            "a profile band that is not one",
            with(&|d| d["profile"]["band"] = "forever".into()),
            "the profile: the experience band is not one of the choices (\"forever\"); choose one of: 0-2, 3-4, 5-7, 8-11, 12-plus"
                .to_string(),
        ),
    ];
    let (_b, mut target) = journal();
    let before = bytes(&target);
    for (name, file, needle) in &corpus {
        let error = target.import_journal(file).expect_err(name).to_string();
        assert!(error.contains(needle.as_str()), "{name}: {error}");
        for code in ["entries[", "fields.", "missing field", "expected", "invalid type", "`"] {
            assert!(!error.contains(code), "{name} reads like code: {error}");
        }
        assert_eq!(bytes(&target), before, "{name}: the journal changed");
    }
}

/// The export reads every label in one query; each entry still carries exactly its own
/// tags and skills, in the engineer's order, and a kind without labels gains none.
#[test]
fn the_export_carries_each_entrys_own_labels_in_order() {
    let (_dir, mut j) = journal();
    j.fill_demo(9, 12).unwrap();
    let project = j.list_projects(0, 1).unwrap().projects[0].project.clone();
    let mut input = project.to_input();
    input.labels.tags = vec!["zeta".into(), "alpha".into(), "Mid Word".into()];
    input.labels.skills = vec!["mentoring".into(), "decision-making".into()];
    j.update(project.id, input).unwrap();
    let document = j.export_journal().unwrap();
    let mut checked = 0;
    for entry in &document.entries {
        let read = |kind: &str| -> serde_json::Value {
            let names: String = j
                .conn
                .query_row(
                    "SELECT json_group_array(name) FROM (SELECT l.name FROM labels l
                       JOIN entries e ON e.id = l.entry_id
                     WHERE e.uuid = ?1 AND l.kind = ?2 ORDER BY l.position)",
                    rusqlite::params![entry.uuid, kind],
                    |r| r.get(0),
                )
                .unwrap();
            serde_json::from_str(&names).unwrap()
        };
        if entry.kind == EntryKind::Rehearsal {
            assert!(entry.fields.get("tags").is_none(), "{:?}", entry.fields);
            continue;
        }
        assert_eq!(entry.fields["tags"], read("tag"), "{}", entry.uuid);
        assert_eq!(entry.fields["skills"], read("skill"), "{}", entry.uuid);
        checked += 1;
    }
    assert!(checked > 12);
    let edited = document.entries.iter().find(|e| e.uuid == project.uuid).unwrap();
    assert_eq!(edited.fields["tags"], serde_json::json!(["zeta", "alpha", "Mid Word"]));
    assert_eq!(edited.fields["skills"], serde_json::json!(["mentoring", "decision-making"]));
}
