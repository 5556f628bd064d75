//! The review packet on temporary journals: each section's sentences and the entries they
//! cite, from a table of small journals; edits kept through regeneration; private entries
//! left out; the target's gaps; bad requests named by field; the same bytes twice.

use crate::documents::packet::{Packet, PacketRequest, PacketSectionId};
use crate::documents::DocumentFormat;
use crate::journal::{
    ArtifactInput, ArtifactKind, DecisionInput, DecisionOption, Direction, FeedbackInput, Labels,
    MetricInput, ProjectInput,
};
use crate::people::{GoalInput, PersonInput, Relationship, RelationshipSpan};
use crate::test_support::{day, journal};
use crate::{Error, Journal};

fn request(since: &str, until: &str, target: Option<&str>) -> PacketRequest {
    PacketRequest { since: day(since), until: day(until), target: target.map(str::to_string) }
}

fn half() -> PacketRequest {
    request("2026-07-01", "2026-12-31", Some("leverage"))
}

fn project(j: &mut Journal, title: &str, skills: &[&str]) -> i64 {
    j.add(ProjectInput {
        title: title.into(),
        organization: Some("Acme Payments".into()),
        role: Some("Tech lead".into()),
        started_on: Some(day("2026-03-01")),
        labels: Labels {
            skills: skills.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        },
        ..Default::default()
    })
    .unwrap()
    .id
}

fn latency(j: &mut Journal, project_id: i64, measured: &str, private: bool) -> i64 {
    j.add(MetricInput {
        project_id,
        name: "p99 latency".into(),
        unit: Some("ms".into()),
        baseline: Some(800.0),
        result: Some(120.0),
        better: Some(Direction::Lower),
        measured_on: Some(day(measured)),
        labels: Labels { private, ..Default::default() },
        ..Default::default()
    })
    .unwrap()
    .id
}

fn queue_decision(j: &mut Journal, project_id: i64) {
    j.add(DecisionInput {
        project_id: Some(project_id),
        title: "Pick a queue for checkout events".into(),
        goal: Some("keep checkout writes replayable".into()),
        options: ["Kafka", "SQS", "Postgres outbox"]
            .iter()
            .map(|o| DecisionOption { text: o.to_string(), ..Default::default() })
            .collect(),
        chosen: "Kafka".into(),
        outcome: Some("Replays took minutes instead of a day".into()),
        decided_on: Some(day("2026-08-10")),
        ..Default::default()
    })
    .unwrap();
}

fn praise(j: &mut Journal, project_id: Option<i64>) {
    j.add(FeedbackInput {
        project_id,
        source: "Priya Shah".into(),
        date: Some(day("2026-09-01")),
        text: "Calm and clear through the cut-over.".into(),
        ..Default::default()
    })
    .unwrap();
}

fn mentee(j: &mut Journal, name: &str) -> i64 {
    let span = RelationshipSpan {
        relationship: Relationship::Mentee,
        team: None,
        from: Some(day("2026-01-01")),
        to: None,
    };
    j.add(PersonInput { name: name.into(), relationships: vec![span], ..Default::default() })
        .unwrap()
        .id
}

fn mentee_goal(j: &mut Journal) {
    let ana = mentee(j, "Ana Ruiz");
    j.add(GoalInput {
        person_id: ana,
        text: "Lead the on-call rotation".into(),
        set_on: Some(day("2026-05-01")),
        reached_on: Some(day("2026-10-15")),
        took_over: false,
        labels: Labels::default(),
    })
    .unwrap();
}

fn rfc(j: &mut Journal, project_id: i64) {
    j.add(ArtifactInput {
        project_id,
        kind: Some(ArtifactKind::Rfc),
        title: "RFC: Replayable checkout events".into(),
        url: Some("https://docs.example.com/rfc/42".into()),
        date: Some(day("2026-07-20")),
        labels: Labels::default(),
    })
    .unwrap();
}

fn section(packet: &Packet, id: PacketSectionId) -> Vec<&str> {
    packet
        .sections
        .iter()
        .find(|s| s.id == id)
        .unwrap()
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect()
}

/// The source lines a sentence containing `words` cites.
fn cited(packet: &Packet, words: &str) -> Vec<String> {
    let sentence = packet
        .sections
        .iter()
        .flat_map(|s| &s.sentences)
        .find(|s| s.text.contains(words))
        .unwrap_or_else(|| panic!("no sentence says {words:?}: {packet:#?}"));
    sentence.sources.iter().map(|&n| packet.sources[n as usize - 1].line()).collect()
}

type Seed = fn(&mut Journal);

