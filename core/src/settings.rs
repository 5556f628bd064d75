//! The user's app settings, kept in the journal so they travel with it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the system's light or dark preference.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Option<Theme> {
        match text {
            "system" => Some(Theme::System),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    pub theme: Theme,
    /// Speaking pace for story estimates; 120-160 is the comfortable band.
    pub words_per_minute: u32,
    /// How many backups to keep beside the journal.
    pub backups_keep: u32,
    /// "Later" was chosen on the first-run questions (band and role): kept in the journal,
    /// so it follows the journal to another machine or window. Absent from an older
    /// window's save, it keeps its default (not put off).
    #[serde(default)]
    pub first_run_put_off: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::default(),
            words_per_minute: crate::stories::DEFAULT_WORDS_PER_MINUTE,
            backups_keep: crate::store::DEFAULT_KEEP,
            first_run_put_off: false,
        }
    }
}

/// The paces the settings accept, slow reading to brisk talking.
/// How many backups may be kept: at least one, at most a year of daily ones.
pub const BACKUPS_KEEP_RANGE: std::ops::RangeInclusive<u32> = 1..=365;

pub const WORDS_PER_MINUTE_RANGE: std::ops::RangeInclusive<u32> = 80..=220;
