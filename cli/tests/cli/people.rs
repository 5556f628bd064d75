//! `careerlog person|one-on-one|action|goal ...`, feedback with a person, people and the
//! private flag on any entry, and the progress report: people from a terminal.

use serde_json::{json, Value};

use crate::support::{id, Cli};

/// A peer since 2021 who became the engineer's manager in 2024, and their id.
fn manager(cli: &Cli) -> String {
    let added = cli.json(&[
        "person", "add", "--name", "Ada Quill", "--relationship", "peer", "--team", "Payments",
        "--from", "2021-03-01",
    ]);
    let ada = id(&added);
    cli.json(&[
        "person", "edit", &ada, "--ended", "2024-01-31", "--relationship", "manager", "--team",
        "Platform",
    ]);
    ada
}

/// The ids of a JSON array's items, in order.
fn ids(list: &Value) -> Vec<i64> {
    list.as_array().unwrap().iter().map(|v| v["id"].as_i64().unwrap()).collect()
}

#[test]
fn a_peer_who_became_a_manager_is_two_commands() {
    let cli = Cli::new();
    let added = cli.json(&[
        "person", "add", "--name", "Ada Quill", "--relationship", "peer", "--team", "Payments",
        "--from", "2021-03-01", "--notes", "Met on the checkout rewrite", "--tag", "payments",
    ]);
    assert_eq!(added["name"], "Ada Quill");
    assert_eq!(added["current"]["relationship"], "peer");
    assert_eq!(added["tags"], json!(["payments"]));
    let ada = id(&added);
    let text = cli.text(&[
        "person", "edit", &ada, "--ended", "2024-01-31", "--relationship", "manager", "--team",
        "Platform",
    ]);
    assert!(text.starts_with(&format!("Updated person {ada}: Ada Quill, manager (Platform)")));
    assert!(text.contains("peer (Payments), 2021-03-01 to 2024-01-31"), "{text}");
    // The new span starts the day the old one ended unless --from says otherwise.
    assert!(text.contains("manager (Platform), since 2024-01-31"), "{text}");
    let page = cli.json(&["person", "show", &ada]);
    assert_eq!(
        page["person"]["relationships"],
        json!([
            {"relationship": "peer", "team": "Payments", "from": "2021-03-01", "to": "2024-01-31"},
            {"relationship": "manager", "team": "Platform", "from": "2024-01-31", "to": null},
        ])
    );
    assert_eq!(page["person"]["current"]["relationship"], "manager");
    assert_eq!(page["person"]["notes"], "Met on the checkout rewrite");

    // A relationship given on edit is added; the name and notes are replaced.
    let edited = cli.json(&[
        "person", "edit", &ada, "--name", "Ada Quill-Moss", "--relationship", "mentor", "--from",
        "2025-01-01",
    ]);
    assert_eq!(edited["name"], "Ada Quill-Moss");
    assert_eq!(edited["relationships"].as_array().unwrap().len(), 3);
    assert_eq!(edited["notes"], "Met on the checkout rewrite");
    // Without --from, a span added on edit starts today and is the current one.
    let now = cli.json(&["person", "edit", &ada, "--relationship", "stakeholder"]);
    assert_eq!(now["current"]["relationship"], "stakeholder");
    assert!(now["current"]["from"].is_string(), "{now}");
    // Nothing is open any more once every span has an end.
    let today = now["current"]["from"].as_str().unwrap();
    cli.json(&["person", "edit", &ada, "--ended", today]);
    cli.json(&["person", "edit", &ada, "--ended", "2025-06-30"]);
    cli.json(&["person", "edit", &ada, "--ended", "2025-06-30"]);
    let error = cli.fails(&["person", "edit", &ada, "--ended", "2025-07-01"]);
    assert!(error.contains("ended: none of their relationships is open"), "{error}");
    let error = cli.fails(&["person", "edit", &ada, "--team", "Search"]);
    assert!(error.contains("give --relationship too"), "{error}");
    let help = cli.text(&["person", "edit", "--help"]);
    assert!(help.contains("ADDED as a new") && help.contains("--ended"), "{help}");
}

