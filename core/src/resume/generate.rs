//! Candidate bullets for a project, from its metrics, its decisions and the project itself,
//! and the bullet an entry being typed would make.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journal::{
    validate, DecisionInput, EntryHead, Metric, MetricInput, ProjectDetail, ProjectInput,
};

use super::grammar::Names;
use super::lint::{lint_with, Finding};
use super::wording::{decision_bullet, metric_bullet, project_bullet, Work};

/// A generated bullet before it is stored: a stable key, its text and its sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub key: String,
    pub text: String,
    pub sources: Vec<i64>,
    /// Worth picking by default: it states a measured improvement.
    pub strong: bool,
}

/// The names a set of projects uses: organisations and roles ("Staff Engineer"), and the
/// capitals of their titles, summaries, options and metric names.
pub fn names_of(details: &[ProjectDetail]) -> Names {
    let mut names = Names::new();
    for d in details {
        let p = &d.project;
        for run in [&p.organization, &p.role].into_iter().flatten() {
            names.organization(run);
        }
        names.title(&p.title);
        if let Some(summary) = &p.summary {
            names.text(summary);
        }
        for m in &d.metrics {
            names.text(&m.name);
        }
        for x in &d.decisions {
            learn_decision(&mut names, x);
        }
    }
    names
}

pub(crate) fn learn_decision(names: &mut Names, d: &DecisionInput) {
    names.text(&d.title);
    for o in &d.options {
        names.option(&o.text);
    }
    names.option(&d.chosen);
    for text in [&d.goal, &d.context, &d.tradeoffs].into_iter().flatten() {
        names.text(text);
    }
}

/// The bullets a project offers: one per metric whose change it can state honestly, one
/// per decision that weighed options, and one for the project itself.
pub fn candidates(detail: &ProjectDetail, names: &Names) -> Vec<Candidate> {
    let p = &detail.project;
    let work = Work::of(&p.title, names);
    let mut out = Vec::new();
    for m in &detail.metrics {
        if let Some(bullet) = metric_bullet(m, &work, &detail.metrics, names) {
            let mut sources = vec![p.id, m.id];
            sources.extend(bullet.also);
            out.push(Candidate {
                key: format!("metric:{}", m.id),
                text: bullet.text,
                sources,
                strong: bullet.strong,
            });
        }
    }
    for d in &detail.decisions {
        if let Some(text) = decision_bullet(d, names) {
            out.push(Candidate {
                key: format!("decision:{}", d.id),
                text,
                sources: vec![p.id, d.id],
                strong: false,
            });
        }
    }
    out.push(Candidate {
        key: format!("project:{}", p.id),
        text: project_bullet(p, names),
        sources: vec![p.id],
        strong: false,
    });
    out
}

/// An entry being typed, whose bullet the form previews.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PreviewEntry {
    Project(ProjectInput),
    Metric(MetricInput),
    Decision(DecisionInput),
}

/// The bullet an entry would make, its lint, and what to add for a better one.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BulletPreview {
    /// Absent when the entry makes no bullet (no baseline, a change for the worse, no
    /// other option weighed).
    pub text: Option<String>,
    pub findings: Vec<Finding>,
    /// What the form could ask for, in the shape the sentence needs; absent when nothing.
    pub hint: Option<String>,
}

/// What a preview knows about the entry's project: the project as saved (or being typed)
/// and its other metrics, for a metric that held while another improved.
pub struct PreviewContext<'a> {
    pub project: Option<&'a ProjectInput>,
    pub metrics: &'a [Metric],
    pub names: &'a Names,
}

/// The bullet an unsaved entry would make, worded exactly as generation will word it once
/// saved. Pure: the caller hands over the project and the journal's names.
pub fn preview_bullet(entry: &PreviewEntry, cx: &PreviewContext) -> BulletPreview {
    let names = cx.names;
    let (text, hint, cited) = match entry {
        PreviewEntry::Project(p) => {
            let p = validate::project(p.clone()).unwrap_or_else(|_| p.clone());
            let hint = p.summary.is_none().then(|| {
                "Add a summary that says why (\"ahead of the peak season\", \"so teams could ship daily\"): \
                 the bullet ends with it."
                    .to_string()
            });
            let text = (!p.title.trim().is_empty()).then(|| project_bullet(&p, names));
            (text, hint, Vec::new())
        }
        PreviewEntry::Metric(input) => {
            let input = validate::metric(input.clone()).unwrap_or_else(|_| input.clone());
            let metric = Metric::derived(EntryHead::default(), input);
            let title = cx.project.map(|p| p.title.as_str()).unwrap_or_default();
            let work = Work::of(title, names);
            let bullet = (!metric.name.trim().is_empty())
                .then(|| metric_bullet(&metric, &work, cx.metrics, names))
                .flatten();
            let hint = if metric.baseline.is_none() {
                Some("Add a baseline: a bullet states how far the number moved.".to_string())
            } else if metric.better.is_none() {
                Some("Say which way is better, so the bullet can claim the change.".to_string())
            } else if bullet.is_none() && metric.improved == Some(false) {
                Some(
                    "It did not improve, so it makes no bullet of its own; a change within 5% \
                     is told as \"Held …\" beside a metric of the project that improved."
                        .to_string(),
                )
            } else {
                None
            };
            let mut cited = vec![metric.clone()];
            if let Some(also) = bullet.as_ref().and_then(|b| b.also) {
                cited.extend(cx.metrics.iter().filter(|m| m.id == also).cloned());
            }
            (bullet.map(|b| b.text), hint, cited)
        }
        PreviewEntry::Decision(input) => {
            let d = validate::decision(input.clone()).unwrap_or_else(|_| input.clone());
            let text = decision_bullet(&d, names);
            let hint = if d.rejected().is_empty() {
                Some("Add the options you weighed: the bullet says what you chose over what.")
            } else if d.goal.is_none() {
                Some("Add the goal (\"to …\"): the bullet says what the choice was for.")
            } else if d.tradeoffs.is_none() {
                Some("Add the trade-off (\"X for Y\"): the bullet says what the choice cost.")
            } else {
                None
            };
            (text, hint.map(str::to_string), Vec::new())
        }
    };
    let findings = text.as_deref().map(|t| lint_with(t, &cited, names)).unwrap_or_default();
    BulletPreview { text, findings, hint }
}
