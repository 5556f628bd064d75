//! The story bank without a window: stories with their estimate, rehearsals recorded away
//! from the app, and refusals of bad times and ratings.

use crate::support::{id, Cli};

#[test]
fn a_story_is_told_from_the_record_and_rehearsed() {
    let cli = Cli::new();
    let project = id(&cli.json(&["project", "add", "--title", "Checkout rewrite"]));
    let metric = id(&cli.latency(&project, &[]));
    let story = cli.json(&[
        "story",
        "add",
        "--title",
        "Cutting checkout latency",
        "--situation",
        "Checkout timed out at peak traffic",
        "--task",
        "I owned the fix across three teams",
        "--action",
        "I moved writes onto a queue and rolled it out in stages",
        "--result",
        "p99 fell from 800 ms to 120 ms",
        "--target-seconds",
        "90",
        "--project",
        &project,
        "--metric",
        &metric,
        "--question",
        "tell-me-about-your-leadership-experience",
    ]);
    let sid = id(&story);
    assert_eq!(story["framework"], "star");
    assert_eq!(story["metrics"][0]["percent_change"], -85.0, "the story shows its numbers");
    assert!(story["estimated_seconds"].as_u64().unwrap() > 0);
    assert_eq!(story["target_seconds"], 90);

    let rehearsal = cli.json(&[
        "rehearsal", "add", "--story", &sid, "--seconds", "100", "--sections", "15,15,60,10",
        "--rating", "4", "--note", "result too quick",
    ]);
    assert_eq!(rehearsal["total_ms"], 100_000);
    assert_eq!(rehearsal["section_ms"], serde_json::json!([15000, 15000, 60000, 10000]));
    assert_eq!(rehearsal["over_target"], true);

    let shown = cli.json(&["story", "show", &sid]);
    assert_eq!(shown["rehearsals"].as_array().unwrap().len(), 1);
    assert_eq!(shown["rehearsals"][0]["rating"], 4);
    assert!(shown["estimated_seconds"].is_u64());
    let listed = cli.json(&["story", "list"]);
    assert_eq!(listed[0]["rehearsal_count"], 1);

    let edited = cli.json(&["story", "edit", &sid, "--target-seconds", "120"]);
    assert_eq!(edited["target_seconds"], 120);
    assert_eq!(edited["title"], "Cutting checkout latency");

    let car = cli.json(&[
        "story", "add", "--title", "Mentoring Dana", "--framework", "car", "--context", "New hire",
        "--action", "Weekly pairing", "--result", "Shipped solo in 6 weeks",
    ]);
    assert_eq!(car["framework"], "car");
    assert_eq!(car["estimate"]["sections"].as_array().unwrap().len(), 3);

    let trashed = cli.json(&["story", "delete", &sid]);
    assert_eq!(trashed["children"], 1);
    assert!(cli.fails(&["story", "show", &sid]).contains("not found"));
}

#[test]
fn bad_times_ratings_and_sections_are_refused() {
    let cli = Cli::new();
    let star = id(&cli.json(&["story", "add", "--title", "S", "--action", "did it"]));
    let cases: &[(&[&str], &str)] = &[
        (&["rehearsal", "add", "--story", &star, "--seconds", "-5"], "negative"),
        (&["rehearsal", "add", "--story", &star, "--seconds", "0"], "total_ms"),
        (&["rehearsal", "add", "--story", &star, "--seconds", "60", "--rating", "9"], "9"),
        (
            &["rehearsal", "add", "--story", &star, "--seconds", "60", "--sections", "20,20,20"],
            "4 sections",
        ),
        (
            &["rehearsal", "add", "--story", &star, "--seconds", "60", "--sections", "10,10,10,x"],
            "not a number",
        ),
        (
            &["rehearsal", "add", "--story", &star, "--seconds", "60", "--sections", "1,1,1,1"],
            "add up",
        ),
        (&["rehearsal", "add", "--story", "999", "--seconds", "60"], "no story with id 999"),
        (&["story", "add", "--title", "C", "--framework", "car", "--task", "x"], "no task section"),
        (&["story", "add", "--title", "T", "--target-seconds", "5"], "target_seconds"),
        (&["story", "add", "--title", "T", "--framework", "soar"], "choose one of: star, car"),
        (&["story", "add", "--title", "T", "--metric", &star], "no metric"),
    ];
    for (args, expected) in cases {
        let line = cli.fails(args);
        assert!(line.contains(expected), "{args:?}: {line}");
    }
    assert_eq!(cli.json(&["story", "show", &star])["rehearsals"], serde_json::json!([]));
    assert_eq!(cli.json(&["story", "list"]).as_array().unwrap().len(), 1);
}

/// One rehearsal is deleted by the id `story show` prints; the story's count follows and
/// the trash brings it back. A short story says it is short.
#[test]
fn a_single_rehearsal_is_deleted_and_a_short_story_says_so() {
    let cli = Cli::new();
    let story = cli.json(&[
        "story", "add", "--title", "Mentoring Dana", "--framework", "car", "--context", "New hire",
        "--action", "Weekly pairing", "--result", "Shipped solo in 6 weeks", "--target-seconds",
        "180",
    ]);
    assert_eq!(story["estimate"]["pace"], "short");
    let sid = id(&story);
    let listed = cli.text(&["story", "list"]);
    assert!(listed.contains("(short by 2:5"), "{listed}");
    assert!(!listed.contains("fits"), "{listed}");

    let first = cli.json(&["rehearsal", "add", "--story", &sid, "--seconds", "170"]);
    cli.json(&["rehearsal", "add", "--story", &sid, "--seconds", "150"]);
    let rid = id(&first);
    assert!(cli.text(&["story", "show", &sid]).contains(&format!("rehearsal {rid} on ")));
    let trashed = cli.json(&["rehearsal", "delete", &rid]);
    assert_eq!(trashed["kind"], "rehearsal");
    let shown = cli.json(&["story", "show", &sid]);
    assert_eq!(shown["rehearsal_count"], 1);
    assert_eq!(shown["rehearsals"].as_array().unwrap().len(), 1);
    assert!(
        cli.fails(&["rehearsal", "delete", &sid]).contains("not found"),
        "a story is not a rehearsal"
    );
    cli.json(&["trash", "restore", &id(&trashed)]);
    assert_eq!(cli.json(&["story", "show", &sid])["rehearsal_count"], 2);
}