#[test]
fn the_people_list_says_who_they_are_and_when_you_last_met() {
    let cli = Cli::new();
    let empty = cli.text(&["person", "list"]);
    assert!(empty.contains("No people yet: add one with `careerlog person add"), "{empty}");
    let ada = manager(&cli);
    let bo = id(&cli.json(&[
        "person", "add", "--name", "Bo Lindqvist", "--relationship", "mentee", "--team", "Search",
    ]));
    cli.json(&[
        "one-on-one", "add", "--person", &ada, "--date", "2026-10-06", "--action", "Draft the RFC",
    ]);
    cli.json(&["one-on-one", "add", "--person", &ada, "--date", "2026-10-20"]);

    let rows = cli.json(&["person", "list"]);
    assert_eq!(ids(&rows), [ada.parse::<i64>().unwrap(), bo.parse().unwrap()]);
    let first = &rows[0];
    assert_eq!(first["name"], "Ada Quill");
    assert_eq!(first["current"]["relationship"], "manager");
    assert_eq!(first["current"]["team"], "Platform");
    assert_eq!(first["one_on_ones"], 2);
    assert_eq!(first["last_met_on"], "2026-10-20");
    assert_eq!(first["open_actions"], 1);
    assert_eq!(rows[1]["one_on_ones"], 0);
    assert!(rows[1]["last_met_on"].is_null());

    let text = cli.text(&["person", "list"]);
    let line = text.lines().next().unwrap();
    for part in ["Ada Quill", "manager", "Platform", "2 1:1s", "last met 2026-10-20", "1 open"] {
        assert!(line.contains(part), "{part} in {line}");
    }
    assert!(text.contains("never"), "{text}");
    assert!(text.trim_end().ends_with("2 people"), "{text}");

    // A relationship held at any time filters; so do words of the name or a team.
    assert_eq!(ids(&cli.json(&["person", "list", "--relationship", "peer"])).len(), 1);
    assert_eq!(ids(&cli.json(&["person", "list", "--relationship", "mentee"])).len(), 1);
    assert_eq!(ids(&cli.json(&["person", "list", "--search", "search"])).len(), 1);
    assert_eq!(ids(&cli.json(&["person", "list", "--search", "payments ada"])).len(), 1);
    assert!(cli.text(&["person", "list", "--search", "nobody"]).contains("No people match"));
}

#[test]
fn a_person_is_refused_with_one_line_saying_why() {
    let cli = Cli::new();
    let no_name = cli.raw(&["person", "add", "--relationship", "peer"]);
    assert_eq!(no_name.status.code(), Some(1));
    let error = cli.fails(&["person", "add", "--relationship", "peer"]);
    assert!(error.contains("name: is required: pass --name"), "{error}");
    let error = cli.fails(&["person", "add", "--name", "Cy Ortega"]);
    assert!(error.contains("relationship: is required: pass --relationship"), "{error}");

    // A word that is no relationship is a usage mistake, with the choices.
    let bad = cli.raw(&["person", "add", "--name", "Cy Ortega", "--relationship", "boss"]);
    assert_eq!(bad.status.code(), Some(2));
    let error = cli.fails(&["person", "add", "--name", "Cy Ortega", "--relationship", "boss"]);
    assert!(error.contains("'boss'") && error.contains("choose one of: manager"), "{error}");
    assert!(error.contains("mentee") && error.contains("peer"), "{error}");

    let backwards = [
        "person", "add", "--name", "Cy Ortega", "--relationship", "peer", "--from", "2024-05-01",
        "--to", "2023-05-01",
    ];
    assert_eq!(cli.raw(&backwards).status.code(), Some(1));
    let error = cli.fails(&backwards);
    assert!(error.contains("ends before it starts (2023-05-01 is before 2024-05-01)"), "{error}");
    assert!(cli.json(&["person", "list"]).as_array().unwrap().is_empty());

    for args in [
        &["person", "show", "4242"][..],
        &["person", "edit", "4242", "--name", "X"],
        &["person", "delete", "4242"],
        &["one-on-one", "list", "--person", "4242"],
    ] {
        let unknown = cli.raw(args);
        assert_eq!(unknown.status.code(), Some(1), "{args:?}");
        assert!(cli.fails(args).contains("4242"), "{args:?}");
    }
    let error = cli.fails(&["one-on-one", "add", "--person", "4242"]);
    assert!(error.contains("person_id: there is no person with id 4242"), "{error}");
    let error = cli.fails(&["goal", "add", "--person", "4242", "--text", "Lead on-call"]);
    assert!(error.contains("person_id: there is no person with id 4242"), "{error}");
    let error = cli.fails(&["project", "add", "--title", "Checkout", "--with", "4242"]);
    assert!(error.contains("person_ids: there is no person with id 4242"), "{error}");
    assert!(cli.fails(&["one-on-one", "add"]).contains("pass --person"));
    assert!(cli.fails(&["one-on-one", "list"]).contains("pass --person"));
}

