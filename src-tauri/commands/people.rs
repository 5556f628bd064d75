//! People: the People list, a person's page, 1:1s with their action items, goals, and
//! the progress report for a mentor.

use careerlog_core::people::{
    ActionItem, Goal, GoalInput, OneOnOne, OneOnOneDetail, OneOnOneForm, PeopleFilter, PeoplePage,
    Person, PersonInput, PersonName, PersonPage, ProgressReport,
};
use careerlog_core::Form;
use chrono::NaiveDate;
use tauri::{AppHandle, Runtime, State};

use super::JournalState;
use careerlog_core::IpcError;

journal_commands! {
    person_list(filter: Form<PeopleFilter>) -> PeoplePage = |j| j.people(&filter.decode()?);

    person_page(id: i64) -> PersonPage = |j| j.person_page(id);

    /// The person whose page shows an entry (a 1:1, an action item, a goal...).
    person_of(id: i64) -> i64 = |j| j.person_of(id);

    /// Saves a person: a new one when `id` is absent.
    person_save(id: Option<i64>, input: Form<PersonInput>) -> Person =
        |j| j.save(id, input.decode_entry()?);

    /// The names of the people entries involved, for the links an entry shows.
    person_names(ids: Vec<i64>) -> Vec<PersonName> = |j| j.person_names(&ids);

    one_on_one_get(id: i64) -> OneOnOneDetail = |j| j.one_on_one(id);

    one_on_one_list(person_id: i64) -> Vec<OneOnOne> = |j| j.one_on_ones(person_id);

    /// The open action items a new 1:1 with the person starts with.
    one_on_one_carried(person_id: i64) -> Vec<ActionItem> = |j| j.carried_actions(person_id);

    /// Saves a 1:1 with its action items in one write: a new one when `id` is absent.
    one_on_one_save(id: Option<i64>, form: Form<OneOnOneForm>) -> OneOnOneDetail =
        |j| j.save_one_on_one(id, form.decode()?);

    /// Marks an action item done today, or open again.
    action_mark(id: i64, done: bool) -> ActionItem = |j| j.mark_action(id, done);

    /// Saves a mentee's goal: a new one when `id` is absent.
    goal_save(id: Option<i64>, input: Form<GoalInput>) -> Goal =
        |j| j.save(id, input.decode_entry()?);

    /// The progress report as text, for the preview.
    report_preview(person_id: i64, since: Form<NaiveDate>, until: Form<NaiveDate>) -> ProgressReport =
        |j| j.progress_report(person_id, since.decode_as("since")?, until.decode_as("until")?);
}

/// Saves the progress report through the native save dialog; the path, or null if cancelled.
#[tauri::command]
pub async fn report_save<R: Runtime>(
    app: AppHandle<R>,
    journal: State<'_, JournalState>,
    person_id: i64,
    since: Form<NaiveDate>,
    until: Form<NaiveDate>,
) -> Result<Option<String>, IpcError> {
    let (since, until) = (since.decode_as("since")?, until.decode_as("until")?);
    let report = journal.run(move |j| j.progress_report(person_id, since, until)).await?;
    let name = format!("progress-report-{since}-to-{until}.md");
    super::files::save(&app, &name, ("Markdown", &["md"]), report.markdown.into_bytes()).await
}
