//! What the tests put in a journal before they look at it: entries saved through the
//! window's own commands (as the UI saves them), the command line for what the window never
//! writes, and named scenarios for the screens the capture tools show.

use std::path::Path;

use serde::Serialize;
use serde_json::{json, Value};

use super::{careerlog, id_of, App};

/// A project as `project_save` takes it; what is left out is null or empty.
#[derive(Serialize, Default)]
pub struct Project<'a> {
    pub title: &'a str,
    pub organization: Option<&'a str>,
    pub role: Option<&'a str>,
    pub started_on: Option<&'a str>,
    pub ended_on: Option<&'a str>,
    pub scope: Option<&'a str>,
    pub status: Option<&'a str>,
    pub summary: Option<&'a str>,
    pub tags: &'a [&'a str],
    pub skills: &'a [&'a str],
}

impl Project<'_> {
    /// A shipped service, the rest to fill in.
    pub fn shipped() -> Self {
        Project { scope: Some("service"), status: Some("shipped"), ..Project::default() }
    }
}

/// A metric as `metric_save` takes it; what is left out is null or empty.
#[derive(Serialize, Default)]
pub struct Metric<'a> {
    pub project_id: i64,
    pub name: &'a str,
    pub unit: Option<&'a str>,
    pub baseline: f64,
    pub result: f64,
    /// "lower" or "higher"
    pub better: &'a str,
    pub measured_on: Option<&'a str>,
    pub evidence: Option<&'a str>,
    pub tags: &'a [&'a str],
    pub skills: &'a [&'a str],
}

impl<'a> Metric<'a> {
    /// `name` moved from `baseline` to `result` (in `unit`, if any); `better` is "lower" or
    /// "higher".
    pub fn of(
        project_id: i64,
        name: &'a str,
        unit: impl Into<Option<&'a str>>,
        (baseline, result): (f64, f64),
        better: &'a str,
    ) -> Self {
        Metric {
            project_id,
            name,
            unit: unit.into(),
            baseline,
            result,
            better,
            ..Metric::default()
        }
    }

    pub fn measured(self, on: &'a str) -> Self {
        Metric { measured_on: Some(on), ..self }
    }

    pub fn evidence(self, evidence: impl Into<Option<&'a str>>) -> Self {
        Metric { evidence: evidence.into(), ..self }
    }
}

/// Saves a new entry through a `*_save` command; the entry as saved.
pub async fn save(app: &App, command: &str, input: Value) -> Value {
    app.invoke_ok(command, json!({"id": null, "input": input})).await
}

/// Saves a new project; its id.
pub async fn project(app: &App, project: &Project<'_>) -> i64 {
    id_of(&save(app, "project_save", json!(project)).await)
}

/// Saves a new project and opens its page from the Journal; its id.
pub async fn opened_project(app: &App, project: &Project<'_>) -> i64 {
    let id = self::project(app, project).await;
    app.click("nav-journal").await;
    app.click(&format!("project-{id}")).await;
    id
}

/// Saves a new metric; its id.
pub async fn metric(app: &App, metric: &Metric<'_>) -> i64 {
    id_of(&save(app, "metric_save", json!(metric)).await)
}

/// The id of the bullet generated from this entry (`metric:12`).
pub async fn bullet_for(app: &App, key: &str) -> i64 {
    let bullets = app.invoke_ok("bullet_list", json!({})).await;
    bullets
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["key"] == key)
        .map(id_of)
        .unwrap_or_else(|| panic!("no bullet for {key}: {bullets}"))
}

/// `careerlog demo`: a new journal at `db` full of realistic entries of every kind.
pub fn demo(db: &Path, projects: u32) {
    careerlog(db, &[], &["demo", "--projects", &projects.to_string()]);
}

