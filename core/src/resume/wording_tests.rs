//! Bullets for real-world entry shapes, each expected bullet written by hand as a strong
//! engineer would write it; and every bullet the demo journal makes held to the lint.

use super::grammar::Names;
use super::lint::{lint_with, LintRule};
use super::{candidates, names_of, preview_bullet, PreviewContext, PreviewEntry};
use crate::demo;
use crate::journal::*;

fn head(id: i64) -> EntryHead {
    EntryHead { id, uuid: format!("u{id}"), ..Default::default() }
}

fn project(
    title: &str,
    organization: Option<&str>,
    role: Option<&str>,
    scope: Option<Scope>,
    summary: Option<&str>,
) -> ProjectInput {
    ProjectInput {
        title: title.into(),
        organization: organization.map(Into::into),
        role: role.map(Into::into),
        scope,
        summary: summary.map(Into::into),
        ..Default::default()
    }
}

fn titled(title: &str) -> ProjectInput {
    project(title, None, None, None, None)
}

fn metric(
    name: &str,
    unit: Option<&str>,
    baseline: Option<f64>,
    result: f64,
    better: Option<Direction>,
) -> MetricInput {
    MetricInput {
        project_id: 1,
        name: name.into(),
        unit: unit.map(Into::into),
        baseline,
        result: Some(result),
        better,
        evidence: Some("dashboard".into()),
        ..Default::default()
    }
}

fn decision(
    title: &str,
    options: &[&str],
    chosen: &str,
    goal: Option<&str>,
    tradeoffs: Option<&str>,
) -> DecisionInput {
    DecisionInput {
        project_id: Some(1),
        title: title.into(),
        options: options.iter().map(|o| DecisionOption::from(*o)).collect(),
        chosen: chosen.into(),
        goal: goal.map(Into::into),
        tradeoffs: tradeoffs.map(Into::into),
        ..Default::default()
    }
}

/// What a case words: the project itself, its first metric (the others are siblings), or
/// its decision.
// A table of a few dozen cases: the size of a variant does not matter here.
#[allow(clippy::large_enum_variant)]
enum Entry {
    Project,
    Metric(Vec<MetricInput>),
    Decision(DecisionInput),
}

fn detail(p: ProjectInput, entry: &Entry) -> ProjectDetail {
    let metrics = match entry {
        Entry::Metric(list) => list
            .iter()
            .enumerate()
            .map(|(i, m)| Metric::derived(head(2 + i as i64), m.clone()))
            .collect(),
        _ => Vec::new(),
    };
    let decisions = match entry {
        Entry::Decision(d) => {
            vec![Decision::new(head(100), validate::decision(d.clone()).unwrap(), false)]
        }
        _ => Vec::new(),
    };
    ProjectDetail {
        project: Project::new(head(1), validate::project(p).unwrap()),
        metrics,
        decisions,
        artifacts: Vec::new(),
        feedback: Vec::new(),
        notes: Vec::new(),
    }
}

/// The bullet generation makes for the case's entry, and the names it knew.
fn worded(p: ProjectInput, entry: Entry) -> (Option<String>, Names) {
    let key = match &entry {
        Entry::Project => "project:1",
        Entry::Metric(_) => "metric:2",
        Entry::Decision(_) => "decision:100",
    };
    let detail = detail(p, &entry);
    let names = names_of(std::slice::from_ref(&detail));
    let text = candidates(&detail, &names).into_iter().find(|c| c.key == key).map(|c| c.text);
    (text, names)
}

fn grammar_findings(text: &str, names: &Names) -> Vec<(LintRule, Option<String>)> {
    lint_with(text, &[], names)
        .into_iter()
        .filter(|f| LintRule::GRAMMAR.contains(&f.rule))
        .map(|f| (f.rule, f.excerpt))
        .collect()
}

