//! The one list of content files compiled into the binary, as (path inside `content/`, text).
//! A new file is added here and nowhere else.

macro_rules! content_files {
    ($($path:literal),+ $(,)?) => {
        &[$(($path, include_str!(concat!("../../../content/", $path)))),+]
    };
}

pub(super) const FILES: &[(&str, &str)] = content_files![
    "guides/technical-leader.md",
    "guides/tech-lead-roadmap.md",
    "guides/staff-engineer-roadmap.md",
    "guides/engineering-manager-roadmap.md",
    "questions/tell-me-about-your-leadership-experience.md",
    "questions/how-do-you-mentor-engineers.md",
    "questions/how-do-you-influence-without-authority.md",
    "questions/walk-me-through-an-architecture-decision.md",
    "questions/how-do-you-give-constructive-feedback.md",
    "skills/technical-leadership.md",
    "skills/mentoring.md",
    "skills/decision-making.md",
    "skills/leadership.md",
    "templates/incident.md",
    "templates/launch.md",
    "templates/mentoring-session.md",
    "templates/one-on-one.md",
    "templates/weekly-review.md",
    "templates/promotion-conversation.md",
];
