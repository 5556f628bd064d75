//! Stories section: the story bank, rehearsals and the follow-up drill.

use careerlog_core::stories::{
    QuestionCoverage, Rehearsal, RehearsalInput, Story, StoryDetail, StoryInput, StoryPreview,
};
use careerlog_core::Form;

journal_commands! {
    story_list() -> Vec<Story> = |j| j.list_stories();

    story_get(id: i64) -> StoryDetail = |j| j.story_detail(id);

    /// Saves a story: a new one when `id` is absent, else the story `id`.
    story_save(id: Option<i64>, input: Form<StoryInput>) -> Story =
        |j| j.save_story(id, input.decode_entry()?);

    /// The estimate and pacing plan of a story while it is being written.
    story_preview(input: StoryInput) -> StoryPreview = |j| Ok(j.preview_story(&input));

    rehearsal_save(input: Form<RehearsalInput>) -> Rehearsal = |j| j.add(input.decode_entry()?);

    /// One or two follow-up questions for the story, from its question and its own record.
    story_follow_ups(id: i64) -> Vec<String> = |j| j.drill(id);

    /// Which of the given questions have a story, and whether it was rehearsed.
    question_coverage(questions: Vec<String>) -> Vec<QuestionCoverage> = |j| {
        let slugs: Vec<&str> = questions.iter().map(String::as_str).collect();
        j.question_coverage(&slugs)
    };
}
