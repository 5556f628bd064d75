//! The rules content must keep: unique ids, resolving links, filled fields, a tree that
//! always ends in a suggestion, the sections each kind of page promises, sound templates.

use std::collections::HashSet;

use super::front::{Doc, Parsed};
use super::{ContentProblem, DecisionTree, Evidence, Guide, Question, Skill, Stage, Template};
use crate::journal::validate::MAX_LABEL;

/// A walk through the decision tree asks at most this many questions.
pub const MAX_TREE_DEPTH: usize = 3;

pub const QUESTION_SECTIONS: &[&str] = &[
    "What the interviewer is looking for", "Outline", "A strong answer, sketched",
    "A weak answer, sketched", "Likely follow-ups", "Tips by role",
];

pub const SKILL_SECTIONS: &[&str] =
    &["What it looks like at each level", "How to build it", "How to show it in the journal"];

/// The longest template body, in bytes: a note made from it always fits a note's text.
pub const TEMPLATE_MAX_BODY: usize = 20_000;
const TEMPLATE_MAX_SLUG: usize = 60;
const TEMPLATE_MAX_TITLE: usize = 80;
const TEMPLATE_MAX_DESCRIPTION: usize = 200;
const TEMPLATE_MAX_TAGS: usize = 10;
const KEBAB_CASE: &str = "kebab-case: lowercase letters, digits and single dashes";

struct Slugs<'a> {
    guides: HashSet<&'a str>,
    questions: HashSet<&'a str>,
    skills: HashSet<&'a str>,
}

/// Reports problems for one file.
struct Report<'p> {
    file: String,
    problems: &'p mut Vec<ContentProblem>,
}

impl Report<'_> {
    fn add(&mut self, problem: impl Into<String>) {
        self.problems.push(ContentProblem { file: self.file.clone(), problem: problem.into() });
    }

    fn required(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.add(format!("`{field}` is empty"));
        }
    }

    fn id(&mut self, field: &str, value: &str) {
        if !is_kebab(value) {
            self.add(format!(
                "`{field}` \"{value}\" must be kebab-case (lowercase letters, digits, dashes)"
            ));
        }
    }

    fn links(&mut self, field: &str, values: &[String], known: &HashSet<&str>, kind: &str) {
        for value in values {
            if !known.contains(value.as_str()) {
                self.add(format!("`{field}` names the {kind} \"{value}\", which does not exist"));
            }
        }
    }

    fn unique<'a>(&mut self, what: &str, ids: impl IntoIterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                self.add(format!("{what} \"{id}\" is used twice"));
            }
        }
    }
}

pub(super) fn library(parsed: &Parsed, problems: &mut Vec<ContentProblem>) {
    let slugs = Slugs {
        guides: parsed.guides.iter().map(|d| d.item.slug.as_str()).collect(),
        questions: parsed.questions.iter().map(|d| d.item.slug.as_str()).collect(),
        skills: parsed.skills.iter().map(|d| d.item.slug.as_str()).collect(),
    };
    duplicates(&parsed.guides, |g| &g.slug, "guide", problems);
    duplicates(&parsed.questions, |q| &q.slug, "question", problems);
    duplicates(&parsed.skills, |s| &s.slug, "skill", problems);
    duplicates(&parsed.templates, |t| &t.slug, "template", problems);

    for doc in &parsed.guides {
        let mut report = body(doc, &slugs, problems);
        guide(&doc.item, &slugs, &mut report);
    }
    for doc in &parsed.questions {
        let mut report = body(doc, &slugs, problems);
        question(doc, &slugs, &mut report);
    }
    for doc in &parsed.skills {
        let mut report = body(doc, &slugs, problems);
        skill(doc, &slugs, &mut report);
    }
    for doc in &parsed.templates {
        shipped_template(doc, &mut Report { file: doc.file.clone(), problems });
    }
}

fn duplicates<T>(
    docs: &[Doc<T>],
    slug: impl Fn(&T) -> &String,
    kind: &str,
    problems: &mut Vec<ContentProblem>,
) {
    let mut seen = HashSet::new();
    for doc in docs {
        if !seen.insert(slug(&doc.item).as_str()) {
            problems.push(ContentProblem {
                file: doc.file.clone(),
                problem: format!("another {kind} already has the slug \"{}\"", slug(&doc.item)),
            });
        }
    }
}

