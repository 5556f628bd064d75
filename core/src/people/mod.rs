//! The people a career is done through: managers, mentees, mentors and peers, the 1:1s
//! with them and what each side agreed to do, and the goals a mentee reached.

pub mod report;
pub mod validate;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journal::{EntryKind, Feedback, Labels};
use crate::macros::{entry_type, text_enum};

text_enum!(
    /// What a person is (or was) to the engineer.
    Relationship {
        Manager = "manager",
        SkipLevel = "skip-level" ("skip-level manager"),
        Report = "report" ("direct report"),
        Mentee = "mentee",
        Mentor = "mentor",
        Peer = "peer",
        Stakeholder = "stakeholder",
    }
);

/// One stretch of a relationship: a peer from 2021, their manager since 2024.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RelationshipSpan {
    pub relationship: Relationship,
    /// The team or organization they were in at the time.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub team: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub from: Option<NaiveDate>,
    /// Absent while it lasts.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonInput {
    pub name: String,
    /// Every relationship over time, oldest first; at least one.
    pub relationships: Vec<RelationshipSpan>,
    pub notes: Option<String>,
    #[serde(flatten)]
    pub labels: Labels,
}

impl PersonInput {
    /// The relationship that holds on `today`: the latest started one not ended by then,
    /// else the latest of all.
    pub fn current(&self, today: NaiveDate) -> Option<&RelationshipSpan> {
        let lasting = self
            .relationships
            .iter()
            .filter(|r| r.from.is_none_or(|f| f <= today) && r.to.is_none_or(|t| t >= today))
            .max_by_key(|r| r.from);
        lasting.or_else(|| self.relationships.iter().max_by_key(|r| (r.to, r.from)))
    }

    /// Whether the person was ever a mentee or a report: whose goals mentoring is about.
    pub fn mentored(&self) -> bool {
        self.relationships
            .iter()
            .any(|r| matches!(r.relationship, Relationship::Mentee | Relationship::Report))
    }
}

entry_type!(
    /// Someone in the engineer's working life, with every relationship over time.
    Person(PersonInput) {
        /// The relationship that holds today (see `PersonInput::current`).
        pub current: Option<RelationshipSpan>,
    }
);

impl Person {
    pub(crate) fn derived(
        head: crate::journal::EntryHead,
        input: PersonInput,
        today: NaiveDate,
    ) -> Person {
        let current = input.current(today).cloned();
        Person::new(head, input, current)
    }

