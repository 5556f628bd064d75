//! The weekly habit on Home: the week, the guided weekly review, period reviews, the
//! follow-up queue, and note templates.

use careerlog_core::content::Template;
use careerlog_core::habit::{
    Clock, FollowUpMark, FollowUpQueue, PeriodSummary, WeekSummary, WeeklyReviewInput,
    WeeklyReviewSaved,
};
use careerlog_core::journal::{PeriodKind, Review, ReviewInput};
use careerlog_core::store::NoteTemplate;
use careerlog_core::Form;
use chrono::NaiveDate;

journal_commands! {
    /// What the journal gained this week, what is due, and when the review falls.
    week_summary() -> WeekSummary = |j| j.week_summary(&Clock::system());

    /// Writes the weekly review's answers as their entries, and the review entry.
    weekly_review_save(input: WeeklyReviewInput) -> WeeklyReviewSaved =
        |j| j.save_weekly_review(input, &Clock::system());

    /// The summary of the quarter, half or year around `date` (today when absent).
    period_summary(kind: PeriodKind, date: Option<NaiveDate>) -> PeriodSummary =
        |j| j.period_summary(kind, date.unwrap_or_else(|| Clock::system().today()));

    /// A review entry, for a search result that opens it.
    review_get(id: i64) -> Review = |j| j.entry::<Review>(id);

    /// Saves a period review: a new one when `id` is absent.
    review_save(id: Option<i64>, input: Form<ReviewInput>) -> Review =
        |j| j.save(id, input.decode_entry()?);

    followup_list() -> FollowUpQueue = |j| j.followups(Clock::system().today());

    /// Snoozes a follow-up for a week, dismisses it, or puts it back (undo).
    followup_mark(key: String, mark: FollowUpMark) -> FollowUpQueue =
        |j| j.mark_followup(&key, mark, Clock::system().today());

    template_list() -> Vec<NoteTemplate> = |j| j.templates();

    template_save(template: Template) -> NoteTemplate = |j| j.save_template(template);

    template_remove(slug: String) -> NoteTemplate = |j| j.remove_template(&slug);

    template_restore(slug: String) -> NoteTemplate = |j| j.restore_template(&slug);
}