#[test]
fn open_action_items_carry_to_the_next_one_on_one() {
    let cli = Cli::new();
    let ada = manager(&cli);
    let first = cli.json(&[
        "one-on-one", "add", "--person", &ada, "--date", "2026-11-03", "--agenda",
        "Roadmap for Q1", "--notes", "Talked about the staff track", "--action",
        "Send the caching RFC", "--their-action", "Ask about the promo panel",
    ]);
    assert_eq!(first["meeting"]["person_id"].to_string(), ada);
    assert_eq!(first["meeting"]["date"], "2026-11-03");
    assert_eq!(first["meeting"]["agenda"], "Roadmap for Q1");
    assert_eq!(first["person"]["name"], "Ada Quill");
    let actions = first["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 2);
    assert_eq!(actions[0]["text"], "Send the caching RFC");
    assert_eq!(actions[0]["owner"], "me");
    assert_eq!(actions[1]["owner"], "them");
    assert!(actions[0]["done_on"].is_null());
    assert_eq!(first["carried"], json!([]));
    let (mine, theirs) = (id(&actions[0]), id(&actions[1]));

    let done = cli.json(&["action", "done", &mine]);
    assert!(done["done_on"].is_string(), "{done}");
    assert_eq!(done["agreed_on"], "2026-11-03");
    let text = cli.text(&["action", "done", &mine]);
    assert!(text.starts_with(&format!("Done: [x] action {mine}: Send the caching RFC")), "{text}");

    let next = cli.text(&["one-on-one", "add", "--person", &ada, "--date", "2026-11-17"]);
    assert!(next.contains("Carried over from before:"), "{next}");
    assert!(next.contains(&format!("action {theirs}: Ask about the promo panel")), "{next}");
    assert!(!next.contains("Send the caching RFC"), "{next}");
    let second = cli.json(&["one-on-one", "list", "--person", &ada]);
    assert_eq!(second[0]["date"], "2026-11-17");
    assert_eq!(second[1]["date"], "2026-11-03");
    let shown = cli.json(&["one-on-one", "show", &id(&second[0])]);
    assert_eq!(ids(&shown["carried"]), [theirs.parse::<i64>().unwrap()]);
    let week = cli.text(&["review", "week"]);
    assert!(week.contains("1 person") && week.contains("2 1:1s, 2 action items"), "{week}");
    let listed = cli.text(&["one-on-one", "list", "--person", &ada]);
    assert!(listed.starts_with("1:1s with Ada Quill") && listed.contains("Roadmap for Q1"));

    // Reopened, an item is carried again; the 1:1 shows its own items with their ids.
    let reopened = cli.json(&["action", "reopen", &mine]);
    assert!(reopened["done_on"].is_null());
    let shown = cli.json(&["one-on-one", "show", &id(&second[0])]);
    assert_eq!(shown["carried"].as_array().unwrap().len(), 2);
    let text = cli.text(&["one-on-one", "show", &id(&first["meeting"])]);
    assert!(text.contains(&format!("[ ] action {mine}: Send the caching RFC (yours")), "{text}");
    assert!(text.contains("Nothing open from the 1:1s before."), "{text}");
    let page = cli.json(&["person", "show", &ada]);
    assert_eq!(page["open_actions"].as_array().unwrap().len(), 2);
    assert_eq!(page["one_on_ones"], 2);

    // A 1:1 goes to the trash with its own items; what it carried stays with the others.
    let gone = cli.text(&["one-on-one", "delete", &id(&first["meeting"])]);
    assert!(gone.contains("with 2 entries under it"), "{gone}");
    let page = cli.json(&["person", "show", &ada]);
    assert_eq!(
        (page["one_on_ones"].as_i64(), page["open_actions"].as_array().unwrap().len()),
        (Some(1), 0)
    );
    assert!(cli.fails(&["one-on-one", "delete", &ada]).contains("not found"));

    let error = cli.fails(&["action", "done", "4242"]);
    assert!(error.contains("4242"), "{error}");
    let error = cli.fails(&["one-on-one", "add", "--person", &ada, "--action", " "]);
    assert!(error.contains("actions: item 1 needs its text"), "{error}");
}

#[test]
fn deleting_a_person_takes_their_one_on_ones_and_restore_brings_them_back() {
    let cli = Cli::new();
    let ada = manager(&cli);
    cli.json(&[
        "one-on-one", "add", "--person", &ada, "--date", "2026-11-03", "--action", "Send the RFC",
    ]);
    cli.json(&["one-on-one", "add", "--person", &ada, "--date", "2026-11-17"]);
    cli.json(&["feedback", "add", "--person", &ada, "--text", "Clear design docs"]);
    let project = cli.json(&["project", "add", "--title", "Checkout", "--with", &ada]);

    let text = cli.text(&["person", "delete", &ada]);
    assert!(text.contains("to the trash with 2 1:1s, 1 action item"), "{text}");
    assert!(text.contains("2 entries no longer name them"), "{text}");
    let trash = cli.json(&["trash", "list"]);
    let item = id(&trash[0]);
    assert!(text.contains(&format!("`careerlog trash restore {item}`")), "{text}");
    assert_eq!(trash[0]["kind"], "person");
    assert!(cli.fails(&["person", "show", &ada]).contains("not found"));
    assert!(cli.json(&["project", "show", &id(&project)]).get("person_ids").is_none());

    cli.json(&["trash", "restore", &item]);
    let page = cli.json(&["person", "show", &ada]);
    assert_eq!(page["one_on_ones"], 2);
    assert_eq!(page["open_actions"][0]["text"], "Send the RFC");
    let kinds: Vec<&str> =
        page["timeline"].as_array().unwrap().iter().map(|t| t["kind"].as_str().unwrap()).collect();
    for kind in ["one_on_one", "feedback", "project"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    let again = cli.json(&["project", "show", &id(&project)]);
    assert_eq!(again["person_ids"], json!([ada.parse::<i64>().unwrap()]));

    // Its --json says what went and what was unlinked.
    let deleted = cli.json(&["person", "delete", &ada]);
    assert_eq!(deleted["kind"], "person");
    assert_eq!(deleted["entry_id"].to_string(), ada);
    assert_eq!(deleted["one_on_ones"], 2);
    assert_eq!(deleted["action_items"], 1);
    assert_eq!(deleted["goals"], 0);
    assert_eq!(deleted["unlinked"], 2);
}

#[test]
fn a_mentees_goals_are_outcomes_of_the_mentoring() {
    let cli = Cli::new();
    let bo =
        id(&cli.json(&["person", "add", "--name", "Bo Lindqvist", "--relationship", "mentee"]));
    let goal = cli.json(&[
        "goal", "add", "--person", &bo, "--text", "Lead the on-call rotation", "--set",
        "2026-01-15",
    ]);
    assert_eq!(goal["person_id"].to_string(), bo);
    assert_eq!(goal["set_on"], "2026-01-15");
    assert!(goal["reached_on"].is_null());
    assert_eq!(goal["took_over"], false);
    let readiness = cli.json(&["readiness"]);
    assert_eq!(proof(&readiness, "grew-someone")["met"], false);

    let reached = cli.json(&["goal", "reached", &id(&goal), "--date", "2026-06-01", "--took-over"]);
    assert_eq!(reached["reached_on"], "2026-06-01");
    assert_eq!(reached["took_over"], true);
    let readiness = cli.json(&["readiness"]);
    assert_eq!(proof(&readiness, "grew-someone")["met"], true);
    assert_eq!(proof(&readiness, "successor-trained")["entries"][0]["id"], goal["id"]);

    let text = cli.text(&["person", "show", &bo]);
    assert!(text.contains("Goals:\n  goal"), "{text}");
    assert!(
        text.contains("Lead the on-call rotation (set 2026-01-15; reached 2026-06-01; took over")
    );
    let today = cli.json(&["goal", "reached", &id(&goal)]);
    assert!(today["reached_on"].is_string());
    let gone = cli.json(&["goal", "delete", &id(&goal)]);
    assert_eq!(gone["kind"], "goal");
    assert_eq!(proof(&cli.json(&["readiness"]), "grew-someone")["met"], false);

    let error = cli.fails(&["goal", "add", "--person", &bo, "--text", "x", "--took-over"]);
    assert!(error.contains("reached_on: is needed when they took over work"), "{error}");
    let error = cli.fails(&[
        "goal", "add", "--person", &bo, "--text", "x", "--set", "2026-05-01", "--reached",
        "2026-04-01",
    ]);
    assert!(error.contains("reached_on: is before the goal was set"), "{error}");
    assert!(cli.fails(&["goal", "add", "--person", &bo]).contains("text: is required"));
    assert!(cli.fails(&["goal", "reached", "4242"]).contains("4242"));
}

fn proof<'a>(readiness: &'a Value, id: &str) -> &'a Value {
    readiness["stages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["proofs"].as_array().unwrap())
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("no proof {id}"))
}

