//! How a bullet is worded: built from the parts of a sentence (the verb, its object, the
//! size of a change, the purpose, the trade-off, the scope and the organisation), never by
//! pasting field values into a template. How a change is told comes from `journal::told`.

use crate::journal::{DecisionInput, Metric, ProjectInput, Scope};

use super::grammar::{
    capitalised, choice_object, dilemma, first_clause, listed, mid_sentence, noun_phrase,
    plain_words, shape, thing, verb, verbal, Form, Names, Shape,
};
use super::lint::{MAX_CHARS, MAX_WORDS};

pub use crate::journal::told::{number, unit_kind, with_unit, UnitKind};

/// The work a project's title names, in the forms a sentence needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Work {
    /// The title as something done, lower-case: "simplified the CI pipeline"; for a title
    /// that names the work ("Checkout rewrite"), absent.
    pub done: Option<String>,
    /// The title as an infinitive, lower-case: "simplify the CI pipeline".
    pub base: Option<String>,
    /// The title as the object of "Led": "the checkout rewrite"; absent for a verb title.
    pub noun: Option<String>,
    /// How a result came about: "by simplifying the CI pipeline", "through the checkout
    /// rewrite".
    pub means: String,
}

impl Work {
    pub fn of(title: &str, names: &Names) -> Work {
        let title = title.trim().trim_end_matches(['.', '!']);
        if title.is_empty() {
            return Work { done: None, base: None, noun: None, means: String::new() };
        }
        match shape(title) {
            Shape::Verbal { .. } => {
                let lowered = |form| verbal(title, form).map(|t| mid_sentence(&t, names));
                Work {
                    done: lowered(Form::Past),
                    base: lowered(Form::Base),
                    noun: None,
                    means: format!("by {}", lowered(Form::Gerund).unwrap_or_default()),
                }
            }
            Shape::Noun => {
                let noun = noun_phrase(title, names);
                Work { done: None, base: None, means: format!("through {noun}"), noun: Some(noun) }
            }
        }
    }
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

fn fits(text: &str) -> bool {
    word_count(text) <= MAX_WORDS && text.chars().count() <= MAX_CHARS
}

/// The first of `tries` that fits in a bullet, else the shortest.
fn first_fitting(tries: Vec<String>) -> String {
    tries
        .iter()
        .find(|t| fits(t))
        .or_else(|| tries.iter().min_by_key(|t| word_count(t)))
        .cloned()
        .unwrap_or_default()
}

fn leads(role: Option<&str>) -> bool {
    role.map(str::to_lowercase)
        .is_some_and(|r| r.contains("lead") || r.contains("manager") || r.contains("owner"))
}

/// Words that open a clause saying why or when: what may follow a sentence as it is.
const CONNECTIVES: &[&str] = &[
    "to ", "so ", "because ", "after ", "ahead of ", "before ", "for ", "when ", "while ", "as ",
    "in order to ", "following ", "during ", "until ", "without ", "with ", "by ", "once ",
    "since ", "in time for ", "in response to ",
];

fn connective(text: &str) -> bool {
    let lower = text.to_lowercase();
    CONNECTIVES.iter().any(|c| lower.starts_with(c))
}

/// Strips the restated `title` (as typed or as done) off the front of a summary's first
/// clause; `None` when the clause does not restate it.
fn after_restated<'a>(clause: &'a str, restated: &[String]) -> Option<&'a str> {
    let lower = clause.to_lowercase();
    restated.iter().filter(|r| !r.is_empty()).find(|r| lower.starts_with(&r.to_lowercase())).map(
        |r| {
            clause
                .get(r.len()..)
                .unwrap_or_default()
                .trim_start_matches([',', '-', '—', '–', ':', ' '])
                .trim()
        },
    )
}