/// Checklists with history: a closed quarter, and an open cycle nine days old with three
/// items checked and one overdue. The dates are moved back in the file (no command can).
pub fn checklist_history(db: &Path) {
    let cli = |args: &[&str]| careerlog(db, &[], args);
    cli(&["checklist", "show", "technical-leader"]);
    for item in ["set-band-and-role", "place-yourself", "log-recent-project", "add-a-metric"] {
        cli(&["checklist", "check", "technical-leader", item]);
    }
    cli(&["checklist", "new-cycle", "technical-leader"]);
    for item in ["set-band-and-role", "place-yourself", "log-recent-project"] {
        cli(&["checklist", "check", "technical-leader", item]);
    }
    // Reading a checklist starts no cycle: this one is started on purpose.
    cli(&["checklist", "new-cycle", "tech-lead-roadmap"]);
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(
        "UPDATE checklist_cycles SET started_on = date('now', 'localtime', '-100 days'),
                closed_on = date('now', 'localtime', '-9 days')
          WHERE guide = 'technical-leader' AND number = 1;
         UPDATE checklist_checks SET checked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-80 days')
          WHERE cycle_id = (SELECT id FROM checklist_cycles WHERE guide = 'technical-leader' AND number = 1);
         UPDATE checklist_cycles SET started_on = date('now', 'localtime', '-9 days')
          WHERE guide = 'technical-leader' AND number = 2;
         UPDATE checklist_checks SET checked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-6 days')
          WHERE cycle_id = (SELECT id FROM checklist_cycles WHERE guide = 'technical-leader' AND number = 2);
         UPDATE checklist_cycles SET started_on = date('now', 'localtime', '-3 days')
          WHERE guide = 'tech-lead-roadmap';",
    )
    .unwrap();
}

/// A journal with the evidence a mid-career backend engineer would have logged, for the
/// readiness map.
pub async fn readiness_evidence(app: &App) {
    let lead = |title, started, scope, summary| Project {
        title,
        organization: Some("Acme Payments"),
        role: Some("Tech lead"),
        started_on: Some(started),
        scope: Some(scope),
        status: Some("shipped"),
        summary: Some(summary),
        skills: &["technical-leadership"],
        ..Project::default()
    };
    let checkout = project(
        app,
        &lead(
            "Checkout latency rewrite", "2025-01-08", "service",
            "Moved pricing out of the hot path.",
        ),
    )
    .await;
    let events = project(
        app,
        &lead(
            "Order events platform", "2025-06-02", "multi-team",
            "One stream of order events for three teams.",
        ),
    )
    .await;
    for (project_id, name, unit, baseline, result) in [
        (checkout, "p99 checkout latency", "ms", 800.0, 120.0),
        (events, "Order status lag", "s", 300.0, 8.0),
    ] {
        let input = Metric::of(project_id, name, unit, (baseline, result), "lower")
            .measured("2025-08-01")
            .evidence("Grafana dashboard, 30-day p99");
        metric(app, &input).await;
    }
    for (project, kind, title) in [
        (checkout, "rfc", "RFC: in-process price cache"),
        (checkout, "postmortem", "Postmortem: stale prices after the March deploy"),
        (checkout, "pr", "Price cache with bounded staleness"),
        (checkout, "pr", "Checkout service extraction, part 1"),
        (events, "pr", "Order events schema registry"),
    ] {
        let input = json!({
            "project_id": project, "kind": kind, "title": title, "url": null,
            "date": "2025-03-01", "tags": [], "skills": [],
        });
        save(app, "artifact_save", input).await;
    }
    let decision = json!({
        "project_id": checkout, "title": "Cache prices in process instead of Redis",
        "context": "Pricing lookups were most of checkout latency.",
        "options": [
            {"text": "In-process cache", "pros": "No network hop", "cons": "Staleness"},
            {"text": "Redis cluster", "pros": "Shared", "cons": "Extra hop"},
        ],
        "chosen": "In-process cache", "tradeoffs": "Up to 60 s stale prices.",
        "expected": "p99 under 200 ms", "confidence": 75,
        "outcome": "p99 went to 120 ms; no stale-price complaints.",
        "decided_on": "2025-02-10", "review_on": "2025-08-10", "tags": [], "skills": [],
    });
    save(app, "decision_save", decision).await;
    let feedback = json!({
        "project_id": events, "source": "peer", "date": "2025-09-15",
        "text": "Pairing on the consumer design got me leading the schema review myself.",
        "rating": 5, "tags": [], "skills": ["mentoring"],
    });
    save(app, "feedback_save", feedback).await;
}

/// The bullets [`resume_journal`] made, by what the capture shows them for.
pub struct Bullets {
    pub latency: i64,
    pub weak: i64,
}