#[test]
fn real_world_entries_read_as_an_engineer_would_write_them() {
    use Direction::{Higher, Lower};
    use Entry::*;
    let ms = Some("ms");
    let pct = Some("%");
    let cases: Vec<(ProjectInput, Entry, Option<&str>)> = vec![
        // Projects: titles in the imperative, as noun phrases, in title case, as names;
        // with and without an organisation, a scope, a summary.
        (
            project("Simplify the CI pipeline", Some("Fjord Logistics"), None, None,
                Some("Simplify the CI pipeline ahead of a 3x traffic forecast for the holiday season. Worked with a team of 9 across 6 weeks.")),
            Project,
            Some("Simplified the CI pipeline at Fjord Logistics ahead of a 3x traffic forecast for the holiday season"),
        ),
        (titled("Rebuild the checkout flow"), Project, Some("Rebuilt the checkout flow")),
        (
            project("Checkout rewrite", Some("Acme"), Some("Tech lead"), Some(Scope::MultiTeam), None),
            Project,
            Some("Led the checkout rewrite across several teams at Acme"),
        ),
        (
            project("Search relevance", None, Some("Senior engineer"), None, None),
            Project,
            Some("Delivered the search relevance project"),
        ),
        (
            project("Consolidate the observability stack", Some("Lumen Health"), Some("Staff engineer"),
                Some(Scope::Initiative), Some("To cut a cloud bill that had doubled in a year.")),
            Project,
            Some("Drove a cross-cutting initiative to consolidate the observability stack at Lumen Health to cut a cloud bill that had doubled in a year"),
        ),
        (
            project("Payments platform migration", Some("Northwind Payments"), Some("Engineering manager"),
                Some(Scope::Initiative), None),
            Project,
            Some("Led the payments platform migration as a cross-cutting initiative at Northwind Payments"),
        ),
        (
            project("Checkout rewrite", Some("Acme"), None, None, Some("Moved pricing lookups into a warmed cache.")),
            Project,
            Some("Delivered the checkout rewrite at Acme: moved pricing lookups into a warmed cache"),
        ),
        (
            project("Migrate billing to Stripe", None, None, None,
                Some("Migrated billing to Stripe so finance could close the month in a day.")),
            Project,
            Some("Migrated billing to Stripe so finance could close the month in a day"),
        ),
        (
            project("Hardening the auth gateway", Some("Globex"), None, None, Some("After two incidents in one quarter.")),
            Project,
            Some("Hardened the auth gateway at Globex after two incidents in one quarter"),
        ),
        (
            project("Payments Platform Migration", None, Some("Tech lead"), None, None),
            Project,
            Some("Led the payments platform migration"),
        ),
        (
            project("Project Atlas", Some("Acme"), None, None, Some("A new routing engine for same-day delivery.")),
            Project,
            Some("Delivered Project Atlas at Acme: a new routing engine for same-day delivery"),
        ),
        (
            project("Speed up the search API", None, None, None, Some("The search API got faster.")),
            Project,
            Some("Sped up the search API"),
        ),
        (
            project("Roll out the feature flag platform", None, None, Some(Scope::Organization), None),
            Project,
            Some("Rolled out the feature flag platform across the organization"),
        ),
        (
            project("Scale the Kubernetes clusters", Some("Fjord Logistics"), None, Some(Scope::Organization),
                Some("Two goals: halve node cost and survive a zone outage.")),
            Project,
            Some("Scaled the Kubernetes clusters across Fjord Logistics"),
        ),
        // Metrics in every unit and direction, better and worse; the title becomes the
        // means, never a paste at the end.
        (
            titled("Rebuild the checkout flow"),
            Metric(vec![metric("p99 latency", ms, Some(1547.0), 1001.0, Some(Lower))]),
            Some("Cut p99 latency by 35% (1,547 ms → 1,001 ms) by rebuilding the checkout flow"),
        ),
        (
            titled("Checkout rewrite"),
            Metric(vec![metric("p99 checkout latency", ms, Some(800.0), 120.0, Some(Lower))]),
            Some("Cut p99 checkout latency by 85% (800 ms → 120 ms) through the checkout rewrite"),
        ),
        (
            titled("Redesign the checkout flow"),
            Metric(vec![metric("Checkout conversion", pct, Some(2.1), 2.6, Some(Higher))]),
            Some("Raised checkout conversion by 0.5 points (24%) to 2.6% by redesigning the checkout flow"),
        ),
        (
            titled("Harden the order ledger"),
            Metric(vec![metric("Error rate", pct, Some(2.97), 1.16, Some(Lower))]),
            Some("Reduced error rate by 1.81 points (61%) to 1.16% by hardening the order ledger"),
        ),
        (
            titled("Rightsize the Kubernetes clusters"),
            Metric(vec![metric("Monthly infrastructure cost", Some("USD"), Some(137_000.0), 70_300.0, Some(Lower))]),
            Some("Cut monthly infrastructure cost by 49% ($137,000 → $70,300) by rightsizing the Kubernetes clusters"),
        ),
        (
            titled("Automate the release train"),
            Metric(vec![metric("Deploys per week", Some("deploys"), Some(2.0), 10.0, Some(Higher))]),
            Some("Grew deploys per week 5x (2 deploys → 10 deploys) by automating the release train"),
        ),
        (
            titled("Rewrite the alerting rules"),
            Metric(vec![metric("Pages per on-call week", Some("pages"), Some(41.0), 23.0, Some(Lower))]),
            Some("Reduced pages per on-call week by 44% (41 pages → 23 pages) by rewriting the alerting rules"),
        ),
        (
            titled("Stabilise the storage layer"),
            Metric(vec![metric("Mean time between failures", Some("h"), Some(100.0), 150.0, Some(Higher))]),
            Some("Raised mean time between failures by 50% (100 h → 150 h) by stabilising the storage layer"),
        ),
        (
            titled("Instrument the billing service"),
            Metric(vec![metric("Mean time to recovery", Some("min"), Some(95.0), 118.0, Some(Lower))]),
            None,
        ),
        (
            titled("Rebuild the ingest pipeline"),
            Metric(vec![
                metric("Test coverage", pct, Some(39.0), 34.0, Some(Higher)),
                metric("Peak throughput", Some("req/s"), Some(2_000.0), 8_400.0, Some(Higher)),
            ]),
            None,
        ),
        (
            titled("Rebuild the ingest pipeline"),
            Metric(vec![
                metric("Test coverage", pct, Some(36.0), 35.0, Some(Higher)),
                metric("Peak throughput", Some("req/s"), Some(2_000.0), 8_400.0, Some(Higher)),
            ]),
            Some("Held test coverage within 1 point (36% → 35%) while growing peak throughput 4.2x"),
        ),
        (
            titled("Move pricing into a cache"),
            Metric(vec![
                metric("Error rate", pct, Some(0.5), 0.5, Some(Lower)),
                metric("p99 latency", ms, Some(800.0), 120.0, Some(Lower)),
            ]),
            Some("Held error rate at 0.5% while cutting p99 latency by 85%"),
        ),
        (
            titled("Move pricing into a cache"),
            Metric(vec![metric("Cache hit rate", pct, None, 97.0, Some(Higher))]),
            None,
        ),
        (
            titled("Migrate search to OpenSearch"),
            Metric(vec![metric("Index size", Some("GB"), Some(120.0), 80.0, None)]),
            Some("Lowered index size by 33% (120 GB → 80 GB) by migrating search to OpenSearch"),
        ),
        (
            titled("Launch the partner API"),
            Metric(vec![metric("Partner integrations", Some("integrations"), Some(0.0), 12.0, Some(Higher))]),
            Some("Raised partner integrations from 0 to 12 integrations by launching the partner API"),
        ),
        (
            titled("Tune the consumers"),
            Metric(vec![metric("Kafka consumer lag", Some("s"), Some(40.0), 2.0, Some(Lower))]),
            Some("Cut Kafka consumer lag by 95% (40 s → 2 s) by tuning the consumers"),
        ),
        (
            titled("Q3 cost review"),
            Metric(vec![metric("Cloud spend", Some("€"), Some(20_000.0), 60_000.0, Some(Lower))]),
            None,
        ),
        // Decisions: options with names, options in the imperative, with and without a
        // goal, a trade-off, a context; titles as choices, dilemmas, questions, nouns.
        (
            titled("Checkout rewrite"),
            Decision(decision("Queue checkout writes", &["Kafka", "A Postgres outbox"], "Kafka",
                Some("keep checkout writes replayable"), Some("more moving parts for replay when a consumer fails"))),
            Some("Chose Kafka over a Postgres outbox to keep checkout writes replayable, trading more moving parts for replay when a consumer fails"),
        ),
        (
            titled("Checkout rewrite"),
            Decision(decision("Queue checkout writes", &["Kafka", "A Postgres outbox"], "Kafka", None,
                Some("more moving parts for replayable writes"))),
            Some("Chose Kafka over a Postgres outbox to queue checkout writes, trading more moving parts for replayable writes"),
        ),
        (
            titled("Move the team off long branches"),
            Decision(decision("Choose a branching model for the team",
                &["Trunk-based development with flags", "Keep git-flow with stricter reviews"],
                "Keep git-flow with stricter reviews", None, None)),
            Some("Kept git-flow with stricter reviews over trunk-based development with flags"),
        ),
        (
            titled("Pick the job runner"),
            Decision(decision("Pick a queue for the background jobs",
                &["Postgres with SKIP LOCKED", "Kafka", "A managed queue service"],
                "Postgres with SKIP LOCKED", None, Some("less throughput headroom for far less to operate"))),
            Some("Chose Postgres with SKIP LOCKED as the queue for the background jobs over Kafka and a managed queue service, trading less throughput headroom for far less to operate"),
        ),
        (
            titled("Service template"),
            Decision(decision("Standardise the service template", &["A shared library", "A maintained template repository"],
                "A shared library", None, Some("library upgrades across teams in exchange for consistency"))),
            Some("Chose a shared library over a maintained template repository to standardise the service template, trading library upgrades across teams for consistency"),
        ),
        (
            titled("Feature flags"),
            Decision(decision("Build or buy the feature flag system",
                &["Buy a hosted flag service", "Build on the existing config service"],
                "Build on the existing config service", None,
                Some("a quarter of engineering time for control over audit data"))),
            Some("Built on the existing config service over buying a hosted flag service, trading a quarter of engineering time for control over audit data"),
        ),
        (
            titled("Monolith boundaries"),
            Decision(decision("Split the monolith or modularise it in place",
                &["Modules with enforced boundaries", "Extract two services", "Leave the monolith and add a merge queue"],
                "Modules with enforced boundaries", Some("stop three teams colliding in one deploy"),
                Some("slower independence for a migration that could stop halfway"))),
            Some("Chose modules with enforced boundaries over extracting two services or leaving the monolith and adding a merge queue to stop three teams colliding in one deploy"),
        ),
        (
            titled("New ledger"),
            Decision(DecisionInput {
                options: vec![
                    DecisionOption {
                        text: "PostgreSQL".into(),
                        pros: "transactions the team knows".into(),
                        cons: "manual sharding later".into(),
                    },
                    "DynamoDB".into(),
                ],
                ..decision("Ledger database", &[], "PostgreSQL", Some("so reconciliation never breaks"), None)
            }),
            Some("Chose PostgreSQL over DynamoDB so reconciliation never breaks, trading manual sharding later for transactions the team knows"),
        ),
        (
            titled("New ledger"),
            Decision(decision("Ledger database", &["PostgreSQL", "DynamoDB"], "DynamoDB", None, None)),
            Some("Chose DynamoDB over PostgreSQL for the ledger database"),
        ),
        (
            titled("Session cache"),
            Decision(decision("Which cache should we use?", &["Redis", "Memcached"], "Redis", None,
                Some("another dependency for fine-grained expiry"))),
            Some("Chose Redis over Memcached, trading another dependency for fine-grained expiry"),
        ),
        (
            titled("Session cache"),
            Decision(decision("Use Redis for sessions", &["Redis"], "Redis", Some("survive restarts"), None)),
            None,
        ),
        (
            titled("Black Friday readiness"),
            Decision(decision("Handle the traffic spike", &["Scale out the read replicas", "Add a CDN in front"],
                "Add a CDN in front", Some("To absorb a 3x spike without new hardware."), None)),
            Some("Added a CDN in front over scaling out the read replicas to absorb a 3x spike without new hardware"),
        ),
        (
            titled("Sessions"),
            Decision(decision("Move sessions to Redis", &["Redis", "Sticky sessions"], "Redis",
                Some("survive a node restart"), Some("Accepted a week of dual writes."))),
            Some("Chose Redis over sticky sessions to survive a node restart, accepting a week of dual writes"),
        ),
        (
            titled("Checkout speed"),
            Decision(decision("Cache product prices", &["An in-process cache", "A shared Redis cache"],
                "An in-process cache", Some("cut p99 checkout latency"),
                Some("Stale prices for up to a minute after a change; pricing signed off."))),
            Some("Chose an in-process cache over a shared Redis cache to cut p99 checkout latency, accepting stale prices for up to a minute after a change"),
        ),
        (
            titled("Pipeline migration"),
            Decision(DecisionInput {
                context: Some("The new pipeline replaced one that four teams depended on.".into()),
                ..decision("Roll out gradually or in one cut-over",
                    &["A percentage rollout behind a flag", "A weekend cut-over"],
                    "A percentage rollout behind a flag", None,
                    Some("six weeks of running both pipelines for a safe rollback path"))
            }),
            Some("Chose a percentage rollout behind a flag over a weekend cut-over, trading six weeks of running both pipelines for a safe rollback path"),
        ),
        (
            project("Flags at Globex", Some("Globex"), None, None, None),
            Decision(decision("Pick a flag service", &["Flagsmith", "A homegrown flag table"],
                "A homegrown flag table", None, None)),
            Some("Chose a homegrown flag table as the flag service over Flagsmith"),
        ),
        (
            titled("Release process"),
            Decision(decision("Choose a branching model", &["Trunk-based development with LaunchDarkly flags", "Release branches only"],
                "Release branches only", Some("Keep hotfixes simple"), Some("every hotfix landing twice for stable releases"))),
            Some("Chose release branches only over trunk-based development with LaunchDarkly flags to keep hotfixes simple, trading every hotfix landing twice for stable releases"),
        ),
    ];
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let mut wrong = Vec::new();
    for (p, entry, expected) in cases {
        let title = p.title.clone();
        let (got, names) = worded(p, entry);
        if got.as_deref() != expected {
            wrong.push(format!("{title}:\n   got {got:?}\n  want {expected:?}"));
        }
        if let Some(text) = &got {
            let findings = grammar_findings(text, &names);
            assert!(findings.is_empty(), "{text}: {findings:?}");
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// The bullets the issue found, each caught by the lint that used to say "Reads well".
#[test]
fn the_lint_catches_what_generation_used_to_get_wrong() {
    let mut names = Names::new();
    for org in ["Fjord Logistics", "Lumen Health"] {
        names.organization(org);
    }
    for option in
        ["Keep git-flow with stricter reviews", "Trunk-based with flags", "Release branches only"]
    {
        names.option(option);
    }
    let cases: &[(&str, &[LintRule])] = &[
        (
            "Chose Keep git-flow with stricter reviews over Trunk-based with flags and Release branches only for move the team to trunk-based development, trading a learning curve and flag clean-up for merges that no longer hurt",
            &[LintRule::StrayCapital, LintRule::DanglingPreposition],
        ),
        (
            "Delivered Simplify the CI pipeline at Fjord Logistics across the organization: simplify the CI pipeline ahead of a 3x traffic forecast for the holiday season",
            &[LintRule::RepeatedPhrase, LintRule::StrayCapital, LintRule::VerbAfterVerb],
        ),
        (
            "Cut p99 latency by 35% (1,547 ms → 1,001 ms) in Rebuild the checkout flow",
            &[LintRule::StrayCapital, LintRule::DanglingPreposition],
        ),
        (
            "Led the migration: phase one: the ledger",
            &[LintRule::ManyColons],
        ),
    ];
    for (text, wanted) in cases {
        let found: Vec<LintRule> =
            grammar_findings(text, &names).into_iter().map(|(r, _)| r).collect();
        for rule in *wanted {
            assert!(found.contains(rule), "{rule:?} missing for {text}: {found:?}");
        }
    }
    let stray: Vec<Option<String>> = grammar_findings(cases[0].0, &names)
        .into_iter()
        .filter(|(r, _)| *r == LintRule::StrayCapital)
        .map(|(_, e)| e)
        .collect();
    assert_eq!(
        stray,
        vec![Some("Keep".into()), Some("Trunk-based".into()), Some("Release".into())]
    );

    // A regression worded as a win is flagged against the metric it cites.
    let recovery = Metric::derived(
        head(7),
        metric("mean time to recovery", Some("min"), Some(95.0), 118.0, Some(Direction::Lower)),
    );
    let text = "Increased mean time to recovery by 24% (95 min → 118 min) in Instrument the billing service";
    let rules: Vec<LintRule> = lint_with(text, std::slice::from_ref(&recovery), &names)
        .into_iter()
        .map(|f| f.rule)
        .collect();
    assert!(rules.contains(&LintRule::ClaimNotShown), "{rules:?}");
    assert!(rules.contains(&LintRule::StrayCapital), "{rules:?}");
    // Its figures quoted under a claiming verb are flagged too, an honest word is not.
    let quoted = "Cut recovery time by 24% (95 min → 118 min)";
    assert!(lint_with(quoted, std::slice::from_ref(&recovery), &names)
        .iter()
        .any(|f| f.rule == LintRule::ClaimNotShown));
    let honest =
        "Held mean time to recovery within 24% (95 min → 118 min) while cutting pages by 40%";
    assert!(lint_with(honest, &[recovery], &names)
        .iter()
        .all(|f| f.rule != LintRule::ClaimNotShown));
}

#[test]
fn grammar_rules_pass_clean_sentences_and_name_their_words() {
    let mut names = Names::new();
    names.organization("Acme");
    names.organization("Northwind Payments");
    names.title("Project Atlas");
    let clean = [
        "Chose Kafka over a Postgres outbox to keep checkout writes replayable",
        "Helped the team ship 3 features at Acme",
        "Cut p99 latency by 85% (800 ms → 120 ms) by moving writes to a queue",
        "Moved the team to trunk-based development in 2 weeks",
        "Led the design review: 4 teams agreed on one schema by 10:30 on the first day",
        "Rebuilt search for the \"Black Friday\" peak, see https://example.com/rfc",
        "Moved the on-call rota to the team and the runbooks to the wiki in 3 weeks",
        "Shipped Project Atlas with Northwind Payments in 6 weeks",
    ];
    for text in clean {
        assert_eq!(grammar_findings(text, &names), vec![], "{text}");
    }
    let flagged = [
        (
            "Led the migration for the migration for the ledger",
            LintRule::RepeatedPhrase,
            "the migration for",
        ),
        ("Cut latency with Enforced boundaries", LintRule::StrayCapital, "Enforced"),
        ("Cut the Payments platform cost by 40%", LintRule::StrayCapital, "Payments"),
        ("Led migrate the ledger to Postgres", LintRule::VerbAfterVerb, "Led migrate"),
        ("Built tooling for migrate jobs", LintRule::DanglingPreposition, "for migrate"),
        (
            "Cut costs due to consolidate the clusters",
            LintRule::DanglingPreposition,
            "to consolidate",
        ),
    ];
    for (text, rule, excerpt) in flagged {
        let found = grammar_findings(text, &names);
        assert!(found.contains(&(rule, Some(excerpt.to_string()))), "{text}: {found:?}");
    }
}

/// Every bullet the demo journal generates, over several seeds, passes every lint rule
/// (the grammar, a number in each, never a claim the metric does not show).
#[test]
fn every_demo_bullet_passes_the_lint() {
    for seed in [demo::DEFAULT_SEED, 1, 2, 3, 7, 42] {
        let details: Vec<ProjectDetail> =
            demo::projects(seed, 30).enumerate().map(|(n, p)| demo_detail(n as i64, p)).collect();
        let names = names_of(&details);
        for d in &details {
            for c in candidates(d, &names) {
                let cited: Vec<Metric> =
                    d.metrics.iter().filter(|m| c.sources.contains(&m.id)).cloned().collect();
                let bad = lint_with(&c.text, &cited, &names);
                assert!(bad.is_empty(), "seed {seed}: {}\n{bad:?}", c.text);
                if !c.key.starts_with("project:") {
                    assert!(!c.text.contains(&d.project.title), "title pasted: {}", c.text);
                }
            }
        }
    }
}

/// A demo project as the store would read it back, with ids in its own range.
fn demo_detail(n: i64, p: demo::DemoProject) -> ProjectDetail {
    let base = 1_000 * (n + 1);
    let metrics = p
        .metrics
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            Metric::derived(head(base + 1 + i as i64), MetricInput { project_id: base, ..m.input })
        })
        .collect();
    let decisions = p
        .decisions
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            Decision::new(head(base + 100 + i as i64), validate::decision(d.input).unwrap(), false)
        })
        .collect();
    ProjectDetail {
        project: Project::new(head(base), p.project.input),
        metrics,
        decisions,
        artifacts: Vec::new(),
        feedback: Vec::new(),
        notes: Vec::new(),
    }
}