/// Half the title's words (those over three letters) or more appear in the clause.
fn restates(clause: &str, title: &str) -> bool {
    let said = plain_words(clause);
    let stem = |w: &str| w.chars().take(5).collect::<String>();
    let said: Vec<String> = said.iter().map(|w| stem(w)).collect();
    let title: Vec<String> = plain_words(title).into_iter().filter(|w| w.len() > 3).collect();
    !title.is_empty() && title.iter().filter(|w| said.contains(&stem(w))).count() * 2 >= title.len()
}

/// What a project's summary adds after the bullet's main clause: why or when ("ahead of a
/// 3x traffic forecast"), or what was done (": moved pricing into a cache"). Never the title
/// again.
fn summary_tail(summary: &str, title: &str, work: &Work, names: &Names) -> Option<String> {
    let clause = first_clause(summary).trim_end_matches([',', ' ']);
    let ends = summary.find(clause).and_then(|at| summary[at + clause.len()..].chars().next());
    // "Two goals: ..." only introduces what follows; it says nothing on its own.
    if clause.is_empty() || ends == Some(':') {
        return None;
    }
    let mut restated = vec![title.trim().to_string()];
    restated.extend(work.done.clone());
    if let Some(rest) = after_restated(clause, &restated) {
        return (!rest.is_empty()).then(|| format!(" {}", mid_sentence(rest, names)));
    }
    if connective(clause) {
        return Some(format!(" {}", mid_sentence(clause, names)));
    }
    if restates(clause, title) {
        return None;
    }
    match shape(clause) {
        Shape::Verbal { form: Form::Gerund, .. } => {
            Some(format!(", {}", mid_sentence(clause, names)))
        }
        Shape::Verbal { .. } => {
            verbal(clause, Form::Past).map(|done| format!(": {}", mid_sentence(&done, names)))
        }
        Shape::Noun => Some(format!(": {}", mid_sentence(clause, names))),
    }
}

/// The project's own bullet: the work, where and how widely, and why.
pub fn project_bullet(p: &ProjectInput, names: &Names) -> String {
    let work = Work::of(&p.title, names);
    let lead = if leads(p.role.as_deref()) { "led" } else { "delivered" };
    let organization = p.organization.as_deref().map(str::trim);
    let main = match (p.scope, &work.base, &work.noun) {
        (Some(Scope::Initiative), Some(base), _) => {
            let verb = if lead == "led" { "led" } else { "drove" };
            format!("{verb} a cross-cutting initiative to {base}")
        }
        (Some(Scope::Initiative), None, Some(noun)) => {
            format!("{lead} {noun} as a cross-cutting initiative")
        }
        (_, _, Some(noun)) => format!("{lead} {noun}"),
        _ => work.done.clone().unwrap_or_default(),
    };
    let place = match (p.scope, organization) {
        (Some(Scope::Organization), Some(org)) => format!(" across {org}"),
        (Some(Scope::Organization), None) => " across the organization".to_string(),
        (Some(Scope::MultiTeam), Some(org)) => format!(" across several teams at {org}"),
        (Some(Scope::MultiTeam), None) => " across several teams".to_string(),
        (_, Some(org)) => format!(" at {org}"),
        _ => String::new(),
    };
    let base = capitalised(&format!("{main}{place}"));
    let tail = p.summary.as_deref().and_then(|s| summary_tail(s, &p.title, &work, names));
    match tail {
        Some(tail) => first_fitting(vec![format!("{base}{tail}"), base]),
        None => base,
    }
}

/// A metric's bullet, and what else it cites.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricBullet {
    pub text: String,
    /// Another metric the bullet states (the one that improved while this one held).
    pub also: Option<i64>,
    /// It claims an improvement the journal shows.
    pub strong: bool,
}