#[test]
fn feedback_names_a_person_and_which_way_it_went() {
    let cli = Cli::new();
    let ada = manager(&cli);
    // With a person, the source is their name.
    let received = cli.json(&["feedback", "add", "--person", &ada, "--text", "Clear design docs"]);
    assert_eq!(received["source"], "Ada Quill");
    assert_eq!(received["person_id"].to_string(), ada);
    let given = cli.json(&[
        "feedback", "add", "--person", &ada, "--direction", "given", "--text",
        "The incident review ran long", "--source", "Ada, after the review",
    ]);
    assert_eq!(given["direction"], "given");
    assert_eq!(given["source"], "Ada, after the review");
    let text = cli.text(&["feedback", "show", &id(&given)]);
    assert!(text.contains("to Ada, after the review: The incident review ran long"), "{text}");

    let page = cli.json(&["person", "show", &ada]);
    let roles: Vec<&str> =
        page["timeline"].as_array().unwrap().iter().map(|t| t["role"].as_str().unwrap()).collect();
    assert!(roles.contains(&"feedback-given") && roles.contains(&"feedback-received"), "{roles:?}");
    assert_eq!(page["feedback"].as_array().unwrap().len(), 2);

    // A story tells feedback given, for "how do you give feedback?".
    let story = cli.json(&["story", "add", "--title", "A hard review", "--feedback", &id(&given)]);
    assert_eq!(story["feedback_ids"], json!([given["id"]]));
    assert_eq!(story["feedback"][0]["direction"], "given");
    let text = cli.text(&["story", "show", &id(&story)]);
    assert!(text.contains(&format!("tells feedback {}: ", given["id"])), "{text}");
    assert!(text.contains("to Ada, after the review: The incident review ran long"), "{text}");

    // Without a person the source is still needed; a wrong direction lists the choices.
    let error = cli.fails(&["feedback", "add", "--text", "Good"]);
    assert!(error.contains("source: is required: pass --source"), "{error}");
    let error =
        cli.fails(&["feedback", "add", "--person", &ada, "--text", "x", "--direction", "up"]);
    assert!(error.contains("choose one of: received, given"), "{error}");
}

