//! People on a temporary journal: action items carried from 1:1 to 1:1 until done, a
//! person's timeline, readiness from mentees' goals, private entries kept out of every
//! shared export, and a person's trip to the trash and back.

use crate::journal::{
    DecisionInput, Direction, Feedback, FeedbackDirection, FeedbackInput, Labels, MetricInput,
    NoteInput, ProjectInput, ProjectStatus,
};
use crate::people::{
    ActionDraft, ActionItem, ActionOwner, GoalInput, OneOnOneForm, OneOnOneInput, PeopleFilter,
    Person, PersonInput, Relationship, RelationshipSpan, TimelineRole,
};
use crate::test_support::{day, journal};
use crate::{Error, Journal};

fn span(relationship: Relationship, from: Option<&str>, to: Option<&str>) -> RelationshipSpan {
    RelationshipSpan { relationship, team: None, from: from.map(day), to: to.map(day) }
}

fn person(j: &mut Journal, name: &str, relationship: Relationship) -> Person {
    j.add(PersonInput {
        name: name.into(),
        relationships: vec![span(relationship, Some("2024-01-01"), None)],
        ..Default::default()
    })
    .unwrap()
}

fn draft(text: &str, owner: ActionOwner) -> ActionDraft {
    ActionDraft { id: None, text: text.into(), owner, done: false }
}

fn meet(
    j: &mut Journal,
    person: i64,
    date: &str,
    actions: Vec<ActionDraft>,
) -> crate::people::OneOnOneDetail {
    let meeting = OneOnOneInput { person_id: person, date: Some(day(date)), ..Default::default() };
    j.save_one_on_one(None, OneOnOneForm { meeting, actions }).unwrap()
}

fn texts(items: &[ActionItem]) -> Vec<&str> {
    items.iter().map(|a| a.text.as_str()).collect()
}

#[test]
fn open_action_items_carry_over_to_the_next_one_on_one_until_done() {
    let (_d, mut j) = journal();
    let mira = person(&mut j, "Mira Okafor", Relationship::Mentee);
    let other = person(&mut j, "Tomas Reyes", Relationship::Peer);
    let first = meet(
        &mut j,
        mira.id,
        "2026-10-05",
        vec![
            draft("Share the on-call runbook", ActionOwner::Me),
            draft("Draft the RFC", ActionOwner::Them),
        ],
    );
    assert_eq!(texts(&first.actions), ["Share the on-call runbook", "Draft the RFC"]);
    assert!(first.carried.is_empty(), "nothing came before the first 1:1");
    meet(&mut j, other.id, "2026-10-06", vec![draft("Someone else's item", ActionOwner::Me)]);

    j.mark_action(first.actions[0].id, true).unwrap();
    let second =
        meet(&mut j, mira.id, "2026-10-19", vec![draft("Pair on the review", ActionOwner::Me)]);
    assert_eq!(texts(&second.carried), ["Draft the RFC"], "only the open item, only Mira's");
    assert_eq!(second.carried[0].agreed_on, day("2026-10-05"));
    assert_eq!(second.carried[0].person_id, mira.id);
    assert_eq!(
        texts(&j.carried_actions(mira.id).unwrap()),
        ["Draft the RFC", "Pair on the review"]
    );

    // Done at the second 1:1, it is carried no further.
    j.mark_action(first.actions[1].id, true).unwrap();
    let third = meet(&mut j, mira.id, "2026-11-02", vec![]);
    assert_eq!(texts(&third.carried), ["Pair on the review"]);
    // The earlier 1:1 does not carry what was agreed after it.
    assert!(j.one_on_one(first.meeting.id).unwrap().carried.is_empty());
    let done = j.entry::<ActionItem>(first.actions[1].id).unwrap();
    assert!(done.done_on.is_some());
    assert_eq!(j.mark_action(done.id, true).unwrap().done_on, done.done_on, "done keeps its day");
    assert_eq!(j.mark_action(done.id, false).unwrap().done_on, None, "and can be opened again");
}