/// A metric's bullet: the change it claims and the work that made it. A metric that got
/// worse claims nothing: it is said as "held" beside one that improved, when it held within
/// noise, or not at all.
pub fn metric_bullet(
    metric: &Metric,
    work: &Work,
    others: &[Metric],
    names: &Names,
) -> Option<MetricBullet> {
    // A metric still waiting for its result claims nothing yet.
    let told = metric.telling()?;
    let object = mid_sentence(&metric.name, names);
    if let Some(verb) = told.verb() {
        let phrase = told.phrase()?;
        let claim = format!("{verb} {object} {phrase}");
        let tries = if work.means.is_empty() {
            vec![claim]
        } else {
            vec![format!("{claim} {}", work.means), claim]
        };
        return Some(MetricBullet {
            text: first_fitting(tries),
            also: None,
            strong: metric.improved == Some(true),
        });
    }
    if !told.held() {
        return None;
    }
    let strength = |m: &Metric| m.change().strength();
    let best = others
        .iter()
        .filter(|o| o.id != metric.id && o.improved == Some(true))
        .max_by(|a, b| strength(a).total_cmp(&strength(b)).then(b.id.cmp(&a.id)))?;
    let best_told = best.telling()?;
    let raising = verb(best_told.verb()?)?.0.gerund.as_str();
    let held = match (&told.main, told.before_after()) {
        (Some(main), Some(figures)) => format!("within {} ({figures})", main.plain),
        _ => format!("at {}", told.to),
    };
    Some(MetricBullet {
        text: format!(
            "Held {object} {held} while {raising} {} {}",
            mid_sentence(&best.name, names),
            best_told.by_amount()?
        ),
        also: Some(best.id),
        strong: false,
    })
}

/// How a decision's purpose is said: "to keep writes replayable", "so retries are safe".
fn purpose(goal: &str, names: &Names) -> String {
    let goal = mid_sentence(goal.trim().trim_end_matches(['.', ' ']), names);
    if connective(&goal) {
        format!(" {goal}")
    } else {
        format!(" to {goal}")
    }
}

const QUESTION_WORDS: &[&str] = &[
    "which", "what", "how", "should", "whether", "do", "does", "can", "why", "when", "where",
    "who", "is", "are",
];

/// Without a goal, what the title says the choice was for: "to standardise the service
/// template", "for the ledger database". Nothing for a question, a dilemma ("Build or
/// buy ..."), a choice ("Pick a queue ...", said as "as the queue") or a title in the past.
fn purpose_from_title(title: &str, names: &Names) -> Option<String> {
    let title = title.trim().trim_end_matches(['.', '?', '!']);
    let first = title.split_whitespace().next()?.to_lowercase();
    if QUESTION_WORDS.contains(&first.as_str()) || dilemma(title) {
        return None;
    }
    match shape(title) {
        Shape::Verbal { form: Form::Base, verb, .. }
            if !CHOICE_VERBS.contains(&verb.base.as_str()) =>
        {
            verbal(title, Form::Base).map(|t| format!(" to {}", mid_sentence(&t, names)))
        }
        Shape::Verbal { .. } => None,
        Shape::Noun => Some(format!(" for {}", thing(title, names))),
    }
}

/// Verbs that name the choosing itself, not what it was for.
const CHOICE_VERBS: &[&str] = &["pick", "choose", "select", "decide"];

const TIME_WORDS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "quarter", "quarters", "year", "years", "sprint", "sprints",
];

/// "for up to a minute", "for two weeks": a "for" that says how long, not what was bought.
fn for_how_long(after: &str) -> bool {
    let words = plain_words(after);
    let skip = match words.as_slice() {
        [a, b, ..] if a == "up" && b == "to" => 2,
        [a, ..] if matches!(a.as_str(), "about" | "roughly" | "around" | "over" | "under") => 1,
        _ => 0,
    };
    words.iter().skip(skip).take(3).any(|w| TIME_WORDS.contains(&w.as_str()))
}