#[test]
fn each_section_says_what_the_journal_holds_and_cites_its_entries() {
    let cases: [(&str, Seed, PacketSectionId, &str, &[&str]); 6] = [
        (
            "a metric that moved, in its bullet's arithmetic",
            |j| {
                let p = project(j, "Checkout rewrite", &[]);
                latency(j, p, "2026-08-03", false);
            },
            PacketSectionId::Impact,
            "85% (800 ms → 120 ms)",
            &["Project “Checkout rewrite”, 2026-03-01", "Metric “p99 latency”, 2026-08-03"],
        ),
        (
            "a decision with the options it turned down and its outcome",
            |j| {
                let p = project(j, "Checkout rewrite", &[]);
                queue_decision(j, p);
            },
            PacketSectionId::Leadership,
            "Outcome: Replays took minutes instead of a day.",
            &["Decision “Pick a queue for checkout events”, 2026-08-10"],
        ),
        (
            "an RFC written in the period",
            |j| {
                let p = project(j, "Checkout rewrite", &[]);
                rfc(j, p);
            },
            PacketSectionId::Leadership,
            "Wrote the RFC “Replayable checkout events” for Checkout rewrite.",
            &["Artifact “RFC: Replayable checkout events”, 2026-07-20"],
        ),
        (
            "feedback received, in the giver's words",
            |j| praise(j, None),
            PacketSectionId::People,
            "Calm and clear through the cut-over.",
            &["Feedback “from Priya Shah”, 2026-09-01"],
        ),
        (
            "a mentee's goal reached",
            mentee_goal,
            PacketSectionId::People,
            "Helped Ana Ruiz reach their goal: Lead the on-call rotation.",
            &["Goal “Lead the on-call rotation”, 2026-10-15", "Person “Ana Ruiz”"],
        ),
        (
            "the period in one sentence",
            |j| {
                let p = project(j, "Checkout rewrite", &[]);
                latency(j, p, "2026-08-03", false);
                queue_decision(j, p);
                praise(j, Some(p));
            },
            PacketSectionId::Summary,
            "1 project, 1 measured result, 1 decision, and 1 piece of feedback received.",
            &["Project “Checkout rewrite”, 2026-03-01"],
        ),
    ];
    for (case, seed, id, words, sources) in cases {
        let (_dir, mut j) = journal();
        seed(&mut j);
        let packet = j.packet(&half()).unwrap();
        assert!(
            section(&packet, id).iter().any(|s| s.contains(words)),
            "{case}: {id:?} lacks {words:?}: {:?}",
            section(&packet, id)
        );
        assert_eq!(cited(&packet, words), sources, "{case}");
        // Every source is cited by some sentence, and numbered in order.
        for (i, source) in packet.sources.iter().enumerate() {
            assert_eq!(source.number as usize, i + 1, "{case}");
            assert!(
                packet
                    .sections
                    .iter()
                    .flat_map(|s| &s.sentences)
                    .any(|s| s.sources.contains(&source.number)),
                "{case}: source {} cited by nothing",
                source.number
            );
        }
    }
}

#[test]
fn the_next_period_holds_results_to_measure_and_mentees_open_goals() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", &[]);
    j.add(MetricInput {
        project_id: p,
        name: "Refund time".into(),
        unit: Some("days".into()),
        baseline: Some(5.0),
        target: Some(1.0),
        better: Some(Direction::Lower),
        measure_by: Some(day("2027-02-01")),
        ..Default::default()
    })
    .unwrap();
    let ana = mentee(&mut j, "Ana Ruiz");
    j.add(GoalInput {
        person_id: ana,
        text: "Run the design review".into(),
        set_on: Some(day("2026-09-01")),
        reached_on: None,
        took_over: false,
        labels: Labels::default(),
    })
    .unwrap();
    let packet = j.packet(&half()).unwrap();
    assert_eq!(
        section(&packet, PacketSectionId::Goals),
        [
            "Measure refund time for Checkout rewrite by 1 February 2027.",
            "Help Ana Ruiz reach their goal: Run the design review."
        ]
    );
    assert_eq!(cited(&packet, "Help Ana"), ["Goal “Run the design review”", "Person “Ana Ruiz”"]);
}