#[test]
fn a_one_on_one_form_saves_its_items_in_one_write_and_trashes_the_ones_left_out() {
    let (_d, mut j) = journal();
    let lee = person(&mut j, "Lee Park", Relationship::Manager);
    let saved = meet(
        &mut j,
        lee.id,
        "2026-11-03",
        vec![
            draft("Ask about the promo packet", ActionOwner::Me),
            draft("Intro to the infra lead", ActionOwner::Them),
        ],
    );
    let (keep, drop) = (&saved.actions[0], &saved.actions[1]);
    let form = OneOnOneForm {
        meeting: OneOnOneInput {
            agenda: Some("Promo timeline".into()),
            ..saved.meeting.input.clone()
        },
        actions: vec![
            ActionDraft {
                id: Some(keep.id),
                text: "Ask about the packet".into(),
                owner: ActionOwner::Me,
                done: true,
            },
            draft("Book the skip-level", ActionOwner::Me),
        ],
    };
    let edited = j.save_one_on_one(Some(saved.meeting.id), form).unwrap();
    assert_eq!(edited.meeting.agenda.as_deref(), Some("Promo timeline"));
    assert_eq!(texts(&edited.actions), ["Ask about the packet", "Book the skip-level"]);
    assert_eq!(edited.actions[0].id, keep.id, "an edited item keeps its id");
    assert!(edited.actions[0].done_on.is_some());
    let trashed = j.trash().unwrap();
    assert_eq!(trashed.len(), 1);
    assert_eq!(
        (trashed[0].entry_id, trashed[0].title.as_str()),
        (drop.id, "Intro to the infra lead")
    );

    // A blank item is refused whole: nothing of the form is written.
    let bad = OneOnOneForm {
        meeting: OneOnOneInput { agenda: Some("changed".into()), ..edited.meeting.input.clone() },
        actions: vec![draft("  ", ActionOwner::Them)],
    };
    let Err(Error::Invalid { errors, .. }) = j.save_one_on_one(Some(saved.meeting.id), bad) else {
        panic!("a blank item is refused");
    };
    assert_eq!(errors[0].field, "actions");
    assert_eq!(
        j.one_on_one(saved.meeting.id).unwrap().meeting.agenda.as_deref(),
        Some("Promo timeline")
    );

    // An item of another 1:1 cannot be edited through this one.
    let other = meet(&mut j, lee.id, "2026-11-17", vec![]);
    let stray = OneOnOneForm {
        meeting: other.meeting.input.clone(),
        actions: vec![ActionDraft {
            id: Some(keep.id),
            text: "x".into(),
            owner: ActionOwner::Me,
            done: false,
        }],
    };
    assert!(j.save_one_on_one(Some(other.meeting.id), stray).is_err());
}

#[test]
fn a_person_is_checked_and_their_relationship_today_is_derived() {
    let (_d, mut j) = journal();
    let Err(Error::Invalid { errors, .. }) =
        j.add(PersonInput { name: " ".into(), ..Default::default() })
    else {
        panic!("a nameless person is refused");
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["name", "relationships"]);
    let backwards = PersonInput {
        name: "Ana".into(),
        relationships: vec![span(Relationship::Peer, Some("2024-05-01"), Some("2023-01-01"))],
        ..Default::default()
    };
    assert!(j.add(backwards).unwrap_err().to_string().contains("ends before it starts"));

    // A peer who became the engineer's manager: two spans, the later one holds today.
    let ana = j
        .add(PersonInput {
            name: "Ana Lindqvist".into(),
            relationships: vec![
                span(Relationship::Manager, Some("2025-02-01"), None),
                RelationshipSpan {
                    team: Some("Storage".into()),
                    ..span(Relationship::Peer, Some("2021-06-01"), Some("2025-01-31"))
                },
            ],
            ..Default::default()
        })
        .unwrap();
    let kinds: Vec<Relationship> = ana.relationships.iter().map(|r| r.relationship).collect();
    assert_eq!(kinds, [Relationship::Peer, Relationship::Manager], "kept oldest first");
    assert_eq!(ana.current.as_ref().unwrap().relationship, Relationship::Manager);
    assert_eq!(ana.input.current(day("2023-03-01")).unwrap().team.as_deref(), Some("Storage"));
    assert_eq!(ana.line(), "Ana Lindqvist, manager");

    person(&mut j, "Bo Chen", Relationship::Mentee);
    let managers = j
        .people(&PeopleFilter { relationship: Some(Relationship::Peer), ..Default::default() })
        .unwrap();
    assert_eq!(managers.people.len(), 1, "a relationship at any time counts");
    let storage =
        j.people(&PeopleFilter { text: Some("stor".into()), ..Default::default() }).unwrap();
    assert_eq!(storage.people[0].person.name, "Ana Lindqvist", "teams are searched too");
    assert_eq!(j.people(&PeopleFilter::default()).unwrap().total, 2);
}