/// What the choice cost: ", trading X for Y" or ", accepting X".
fn tradeoff(text: &str, names: &Names) -> Option<String> {
    let clause = first_clause(text).trim_end_matches([',', ' ']);
    if clause.is_empty() {
        return None;
    }
    let clause = mid_sentence(clause, names);
    if clause.starts_with("trading ") || clause.starts_with("accepting ") {
        return Some(format!(", {clause}"));
    }
    if let Shape::Verbal { .. } = shape(&clause) {
        return verbal(&clause, Form::Gerund).map(|t| format!(", {t}"));
    }
    // "X in exchange for Y" says "X for Y", unless X has a "for" of its own.
    let clause = match clause.split_once(" in exchange for ") {
        Some((given, _)) if given.contains(" for ") => clause.clone(),
        Some((given, got)) => format!("{given} for {got}"),
        None => clause,
    };
    let exchange = clause.rsplit_once(" for ").is_some_and(|(_, got)| !for_how_long(got));
    Some(if exchange { format!(", trading {clause}") } else { format!(", accepting {clause}") })
}

/// An option as part of a sentence: a verb phrase in the -ing form ("buying a hosted
/// service"), else its name lower-cased unless it is a name ("a managed queue", "Kafka").
fn option_phrase(text: &str, names: &Names) -> String {
    match shape(text) {
        Shape::Verbal { .. } => verbal(text, Form::Gerund)
            .map(|t| mid_sentence(&t, names))
            .unwrap_or_else(|| mid_sentence(text, names)),
        Shape::Noun => mid_sentence(text, names),
    }
}

/// The choice itself, lower-case, with its purpose: "chose Kafka to keep writes
/// replayable", "kept git-flow with stricter reviews".
pub fn decision_choice(d: &DecisionInput, names: &Names) -> String {
    let chosen = d.chosen.trim();
    let choice = match verbal(chosen, Form::Past) {
        Some(done) => mid_sentence(&done, names),
        None => format!("chose {}", mid_sentence(chosen, names)),
    };
    let why = d
        .goal
        .as_deref()
        .filter(|g| !g.trim().is_empty())
        .map(|g| purpose(g, names))
        .unwrap_or_default();
    format!("{choice}{why}")
}

/// A decision's bullet: what was chosen over what, what for, and at what cost. `None` when
/// no other option was weighed.
pub fn decision_bullet(d: &DecisionInput, names: &Names) -> Option<String> {
    let rejected = d.rejected();
    if rejected.is_empty() {
        return None;
    }
    let chosen = d.chosen.trim();
    let (choice, noun_choice) = match verbal(chosen, Form::Past) {
        Some(done) => (capitalised(&mid_sentence(&done, names)), false),
        None => (format!("Chose {}", mid_sentence(chosen, names)), true),
    };
    let rejected: Vec<String> = rejected.iter().map(|r| option_phrase(r, names)).collect();
    let over = listed(&rejected, rejected.iter().any(|r| r.contains(" and ")));
    let goal = d.goal.as_deref().filter(|g| !g.trim().is_empty());
    let role = match (goal, noun_choice) {
        (None, true) => choice_object(&d.title).map(|o| format!(" as {o}")),
        _ => None,
    };
    let why = match goal {
        Some(goal) => Some(purpose(goal, names)),
        None if role.is_some() => None,
        None => purpose_from_title(&d.title, names),
    };
    let chosen_option = d.options.iter().find(|o| o.text.trim().eq_ignore_ascii_case(chosen));
    let cost = match d.tradeoffs.as_deref() {
        Some(t) => tradeoff(t, names),
        None => chosen_option.and_then(|o| match (o.cons.trim(), o.pros.trim()) {
            ("", _) => None,
            (cons, "") => Some(format!(", accepting {}", mid_sentence(cons, names))),
            (cons, pros) => Some(format!(
                ", trading {} for {}",
                mid_sentence(cons, names),
                mid_sentence(pros, names)
            )),
        }),
    };
    let role = role.unwrap_or_default();
    let why = why.unwrap_or_default();
    let cost = cost.unwrap_or_default();
    let core = format!("{choice}{role} over {over}");
    Some(first_fitting(vec![
        format!("{core}{why}{cost}"),
        format!("{choice} over {over}{why}{cost}"),
        format!("{core}{why}"),
        format!("{choice} over {over}{why}"),
        core,
    ]))
}