/// A realistic journal for the Resume section: two organizations, metrics in ms, %, $ and
/// counts, decisions with options, one metric without evidence, one deliberately weak
/// edited bullet, and variants "Staff backend" (tailored) and "Frontend only" (empty).
pub async fn resume_journal(app: &App) -> Bullets {
    let acme = ("Acme Payments", "Tech lead");
    let initech = ("Initech", "Senior engineer");
    let job = |(organization, role): (&'static str, &'static str),
               title,
               (started, ended): (&'static str, &'static str),
               summary,
               tags: &'static [&'static str],
               skills: &'static [&'static str]| Project {
        title,
        organization: Some(organization),
        role: Some(role),
        started_on: Some(started),
        ended_on: Some(ended),
        summary: Some(summary),
        tags,
        skills,
        ..Project::shipped()
    };
    let measured = |input: Metric<'static>, evidence| {
        let input = input.measured("2024-06-20").evidence(evidence);
        async move { metric(app, &input).await }
    };

    let checkout = project(
        app,
        &job(
            acme,
            "Checkout latency rewrite",
            ("2024-01-08", "2024-06-30"),
            "Rebuilt the pricing path behind checkout with a warmed cache.",
            &["backend", "performance"],
            &["technical leadership", "system design"],
        ),
    )
    .await;
    let latency = measured(
        Metric::of(checkout, "p99 checkout latency", "ms", (800.0, 120.0), "lower"),
        Some("Grafana: checkout p99"),
    )
    .await;
    measured(
        Metric::of(checkout, "Checkout conversion", "%", (71.2, 74.9), "higher"),
        Some("Experiment report Q2"),
    )
    .await;
    save(
        app,
        "decision_save",
        json!({
            "project_id": checkout, "title": "Cache pricing lookups in the checkout service",
            "context": "Tax and discount lookups were on the request path.",
            "options": [
                {"text": "A warmed read-through cache", "pros": "no request-path calls", "cons": "invalidation"},
                {"text": "Bigger database replicas", "pros": "no code change", "cons": "cost, same tail"}
            ],
            "chosen": "A warmed read-through cache",
            "tradeoffs": "Stale prices for up to a minute after a change; the pricing team signed off.",
            "expected": null, "confidence": 70, "outcome": null, "decided_on": "2024-02-01",
            "review_on": null, "tags": [], "skills": []
        }),
    )
    .await;

    let cloud = project(
        app,
        &job(
            acme,
            "Cloud cost programme",
            ("2023-06-01", "2023-12-15"),
            "Rightsized clusters and moved batch jobs to spot capacity.",
            &["infrastructure", "cost"],
            &["decision making"],
        ),
    )
    .await;
    measured(Metric::of(cloud, "Monthly cloud spend", "$", (52000.0, 31000.0), "lower"), None)
        .await;

    let kafka = project(
        app,
        &job(
            initech,
            "Order events on Kafka",
            ("2021-03-01", "2022-02-28"),
            "Moved order events from cron polling onto Kafka.",
            &["backend"],
            &["mentoring"],
        ),
    )
    .await;
    let paging = measured(
        Metric::of(kafka, "Paging incidents a month", "incidents", (14.0, 3.0), "lower"),
        Some("PagerDuty report"),
    )
    .await;
    let deploys = measured(
        Metric::of(kafka, "Deploys per week", None, (2.0, 10.0), "higher"),
        Some("CI dashboard"),
    )
    .await;

    let onboarding = project(
        app,
        &job(
            initech,
            "Onboarding guide for new hires",
            ("2021-09-01", "2021-12-01"),
            "Wrote the service map and paired with each new engineer.",
            &["people"],
            &["mentoring"],
        ),
    )
    .await;
    let weak_metric = measured(
        Metric::of(onboarding, "Days to first deploy", "days", (21.0, 6.0), "lower"),
        Some("HR onboarding survey"),
    )
    .await;

    let weak = bullet_for(app, &format!("metric:{weak_metric}")).await;
    app.invoke_ok(
        "bullet_edit",
        json!({"id": weak, "text": "Responsible for leveraging synergy across teams"}),
    )
    .await;
    let latency_bullet = bullet_for(app, &format!("metric:{latency}")).await;
    let paging_bullet = bullet_for(app, &format!("metric:{paging}")).await;
    // Pick the cache decision too; its project bullet stays unpicked.
    let bullets = app.invoke_ok("bullet_list", json!({})).await;
    for b in bullets.as_array().unwrap() {
        if b["key"].as_str().unwrap().starts_with("decision:") {
            app.invoke_ok("bullet_include", json!({"id": id_of(b), "included": true})).await;
        }
    }

    let backend = app
        .invoke_ok(
            "variant_save",
            json!({"id": null, "name": "Staff backend",
                   "filter": {"tags": ["backend"], "skills": [], "roles": [], "since": null, "until": null}}),
        )
        .await;
    let variant = id_of(&backend);
    app.invoke_ok(
        "variant_tailor",
        json!({"variant": variant, "bullet": paging_bullet,
               "text": "Cut paging incidents 79% (14 → 3 a month) by moving order events onto Kafka",
               "excluded": false, "position": 1}),
    )
    .await;
    app.invoke_ok(
        "variant_tailor",
        json!({"variant": variant, "bullet": latency_bullet, "text": null, "excluded": false, "position": 2}),
    )
    .await;
    let deploys_bullet = bullet_for(app, &format!("metric:{deploys}")).await;
    app.invoke_ok(
        "variant_tailor",
        json!({"variant": variant, "bullet": deploys_bullet, "text": null, "excluded": true, "position": null}),
    )
    .await;
    app.invoke_ok(
        "variant_save",
        json!({"id": null, "name": "Frontend only",
               "filter": {"tags": ["frontend"], "skills": [], "roles": [], "since": null, "until": null}}),
    )
    .await;
    app.invoke_ok(
        "profile_set",
        json!({"profile": {"band": "8-11", "role": "backend", "target_role": "staff-engineer",
            "name": "Sam Rivera", "headline": "Staff engineer, payments", "email": "sam@example.org",
            "location": "Lisbon", "summary": null}}),
    )
    .await;
    Bullets { latency: latency_bullet, weak }
}