#[test]
fn any_entry_names_the_people_it_involved_and_can_be_private() {
    let cli = Cli::new();
    let ada = manager(&cli);
    let bo = id(&cli.json(&["person", "add", "--name", "Bo Lindqvist", "--relationship", "peer"]));
    let project = cli.json(&[
        "project", "add", "--title", "Checkout", "--with", &ada, "--with", &bo, "--private",
    ]);
    assert_eq!(
        project["person_ids"],
        json!([ada.parse::<i64>().unwrap(), bo.parse::<i64>().unwrap()])
    );
    assert_eq!(project["private"], true);
    let p = id(&project);
    let decision = cli.json(&[
        "decision", "add", "--project", &p, "--title", "Queue writes", "--chosen", "Kafka",
        "--with", &bo,
    ]);
    let note = cli.json(&["note", "add", "Paired on the retry logic", "--with", &bo, "--private"]);
    assert_eq!(note["private"], true);
    let story = cli.json(&["story", "add", "--title", "The checkout outage", "--with", &ada]);
    assert_eq!(story["person_ids"], json!([ada.parse::<i64>().unwrap()]));

    let page = cli.json(&["person", "show", &bo]);
    let timeline = page["timeline"].as_array().unwrap();
    let role_of =
        |entry: &Value| timeline.iter().find(|t| t["id"] == entry["id"]).map(|t| t["role"].clone());
    assert_eq!(role_of(&project), Some(json!("together")));
    assert_eq!(role_of(&decision), Some(json!("consulted")));
    assert_eq!(role_of(&note), Some(json!("linked")));
    assert!(timeline.iter().find(|t| t["id"] == note["id"]).unwrap()["private"] == true);

    let text = cli.text(&["project", "show", &p]);
    assert!(text.contains(&format!("with Ada Quill (person {ada}), Bo Lindqvist (person {bo})")));
    assert!(text.contains("private: kept out of the brag document"), "{text}");
    let text = cli.text(&["note", "show", &id(&note)]);
    assert!(text.contains("with Bo Lindqvist") && text.contains("private: "), "{text}");

    // --public undoes --private; --with on edit replaces the list.
    let edited = cli.json(&["project", "edit", &p, "--public", "--with", &ada]);
    assert!(edited.get("private").is_none(), "{edited}");
    assert_eq!(edited["person_ids"], json!([ada.parse::<i64>().unwrap()]));
    let kept = cli.json(&["project", "edit", &p, "--summary", "Faster checkout"]);
    assert_eq!(kept["person_ids"], edited["person_ids"]);
    let private = cli.json(&["decision", "edit", &id(&decision), "--private"]);
    assert_eq!(private["private"], true);
    let error = cli.fails(&["note", "add", "x", "--private", "--public"]);
    assert!(error.contains("--private") && error.contains("--public"), "{error}");
    let meeting = cli.json(&["one-on-one", "add", "--person", &ada, "--private"]);
    assert_eq!(meeting["meeting"]["private"], true);
}

