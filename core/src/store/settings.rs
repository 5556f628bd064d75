//! Settings rows: one key per setting, read and written as a whole `Settings`.

use rusqlite::{named_params, OptionalExtension};

use super::Journal;
use crate::settings::WORDS_PER_MINUTE_RANGE;
use crate::{Error, Result, Settings, Theme};

impl Journal {
    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = :key")?
            .query_row(named_params! { ":key": key }, |r| r.get(0))
            .optional()?)
    }

    pub fn settings(&self) -> Result<Settings> {
        let defaults = Settings::default();
        // An unknown or out-of-range stored value (from a newer build) falls back to the default.
        let theme = self
            .setting("theme")?
            .as_deref()
            .and_then(Theme::parse)
            .unwrap_or(defaults.theme);
        let words_per_minute = self
            .setting("words_per_minute")?
            .and_then(|v| v.parse().ok())
            .filter(|v| WORDS_PER_MINUTE_RANGE.contains(v))
            .unwrap_or(defaults.words_per_minute);
        Ok(Settings {
            theme,
            words_per_minute,
        })
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings> {
        if !WORDS_PER_MINUTE_RANGE.contains(&settings.words_per_minute) {
            return Err(Error::invalid(
                "words_per_minute",
                format!(
                    "must be between {} and {} words a minute",
                    WORDS_PER_MINUTE_RANGE.start(),
                    WORDS_PER_MINUTE_RANGE.end()
                ),
            ));
        }
        let tx = self.conn.transaction()?;
        {
            let mut upsert = tx.prepare_cached(
                "INSERT INTO settings (key, value) VALUES (:key, :value)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?;
            let pace = settings.words_per_minute.to_string();
            for (key, value) in [
                ("theme", settings.theme.as_str()),
                ("words_per_minute", pace.as_str()),
            ] {
                upsert.execute(named_params! { ":key": key, ":value": value })?;
            }
        }
        tx.commit()?;
        self.settings()
    }
}
