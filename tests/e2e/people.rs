//! People in the real window: a mentee added through the People section, a 1:1 whose open
//! item carries over to the next, a reached goal on the readiness map, and delete with Undo.
//! `capture_people` saves the list, a person's page and the 1:1 form for a person to look at.

use std::time::Duration;

use fantoccini::Locator;
use serde_json::json;

use crate::support::seed::{self, Project};
use crate::support::{id_of, App, Turn};

/// The ids of the open action items the person's page lists, in its order.
async fn open_item_ids(app: &App) -> Vec<i64> {
    let ids = app
        .execute(
            "return [...document.querySelectorAll(\"[data-testid='person-open-actions'] [data-testid^='action-done-']\")]
               .map(e => Number(e.dataset.testid.slice('action-done-'.length)));",
            vec![],
        )
        .await;
    ids.as_array().unwrap().iter().map(|v| v.as_i64().unwrap()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mentees_items_carry_over_their_goal_counts_and_undo_brings_them_back() {
    let (_turn, app) = Turn::opened().await;

    // An empty People section says what it is for, and adds the first person.
    app.click("nav-people").await;
    let empty = app.text_with("people-empty", "1:1").await;
    assert!(empty.contains("carry over"), "{empty}");
    // A person needs a name: the refusal is said by the field, and nothing typed is lost.
    app.click("people-add").await;
    app.choose("person-relationship-0", "mentee").await;
    app.fill("person-team-0", "Payments").await;
    app.click("person-save").await;
    app.testid("error-name").await;
    assert_eq!(
        app.testid("person-team-0").await.prop("value").await.unwrap().as_deref(),
        Some("Payments")
    );
    app.fill("person-name", "Noor Halvorsen").await;
    app.click("person-save").await;
    app.gone("person-form").await;
    app.text_with("section-people", "Noor Halvorsen").await;
    let now = app.text_with("person-current", "Mentee").await;
    assert!(now.contains("Mentee · Payments"), "{now}");

    // The first 1:1: two items, one mine and one theirs.
    app.click("person-new-one-on-one").await;
    app.testid("one-on-one-form").await;
    let carried = app.text_with("carried", "Nothing open").await;
    assert!(carried.contains("Nothing open"), "{carried}");
    app.fill("one-on-one-agenda", "Career goals for the quarter").await;
    app.fill("action-text-0", "Send Noor the design review checklist").await;
    app.choose("action-owner-0", "me").await;
    app.click("action-add").await;
    app.fill("action-text-1", "Draft the on-call handover notes").await;
    app.choose("action-owner-1", "them").await;
    app.click("one-on-one-save").await;
    app.gone("one-on-one-form").await;

    // Both are open on the page; ticking mine done leaves theirs.
    app.text_with("person-open-actions", "handover").await;
    let open = open_item_ids(&app).await;
    assert_eq!(open.len(), 2, "{open:?}");
    let items = app.text("person-open-actions").await;
    assert!(items.contains("You") && items.contains("Noor"), "owners are shown: {items}");
    let (mine, theirs) = (open[0], open[1]);
    app.click(&format!("action-done-{mine}")).await;
    let mut marked = json!(null);
    for _ in 0..50 {
        let page = app.invoke_ok("person_page", json!({"id": person_id(&app).await})).await;
        marked = page["open_actions"].clone();
        if marked.as_array().unwrap().len() == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(marked.as_array().unwrap().len(), 1, "{marked}");
    assert_eq!(id_of(&marked[0]), theirs);

    // A new 1:1 with Noor starts with their item carried over, and only that one.
    app.click("person-new-one-on-one").await;
    app.testid("one-on-one-form").await;
    let carried = app.text_with("carried", "handover").await;
    assert!(!carried.contains("checklist"), "a done item does not carry over: {carried}");
    assert_eq!(app.count("carried-item").await, 1);
    app.testid(&format!("action-done-{theirs}")).await;
    app.click("one-on-one-cancel").await;
    app.gone("one-on-one-form").await;

    // A goal reached, where they took over the on-call rotation.
    app.click("goal-add").await;
    app.fill("goal-text", "Took over the on-call rotation").await;
    app.fill("goal-set", "2025-09-01").await;
    app.fill("goal-reached", "2026-01-15").await;
    app.click("goal-took-over").await;
    app.click("goal-save").await;
    app.gone("goal-form").await;
    let goals = app.text_with("person-goals", "on-call rotation").await;
    assert!(goals.contains("Reached 15 Jan 2026"), "{goals}");
    assert!(goals.contains("Took over work you used to carry"), "{goals}");
    let timeline = app.text_with("person-timeline", "Goal reached").await;
    assert!(timeline.contains("1:1"), "{timeline}");

    // The readiness map counts it for growing someone, and its evidence opens Noor's page.
    app.click("nav-guides").await;
    app.click("readiness-open").await;
    app.testid("readiness-map").await;
    let grew = app.testid("proof-grew-someone").await;
    assert_eq!(grew.attr("data-met").await.unwrap().as_deref(), Some("true"));
    let evidence = grew
        .find(Locator::Css("[data-testid^='evidence-']"))
        .await
        .expect("the goal is the evidence");
    let text = app
        .execute("return arguments[0].textContent;", vec![serde_json::to_value(&evidence).unwrap()])
        .await;
    assert!(text.as_str().unwrap().contains("on-call rotation"), "{text}");
    let successor = app.testid("proof-successor-trained").await;
    assert_eq!(successor.attr("data-met").await.unwrap().as_deref(), Some("true"));
    app.execute(
        "arguments[0].scrollIntoView({block: 'center'});",
        vec![serde_json::to_value(&evidence).unwrap()],
    )
    .await;
    evidence.click().await.unwrap();
    app.text_with("section-people", "Noor Halvorsen").await;
    app.testid("person-page").await;

    // Delete: Noor goes with their 1:1s; Undo brings them back with them.
    app.click("person-delete").await;
    let toast = app.text_with("toast", "Deleted").await;
    assert!(toast.contains("Noor Halvorsen"), "{toast}");
    app.testid("people-empty").await;
    let gone =
        app.invoke_ok("person_list", json!({"filter": {"text": null, "relationship": null}})).await;
    assert_eq!(gone["total"], json!(0));
    app.click("toast-undo").await;
    app.testid("people-row").await;
    let row = app.text_with("people-row", "Noor").await;
    assert!(row.contains("1 open item"), "{row}");
    app.click("people-row").await;
    let timeline = app.text_with("person-timeline", "Career goals").await;
    assert!(timeline.contains("1:1"), "{timeline}");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_people_a_project_and_its_feedback_name_open_their_page() {
    let (_turn, app) = Turn::opened().await;
    let person = app
        .invoke_ok(
            "person_save",
            json!({"id": null, "input": {"name": "Marta Ilves", "notes": null, "tags": [], "skills": [],
                "relationships": [{"relationship": "manager", "team": "Payments platform"}]}}),
        )
        .await;
    let person = id_of(&person);
    let mut input = json!(Project { title: "Ledger reconciliation", ..Project::shipped() });
    input["person_ids"] = json!([person]);
    let project = id_of(&seed::save(&app, "project_save", input).await);
    app.invoke_ok(
        "feedback_save",
        json!({"id": null, "input": {"project_id": project, "source": "", "person_id": person,
            "direction": "received", "date": "2026-11-20", "text": "Clear rollout plan.",
            "rating": null, "tags": [], "skills": []}}),
    )
    .await;

    app.click("nav-journal").await;
    app.click(&format!("project-{project}")).await;
    app.testid("project-page").await;
    let chips = app.text_with("person-chips", "Marta").await;
    assert!(chips.contains("With"), "{chips}");
    assert_eq!(
        app.count(&format!("person-chip-{person}")).await,
        2,
        "the project's and the feedback's"
    );
    let feedback = app
        .execute(
            "return document.querySelector(\"[data-testid^='feedback-'] [data-testid='person-chips']\").textContent;",
            vec![],
        )
        .await;
    assert!(feedback.as_str().unwrap().contains("From"), "{feedback}");
    app.click(&format!("person-chip-{person}")).await;
    app.text_with("section-people", "Marta Ilves").await;
    let timeline = app.text_with("person-timeline", "Ledger").await;
    assert!(timeline.contains("Worked together"), "{timeline}");
    assert!(timeline.contains("Feedback from them"), "{timeline}");
    app.close().await;
}

/// The id of the person whose page is shown.
async fn person_id(app: &App) -> i64 {
    let list =
        app.invoke_ok("person_list", json!({"filter": {"text": null, "relationship": null}})).await;
    id_of(&list["people"][0])
}

/// Not a check: saves the People list, a person's page and the 1:1 form in both themes to
/// `target/screenshots/` for a person to look at (`cargo test --test e2e people::capture -- --ignored`).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a capture tool, run by hand"]
async fn capture_people() {
    // Composited, as the other captures of dialogs: WebKit's software path can stall a snapshot.
    let turn = Turn::take_with(|_| vec![("WEBKIT_FORCE_COMPOSITING_MODE", "1".into())]).await;
    let app = turn.open().await;
    let pause = || tokio::time::sleep(Duration::from_millis(400));
    let person = |name: &str, relationships: serde_json::Value, notes: Option<&str>| {
        json!({"id": null, "input": {
            "name": name, "relationships": relationships, "notes": notes, "tags": [], "skills": []
        }})
    };
    let noor = app
        .invoke_ok(
            "person_save",
            person(
                "Noor Halvorsen",
                json!([{"relationship": "peer", "team": "Search", "from": "2024-02-01", "to": "2025-06-30"},
                       {"relationship": "mentee", "team": "Payments", "from": "2025-07-01"}]),
                Some("Wants to lead incident reviews; likes written feedback before a 1:1."),
            ),
        )
        .await;
    let noor = id_of(&noor);
    app.invoke_ok(
        "person_save",
        person(
            "Marta Ilves",
            json!([{"relationship": "manager", "team": "Payments platform", "from": "2025-03-01"}]),
            None,
        ),
    )
    .await;
    app.invoke_ok(
        "person_save",
        person("Theo Brandt", json!([{"relationship": "peer", "team": "Risk"}]), None),
    )
    .await;
    let meeting = |date: &str, agenda: &str, actions: serde_json::Value| {
        json!({"id": null, "form": {
            "meeting": {"person_id": noor, "date": date, "agenda": agenda, "notes": null, "tags": [], "skills": []},
            "actions": actions,
        }})
    };
    app.invoke_ok(
        "one_on_one_save",
        meeting(
            "2026-10-06",
            "Incident review practice",
            json!([{"text": "Share the postmortem template", "owner": "me", "done": true},
                   {"text": "Shadow the next incident review", "owner": "them", "done": false}]),
        ),
    )
    .await;
    app.invoke_ok(
        "one_on_one_save",
        meeting(
            "2026-11-03",
            "Quarter goals and the on-call handover",
            json!([{"text": "Draft the on-call handover notes", "owner": "them", "done": false},
                   {"text": "Introduce Noor to the risk team", "owner": "me", "done": false}]),
        ),
    )
    .await;
    let goal = |text: &str, set: &str, reached: Option<&str>, took_over: bool| {
        json!({"id": null, "input": {
            "person_id": noor, "text": text, "set_on": set, "reached_on": reached,
            "took_over": took_over, "tags": [], "skills": []
        }})
    };
    app.invoke_ok(
        "goal_save",
        goal("Took over the on-call rotation", "2026-07-01", Some("2026-10-20"), true),
    )
    .await;
    app.invoke_ok("goal_save", goal("Lead an incident review", "2026-09-01", None, false)).await;

    for theme in ["light", "dark"] {
        app.set_theme(theme).await;
        app.click("nav-journal").await;
        app.click("nav-people").await;
        app.testid("people-row").await;
        pause().await;
        app.shot(&format!("people-list-{theme}")).await;

        app.wait(&format!("[data-person='{noor}']")).await.click().await.unwrap();
        app.text_with("section-people", "Noor").await;
        app.text_with("person-timeline", "Goal reached").await;
        pause().await;
        app.shot(&format!("people-person-{theme}")).await;

        app.click("person-new-one-on-one").await;
        app.text_with("carried", "handover").await;
        app.fill("one-on-one-agenda", "Feedback on the first incident review").await;
        app.fill("action-text-0", "Write up what went well").await;
        pause().await;
        app.shot(&format!("people-one-on-one-{theme}")).await;
        app.click("one-on-one-cancel").await;
        app.click("discard-confirm").await;
        app.gone("one-on-one-form").await;

        app.click("person-edit").await;
        app.testid("person-relationship-1").await;
        pause().await;
        app.shot(&format!("people-person-form-{theme}")).await;
        app.click("person-cancel").await;
        app.gone("person-form").await;

        app.click("person-report").await;
        app.testid("report-preview").await;
        pause().await;
        app.shot(&format!("people-report-{theme}")).await;
        app.click("report-cancel").await;
        app.gone("report-form").await;
    }
    app.close().await;
}
