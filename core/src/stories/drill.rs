//! The follow-up drill: after a rehearsal, one or two questions an interviewer would ask
//! next, drawn from the linked question's follow-ups and from the story's own numbers and
//! decisions. Deterministic: the rehearsal count picks which one, so it rotates.

use crate::journal::{Decision, Metric};

/// Up to two follow-up questions for the `round`-th rehearsal of a story.
pub fn follow_ups(
    question_follow_ups: &[String],
    metrics: &[Metric],
    decisions: &[Decision],
    round: u32,
) -> Vec<String> {
    let mut from_record: Vec<String> = Vec::new();
    for m in metrics {
        // The change as every other surface tells it ("rose 0.5 points (24%) to 2.6%").
        if let Some(moved) = m.told.as_ref().and_then(|t| t.moved.as_ref()) {
            from_record.push(format!(
                "You said {} {moved}: how was it measured, and over what period?",
                m.name
            ));
        }
        if m.evidence.is_none() {
            from_record.push(format!(
                "Where would I see the {} figure if I asked your team for it?",
                m.name
            ));
        }
    }
    for d in decisions {
        let rejected = d.rejected();
        match rejected.first() {
            Some(other) => from_record.push(format!(
                "You chose {} over {other}: what would have made {other} the right call?",
                d.chosen
            )),
            None => from_record
                .push(format!("For \"{}\", what option did you reject, and why?", d.title)),
        }
        if d.outcome.is_none() {
            from_record.push(format!(
                "How did \"{}\" turn out, and what would you do differently?",
                d.title
            ));
        }
    }
    let mut asked = Vec::new();
    let pick = |list: &[String]| -> Option<String> {
        (!list.is_empty()).then(|| list[round as usize % list.len()].clone())
    };
    if let Some(q) = pick(question_follow_ups) {
        asked.push(q);
    }
    if let Some(q) = pick(&from_record) {
        asked.push(q);
    }
    if asked.is_empty() {
        asked.push("What was the hardest part, and what did you learn from it?".to_string());
    }
    asked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{DecisionInput, DecisionOption, Direction, EntryHead, MetricInput};

    fn head(id: i64, uuid: &str) -> EntryHead {
        EntryHead { id, uuid: uuid.into(), ..Default::default() }
    }

    fn metric() -> Metric {
        Metric::derived(
            head(2, "u"),
            MetricInput {
                project_id: 1,
                name: "p99 latency".into(),
                unit: Some("ms".into()),
                baseline: Some(800.0),
                result: Some(120.0),
                better: Some(Direction::Lower),
                evidence: Some("dashboard".into()),
                ..Default::default()
            },
        )
    }

    fn decision() -> Decision {
        let option = |text: &str| DecisionOption::from(text);
        Decision::new(
            head(3, "d"),
            DecisionInput {
                project_id: Some(1),
                title: "Queue writes".into(),
                options: vec![option("Kafka"), option("Outbox")],
                chosen: "Kafka".into(),
                outcome: Some("fine".into()),
                ..Default::default()
            },
            false,
        )
    }

    #[test]
    fn questions_come_from_the_record_and_rotate() {
        let linked = vec!["How did you bring sceptics along?".to_string()];
        let first = follow_ups(&linked, &[metric()], &[decision()], 0);
        assert_eq!(first[0], "How did you bring sceptics along?");
        assert_eq!(first[1], "You said p99 latency fell 85% (800 ms → 120 ms): how was it measured, and over what period?");
        let second = follow_ups(&linked, &[metric()], &[decision()], 1);
        assert_eq!(
            second[1],
            "You chose Kafka over Outbox: what would have made Outbox the right call?"
        );
        assert_eq!(
            follow_ups(&linked, &[metric()], &[decision()], 7),
            follow_ups(&linked, &[metric()], &[decision()], 7)
        );
    }

    #[test]
    fn a_percentage_is_asked_about_in_points_as_everywhere() {
        let conversion = Metric::derived(
            head(4, "c"),
            MetricInput {
                project_id: 1,
                name: "checkout conversion".into(),
                unit: Some("%".into()),
                baseline: Some(2.1),
                result: Some(2.6),
                better: Some(Direction::Higher),
                evidence: Some("A/B report".into()),
                ..Default::default()
            },
        );
        assert_eq!(
            follow_ups(&[], &[conversion], &[], 0),
            vec!["You said checkout conversion rose 0.5 points (24%) to 2.6%: how was it measured, and over what period?"]
        );
    }

    #[test]
    fn a_bare_story_still_gets_one_question() {
        assert_eq!(follow_ups(&[], &[], &[], 3).len(), 1);
    }
}