/// Problems found while rendering, and links that lead nowhere.
fn body<'p, T>(doc: &Doc<T>, slugs: &Slugs, problems: &'p mut Vec<ContentProblem>) -> Report<'p> {
    let mut report = Report { file: doc.file.clone(), problems };
    for problem in &doc.body.problems {
        report.add(problem.clone());
    }
    if !doc.body.toc.iter().any(|h| h.level == 2) {
        report.add("the body has no `##` section");
    }
    let anchors: HashSet<&str> = doc.body.toc.iter().map(|h| h.id.as_str()).collect();
    for link in &doc.body.links {
        let known = if let Some(slug) = link.strip_prefix("guide:") {
            slugs.guides.contains(slug)
        } else if let Some(slug) = link.strip_prefix("question:") {
            slugs.questions.contains(slug)
        } else if let Some(slug) = link.strip_prefix("skill:") {
            slugs.skills.contains(slug)
        } else if let Some(anchor) = link.strip_prefix('#') {
            anchors.contains(anchor)
        } else {
            report.add(format!(
                "the link \"{link}\" leaves Career Log; link with guide:, question:, skill: or #heading"
            ));
            continue;
        };
        if !known {
            report.add(format!("the link \"{link}\" leads nowhere"));
        }
    }
    report
}

fn sections(doc_toc: &[super::TocEntry], wanted: &[&str], report: &mut Report) {
    for section in wanted {
        if !doc_toc.iter().any(|h| h.level == 2 && h.text == *section) {
            report.add(format!("the section `## {section}` is missing"));
        }
    }
}

fn guide(guide: &Guide, slugs: &Slugs, report: &mut Report) {
    report.id("slug", &guide.slug);
    report.required("title", &guide.title);
    report.required("summary", &guide.summary);
    report.links("questions", &guide.questions, &slugs.questions, "question");
    report.links("skills", &guide.skills, &slugs.skills, "skill");
    report.links("related", &guide.related, &slugs.guides, "guide");
    if guide.related.contains(&guide.slug) {
        report.add("`related` names the guide itself");
    }

    for item in &guide.checklist {
        report.id("checklist id", &item.id);
        report.required(&format!("checklist item \"{}\" text", item.id), &item.text);
        if let Some(section) = &item.section {
            report.required(&format!("checklist item \"{}\" section", item.id), section);
        }
        if item.due_days == Some(0) {
            report.add(format!(
                "checklist item \"{}\" has `due_days = 0`; use 1 or more, or leave it out",
                item.id
            ));
        }
        if let Some(found) = &item.evidence {
            evidence(&format!("checklist item \"{}\"", item.id), found, slugs, report);
        }
    }
    report.unique("the checklist id", guide.checklist.iter().map(|i| i.id.as_str()));

    report.unique("the stage id", guide.stages.iter().map(|s| s.id.as_str()));
    for stage in &guide.stages {
        self::stage(stage, slugs, report);
    }
    if let Some(tree) = &guide.tree {
        self::tree(tree, slugs, report);
    }
}

fn stage(stage: &Stage, slugs: &Slugs, report: &mut Report) {
    let at = format!("stage \"{}\"", stage.id);
    report.id("stage id", &stage.id);
    report.required(&format!("{at} name"), &stage.name);
    report.required(&format!("{at} focus"), &stage.focus);
    report.required(&format!("{at} years"), &stage.years);
    if !(3..=5).contains(&stage.proofs.len()) {
        report.add(format!(
            "{at} has {} proofs of readiness; a stage needs 3 to 5",
            stage.proofs.len()
        ));
    }
    report.unique(&format!("in {at}, the proof id"), stage.proofs.iter().map(|p| p.id.as_str()));
    for proof in &stage.proofs {
        let at = format!("{at}, proof \"{}\"", proof.id);
        report.id("proof id", &proof.id);
        report.required(&format!("{at} text"), &proof.text);
        if proof.count == 0 {
            report.add(format!("{at} has `count = 0`; it needs at least 1"));
        }
        evidence(&at, &proof.evidence, slugs, report);
    }
}