#[test]
fn the_quote_keeps_who_said_it_and_the_rfc_its_address() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", &[]);
    praise(&mut j, Some(p));
    rfc(&mut j, p);
    let packet = j.packet(&half()).unwrap();
    let all: Vec<_> = packet.sections.iter().flat_map(|s| &s.sentences).collect();
    let quote = all.iter().find(|s| s.key.starts_with("people:feedback:")).unwrap();
    assert_eq!(quote.quote_by.as_deref(), Some("Priya Shah, 2026-09-01"));
    let rfc = all.iter().find(|s| s.key.starts_with("leadership:artifact:")).unwrap();
    assert_eq!(rfc.link.as_deref(), Some("https://docs.example.com/rfc/42"));
    let md =
        String::from_utf8(j.export_packet(&half(), DocumentFormat::Markdown).unwrap().0).unwrap();
    assert!(
        md.contains("> Calm and clear through the cut-over.\n>\n> — Priya Shah, 2026-09-01[^"),
        "{md}"
    );
    assert!(
        md.contains("[https://docs.example.com/rfc/42](https://docs.example.com/rfc/42)"),
        "{md}"
    );
}

#[test]
fn what_lies_outside_the_period_or_moved_the_wrong_way_makes_no_claim() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", &[]);
    latency(&mut j, p, "2025-02-01", false);
    let earlier = j.packet(&request("2025-01-01", "2025-06-30", None)).unwrap();
    assert_eq!(section(&earlier, PacketSectionId::Impact).len(), 1);
    let later = j.packet(&request("2027-01-01", "2027-06-30", None)).unwrap();
    assert!(section(&later, PacketSectionId::Impact).is_empty(), "{later:#?}");
    assert_eq!(
        section(&later, PacketSectionId::Summary)[0],
        "Nothing in the journal is dated in this period yet."
    );
    // A metric that got worse has no bullet: the project says what it did instead.
    j.add(MetricInput {
        project_id: p,
        name: "Build time".into(),
        unit: Some("min".into()),
        baseline: Some(10.0),
        result: Some(14.0),
        better: Some(Direction::Lower),
        measured_on: Some(day("2026-08-01")),
        ..Default::default()
    })
    .unwrap();
    let packet = j.packet(&half()).unwrap();
    let impact = section(&packet, PacketSectionId::Impact);
    assert!(
        impact.iter().all(|s| !s.contains("Build time") && !s.contains("14 min")),
        "{impact:?}"
    );
}

#[test]
fn private_entries_are_left_out_and_counted() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", &[]);
    latency(&mut j, p, "2026-08-03", true);
    let secret = j
        .add(ProjectInput {
            title: "Reorg planning".into(),
            started_on: Some(day("2026-08-01")),
            labels: Labels { private: true, ..Default::default() },
            ..Default::default()
        })
        .unwrap();
    queue_decision(&mut j, secret.id);
    let packet = j.packet(&half()).unwrap();
    let md =
        String::from_utf8(j.export_packet(&half(), DocumentFormat::Markdown).unwrap().0).unwrap();
    for leaked in ["p99 latency", "Reorg", "Kafka"] {
        assert!(!md.contains(leaked), "{leaked} leaked into the packet: {md}");
    }
    assert_eq!(packet.left_out, 3, "the metric, the project and its decision");
}

#[test]
fn an_edit_is_kept_through_regeneration_until_reset() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", &[]);
    let metric = latency(&mut j, p, "2026-08-03", false);
    let key = format!("impact:metric:{metric}");
    let mine = "Cut checkout p99 from 800 ms to 120 ms before the holiday peak.";
    let edited = j.edit_packet_sentence(&half(), &key, mine).unwrap();
    let sentence = edited.sentence(&key).unwrap();
    assert_eq!((sentence.text.as_str(), sentence.edited, sentence.changed), (mine, true, false));

    // Another target and a longer period regenerate the packet; the words stay.
    let again = j.packet(&request("2026-01-01", "2026-12-31", Some("foundation"))).unwrap();
    assert_eq!(again.sentence(&key).unwrap().text, mine);
    let md =
        String::from_utf8(j.export_packet(&half(), DocumentFormat::Markdown).unwrap().0).unwrap();
    assert!(md.contains(mine), "{md}");

    // The journal moves: the edit stays, marked as made over older words.
    let mut input = j.entry::<crate::journal::Metric>(metric).unwrap().input;
    input.result = Some(100.0);
    j.update(metric, input).unwrap();
    let moved = j.packet(&half()).unwrap();
    let sentence = moved.sentence(&key).unwrap();
    assert_eq!((sentence.text.as_str(), sentence.changed), (mine, true));
    assert!(sentence.generated_text.contains("88%"), "{}", sentence.generated_text);

    let reset = j.reset_packet_sentence(&half(), &key).unwrap();
    let sentence = reset.sentence(&key).unwrap();
    assert!(!sentence.edited && sentence.text == sentence.generated_text);

    // Saving the journal's own words is no edit at all.
    let words = sentence.generated_text.clone();
    let same = j.edit_packet_sentence(&half(), &key, &words).unwrap();
    assert!(!same.sentence(&key).unwrap().edited);
}

