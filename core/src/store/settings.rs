//! Settings rows: one key per setting, read and written as a whole `Settings`.

use rusqlite::{named_params, OptionalExtension};

use super::Journal;
use crate::habit::{ReviewDay, FISCAL_START_RANGE};
use crate::settings::{BACKUPS_KEEP_RANGE, WORDS_PER_MINUTE_RANGE};
use crate::{Error, Rendering, Result, Settings, Theme};

/// Writes one settings row, over what it held.
pub(super) fn put_setting(conn: &rusqlite::Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (:key, :value)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(named_params! { ":key": key, ":value": value })?;
    Ok(())
}

impl Journal {
    /// The stored value of the settings row `key`, if there is one.
    pub(super) fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = :key")?
            .query_row(named_params! { ":key": key }, |r| r.get(0))
            .optional()?)
    }

    /// A stored number within `range`, else the default.
    fn number_setting(
        &self,
        key: &str,
        range: &std::ops::RangeInclusive<u32>,
        default: u32,
    ) -> Result<u32> {
        Ok(self
            .setting(key)?
            .and_then(|v| v.parse().ok())
            .filter(|v| range.contains(v))
            .unwrap_or(default))
    }

    /// The stored rows of the settings that travel with the journal (`settings::KEYS`).
    pub(crate) fn journal_settings(&self) -> Result<std::collections::BTreeMap<String, String>> {
        let mut statement =
            self.conn.prepare_cached("SELECT key, value FROM settings ORDER BY key")?;
        let rows = statement.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
        let mut kept = std::collections::BTreeMap::new();
        for row in rows {
            let (key, value): (String, String) = row?;
            // A value this build cannot read (from a newer one) stays behind.
            if crate::settings::KEYS.contains(&key.as_str())
                && crate::settings::check_setting(&key, &value).is_ok()
            {
                kept.insert(key, value);
            }
        }
        Ok(kept)
    }

    pub fn settings(&self) -> Result<Settings> {
        let defaults = Settings::default();
        // An unknown or out-of-range stored value (from a newer build) falls back to the default.
        let theme =
            self.setting("theme")?.as_deref().and_then(Theme::parse).unwrap_or(defaults.theme);
        Ok(Settings {
            theme,
            words_per_minute: self.number_setting(
                "words_per_minute", &WORDS_PER_MINUTE_RANGE, defaults.words_per_minute,
            )?,
            backups_keep: self
                .number_setting("backups_keep", &BACKUPS_KEEP_RANGE, defaults.backups_keep)?,
            first_run_put_off: self.setting("first_run_put_off")?.as_deref() == Some("yes"),
            rendering: self
                .setting("rendering")?
                .as_deref()
                .and_then(Rendering::parse)
                .unwrap_or(defaults.rendering),
            review_day: self
                .setting("review_day")?
                .and_then(|d| ReviewDay::parse(&d).ok())
                .unwrap_or(defaults.review_day),
            review_time: self
                .setting("review_time")?
                .filter(|t| crate::habit::schedule::parse_time(t).is_ok())
                .unwrap_or(defaults.review_time),
            fiscal_year_start: self.number_setting(
                "fiscal_year_start", &FISCAL_START_RANGE, defaults.fiscal_year_start,
            )?,
        })
    }

    /// Puts the first-run questions off for this journal ("Later" on the first-run card).
    pub fn put_off_first_run(&mut self) -> Result<Settings> {
        let settings = Settings { first_run_put_off: true, ..self.settings()? };
        self.save_settings(&settings)
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings> {
        let checks = [
            (
                "words_per_minute", settings.words_per_minute, &WORDS_PER_MINUTE_RANGE,
                "words a minute",
            ),
            ("backups_keep", settings.backups_keep, &BACKUPS_KEEP_RANGE, "backups"),
        ];
        if let Err(reason) = crate::habit::schedule::parse_time(&settings.review_time) {
            return Err(Error::invalid("review_time", reason));
        }
        if !FISCAL_START_RANGE.contains(&settings.fiscal_year_start) {
            return Err(Error::invalid(
                "fiscal_year_start",
                "should be a month from 1 (January) to 12 (December)",
            ));
        }
        let (hour, minute) =
            crate::habit::schedule::parse_time(&settings.review_time).expect("checked above");
        let review_time = format!("{hour:02}:{minute:02}");
        let fiscal = settings.fiscal_year_start.to_string();
        for (field, value, range, what) in checks {
            if !range.contains(&value) {
                return Err(Error::invalid(
                    field,
                    format!("must be between {} and {} {what}", range.start(), range.end()),
                ));
            }
        }
        let tx = self.conn.transaction()?;
        let pace = settings.words_per_minute.to_string();
        let keep = settings.backups_keep.to_string();
        let put_off = if settings.first_run_put_off { "yes" } else { "no" };
        for (key, value) in [
            ("theme", settings.theme.as_str()),
            ("words_per_minute", pace.as_str()),
            ("backups_keep", keep.as_str()),
            ("first_run_put_off", put_off),
            ("rendering", settings.rendering.as_str()),
            ("review_day", settings.review_day.as_str()),
            ("review_time", review_time.as_str()),
            ("fiscal_year_start", fiscal.as_str()),
        ] {
            put_setting(&tx, key, value)?;
        }
        tx.commit()?;
        self.settings()
    }
}