/// A project of the story bank's engineer.
pub fn story_project(title: &str) -> Project<'_> {
    Project {
        title,
        organization: Some("Acme Payments"),
        role: Some("Senior engineer"),
        ..Project::shipped()
    }
}

/// A rehearsal to seed: when, per-section times (a 0 closes a CAR story), rating, note.
type Take = (&'static str, [u64; 4], Option<u8>, Option<&'static str>);

/// A few realistic stories with their numbers and several rehearsals each: the latency
/// story (STAR), the migration (CAR), the mentoring one (no rehearsal) and a quick one with
/// a 15-second target.
pub async fn story_bank(app: &App) -> [i64; 4] {
    let checkout = project(app, &story_project("Checkout latency programme")).await;
    let p99 = Metric::of(checkout, "p99 latency", "ms", (800.0, 120.0), "lower")
        .evidence("Grafana checkout dashboard, 30-day p99");
    let p99 = metric(app, &p99).await;
    let conversion = Metric::of(checkout, "Checkout conversion", "%", (61.5, 64.2), "higher");
    let conversion = metric(app, &conversion).await;
    let decision = id_of(
        &save(
            app,
            "decision_save",
            json!({
                "project_id": checkout, "title": "Cache tax lookups at the edge",
                "context": null,
                "options": [
                    {"text": "Edge cache", "pros": "fast", "cons": "staleness"},
                    {"text": "Faster tax vendor", "pros": "no cache", "cons": "contract"}
                ],
                "chosen": "Edge cache", "tradeoffs": null, "expected": null, "confidence": 70,
                "outcome": null, "decided_on": null, "review_on": null, "tags": [], "skills": []
            }),
        )
        .await,
    );
    let platform = project(app, &story_project("Queue migration to Kafka")).await;
    let incidents = Metric::of(platform, "Paging incidents a month", "", (14.0, 3.0), "lower");
    let incidents = metric(app, &incidents).await;

    let story = |title: &str,
                 framework: &str,
                 texts: [&str; 5],
                 target: u32,
                 projects: Vec<i64>,
                 metrics: Vec<i64>,
                 decisions: Vec<i64>,
                 questions: Vec<&str>| {
        json!({
            "title": title, "framework": framework,
            "situation": texts[0], "task": texts[1], "context": texts[2],
            "action": texts[3], "result": texts[4], "target_seconds": target,
            "project_ids": projects, "metric_ids": metrics, "decision_ids": decisions,
            "questions": questions, "tags": [], "skills": []
        })
    };
    let latency = id_of(&save(app, "story_save", story(
        "Cutting checkout latency by 85%",
        "star",
        [
            "Our checkout p99 sat at 800 ms during the spring sale, and every extra second cost us carts. Three teams touched the path and nobody owned the end-to-end number.",
            "I was the senior engineer on checkout. My brief was to get p99 under 200 ms within a quarter without freezing feature work.",
            "",
            "I traced a week of production requests and found that tax lookups and pricing ran one after the other. I wrote a short RFC proposing an edge cache for tax and a parallel pricing call, walked the two other teams through the trade-offs, and paired with their leads on the rollout behind a flag. We shipped in three steps, watching the error budget at each one.",
            "p99 fell from 800 ms to 120 ms and conversion rose almost three points. The dashboard we built is now the team's release gate.",
        ],
        120,
        vec![checkout],
        vec![p99, conversion],
        vec![decision],
        vec!["walk-me-through-an-architecture-decision", "tell-me-about-your-leadership-experience"],
    )).await);
    let migration = id_of(&save(app, "story_save", story(
        "Moving the order queue to Kafka without downtime",
        "car",
        [
            "",
            "",
            "Our RabbitMQ cluster paged someone most nights: fourteen incidents a month, and the queue was the reason nobody wanted to be on call. Orders could not stop flowing, not even for a maintenance window, and two downstream teams read from the same exchange. Leadership wanted a plan in two weeks, and the platform team had already tried a migration once and rolled it back after a weekend of lost messages, so trust was low.",
            "I proposed a dual-write period with a reconciliation job that compared both sides every hour, and I wrote the runbook for every step so the other teams could follow along. I ran the cut-over rehearsal twice in staging with the on-call engineers from both downstream teams, fixed the ordering bug we found in the consumer library, and then moved one partition at a time over three weeks, publishing a short status note to the whole department after each one so nobody was surprised.",
            "Paging incidents went from fourteen a month to three, and the runbook became the template for two later migrations.",
        ],
        60,
        vec![platform],
        vec![incidents],
        vec![],
        vec!["how-do-you-influence-without-authority"],
    )).await);
    let mentoring = id_of(&save(app, "story_save", story(
        "Growing a junior engineer into the on-call lead",
        "star",
        [
            "A new graduate joined the team in the middle of a reorganisation.",
            "I offered to mentor her through her first year.",
            "",
            "We met weekly, I gave her the smaller incidents to lead with me shadowing, and I reviewed her postmortems line by line.",
            "A year later she led the on-call rotation.",
        ],
        90,
        vec![],
        vec![],
        vec![],
        vec!["how-do-you-mentor-engineers"],
    )).await);
    let quick = id_of(
        &save(
            app,
            "story_save",
            story(
                "Saying no to a rewrite",
                "car",
                [
                    "",
                    "",
                    "A director asked for a full rewrite of the billing service before the audit.",
                    "I costed it, showed the risk, and proposed three targeted fixes instead.",
                    "We passed the audit on time.",
                ],
                15,
                vec![],
                vec![],
                vec![],
                vec![],
            ),
        )
        .await,
    );

    // Several takes each, over two weeks: the first ones long, the later ones tighter.
    let takes: [(i64, &[Take]); 3] = [
        (
            latency,
            &[
                (
                    "2024-05-02T19:05:00Z",
                    [32_000, 25_000, 88_000, 21_000],
                    Some(2),
                    Some("Rambled in the setup; the 85% came too late."),
                ),
                ("2024-05-04T18:40:00Z", [24_000, 18_000, 79_000, 16_000], Some(3), None),
                (
                    "2024-05-07T20:10:00Z",
                    [20_000, 16_000, 71_000, 15_000],
                    Some(3),
                    Some("Better. Name the RFC earlier."),
                ),
                ("2024-05-09T07:55:00Z", [17_000, 14_000, 66_000, 13_000], Some(4), None),
                (
                    "2024-05-12T19:30:00Z",
                    [16_000, 13_000, 62_000, 12_000],
                    Some(5),
                    Some("Ready. Keep the numbers exactly like this."),
                ),
            ],
        ),
        (
            migration,
            &[
                (
                    "2024-05-03T12:00:00Z",
                    [48_000, 72_000, 14_000, 0],
                    Some(2),
                    Some("Far too long for a 1-minute answer."),
                ),
                ("2024-05-10T12:15:00Z", [35_000, 55_000, 11_000, 0], Some(3), None),
            ],
        ),
        (quick, &[]),
    ];
    for (story, list) in takes {
        for (at, sections, rating, note) in list {
            let sections: Vec<u64> =
                if sections[3] == 0 { sections[..3].to_vec() } else { sections.to_vec() };
            let total: u64 = sections.iter().sum();
            app.invoke_ok(
                "rehearsal_save",
                json!({"input": {
                    "story_id": story, "started_at": at, "total_ms": total,
                    "section_ms": sections, "rating": rating, "note": note, "target_seconds": null
                }}),
            )
            .await;
        }
    }
    [latency, migration, mentoring, quick]
}