#[test]
fn a_persons_page_gathers_everything_linked_to_them_newest_first() {
    let (_d, mut j) = journal();
    let kai = person(&mut j, "Kai Novak", Relationship::Mentee);
    let project = j
        .add(ProjectInput {
            title: "On-call handover".into(),
            started_on: Some(day("2026-03-01")),
            labels: Labels { person_ids: vec![kai.id], ..Default::default() },
            ..Default::default()
        })
        .unwrap();
    j.add(DecisionInput {
        title: "Split the pager rotation".into(),
        options: vec!["Split".into(), "Keep one".into()],
        chosen: "Split".into(),
        decided_on: Some(day("2026-04-10")),
        labels: Labels { person_ids: vec![kai.id], ..Default::default() },
        ..Default::default()
    })
    .unwrap();
    let given = j
        .add(FeedbackInput {
            source: String::new(),
            person_id: Some(kai.id),
            direction: Some(FeedbackDirection::Given),
            date: Some(day("2026-05-02")),
            text: "Your incident summary was clear and early.".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(given.source, "Kai Novak", "a blank source takes the person's name");
    j.add(FeedbackInput {
        source: "Kai".into(),
        person_id: Some(kai.id),
        date: Some(day("2026-06-01")),
        text: "The pairing sessions helped.".into(),
        labels: Labels { private: true, ..Default::default() },
        ..Default::default()
    })
    .unwrap();
    meet(&mut j, kai.id, "2026-05-20", vec![draft("Shadow the next incident", ActionOwner::Them)]);
    j.add(GoalInput {
        person_id: kai.id,
        text: "Lead the on-call rotation".into(),
        set_on: Some(day("2026-02-01")),
        reached_on: Some(day("2026-07-01")),
        took_over: true,
        ..Default::default()
    })
    .unwrap();

    let page = j.person_page(kai.id).unwrap();
    let roles: Vec<(TimelineRole, String)> =
        page.timeline.iter().map(|t| (t.role, t.date.unwrap().to_string())).collect();
    assert_eq!(
        roles,
        [
            (TimelineRole::GoalReached, "2026-07-01".to_string()),
            (TimelineRole::FeedbackReceived, "2026-06-01".to_string()),
            (TimelineRole::OneOnOne, "2026-05-20".to_string()),
            (TimelineRole::FeedbackGiven, "2026-05-02".to_string()),
            (TimelineRole::Consulted, "2026-04-10".to_string()),
            (TimelineRole::Together, "2026-03-01".to_string()),
        ]
    );
    assert!(page.timeline[1].private, "private entries show on the engineer's own page");
    assert_eq!(page.timeline[5].project_id, Some(project.id));
    assert_eq!(texts(&page.open_actions), ["Shadow the next incident"]);
    assert_eq!((page.one_on_ones, page.goals.len(), page.feedback.len()), (1, 1, 2));
    assert_eq!(j.person_of(page.open_actions[0].id).unwrap(), kai.id);
    assert_eq!(j.person_of(given.id).unwrap(), kai.id);
    assert_eq!(j.person_names(&[kai.id, 999]).unwrap()[0].name, "Kai Novak");
    let rows = j.people(&PeopleFilter::default()).unwrap();
    assert_eq!((rows.people[0].one_on_ones, rows.people[0].open_actions), (1, 1));
    assert_eq!(rows.people[0].last_met_on, Some(day("2026-05-20")));

    // Links to someone not in the journal are refused, by field.
    let stray = ProjectInput {
        title: "x".into(),
        labels: Labels { person_ids: vec![4242], ..Default::default() },
        ..Default::default()
    };
    let Err(Error::Invalid { errors, .. }) = j.add(stray) else { panic!("a missing person") };
    assert_eq!(errors[0].field, "person_ids");
}

#[test]
fn mentees_reached_goals_count_for_the_mentoring_and_successor_proofs() {
    let (_d, mut j) = journal();
    let proof = |j: &Journal, id: &str| {
        j.readiness()
            .unwrap()
            .stages
            .into_iter()
            .flat_map(|s| s.proofs)
            .find(|p| p.id == id)
            .unwrap()
    };
    assert_eq!(
        proof(&j, "grew-someone").missing,
        "1 goal a mentee reached, with the day they reached it"
    );
    let rui = person(&mut j, "Rui Santos", Relationship::Mentee);
    let goal = j
        .add(GoalInput {
            person_id: rui.id,
            text: "Run the design review alone".into(),
            set_on: Some(day("2026-01-15")),
            ..Default::default()
        })
        .unwrap();
    assert!(!proof(&j, "grew-someone").met, "a goal set is not yet an outcome");
    let reached = GoalInput { reached_on: Some(day("2026-06-30")), ..goal.input.clone() };
    j.update(goal.id, reached).unwrap();
    let grew = proof(&j, "grew-someone");
    assert!(grew.met);
    assert_eq!(grew.entries[0].title, "Rui Santos: Run the design review alone");
    assert_eq!(grew.entries[0].kind, crate::journal::EntryKind::Goal);
    assert!(!proof(&j, "successor-trained").met);

    let took_over =
        GoalInput { took_over: true, ..j.entry::<crate::people::Goal>(goal.id).unwrap().input };
    j.update(goal.id, took_over).unwrap();
    assert!(proof(&j, "successor-trained").met);

    let Err(Error::Invalid { errors, .. }) = j.add(GoalInput {
        person_id: rui.id,
        text: "Own the billing service".into(),
        took_over: true,
        ..Default::default()
    }) else {
        panic!("taking over needs its day");
    };
    assert_eq!(errors[0].field, "reached_on");
}

#[test]
fn private_entries_stay_out_of_every_shared_export() {
    let (_d, mut j) = journal();
    let mentor = person(&mut j, "Dana Whitfield", Relationship::Mentor);
    let open = j
        .add(ProjectInput {
            title: "Checkout latency".into(),
            role: Some("Tech lead".into()),
            started_on: Some(day("2026-09-01")),
            status: Some(ProjectStatus::Shipped),
            ..Default::default()
        })
        .unwrap();
    let hidden = j
        .add(ProjectInput {
            title: "Reorg planning".into(),
            started_on: Some(day("2026-09-10")),
            labels: Labels { private: true, ..Default::default() },
            ..Default::default()
        })
        .unwrap();
    let metric = |project: i64, name: &str, private: bool| MetricInput {
        project_id: project,
        name: name.into(),
        unit: Some("ms".into()),
        baseline: Some(800.0),
        result: Some(120.0),
        better: Some(Direction::Lower),
        measured_on: Some(day("2026-10-01")),
        labels: Labels { private, ..Default::default() },
        ..Default::default()
    };
    j.add(metric(open.id, "p99 latency", false)).unwrap();
    j.add(metric(open.id, "Salary band gap", true)).unwrap();
    j.add(metric(hidden.id, "Headcount", false)).unwrap();
    j.add(NoteInput {
        project_id: Some(open.id),
        date: Some(day("2026-10-02")),
        text: "Talked about leaving".into(),
        labels: Labels { private: true, ..Default::default() },
    })
    .unwrap();

    let report = j.progress_report(mentor.id, day("2026-09-01"), day("2026-12-01")).unwrap();
    assert!(report.markdown.starts_with("# Progress report for Dana Whitfield\n"));
    assert!(
        report.markdown.contains("**Checkout latency** (Tech lead, shipped)"),
        "{}",
        report.markdown
    );
    assert!(report.markdown.contains("p99 latency: "), "{}", report.markdown);
    for secret in ["Reorg", "Salary", "Headcount"] {
        assert!(!report.markdown.contains(secret), "{secret} leaked: {}", report.markdown);
    }
    assert_eq!((report.projects, report.metrics), (1, 1));
    assert_eq!(report.private_left_out, 3, "the private project and both hidden metrics");
    let backwards = j.progress_report(mentor.id, day("2026-12-01"), day("2026-09-01"));
    assert!(matches!(backwards, Err(Error::Invalid { .. })));

    let (brag, _) = j.brag(None, None).unwrap();
    assert!(brag.contains("Checkout latency") && brag.contains("p99 latency"), "{brag}");
    for secret in ["Reorg", "Salary", "Headcount", "leaving"] {
        assert!(!brag.contains(secret), "{secret} leaked into the brag document: {brag}");
    }

    let request = crate::resume::ExportRequest {
        format: crate::resume::ExportFormat::Markdown,
        variant: None,
        tags: Vec::new(),
        since: None,
        until: None,
    };
    let (resume, _) = j.export_bullets(&request).unwrap();
    let resume = String::from_utf8(resume).unwrap();
    assert!(resume.contains("800 ms"), "{resume}");
    for secret in ["Reorg", "Salary", "Headcount"] {
        assert!(!resume.contains(secret), "{secret} leaked into the resume: {resume}");
    }
    // The engineer's own view still has them.
    assert_eq!(j.project_detail(open.id).unwrap().metrics.len(), 2);
    assert!(j.entry::<crate::journal::Project>(hidden.id).unwrap().labels.private);
}

#[test]
fn a_deleted_person_takes_their_one_on_ones_and_goals_and_comes_back_linked() {
    let (_d, mut j) = journal();
    let sam = person(&mut j, "Sam Iwu", Relationship::Report);
    let project = j
        .add(ProjectInput {
            title: "Search rewrite".into(),
            labels: Labels { person_ids: vec![sam.id], ..Default::default() },
            ..Default::default()
        })
        .unwrap();
    let feedback = j
        .add(FeedbackInput {
            source: "Sam".into(),
            person_id: Some(sam.id),
            text: "Clearer sprint goals, please.".into(),
            ..Default::default()
        })
        .unwrap();
    let meeting =
        meet(&mut j, sam.id, "2026-11-10", vec![draft("Write the career plan", ActionOwner::Them)]);
    j.add(GoalInput { person_id: sam.id, text: "Promoted to senior".into(), ..Default::default() })
        .unwrap();
    let before = j.export_journal().unwrap();

    let item = j.delete_entry(sam.id).unwrap();
    assert_eq!(item.children, 3, "the 1:1, its action item and the goal");
    assert!(j.entry::<Person>(sam.id).is_err());
    assert!(j.one_on_one(meeting.meeting.id).is_err());
    let kept = j.entry::<Feedback>(feedback.id).unwrap();
    assert_eq!((kept.person_id, kept.text.as_str()), (None, "Clearer sprint goals, please."));
    assert!(j.entry::<crate::journal::Project>(project.id).unwrap().labels.person_ids.is_empty());
    assert!(j.search("career plan", 0, 10).unwrap().hits.is_empty(), "out of search too");

    j.restore(item.id).unwrap();
    assert_eq!(j.export_journal().unwrap().entries.len(), before.entries.len());
    assert_eq!(j.entry::<Feedback>(feedback.id).unwrap().person_id, Some(sam.id));
    assert_eq!(j.entry::<crate::journal::Project>(project.id).unwrap().labels.person_ids, [sam.id]);
    assert_eq!(texts(&j.carried_actions(sam.id).unwrap()), ["Write the career plan"]);
    assert!(!j.search("career plan", 0, 10).unwrap().hits.is_empty());
    assert!(j.integrity_ok().unwrap());
}

#[test]
fn feedback_for_the_give_feedback_question_links_to_a_story() {
    let (_d, mut j) = journal();
    let ivy = person(&mut j, "Ivy Marsh", Relationship::Peer);
    let given = j
        .add(FeedbackInput {
            source: String::new(),
            person_id: Some(ivy.id),
            direction: Some(FeedbackDirection::Given),
            text: "Name the risk in the first paragraph.".into(),
            ..Default::default()
        })
        .unwrap();
    let story = j
        .save_story(
            None,
            crate::stories::StoryInput {
                title: "Hard feedback to a peer".into(),
                action: Some("I wrote it down first".into()),
                feedback_ids: vec![given.id],
                questions: vec!["how-do-you-give-constructive-feedback".into()],
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(story.feedback.len(), 1);
    assert_eq!(story.feedback[0].direction, Some(FeedbackDirection::Given));
    let missing = crate::stories::StoryInput {
        title: "x".into(),
        action: Some("y".into()),
        feedback_ids: vec![given.id + 100],
        ..Default::default()
    };
    let Err(Error::Invalid { errors, .. }) = j.save_story(None, missing) else { panic!() };
    assert_eq!(errors[0].field, "feedback_ids");
}