/// The rules of an evidence rule, wherever it is used (`at` names the place).
fn evidence(at: &str, evidence: &Evidence, slugs: &Slugs, report: &mut Report) {
    match evidence {
        Evidence::FeedbackSkill { skill } | Evidence::Skill { skill }
            if !slugs.skills.contains(skill.as_str()) =>
        {
            report.add(format!(
                "{at}: the evidence names the skill \"{skill}\", which does not exist"
            ));
        }
        Evidence::FeedbackRating { min } if !(1..=5).contains(min) => {
            report.add(format!("{at}: a feedback rating runs 1 to 5, not {min}"));
        }
        Evidence::DecisionWithOptions { min_options } if *min_options < 2 => {
            report.add(format!("{at}: a decision weighs at least 2 options, not {min_options}"));
        }
        Evidence::MetricImproved { unit: Some(unit) } if unit.trim().is_empty() => {
            report.add(format!("{at}: the metric unit is empty; leave it out instead"));
        }
        Evidence::StoryRehearsed { question: Some(question) }
            if !slugs.questions.contains(question.as_str()) =>
        {
            report.add(format!(
                "{at}: the evidence names the question \"{question}\", which does not exist"
            ));
        }
        _ => {}
    }
}

fn tree(tree: &DecisionTree, slugs: &Slugs, report: &mut Report) {
    report.unique("the tree question id", tree.nodes.iter().map(|n| n.id.as_str()));
    report.unique("the tree path id", tree.paths.iter().map(|p| p.id.as_str()));
    for path in &tree.paths {
        let at = format!("tree path \"{}\"", path.id);
        report.id("tree path id", &path.id);
        report.required(&format!("{at} title"), &path.title);
        report.required(&format!("{at} summary"), &path.summary);
        if !slugs.guides.contains(path.guide.as_str()) {
            report.add(format!("{at} names the guide \"{}\", which does not exist", path.guide));
        }
    }
    let mut links_ok = true;
    for node in &tree.nodes {
        let at = format!("tree question \"{}\"", node.id);
        report.id("tree question id", &node.id);
        report.required(&format!("{at} text"), &node.question);
        if node.answers.len() < 2 {
            report.add(format!("{at} needs at least 2 answers"));
        }
        for answer in &node.answers {
            report.required(&format!("{at}, an answer label"), &answer.label);
            match (&answer.next, &answer.path) {
                (Some(next), None) if tree.node(next).is_none() => {
                    links_ok = false;
                    report.add(format!(
                        "{at}: the answer \"{}\" leads to the question \"{next}\", which does not exist",
                        answer.label
                    ));
                }
                (None, Some(path)) if tree.path(path).is_none() => {
                    links_ok = false;
                    report.add(format!(
                        "{at}: the answer \"{}\" leads to the path \"{path}\", which does not exist",
                        answer.label
                    ));
                }
                (Some(_), None) | (None, Some(_)) => {}
                _ => {
                    links_ok = false;
                    report.add(format!(
                        "{at}: the answer \"{}\" needs exactly one of `next` or `path`",
                        answer.label
                    ));
                }
            }
        }
    }
    if tree.node(&tree.start).is_none() {
        report.add(format!(
            "the tree starts at the question \"{}\", which does not exist",
            tree.start
        ));
        return;
    }
    if !links_ok {
        return;
    }

    // Every walk from the start must reach a path within MAX_TREE_DEPTH questions.
    let mut reached_nodes = HashSet::new();
    let mut reached_paths = HashSet::new();
    let mut too_deep = Vec::new();
    let mut stack = vec![(tree.start.as_str(), 1usize)];
    while let Some((id, depth)) = stack.pop() {
        if depth > MAX_TREE_DEPTH {
            too_deep.push(id);
            continue;
        }
        reached_nodes.insert(id);
        let Some(node) = tree.node(id) else { continue };
        for answer in &node.answers {
            if let Some(path) = &answer.path {
                reached_paths.insert(path.as_str());
            }
            if let Some(next) = &answer.next {
                stack.push((next.as_str(), depth + 1));
            }
        }
    }
    too_deep.sort_unstable();
    too_deep.dedup();
    for id in too_deep {
        report.add(format!(
            "the tree asks more than {MAX_TREE_DEPTH} questions before a path (at \"{id}\"), or loops"
        ));
    }
    for node in &tree.nodes {
        if !reached_nodes.contains(node.id.as_str()) {
            report
                .add(format!("the tree question \"{}\" cannot be reached from the start", node.id));
        }
    }
    for path in &tree.paths {
        if !reached_paths.contains(path.id.as_str()) {
            report.add(format!("the tree path \"{}\" is never suggested by any answer", path.id));
        }
    }
}

