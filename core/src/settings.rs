//! The user's app settings, kept in the journal so they travel with it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use crate::habit::ReviewDay;
pub use crate::rendering::Rendering;

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
    /// How the window draws (automatic, or forced to GPU or software); applied at start.
    /// Absent from an older window's save, it stays automatic.
    #[serde(default)]
    pub rendering: Rendering,
    /// The weekly review's day and local time (`HH:MM`); Home, the reminder and the
    /// calendar export follow them.
    #[serde(default = "default_review_day")]
    pub review_day: ReviewDay,
    #[serde(default = "default_review_time")]
    pub review_time: String,
    /// The month (1-12) the fiscal year starts in, for quarter, half and year reviews.
    #[serde(default = "default_fiscal_start")]
    pub fiscal_year_start: u32,
}

fn default_review_day() -> ReviewDay {
    crate::habit::DEFAULT_REVIEW_DAY
}

fn default_review_time() -> String {
    crate::habit::DEFAULT_REVIEW_TIME.to_string()
}

fn default_fiscal_start() -> u32 {
    1
}

impl Settings {
    /// The weekly review's slot; a stored time that does not read falls back to 16:00.
    pub fn review_at(&self) -> crate::habit::ReviewAt {
        crate::habit::ReviewAt::new(self.review_day, &self.review_time).unwrap_or_else(|_| {
            crate::habit::ReviewAt::new(self.review_day, crate::habit::DEFAULT_REVIEW_TIME)
                .expect("the default time reads")
        })
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::default(),
            words_per_minute: crate::stories::DEFAULT_WORDS_PER_MINUTE,
            backups_keep: crate::store::DEFAULT_KEEP,
            first_run_put_off: false,
            rendering: Rendering::Auto,
            review_day: default_review_day(),
            review_time: default_review_time(),
            fiscal_year_start: default_fiscal_start(),
        }
    }
}

/// How many backups may be kept: at least one, at most a year of daily ones.
pub const BACKUPS_KEEP_RANGE: std::ops::RangeInclusive<u32> = 1..=365;

/// The paces the settings accept, slow reading to brisk talking.
pub const WORDS_PER_MINUTE_RANGE: std::ops::RangeInclusive<u32> = 80..=220;

/// The settings rows that travel with the journal in an export, by key.
pub const KEYS: &[&str] = &[
    "theme", "words_per_minute", "backups_keep", "first_run_put_off", "rendering", "review_day",
    "review_time", "fiscal_year_start",
];

/// Whether the stored `value` is one the setting `key` takes; why not, after its name.
pub fn check_setting(key: &str, value: &str) -> std::result::Result<(), String> {
    let within = |range: &std::ops::RangeInclusive<u32>| match value.trim().parse::<u32>() {
        Ok(n) if range.contains(&n) => Ok(()),
        _ => Err(format!(
            "should be a whole number from {} to {} (it is \"{value}\")",
            range.start(),
            range.end()
        )),
    };
    match key {
        "theme" => Theme::parse(value)
            .map(|_| ())
            .ok_or_else(|| format!("should be system, light or dark (it is \"{value}\")")),
        "words_per_minute" => within(&WORDS_PER_MINUTE_RANGE),
        "backups_keep" => within(&BACKUPS_KEEP_RANGE),
        "rendering" => Rendering::parse(value)
            .map(|_| ())
            .ok_or_else(|| format!("should be auto, hardware or software (it is \"{value}\")")),
        "review_day" => ReviewDay::parse(value).map(|_| ()).map_err(|choices| {
            format!("should be a day of the week: {choices} (it is \"{value}\")")
        }),
        "review_time" => crate::habit::schedule::parse_time(value).map(|_| ()),
        "fiscal_year_start" => within(&crate::habit::FISCAL_START_RANGE),
        "first_run_put_off" => match value {
            "yes" | "no" => Ok(()),
            _ => Err(format!("should be yes or no (it is \"{value}\")")),
        },
        _ => {
            Err("is not a setting this Career Log knows (is the file from a newer Career Log?)"
                .into())
        }
    }
}