#[test]
fn a_form_previews_the_bullet_its_entry_will_make() {
    let names = Names::new();
    let checkout = titled("Rebuild the checkout flow");
    let cx = PreviewContext { project: Some(&checkout), metrics: &[], names: &names };
    let draft = metric("p99 latency", Some("ms"), Some(1547.0), 1001.0, Some(Direction::Lower));
    let preview = preview_bullet(&PreviewEntry::Metric(draft.clone()), &cx);
    assert_eq!(
        preview.text.as_deref(),
        Some("Cut p99 latency by 35% (1,547 ms → 1,001 ms) by rebuilding the checkout flow")
    );
    assert_eq!(preview.hint, None);
    let worse = preview_bullet(
        &PreviewEntry::Metric(MetricInput { result: Some(1_900.0), ..draft.clone() }),
        &cx,
    );
    assert_eq!(worse.text, None);
    assert!(worse.hint.unwrap().contains("did not improve"));
    let unfiled = preview_bullet(
        &PreviewEntry::Metric(draft.clone()),
        &PreviewContext { project: None, metrics: &[], names: &names },
    );
    assert_eq!(unfiled.text.as_deref(), Some("Cut p99 latency by 35% (1,547 ms → 1,001 ms)"));
    let bare = preview_bullet(&PreviewEntry::Metric(MetricInput { baseline: None, ..draft }), &cx);
    assert_eq!(bare.text, None);
    assert!(bare.hint.unwrap().contains("baseline"));

    // A goal typed with its "to" and a full stop reads once, as the purpose.
    let typed = DecisionInput {
        project_id: Some(1),
        title: "Queue checkout writes".into(),
        options: vec!["Kafka".into(), "A Postgres outbox".into()],
        chosen: "Kafka".into(),
        goal: Some("To keep checkout writes replayable.".into()),
        ..Default::default()
    };
    let preview = preview_bullet(&PreviewEntry::Decision(typed.clone()), &cx);
    assert_eq!(
        preview.text.as_deref(),
        Some("Chose Kafka over a Postgres outbox to keep checkout writes replayable")
    );
    assert!(preview.hint.unwrap().contains("trade-off"));
    let without_goal =
        preview_bullet(&PreviewEntry::Decision(DecisionInput { goal: None, ..typed }), &cx);
    assert!(without_goal.hint.unwrap().contains("goal"));
    assert!(without_goal.text.unwrap().ends_with("to queue checkout writes"));

    let project = preview_bullet(
        &PreviewEntry::Project(project(
            "Checkout rewrite",
            Some("Acme"),
            Some("Tech lead"),
            None,
            None,
        )),
        &PreviewContext { project: None, metrics: &[], names: &names },
    );
    assert_eq!(project.text.as_deref(), Some("Led the checkout rewrite at Acme"));
    assert!(project.findings.iter().any(|f| f.rule == LintRule::NoNumber));
}