    /// "Priya Raman, mentee (Payments)": the person as a list names them.
    pub fn line(&self) -> String {
        match &self.current {
            Some(r) => {
                let team = r.team.as_deref().map(|t| format!(" ({t})")).unwrap_or_default();
                format!("{}, {}{team}", self.name, r.relationship.in_words())
            }
            None => self.name.clone(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct OneOnOneInput {
    pub person_id: i64,
    /// Today when absent, so a saved 1:1 always has one.
    pub date: Option<NaiveDate>,
    pub agenda: Option<String>,
    pub notes: Option<String>,
    #[serde(flatten)]
    pub labels: Labels,
}

entry_type!(
    /// A dated 1:1 with one person: what was on the agenda and what was said.
    OneOnOne(OneOnOneInput) {}
);

text_enum!(
    /// Who an action item is for: the engineer or the person they met.
    ActionOwner {
        Me = "me",
        Them = "them",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActionItemInput {
    /// The 1:1 where it was agreed.
    pub one_on_one_id: i64,
    pub text: String,
    pub owner: ActionOwner,
    /// The day it was done; open while absent, and carried to every later 1:1 with the
    /// same person until then.
    pub done_on: Option<NaiveDate>,
    #[serde(flatten)]
    pub labels: Labels,
}

impl Default for ActionItemInput {
    fn default() -> Self {
        ActionItemInput {
            one_on_one_id: 0,
            text: String::new(),
            owner: ActionOwner::Me,
            done_on: None,
            labels: Labels::default(),
        }
    }
}

entry_type!(
    /// Something one side of a 1:1 agreed to do.
    ActionItem(ActionItemInput) {
        /// The person of the 1:1 it came from.
        pub person_id: i64,
        /// The day of the 1:1 it came from.
        pub agreed_on: NaiveDate,
    }
);

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct GoalInput {
    /// The mentee (or report) whose goal it is.
    pub person_id: i64,
    /// "Lead the on-call rotation", "promoted to senior".
    pub text: String,
    /// The day the goal was set.
    pub set_on: Option<NaiveDate>,
    /// The day it was reached: an outcome of the mentoring. Open while absent.
    pub reached_on: Option<NaiveDate>,
    /// They took over work the engineer used to carry: a successor trained.
    #[serde(default)]
    pub took_over: bool,
    #[serde(flatten)]
    pub labels: Labels,
}

entry_type!(
    /// A mentee's goal, and the day they reached it: what the mentoring changed.
    Goal(GoalInput) {}
);

/// An action item as a 1:1 form edits it: a new one without `id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActionDraft {
    #[serde(default)]
    #[ts(optional = nullable)]
    pub id: Option<i64>,
    pub text: String,
    pub owner: ActionOwner,
    #[serde(default)]
    pub done: bool,
}

/// A 1:1 as its form saves it: the meeting and its own action items, in one write.
/// Items of the meeting left out of `actions` go to the trash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OneOnOneForm {
    pub meeting: OneOnOneInput,
    #[serde(default)]
    pub actions: Vec<ActionDraft>,
}

/// A 1:1 with its action items and what is still open from the 1:1s before it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OneOnOneDetail {
    pub meeting: OneOnOne,
    pub person: Person,
    pub actions: Vec<ActionItem>,
    /// Open items agreed at earlier 1:1s with the same person, oldest first.
    pub carried: Vec<ActionItem>,
}

/// A row of the People list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PersonRow {
    #[serde(flatten)]
    pub person: Person,
    pub one_on_ones: u32,
    /// The day of the latest 1:1.
    pub last_met_on: Option<NaiveDate>,
    pub open_actions: u32,
}

/// What the People list shows, by name.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PeoplePage {
    pub people: Vec<PersonRow>,
    pub total: u32,
}

/// Which people the list shows. Absent fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PeopleFilter {
    /// Words that must each appear in the name or a team (any case).
    pub text: Option<String>,
    /// People with this relationship at any time.
    pub relationship: Option<Relationship>,
}

text_enum!(
    /// How an entry on a person's timeline relates to them.
    TimelineRole {
        OneOnOne = "one-on-one" ("1:1"),
        FeedbackReceived = "feedback-received" ("feedback from them"),
        FeedbackGiven = "feedback-given" ("feedback to them"),
        Together = "together" ("worked together"),
        Consulted = "consulted",
        GoalSet = "goal-set" ("goal set"),
        GoalReached = "goal-reached" ("goal reached"),
        Linked = "linked",
    }
);

/// One entry on a person's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TimelineItem {
    pub id: i64,
    pub kind: EntryKind,
    pub role: TimelineRole,
    pub date: Option<NaiveDate>,
    pub title: String,
    /// A line more: the agenda of a 1:1, the text of feedback.
    pub detail: Option<String>,
    /// The project to open for it, when it is in one (itself for a project).
    pub project_id: Option<i64>,
    pub private: bool,
}

/// Everything linked to one person.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PersonPage {
    pub person: Person,
    /// Newest first; undated entries last.
    pub timeline: Vec<TimelineItem>,
    /// Every open action item from the 1:1s with them, oldest first.
    pub open_actions: Vec<ActionItem>,
    pub goals: Vec<Goal>,
    pub feedback: Vec<Feedback>,
    pub one_on_ones: u32,
}

/// The people an entry involved, as the entry shows them: id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PersonName {
    pub id: i64,
    pub name: String,
}

/// What `Journal::progress_report` wrote.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProgressReport {
    pub markdown: String,
    pub projects: u32,
    pub metrics: u32,
    pub checklists: u32,
    pub rehearsals: u32,
    /// Entries of the period left out because they are private.
    pub private_left_out: u32,
}
