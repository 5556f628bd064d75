use super::markdown::{render, slugify};
use super::*;

// ---------------------------------------------------------------------------------------
// The real content

fn real() -> Library {
    Library::load().unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn the_real_content_loads_and_validates() {
    let loaded = real();
    assert!(std::ptr::eq(library(), library()));
    assert_eq!(library().guides.len(), loaded.guides.len());
}

#[test]
fn the_guides_questions_and_skills_exist() {
    let library = real();
    for slug in [
        "technical-leader", "tech-lead-roadmap", "staff-engineer-roadmap",
        "engineering-manager-roadmap",
    ] {
        assert!(library.guide(slug).is_some(), "guide {slug}");
    }
    for slug in [
        "tell-me-about-your-leadership-experience", "how-do-you-mentor-engineers",
        "how-do-you-influence-without-authority", "walk-me-through-an-architecture-decision",
        "how-do-you-give-constructive-feedback",
    ] {
        let question = library.question(slug).unwrap_or_else(|| panic!("{slug}"));
        assert!(question.follow_ups.len() >= 3, "{slug} follow-ups");
        assert!(question.html.contains("data-role="), "{slug} role tips");
    }
    for slug in ["technical-leadership", "mentoring", "decision-making", "leadership"] {
        let skill = library.skill(slug).unwrap_or_else(|| panic!("{slug}"));
        assert!(skill.html.contains("data-band="), "{slug} levels");
    }
    assert_eq!(library.guide_summaries().len(), library.guides.len());
    assert_eq!(library.question_summaries().len(), library.questions.len());
}

#[test]
fn the_checklists_have_their_size_and_due_items() {
    let library = real();
    let leader = library.guide("technical-leader").unwrap();
    assert!((10..=16).contains(&leader.checklist.len()));
    assert!(leader.checklist.iter().filter(|i| i.due_days.is_some()).count() >= 3);
    assert!(leader.checklist_item("book-a-mock").is_some());
    for slug in ["tech-lead-roadmap", "staff-engineer-roadmap", "engineering-manager-roadmap"] {
        let guide = library.guide(slug).unwrap();
        assert!(
            (8..=12).contains(&guide.checklist.len()),
            "{slug} has {} items",
            guide.checklist.len()
        );
        assert!(guide.checklist.iter().any(|i| i.due_days.is_some()), "{slug}");
    }
}

#[test]
fn the_main_guide_carries_the_frameworks() {
    let library = real();
    let leader = library.guide("technical-leader").unwrap();
    let stages: Vec<&str> = leader.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(stages, ["foundation", "scope-expansion", "leverage", "organizational"]);
    for stage in &leader.stages {
        assert!((3..=5).contains(&stage.proofs.len()), "{}", stage.id);
    }
    let tree = leader.tree.as_ref().expect("the next-move tree");
    let suggested: Vec<&str> = tree.paths().iter().map(|p| p.id.as_str()).collect();
    for path in ["tech-lead", "staff-ic", "engineering-manager", "deepen-senior"] {
        assert!(suggested.contains(&path), "{path}");
    }
    // Depth, then breadth, then visibility: the staff path in three answers.
    match tree.walk(&[0, 1, 1]) {
        Step::Path { answered, path } => {
            assert_eq!(answered, 3);
            assert_eq!(path.guide, "staff-engineer-roadmap");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn band_and_role_rows_are_tagged_in_the_main_guide() {
    let leader = real().guide("technical-leader").unwrap().html.clone();
    for (_, slug) in BANDS {
        assert!(leader.contains(&format!("<tr data-band=\"{slug}\">")), "{slug}");
    }
    for (_, slug) in ROLES {
        assert!(leader.contains(&format!("<tr data-role=\"{slug}\">")), "{slug}");
    }
}

#[test]
fn guides_have_a_table_of_contents_with_anchors() {
    let library = real();
    let leader = library.guide("technical-leader").unwrap();
    let ids: Vec<&str> = leader.toc.iter().map(|h| h.id.as_str()).collect();
    for id in [
        "who-this-guide-is-for", "the-progression-framework", "role-adaptation",
        "frequently-asked-questions",
    ] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
        assert!(leader.html.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(leader.html.contains("href=\"#/questions/how-do-you-mentor-engineers\""));
}

#[test]
fn the_six_templates_load_in_file_order_and_keep_the_rules() {
    let library = real();
    let slugs: Vec<&str> = library.templates.iter().map(|t| t.slug.as_str()).collect();
    assert_eq!(
        slugs,
        [
            "incident", "launch", "mentoring-session", "one-on-one", "weekly-review",
            "promotion-conversation",
        ]
    );
    for template in &library.templates {
        let slug = &template.slug;
        assert_eq!(library.template(slug), Some(template));
        assert_eq!(check_template(template), Ok(()), "{slug}");
        assert!(!template.description.trim().is_empty(), "{slug} description");
        assert!(!template.tags.is_empty(), "{slug} tags");
        // The raw Markdown, from its first heading to one final newline: not HTML.
        let body = &template.body;
        assert!(body.starts_with("## "), "{slug}: {body:?}");
        assert!(body.ends_with('\n') && !body.ends_with("\n\n"), "{slug}: {body:?}");
        assert!(!body.contains('<'), "{slug}");
        let lines = body.lines().count();
        assert!((10..=30).contains(&lines), "{slug} has {lines} lines");
    }
    assert_eq!(library.template("incident").unwrap().tags, ["incident"]);
    assert_eq!(library.template("retro"), None);
}

#[test]
fn evidence_serializes_with_its_kind() {
    let json = |e: &Evidence| serde_json::to_string(e).unwrap();
    assert_eq!(
        json(&Evidence::ProjectScope { at_least: Scope::MultiTeam }),
        r#"{"kind":"project_scope","at_least":"multi-team"}"#
    );
    assert_eq!(
        json(&Evidence::Artifact { artifact: ArtifactKind::DesignDoc }),
        r#"{"kind":"artifact","artifact":"design-doc"}"#
    );
    assert_eq!(json(&Evidence::DecisionReviewed), r#"{"kind":"decision_reviewed"}"#);
}

// ---------------------------------------------------------------------------------------
// A small library in memory, valid as written; each broken case changes one thing.

const GUIDE: &str = r#"+++
slug = "lead"
title = "Lead"
summary = "A guide."
questions = ["how-do-you-lead"]
skills = ["leading"]
related = ["other"]

[[checklist]]
id = "first"
text = "Do the first thing."
due_days = 7

[[checklist]]
id = "second"
section = "Later"
text = "Do the second thing."

[[stages]]
id = "start"
name = "Start"
focus = "Basics"
years = "0-2 years"

[[stages.proofs]]
id = "shipped"
text = "Shipped."
evidence = { kind = "project_scope", at_least = "feature" }

[[stages.proofs]]
id = "measured"
text = "Measured."
evidence = { kind = "metric_improved", unit = "ms" }

[[stages.proofs]]
id = "mentored"
text = "Mentored."
evidence = { kind = "feedback_skill", skill = "leading" }
count = 2

[tree]
start = "one"

[[tree.nodes]]
id = "one"
question = "First?"

[[tree.nodes.answers]]
label = "A"
next = "two"

[[tree.nodes.answers]]
label = "B"
path = "stay"

[[tree.nodes]]
id = "two"
question = "Second?"

[[tree.nodes.answers]]
label = "C"
next = "three"

[[tree.nodes.answers]]
label = "D"
path = "move"

[[tree.nodes]]
id = "three"
question = "Third?"

[[tree.nodes.answers]]
label = "E"
path = "stay"

[[tree.nodes.answers]]
label = "F"
path = "move"

[[tree.paths]]
id = "stay"
title = "Stay"
summary = "Stay put."
guide = "lead"

[[tree.paths]]
id = "move"
title = "Move"
summary = "Move on."
guide = "other"
+++

## Who it is for

| Experience | Note |
|---|---|
| 0-2 years | New |
| 12+ years | Old |

## Roles

| Role | Note |
|---|---|
| Backend | APIs |
| Engineering manager | People |

See [the question](question:how-do-you-lead) and [the roles](#roles).
"#;

const OTHER: &str = r#"+++
slug = "other"
title = "Other"
summary = "Another guide."
+++

## Other

Text.
"#;

const QUESTION: &str = r#"+++
slug = "how-do-you-lead"
title = "How do you lead?"
skills = ["leading"]
guides = ["lead"]
looking_for = ["Scope"]
follow_ups = ["What went wrong?", "What would you change?"]
framework = "star"
+++

## What the interviewer is looking for

Scope.

## Outline

1. Situation.

## A strong answer, sketched

Numbers.

## A weak answer, sketched

Vague.

## Likely follow-ups

- What went wrong?

## Tips by role

| Role | Tip |
|---|---|
| Backend | Latency. |
| Frontend | Users. |
"#;

const SKILL: &str = r#"+++
slug = "leading"
title = "Leading"
summary = "Leading people."
questions = ["how-do-you-lead"]
guides = ["lead"]
+++

## What it looks like at each level

| Experience | Looks like |
|---|---|
| 0-2 years | Following. |
| 3-4 years | Leading a little. |

## How to build it

Practice.

## How to show it in the journal

Entries.
"#;

const TEMPLATE: &str = r#"+++
slug = "retro"
title = "Retro"
description = "At the end of a sprint."
tags = ["retro", "team"]
+++

## What went well

Wins, with numbers.

## What to change

One thing to try.
"#;

fn fixture() -> Vec<(String, String)> {
    [
        ("guides/lead.md", GUIDE),
        ("guides/other.md", OTHER),
        ("questions/how-do-you-lead.md", QUESTION),
        ("skills/leading.md", SKILL),
        ("templates/retro.md", TEMPLATE),
    ]
    .into_iter()
    .map(|(path, text)| (path.to_string(), text.to_string()))
    .collect()
}

fn load(files: &[(String, String)]) -> Result<Library, ContentError> {
    let borrowed: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    Library::from_files(&borrowed)
}

#[test]
fn the_fixture_is_valid() {
    let library = load(&fixture()).unwrap_or_else(|e| panic!("{e}"));
    let lead = library.guide("lead").unwrap();
    assert_eq!(lead.checklist[1].section.as_deref(), Some("Later"));
    assert_eq!(lead.stages[0].proofs[0].count, 1);
    assert_eq!(lead.stages[0].proofs[2].count, 2);
    assert_eq!(
        lead.stages[0].proofs[1].evidence,
        Evidence::MetricImproved { unit: Some("ms".into()) }
    );
    assert_eq!(library.question("how-do-you-lead").unwrap().framework, Framework::Star);
    assert_eq!(
        library.template("retro"),
        Some(&Template {
            slug: "retro".into(),
            title: "Retro".into(),
            description: "At the end of a sprint.".into(),
            tags: vec!["retro".into(), "team".into()],
            body: "## What went well\n\nWins, with numbers.\n\n## What to change\n\nOne thing to try.\n"
                .into(),
        })
    );
}

#[test]
fn each_broken_file_is_caught_and_named() {
    // (file, text to replace, replacement, what the problem says)
    let cases: &[(&str, &str, &str, &str)] = &[
        ("guides/lead.md", "id = \"second\"", "id = \"first\"", "checklist id \"first\" is used twice"),
        ("guides/lead.md", "id = \"second\"", "id = \"Second Thing\"", "must be kebab-case"),
        ("guides/lead.md", "due_days = 7", "due_days = 0", "due_days = 0"),
        ("guides/lead.md", "due_days = 7", "due_days = -1", "front matter"),
        ("guides/lead.md", "questions = [\"how-do-you-lead\"]", "questions = [\"how-do-you-lead\", \"nope\"]", "names the question \"nope\""),
        ("guides/lead.md", "skills = [\"leading\"]", "skills = [\"juggling\"]", "names the skill \"juggling\""),
        ("guides/lead.md", "related = [\"other\"]", "related = [\"lead\"]", "names the guide itself"),
        ("guides/lead.md", "summary = \"A guide.\"\n", "", "missing field `summary`"),
        ("guides/lead.md", "title = \"Lead\"", "title = \"  \"", "`title` is empty"),
        ("guides/lead.md", "slug = \"lead\"\n", "slug = \"lead\"\ncolour = \"red\"\n", "unknown field `colour`"),
        ("guides/lead.md", "slug = \"lead\"", "slug = \"leader\"", "does not match the file name"),
        ("guides/lead.md", "id = \"measured\"", "id = \"shipped\"", "proof id \"shipped\" is used twice"),
        ("guides/lead.md", "id = \"start\"", "id = \"\"", "`stage id` \"\" must be kebab-case"),
        ("guides/lead.md", "focus = \"Basics\"", "focus = \"\"", "focus` is empty"),
        ("guides/lead.md", "skill = \"leading\" }", "skill = \"juggling\" }", "names the skill \"juggling\", which does not exist"),
        ("guides/lead.md", "at_least = \"feature\"", "at_least = \"galaxy\"", "galaxy"),
        ("guides/lead.md", "kind = \"metric_improved\", unit = \"ms\"", "kind = \"artifact\", artifact = \"poem\"", "poem"),
        ("guides/lead.md", "unit = \"ms\" }", "unit = \"ms\", extra = 1 }", "unknown field `extra`"),
        ("guides/lead.md", "kind = \"metric_improved\"", "kind = \"vibes\"", "vibes"),
        ("guides/lead.md", "kind = \"metric_improved\", unit = \"ms\"", "kind = \"feedback_rating\", min = 6", "runs 1 to 5"),
        ("guides/lead.md", "kind = \"metric_improved\", unit = \"ms\"", "kind = \"decision_with_options\", min_options = 1", "at least 2 options"),
        ("guides/lead.md", "count = 2", "count = 0", "`count = 0`"),
        ("guides/lead.md", "[[stages.proofs]]\nid = \"mentored\"\ntext = \"Mentored.\"\nevidence = { kind = \"feedback_skill\", skill = \"leading\" }\ncount = 2\n", "", "has 2 proofs of readiness"),
        ("guides/lead.md", "start = \"one\"", "start = \"zero\"", "starts at the question \"zero\""),
        ("guides/lead.md", "label = \"D\"\npath = \"move\"", "label = \"D\"\npath = \"nowhere\"", "the path \"nowhere\", which does not exist"),
        ("guides/lead.md", "label = \"A\"\nnext = \"two\"", "label = \"A\"\nnext = \"deux\"", "the question \"deux\", which does not exist"),
        ("guides/lead.md", "label = \"A\"\nnext = \"two\"", "label = \"A\"\nnext = \"two\"\npath = \"stay\"", "exactly one of `next` or `path`"),
        ("guides/lead.md", "label = \"E\"\npath = \"stay\"", "label = \"E\"\nnext = \"one\"", "more than 3 questions"),
        ("guides/lead.md", "[[tree.paths]]\nid = \"stay\"", "[[tree.nodes]]\nid = \"four\"\nquestion = \"Lost?\"\n\n[[tree.nodes.answers]]\nlabel = \"G\"\npath = \"stay\"\n\n[[tree.nodes.answers]]\nlabel = \"H\"\npath = \"move\"\n\n[[tree.paths]]\nid = \"stay\"", "\"four\" cannot be reached"),
        ("guides/lead.md", "[[tree.paths]]\nid = \"move\"", "[[tree.paths]]\nid = \"extra\"\ntitle = \"X\"\nsummary = \"X.\"\nguide = \"lead\"\n\n[[tree.paths]]\nid = \"move\"", "\"extra\" is never suggested"),
        ("guides/lead.md", "guide = \"other\"", "guide = \"gone\"", "names the guide \"gone\""),
        ("guides/lead.md", "[the roles](#roles)", "[the roles](#rolez)", "\"#rolez\" leads nowhere"),
        ("guides/lead.md", "(question:how-do-you-lead)", "(question:how-do-you-follow)", "leads nowhere"),
        ("guides/lead.md", "(question:how-do-you-lead)", "(https://example.com)", "leaves Career Log"),
        ("guides/lead.md", "See [the", "<script>alert(1)</script>\n\nSee [the", "raw HTML"),
        ("guides/lead.md", "| 12+ years | Old |", "| 12 years plus | Old |", "starts with \"12 years plus\""),
        ("guides/lead.md", "## Roles\n", "## Roles\n\n## Nothing here\n\n## Roles again\n", "\"Nothing here\" is empty"),
        ("guides/other.md", "## Other\n\nText.\n", "Text.\n", "no `##` section"),
        ("guides/other.md", "slug = \"other\"", "slug = \"lead\"", "already has the slug \"lead\""),
        ("guides/other.md", "+++\nslug", "slug", "must start with TOML front matter"),
        ("guides/other.md", "+++\n\n## Other", "\n## Other", "never closed"),
        ("questions/how-do-you-lead.md", "## Likely follow-ups", "## Follow-ups", "`## Likely follow-ups` is missing"),
        ("questions/how-do-you-lead.md", "framework = \"star\"", "framework = \"haiku\"", "haiku"),
        ("questions/how-do-you-lead.md", "follow_ups = [\"What went wrong?\", \"What would you change?\"]", "follow_ups = [\"What went wrong?\"]", "at least 2 questions"),
        ("questions/how-do-you-lead.md", "looking_for = [\"Scope\"]", "looking_for = []", "`looking_for` is empty"),
        ("questions/how-do-you-lead.md", "guides = [\"lead\"]", "guides = [\"follow\"]", "names the guide \"follow\""),
        ("questions/how-do-you-lead.md", "| Backend | Latency. |\n| Frontend | Users. |", "| Servers | Latency. |", "rows start with role labels"),
        ("questions/how-do-you-lead.md", "| Backend | Latency. |", "| Back end | Latency. |", "starts with \"Back end\""),
        ("skills/leading.md", "| 0-2 years | Following. |\n| 3-4 years | Leading a little. |", "| Junior | Following. |", "experience band labels"),
        ("skills/leading.md", "## How to build it", "## Building it", "`## How to build it` is missing"),
        ("skills/leading.md", "questions = [\"how-do-you-lead\"]", "questions = [\"how-do-you-follow\"]", "names the question \"how-do-you-follow\""),
        ("skills/leading.md", "summary = \"Leading people.\"", "summary = \"\"", "`summary` is empty"),
        ("templates/retro.md", "tags = [", "colour = \"red\"\ntags = [", "unknown field `colour`"),
        ("templates/retro.md", "slug = \"retro\"", "slug = \"review\"", "slug \"review\" does not match the file name \"retro.md\""),
        ("templates/retro.md", "description = \"At the end of a sprint.\"\n", "", "missing field `description`"),
        ("templates/retro.md", "description = \"At the end of a sprint.\"", "description = \" \"", "`description` should not be blank"),
        ("templates/retro.md", "## What went well\n\nWins, with numbers.\n\n## What to change\n\nOne thing to try.\n", "\n  \n", "`body` should not be blank"),
        ("templates/retro.md", "\"team\"]", "\"Team Work\"]", "`tags` should be kebab-case: lowercase letters, digits and single dashes (\"Team Work\" is not)"),
        ("templates/retro.md", "\"team\"]", "\"retro\"]", "\"retro\" is there twice"),
        ("templates/retro.md", "tags = [\"retro\", \"team\"]", "tags = \"retro\"", "front matter"),
        ("templates/retro.md", "title = \"Retro\"", "title = \"\"", "`title` should not be blank"),
        ("templates/retro.md", "One thing to try.\n", "One thing to try.\n\n+++\n", "a line that is only `+++`"),
        ("templates/retro.md", "Wins, with numbers.", "Wins, see [the guide](guide:lead).", "a template has no links"),
        ("templates/retro.md", "Wins, with numbers.", "<b>Wins</b>", "raw HTML"),
        ("templates/retro.md", "\n## What to change\n", "\n## What to change\n\n## Empty\n", "\"What to change\" is empty"),
        ("templates/retro.md", "## What went well\n\nWins, with numbers.\n\n## What to change\n", "Wins, with numbers.\n\nWhat to change:\n", "no `##` section"),
    ];
    for &(file, from, to, needle) in cases {
        let mut files = fixture();
        let entry = files
            .iter_mut()
            .find(|(path, _)| path == file)
            .unwrap_or_else(|| panic!("no fixture file {file}"));
        assert!(entry.1.contains(from), "{file} does not contain {from:?}");
        entry.1 = entry.1.replacen(from, to, 1);
        match load(&files) {
            Ok(_) => panic!("{file}: replacing {from:?} with {to:?} was not caught"),
            Err(error) => assert!(
                error.mentions(file, needle),
                "{file}: expected a problem mentioning {needle:?}, got:\n{error}"
            ),
        }
    }
}

#[test]
fn two_templates_with_one_slug_are_caught() {
    let mut files = fixture();
    files.push(("templates/retro-copy.md".into(), TEMPLATE.into()));
    let error = load(&files).unwrap_err();
    assert!(error
        .mentions("templates/retro-copy.md", "another template already has the slug \"retro\""));
    assert!(error.mentions("templates/retro-copy.md", "does not match the file name"));
    assert!(!error.problems.iter().any(|p| p.file == "templates/retro.md"), "{error}");
}

#[test]
fn check_template_keeps_the_same_rules_for_shipped_and_written_templates() {
    let good = || Template {
        slug: "design-review".into(),
        title: "Design review".into(),
        description: "After a design review.".into(),
        tags: vec!["design".into(), "review-2".into()],
        body: "## Decision\n\nThe options and the one chosen.\n".into(),
    };
    type Change = fn(&mut Template);
    let passes: &[(&str, Change)] = &[
        ("as is", |_| {}),
        ("no tags", |t| t.tags.clear()),
        ("no description", |t| t.description.clear()),
        ("a one-letter slug", |t| t.slug = "x".into()),
        ("a 60-character slug", |t| t.slug = "a".repeat(60)),
        ("an 80-character title in accents", |t| t.title = "é".repeat(80)),
        ("a 200-character description", |t| t.description = "d".repeat(200)),
        ("ten tags", |t| t.tags = (0..10).map(|i| format!("t{i}")).collect()),
        ("a 40-character tag", |t| t.tags = vec!["t".repeat(40)]),
        ("a body of exactly the limit", |t| t.body = "b".repeat(TEMPLATE_MAX_BODY)),
        ("a body without headings", |t| t.body = "Just a prompt.".into()),
    ];
    for (case, change) in passes {
        let mut template = good();
        change(&mut template);
        assert_eq!(check_template(&template), Ok(()), "{case}");
    }

    // (case, change, the field, what its message says)
    let fails: &[(&str, Change, &str, &str)] = &[
        ("an empty slug", |t| t.slug.clear(), "slug", "should not be empty"),
        (
            "a capital",
            |t| t.slug = "Design".into(),
            "slug",
            "should be kebab-case: lowercase letters, digits and single dashes (it is \"Design\")",
        ),
        ("a space", |t| t.slug = "design review".into(), "slug", "kebab-case"),
        ("a double dash", |t| t.slug = "design--review".into(), "slug", "kebab-case"),
        ("a leading dash", |t| t.slug = "-design".into(), "slug", "kebab-case"),
        ("an underscore", |t| t.slug = "design_review".into(), "slug", "kebab-case"),
        (
            "a 61-character slug",
            |t| t.slug = "a".repeat(61),
            "slug",
            "should be at most 60 characters (it is 61)",
        ),
        ("a blank title", |t| t.title = " \t".into(), "title", "should not be blank"),
        (
            "an 81-character title",
            |t| t.title = "é".repeat(81),
            "title",
            "should be at most 80 characters (it is 81)",
        ),
        (
            "a 201-character description",
            |t| t.description = "d".repeat(201),
            "description",
            "should be at most 200 characters (it is 201)",
        ),
        (
            "eleven tags",
            |t| t.tags = (0..11).map(|i| format!("t{i}")).collect(),
            "tags",
            "should be at most 10 tags (there are 11)",
        ),
        ("a tag with a capital", |t| t.tags = vec!["Design".into()], "tags", "(\"Design\" is not)"),
        ("an empty tag", |t| t.tags = vec!["".into()], "tags", "kebab-case"),
        ("a hashtag", |t| t.tags = vec!["#design".into()], "tags", "kebab-case"),
        (
            "a 41-character tag",
            |t| t.tags = vec!["t".repeat(41)],
            "tags",
            "should be at most 40 characters each",
        ),
        (
            "a tag twice",
            |t| t.tags = vec!["design".into(), "design".into()],
            "tags",
            "\"design\" is there twice",
        ),
        ("an empty body", |t| t.body.clear(), "body", "should not be blank"),
        ("a body of blank lines", |t| t.body = "\n \n\t\n".into(), "body", "should not be blank"),
        (
            "a body a byte too long",
            |t| t.body = "b".repeat(TEMPLATE_MAX_BODY + 1),
            "body",
            "should be at most 20000 bytes (it is 20001)",
        ),
        // The limit is in bytes: 10,001 accented letters are 20,002 bytes.
        ("a body of wide letters", |t| t.body = "é".repeat(10_001), "body", "(it is 20002)"),
    ];
    for (case, change, field, needle) in fails {
        let mut template = good();
        change(&mut template);
        let problems = check_template(&template).expect_err(case);
        assert_eq!(problems.len(), 1, "{case}: {problems:?}");
        assert_eq!(problems[0].0, *field, "{case}: {problems:?}");
        assert!(
            problems[0].1.contains(needle),
            "{case}: expected {needle:?} in {:?}",
            problems[0].1
        );
    }

    // Everything broken at once: one problem per field, in the order a form shows them.
    let broken = Template {
        slug: "Bad Slug".into(),
        title: String::new(),
        description: "d".repeat(300),
        tags: vec!["ok".into(), "Not OK".into()],
        body: "  ".into(),
    };
    let fields: Vec<&str> = check_template(&broken).unwrap_err().iter().map(|p| p.0).collect();
    assert_eq!(fields, ["slug", "title", "description", "tags", "body"]);
}

#[test]
fn files_outside_the_content_folders_are_refused() {
    let mut files = fixture();
    files.push(("notes/todo.md".into(), OTHER.into()));
    let error = load(&files).unwrap_err();
    assert!(error.mentions("notes/todo.md", "is not a content file"));
    assert!(error.to_string().contains("content/notes/todo.md: "));
}

// ---------------------------------------------------------------------------------------
// Rendering

#[test]
fn raw_html_never_reaches_the_page() {
    let cases = [
        "<script>alert(1)</script>\n\nText.", "Text <script>alert(1)</script> inline.",
        "<img src=x onerror=alert(1)>", "<div onclick=\"alert(1)\">hi</div>",
        "<iframe src=\"https://example.com\"></iframe>", "[link](javascript:alert(1))",
        "![pic](https://example.com/x.png)",
    ];
    for markdown in cases {
        let html = render(&format!("## Section\n\n{markdown}\n")).html;
        for banned in [
            "<script", "alert(1)</", "onerror", "onclick", "<iframe", "<img", "javascript:", "<div",
        ] {
            assert!(!html.contains(banned), "{markdown:?} rendered {html:?}");
        }
    }
}

#[test]
fn markdown_keeps_tables_lists_code_and_emphasis() {
    let html = render(
        "## A\n\n- *one*\n- **two**\n\n1. `three`\n\n~~gone~~\n\n| x | y |\n|:--|--:|\n| a | b |\n",
    )
    .html;
    for kept in [
        "<ul>", "<li><em>one</em></li>", "<strong>two</strong>", "<ol>", "<code>three</code>",
        "<del>gone</del>", "<table>", "<thead>", "<th>x</th>", "<td>a</td>",
    ] {
        assert!(html.contains(kept), "{kept} missing from {html}");
    }
    assert!(!html.contains("style="), "{html}");
}

#[test]
fn rows_starting_with_a_band_or_role_carry_its_slug() {
    let rendered = render(
        "## T\n\n| Who | What |\n|---|---|\n| 0-2 years | a |\n| 5-7 years (senior) | b |\n| 12+ years | c |\n\n\
         | Role | What |\n|---|---|\n| **Backend** | a |\n| DevOps/SRE | b |\n| AI/ML | c |\n| Staff+ | d |\n| Engineering manager | e |\n| Frontend engineers | f |\n",
    );
    for tagged in [
        "<tr data-band=\"0-2\">", "<tr data-band=\"5-7\">", "<tr data-band=\"12-plus\">",
        "<tr data-role=\"backend\">", "<tr data-role=\"devops-sre\">", "<tr data-role=\"ai-ml\">",
        "<tr data-role=\"staff-plus\">", "<tr data-role=\"engineering-manager\">",
        "<tr data-role=\"frontend\">",
    ] {
        assert!(rendered.html.contains(tagged), "{tagged} missing from {}", rendered.html);
    }
    assert_eq!((rendered.band_rows, rendered.role_rows), (3, 6));
    assert!(rendered.problems.is_empty(), "{:?}", rendered.problems);
    // The header row is never tagged.
    assert!(rendered.html.contains("<thead><tr><th>Who</th>"), "{}", rendered.html);
}

#[test]
fn labels_match_whole_words_only() {
    let cases: &[(&str, Option<&str>, Option<&str>)] = &[
        ("0-2 years", Some("0-2"), None),
        (" 3-4 years of work", Some("3-4"), None),
        ("8-11 years", Some("8-11"), None),
        ("12+ years", Some("12-plus"), None),
        ("5-8 years", None, None), // the overlapping bands of earlier versions are gone
        ("2 years", None, None),
        ("0–2 years", None, None), // an en dash is not the label
        ("Backend", None, Some("backend")),
        ("Backends", None, None),
        ("Staff+ engineers", None, Some("staff-plus")),
        ("Engineering manager", None, Some("engineering-manager")),
        ("Engineering managers", None, None),
        ("backend", None, None),
    ];
    for &(cell, band, role) in cases {
        assert_eq!(band_slug(cell), band, "{cell:?}");
        assert_eq!(role_slug(cell), role, "{cell:?}");
    }
}

#[test]
fn headings_get_unique_ids_and_a_toc() {
    let rendered = render(
        "## Why it matters\n\nx\n\n### Why it matters\n\ny\n\n## FAQ: `cargo` & you?\n\nz\n\n## Custom {#mine}\n\nw\n\n## Why it matters\n\nv\n",
    );
    let toc: Vec<(u8, &str, &str)> =
        rendered.toc.iter().map(|h| (h.level, h.id.as_str(), h.text.as_str())).collect();
    assert_eq!(
        toc,
        [
            (2, "why-it-matters", "Why it matters"),
            (3, "why-it-matters-2", "Why it matters"),
            (2, "faq-cargo-you", "FAQ: cargo & you?"),
            (2, "mine", "Custom"),
            (2, "why-it-matters-3", "Why it matters"),
        ]
    );
    assert!(rendered.html.contains("<h2 id=\"why-it-matters\">Why it matters</h2>"));
    assert!(rendered.html.contains("<h3 id=\"why-it-matters-2\">"));
    assert!(rendered
        .html
        .contains("<h2 id=\"faq-cargo-you\">FAQ: <code>cargo</code> &amp; you?</h2>"));
}

#[test]
fn slugs_are_lowercase_words_joined_by_dashes() {
    let cases = [
        ("Who this guide is for", "who-this-guide-is-for"),
        ("Skills by level", "skills-by-level"),
        ("A strong answer, sketched", "a-strong-answer-sketched"),
        ("DevOps/SRE", "devops-sre"),
        ("  Leading -- spaces  ", "leading-spaces"),
        ("???", "section"),
    ];
    for (text, slug) in cases {
        assert_eq!(slugify(text), slug, "{text:?}");
    }
}

#[test]
fn internal_links_become_reader_routes() {
    let html = render(
        "## A\n\n[g](guide:tech-lead-roadmap) [q](question:how-do-you-mentor-engineers) [s](skill:mentoring) [h](#a)\n",
    )
    .html;
    for href in [
        "href=\"#/guides/tech-lead-roadmap\"",
        "href=\"#/questions/how-do-you-mentor-engineers\"",
        "href=\"#/skills/mentoring\"",
        "href=\"#a\"",
    ] {
        assert!(html.contains(href), "{href} missing from {html}");
    }
    let external = render("## A\n\n[out](https://example.com)\n").html;
    assert!(!external.contains("example.com"), "{external}");
}

#[test]
fn front_matter_splits_on_plus_lines() {
    use super::front::split_front_matter;
    assert_eq!(split_front_matter("+++\na = 1\n+++\nbody\n"), Ok(("a = 1\n", "body\n")));
    assert_eq!(split_front_matter("+++\r\na = 1\r\n+++\r\nbody"), Ok(("a = 1\r\n", "body")));
    assert_eq!(split_front_matter("+++\n+++\n"), Ok(("", "")));
    assert!(split_front_matter("a = 1\n+++\n").is_err());
    assert!(split_front_matter("+++\na = 1\n").is_err());
    assert!(split_front_matter("+++\na = \"+++\"\n").is_err());
}

// ---------------------------------------------------------------------------------------
// Walking the decision tree

#[test]
fn the_tree_walks_answer_by_answer() {
    let library = load(&fixture()).unwrap();
    let tree = library.guide("lead").unwrap().tree.clone().unwrap();
    let question = |step: Step| match step {
        Step::Question { answered, node } => (answered, node.id),
        other => panic!("expected a question, got {other:?}"),
    };
    let path = |step: Step| match step {
        Step::Path { answered, path } => (answered, path.id),
        other => panic!("expected a path, got {other:?}"),
    };
    assert_eq!(question(tree.walk(&[])), (0, "one".to_string()));
    assert_eq!(question(tree.walk(&[0])), (1, "two".to_string()));
    assert_eq!(question(tree.walk(&[0, 0])), (2, "three".to_string()));
    assert_eq!(path(tree.walk(&[1])), (1, "stay".to_string()));
    assert_eq!(path(tree.walk(&[0, 1])), (2, "move".to_string()));
    assert_eq!(path(tree.walk(&[0, 0, 0])), (3, "stay".to_string()));
    assert_eq!(path(tree.walk(&[0, 0, 1])), (3, "move".to_string()));
    // Answers past a suggestion are not used; `answered` tells how many were.
    assert_eq!(path(tree.walk(&[1, 0, 0])), (1, "stay".to_string()));
    // An answer the question does not have stops the walk there.
    assert_eq!(question(tree.walk(&[0, 7])), (1, "two".to_string()));
    assert_eq!(question(tree.walk(&[9, 0])), (0, "one".to_string()));
}

#[test]
fn every_walk_of_the_real_tree_ends_in_a_path_within_three_answers() {
    let library = real();
    let tree = library.guide("technical-leader").unwrap().tree.clone().unwrap();
    let mut pending = vec![Vec::<usize>::new()];
    let mut ends = 0;
    while let Some(answers) = pending.pop() {
        match tree.walk(&answers) {
            Step::Question { node, .. } => {
                assert!(answers.len() < 3, "{answers:?} still asks {}", node.id);
                for i in 0..node.answers.len() {
                    let mut next = answers.clone();
                    next.push(i);
                    pending.push(next);
                }
            }
            Step::Path { path, .. } => {
                assert!(library.guide(&path.guide).is_some());
                ends += 1;
            }
        }
    }
    assert!(ends >= 5);
}

#[test]
fn the_types_have_typescript_declarations() {
    let decls = ts_decls(&ts_rs::Config::default());
    let evidence = decls.iter().find(|d| d.starts_with("type Evidence")).expect("Evidence");
    assert!(evidence.contains("\"kind\": \"project_scope\""), "{evidence}");
    assert!(decls.iter().any(|d| d.starts_with("type Step")));
    let template = decls.iter().find(|d| d.starts_with("type Template")).expect("Template");
    assert!(template.contains("body: string"), "{template}");
}