#[test]
fn the_progress_report_leaves_private_entries_out_and_says_so() {
    let cli = Cli::new();
    let ada = manager(&cli);
    cli.json(&["project", "add", "--title", "Checkout rewrite", "--started", "2026-02-01"]);
    let secret = cli.json(&[
        "project", "add", "--title", "Acquisition due diligence", "--started", "2026-03-01",
        "--private",
    ]);
    let out = cli.path("report.md");
    let written = cli.json(&[
        "export", "report", "--person", &ada, "--since", "2026-01-01", "--until", "2026-06-30",
        "--out", &out,
    ]);
    assert_eq!(
        written,
        json!({"projects": 1, "metrics": 0, "checklists": 0, "rehearsals": 0,
               "private_left_out": 1, "path": out})
    );
    let report = std::fs::read_to_string(&out).unwrap();
    assert!(report.starts_with("# Progress report for Ada Quill"), "{report}");
    assert!(report.contains("Checkout rewrite") && !report.contains("Acquisition"), "{report}");
    let text = cli.text(&[
        "export", "report", "--person", &ada, "--since", "2026-01-01", "--until", "2026-06-30",
        "--out", &out,
    ]);
    assert!(text.contains("1 project, 0 metrics") && text.contains("1 private entry left out"));

    cli.json(&["project", "edit", &id(&secret), "--public"]);
    let shared = cli.json(&[
        "export", "report", "--person", &ada, "--since", "2026-01-01", "--until", "2026-06-30",
        "--out", &out,
    ]);
    assert_eq!(
        (shared["projects"].as_i64(), shared["private_left_out"].as_i64()),
        (Some(2), Some(0))
    );

    let error = cli.fails(&[
        "export", "report", "--person", &ada, "--since", "2026-06-30", "--until", "2026-01-01",
        "--out", &out,
    ]);
    assert!(error.contains("until: is before the start"), "{error}");
    let error = cli.fails(&[
        "export", "report", "--person", "4242", "--since", "2026-01-01", "--until", "2026-06-30",
        "--out", &out,
    ]);
    assert!(error.contains("4242"), "{error}");
    let error = cli.fails(&["export", "report", "--person", &ada, "--out", &out]);
    assert!(error.contains("since: is required: pass --since"), "{error}");
}

#[test]
fn the_brag_document_leaves_private_entries_out() {
    let cli = Cli::new();
    cli.json(&["project", "add", "--title", "Checkout rewrite", "--started", "2026-02-01"]);
    let secret = cli.json(&[
        "project", "add", "--title", "Acquisition due diligence", "--started", "2026-03-01",
        "--private",
    ]);
    let out = cli.path("brag.md");
    let written = cli.json(&["export", "brag", "--out", &out]);
    assert_eq!(written["projects"], 1);
    let doc = std::fs::read_to_string(&out).unwrap();
    assert!(doc.contains("Checkout rewrite") && !doc.contains("Acquisition"), "{doc}");
    cli.json(&["project", "edit", &id(&secret), "--public"]);
    assert_eq!(cli.json(&["export", "brag", "--out", &out])["projects"], 2);
    assert!(std::fs::read_to_string(&out).unwrap().contains("Acquisition"));
}
