//! The readiness map: each progression stage's proofs, matched against the journal.

use serde::Serialize;
use ts_rs::TS;

use crate::content::{Evidence, Stage};
use crate::journal::EntryKind;
use crate::profile::ExperienceBand;

/// A journal entry that counts toward a proof.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EvidenceEntry {
    pub id: i64,
    pub kind: EntryKind,
    pub title: String,
    /// The project to open for it (itself for a project).
    pub project_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProofStatus {
    pub id: String,
    pub text: String,
    pub evidence: Evidence,
    pub needed: u32,
    /// How many entries match (the list below shows the first few).
    pub found: u32,
    pub entries: Vec<EvidenceEntry>,
    pub met: bool,
    /// What is still missing, in words; empty when met.
    pub missing: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StageReadiness {
    pub id: String,
    pub name: String,
    pub focus: String,
    pub years: String,
    pub proofs: Vec<ProofStatus>,
    pub met: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Readiness {
    pub stages: Vec<StageReadiness>,
    /// The first stage with proofs still missing: where the engineer is working now.
    pub current_stage: Option<String>,
    pub band: Option<ExperienceBand>,
}

/// How people say an artifact kind, one and many.
fn artifact_names(kind: crate::journal::ArtifactKind) -> (&'static str, &'static str) {
    use crate::journal::ArtifactKind::*;
    match kind {
        Rfc => ("RFC", "RFCs"),
        Pr => ("pull request", "pull requests"),
        Postmortem => ("postmortem", "postmortems"),
        DesignDoc => ("design doc", "design docs"),
        Adr => ("ADR", "ADRs"),
        Runbook => ("runbook", "runbooks"),
        Demo => ("demo", "demos"),
        Talk => ("talk", "talks"),
    }
}

/// What a proof still needs, said as a task.
pub fn missing_text(evidence: &Evidence, needed: u32, found: u32) -> String {
    if found >= needed {
        return String::new();
    }
    let more = needed - found;
    let n = |one: &str, many: &str| {
        if more == 1 {
            format!("1 {one}")
        } else {
            format!("{more} {many}")
        }
    };
    match evidence {
        Evidence::ProjectScope { at_least } => n(
            &format!("project of {} scope or wider", at_least.as_str()),
            &format!("projects of {} scope or wider", at_least.as_str()),
        ),
        Evidence::MetricImproved { unit: Some(unit) } => n(
            &format!("metric in {unit} that improved, with its baseline"),
            &format!("metrics in {unit} that improved, with their baselines"),
        ),
        Evidence::MetricImproved { unit: None } => n(
            "metric that improved, with its baseline",
            "metrics that improved, with their baselines",
        ),
        Evidence::Artifact { artifact } => {
            let (one, many) = artifact_names(*artifact);
            n(one, many)
        }
        Evidence::DecisionWithOptions { min_options } => n(
            &format!("decision weighing {min_options} or more options"),
            &format!("decisions weighing {min_options} or more options"),
        ),
        Evidence::DecisionReviewed => n(
            "decision with its outcome written down", "decisions with their outcomes written down",
        ),
        Evidence::FeedbackSkill { skill } => n(
            &format!("piece of feedback tagged with the skill {skill}"),
            &format!("pieces of feedback tagged with the skill {skill}"),
        ),
        Evidence::Skill { skill } => n(
            &format!("entry tagged with the skill {skill}"),
            &format!("entries tagged with the skill {skill}"),
        ),
        Evidence::FeedbackRating { min } => n(
            &format!("piece of feedback rated {min} or higher"),
            &format!("pieces of feedback rated {min} or higher"),
        ),
        Evidence::Project => n("project", "projects"),
        Evidence::MetricWithBaseline => {
            n("metric with its baseline", "metrics with their baselines")
        }
        Evidence::AnyArtifact => n(
            "artifact (an RFC, a pull request, a design doc...)",
            "artifacts (RFCs, pull requests, design docs...)",
        ),
        Evidence::StoryRehearsed { question: Some(q) } => n(
            &format!("rehearsed story for the question {q}"),
            &format!("rehearsed stories for the question {q}"),
        ),
        Evidence::StoryRehearsed { question: None } => n("rehearsed story", "rehearsed stories"),
        Evidence::MentoringOutcome => n(
            "goal a mentee reached, with the day they reached it",
            "goals mentees reached, with the days they reached them",
        ),
        Evidence::SuccessorTrained => n(
            "person you trained who took over your work",
            "people you trained who took over your work",
        ),
    }
}

/// Assembles the map from each proof's matches (`found` per proof, in stage order).
pub fn assemble(
    stages: &[Stage],
    mut matches: impl FnMut(&Evidence) -> (u32, Vec<EvidenceEntry>),
    band: Option<ExperienceBand>,
) -> Readiness {
    let stages: Vec<StageReadiness> = stages
        .iter()
        .map(|stage| {
            let proofs: Vec<ProofStatus> = stage
                .proofs
                .iter()
                .map(|proof| {
                    let (found, entries) = matches(&proof.evidence);
                    ProofStatus {
                        id: proof.id.clone(),
                        text: proof.text.clone(),
                        evidence: proof.evidence.clone(),
                        needed: proof.count,
                        found,
                        entries,
                        met: found >= proof.count,
                        missing: missing_text(&proof.evidence, proof.count, found),
                    }
                })
                .collect();
            StageReadiness {
                id: stage.id.clone(),
                name: stage.name.clone(),
                focus: stage.focus.clone(),
                years: stage.years.clone(),
                met: proofs.iter().filter(|p| p.met).count() as u32,
                total: proofs.len() as u32,
                proofs,
            }
        })
        .collect();
    Readiness {
        current_stage: stages.iter().find(|s| s.met < s.total).map(|s| s.id.clone()),
        stages,
        band,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{ArtifactKind, Scope};

    #[test]
    fn missing_proofs_are_said_as_tasks() {
        let cases = [
            (Evidence::Artifact { artifact: ArtifactKind::Rfc }, 2, 1, "1 RFC"),
            (Evidence::Artifact { artifact: ArtifactKind::Rfc }, 3, 0, "3 RFCs"),
            (
                Evidence::ProjectScope { at_least: Scope::MultiTeam },
                1,
                0,
                "1 project of multi-team scope or wider",
            ),
            (Evidence::DecisionReviewed, 1, 1, ""),
            (
                Evidence::FeedbackSkill { skill: "mentoring".into() },
                2,
                0,
                "2 pieces of feedback tagged with the skill mentoring",
            ),
        ];
        for (evidence, needed, found, text) in cases {
            assert_eq!(missing_text(&evidence, needed, found), text);
        }
    }
}
