//! The rules a person, a 1:1, an action item and a goal must meet before they are
//! written; like the journal's, each returns the input tidied or every broken rule.

use super::{ActionItemInput, GoalInput, OneOnOneInput, PersonInput, RelationshipSpan};
use crate::journal::validate::{
    date, optional, required, tidy_labels, Problems, MAX_SHORT, MAX_TEXT, MAX_TITLE,
};
use crate::Result;

/// More relationships than anyone has with one colleague is a runaway import.
pub const MAX_RELATIONSHIPS: usize = 20;

pub fn person(input: PersonInput) -> Result<PersonInput> {
    let mut p = Problems::default();
    let name = p.take(required("name", &input.name, MAX_SHORT));
    if input.relationships.is_empty() {
        p.add("relationships", "needs at least one: manager, mentee, peer...");
    }
    if input.relationships.len() > MAX_RELATIONSHIPS {
        p.add(
            "relationships",
            format!("has {} entries; the limit is {MAX_RELATIONSHIPS}", input.relationships.len()),
        );
    }
    let mut relationships = Vec::with_capacity(input.relationships.len());
    for span in input.relationships {
        let team = p.take(optional("relationships", span.team, MAX_TITLE));
        let from = p.take(date("relationships", span.from));
        let to = p.take(date("relationships", span.to));
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                p.add(
                    "relationships",
                    format!("has one that ends before it starts ({to} is before {from})"),
                );
            }
        }
        relationships.push(RelationshipSpan { relationship: span.relationship, team, from, to });
    }
    // Oldest first, undated ones where they were written.
    relationships.sort_by_key(|r| r.from);
    let notes = p.take(optional("notes", input.notes, MAX_TEXT));
    let labels = p.take(tidy_labels(input.labels));
    p.done(PersonInput { name, relationships, notes, labels })
}

pub fn one_on_one(input: OneOnOneInput) -> Result<OneOnOneInput> {
    let mut p = Problems::default();
    let tidy = OneOnOneInput {
        person_id: input.person_id,
        date: p.take(date("date", input.date)),
        agenda: p.take(optional("agenda", input.agenda, MAX_TEXT)),
        notes: p.take(optional("notes", input.notes, MAX_TEXT)),
        labels: p.take(tidy_labels(input.labels)),
    };
    p.done(tidy)
}

pub fn action(input: ActionItemInput) -> Result<ActionItemInput> {
    let mut p = Problems::default();
    let tidy = ActionItemInput {
        one_on_one_id: input.one_on_one_id,
        text: p.take(required("text", &input.text, MAX_TITLE)),
        owner: input.owner,
        done_on: p.take(date("done_on", input.done_on)),
        labels: p.take(tidy_labels(input.labels)),
    };
    p.done(tidy)
}

pub fn goal(input: GoalInput) -> Result<GoalInput> {
    let mut p = Problems::default();
    let set_on = p.take(date("set_on", input.set_on));
    let reached_on = p.take(date("reached_on", input.reached_on));
    if let (Some(set), Some(reached)) = (set_on, reached_on) {
        if reached < set {
            p.add("reached_on", format!("is before the goal was set ({reached} is before {set})"));
        }
    }
    if input.took_over && reached_on.is_none() && !p.has("reached_on") {
        p.add("reached_on", "is needed when they took over work: the day they did");
    }
    let tidy = GoalInput {
        person_id: input.person_id,
        text: p.take(required("text", &input.text, MAX_TITLE)),
        set_on,
        reached_on,
        took_over: input.took_over,
        labels: p.take(tidy_labels(input.labels)),
    };
    p.done(tidy)
}