fn question(doc: &Doc<Question>, slugs: &Slugs, report: &mut Report) {
    let q = &doc.item;
    report.id("slug", &q.slug);
    report.required("title", &q.title);
    report.links("skills", &q.skills, &slugs.skills, "skill");
    report.links("guides", &q.guides, &slugs.guides, "guide");
    if q.looking_for.is_empty() {
        report.add("`looking_for` is empty");
    }
    for item in &q.looking_for {
        report.required("looking_for item", item);
    }
    if q.follow_ups.len() < 2 {
        report.add("`follow_ups` needs at least 2 questions for the rehearsal drill");
    }
    for item in &q.follow_ups {
        report.required("follow_ups item", item);
    }
    sections(&doc.body.toc, QUESTION_SECTIONS, report);
    if doc.body.role_rows == 0 {
        report.add("the tips by role need a table whose rows start with role labels");
    }
}

fn skill(doc: &Doc<Skill>, slugs: &Slugs, report: &mut Report) {
    let s = &doc.item;
    report.id("slug", &s.slug);
    report.required("title", &s.title);
    report.required("summary", &s.summary);
    report.links("questions", &s.questions, &slugs.questions, "question");
    report.links("guides", &s.guides, &slugs.guides, "guide");
    sections(&doc.body.toc, SKILL_SECTIONS, report);
    if doc.body.band_rows == 0 {
        report.add("the levels need a table whose rows start with experience band labels");
    }
}

/// The rules of a note template, shipped or written by the engineer: every broken one as
/// (field, what it should be), in the order a form shows the fields.
pub fn check_template(template: &Template) -> Result<(), Vec<(&'static str, String)>> {
    let mut problems: Vec<(&'static str, String)> = Vec::new();
    let mut add = |field, message: String| problems.push((field, message));

    let slug = &template.slug;
    if slug.is_empty() {
        add("slug", "should not be empty".into());
    } else if let Some(message) = too_long(slug, TEMPLATE_MAX_SLUG) {
        add("slug", message);
    } else if !is_kebab(slug) {
        add("slug", format!("should be {KEBAB_CASE} (it is \"{slug}\")"));
    }

    if template.title.trim().is_empty() {
        add("title", "should not be blank".into());
    } else if let Some(message) = too_long(&template.title, TEMPLATE_MAX_TITLE) {
        add("title", message);
    }

    if let Some(message) = too_long(&template.description, TEMPLATE_MAX_DESCRIPTION) {
        add("description", message);
    }

    if template.tags.len() > TEMPLATE_MAX_TAGS {
        add(
            "tags",
            format!(
                "should be at most {TEMPLATE_MAX_TAGS} tags (there are {})",
                template.tags.len()
            ),
        );
    }
    for (i, tag) in template.tags.iter().enumerate() {
        if !is_kebab(tag) {
            add("tags", format!("should be {KEBAB_CASE} (\"{tag}\" is not)"));
        } else if tag.chars().count() > MAX_LABEL {
            // A note's tags are held to this, so a note made from the template can keep them.
            add(
                "tags",
                format!("should be at most {MAX_LABEL} characters each (\"{tag}\" is not)"),
            );
        } else if template.tags[..i].contains(tag) {
            add("tags", format!("should name each tag once (\"{tag}\" is there twice)"));
        }
    }

    let body = &template.body;
    if body.trim().is_empty() {
        add("body", "should not be blank: it is what a new note starts with".into());
    } else if body.len() > TEMPLATE_MAX_BODY {
        add("body", format!("should be at most {TEMPLATE_MAX_BODY} bytes (it is {})", body.len()));
    }

    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The message for text longer than `max` characters, if it is.
fn too_long(text: &str, max: usize) -> Option<String> {
    let length = text.chars().count();
    (length > max).then(|| format!("should be at most {max} characters (it is {length})"))
}

/// A shipped template: the rules every template keeps, and a body that reads well as a note.
fn shipped_template(doc: &Doc<Template>, report: &mut Report) {
    let template = &doc.item;
    if let Err(problems) = check_template(template) {
        for (field, message) in problems {
            report.add(format!("`{field}` {message}"));
        }
    }
    if template.description.trim().is_empty() {
        report.add("`description` should not be blank: it tells when to use the template");
    }
    for problem in &doc.body.problems {
        report.add(problem.clone());
    }
    if !template.body.trim().is_empty() && !doc.body.toc.iter().any(|h| h.level == 2) {
        report.add("the body has no `##` section");
    }
    // A note shows its text as typed, so a link would stay `[text](target)` there.
    for link in &doc.body.links {
        report.add(format!(
            "the link \"{link}\" would show as written in a note; a template has no links"
        ));
    }
    if template.body.lines().any(|line| line == "+++") {
        report.add("the body has a line that is only `+++`, which reads as front matter");
    }
}

fn is_kebab(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}