#[test]
fn gaps_are_the_target_stages_missing_proofs_and_a_skill_narrows_the_case() {
    let (_dir, mut j) = journal();
    let payments = project(&mut j, "Checkout rewrite", &["Kafka"]);
    latency(&mut j, payments, "2026-08-03", false);
    let other = project(&mut j, "Search tuning", &["Elasticsearch"]);
    latency(&mut j, other, "2026-09-03", false);

    let packet = j.packet(&half()).unwrap();
    let stage = j.readiness().unwrap().stages.into_iter().find(|s| s.id == "leverage").unwrap();
    let missing = stage.proofs.iter().filter(|p| !p.met).count();
    assert!(missing > 0);
    assert_eq!(section(&packet, PacketSectionId::Gaps).len(), missing);
    assert_eq!(packet.target.as_ref().unwrap().name, stage.name);

    let kafka = j.packet(&request("2026-07-01", "2026-12-31", Some("skill:kafka"))).unwrap();
    let impact =
        &kafka.sections.iter().find(|s| s.id == PacketSectionId::Impact).unwrap().sentences;
    assert_eq!(impact.len(), 1);
    assert_eq!(impact[0].group.as_deref(), Some("Checkout rewrite"));
}

#[test]
fn a_bad_request_is_told_by_its_field() {
    let (_dir, mut j) = journal();
    let field = |e: Error| match e {
        Error::Invalid { errors, .. } => errors[0].field.clone(),
        other => panic!("not a field error: {other:?}"),
    };
    let backwards = j.packet(&request("2026-12-31", "2026-07-01", None)).unwrap_err();
    assert_eq!(field(backwards), "until");
    let nowhere = j.packet(&request("2026-07-01", "2026-12-31", Some("astronaut"))).unwrap_err();
    assert_eq!(field(nowhere), "target");
    let empty = j.edit_packet_sentence(&half(), "summary:2026-07-01:2026-12-31", "  ").unwrap_err();
    assert_eq!(field(empty), "text");
    assert!(matches!(
        j.edit_packet_sentence(&half(), "impact:metric:999", "words"),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn every_format_is_the_same_bytes_for_the_same_journal() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", &[]);
    latency(&mut j, p, "2026-08-03", false);
    queue_decision(&mut j, p);
    praise(&mut j, Some(p));
    mentee_goal(&mut j);
    for format in DocumentFormat::ALL.iter().copied() {
        let once = j.export_packet(&half(), format).unwrap().0;
        let twice = j.export_packet(&half(), format).unwrap().0;
        assert!(!once.is_empty() && once == twice, "{format:?} differs between two exports");
    }
    let md =
        String::from_utf8(j.export_packet(&half(), DocumentFormat::Markdown).unwrap().0).unwrap();
    // Every reference has its footnote, and every footnote is referenced.
    let sources = md.split("## Sources").nth(1).unwrap();
    let body = md.split("## Sources").next().unwrap();
    for n in 1..=sources.lines().filter(|l| l.starts_with("[^")).count() {
        assert!(body.contains(&format!("[^{n}]")), "[^{n}] is not cited: {md}");
        assert!(sources.contains(&format!("[^{n}]: ")), "[^{n}] has no source: {md}");
    }
}

#[test]
fn edits_travel_with_the_journal_and_a_key_naming_nothing_refuses_the_file() {
    let (_dir, mut j) = journal();
    let p = project(&mut j, "Checkout rewrite", &[]);
    let metric = latency(&mut j, p, "2026-08-03", false);
    let mine = "Cut checkout p99 from 800 ms to 120 ms before the holiday peak.";
    j.edit_packet_sentence(&half(), &format!("impact:metric:{metric}"), mine).unwrap();
    let file = j.export_journal().unwrap();
    let uuid = j.entry::<crate::journal::Metric>(metric).unwrap().uuid;
    assert_eq!(file.packet_edits[0].key, format!("impact:metric:{uuid}"));

    let (_other, mut moved) = journal();
    moved.import_journal(&serde_json::to_vec(&file).unwrap()).unwrap();
    let packet = moved.packet(&half()).unwrap();
    let impact = section(&packet, PacketSectionId::Impact);
    assert_eq!(impact, [mine]);

    let mut broken = file.clone();
    broken.packet_edits[0].key = "impact:metric:00000000-0000-4000-8000-000000000000".into();
    let (_empty, mut empty) = journal();
    let refused = empty.import_journal(&serde_json::to_vec(&broken).unwrap()).unwrap_err();
    assert!(refused.to_string().contains("review packet edit 1"), "{refused}");
    assert!(empty.export_journal().unwrap().entries.is_empty(), "all or nothing");
}
