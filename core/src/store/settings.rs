//! Settings rows: one key per setting, read and written as a whole `Settings`.

use rusqlite::named_params;

use super::Journal;
use crate::{Error, Result, Settings, Theme};

impl Journal {
    pub fn settings(&self) -> Result<Settings> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = :key")?;
        let theme: Option<String> = statement
            .query_row(named_params! { ":key": "theme" }, |r| r.get(0))
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                other => Err(other),
            })?;
        // An unknown stored value (from a newer build) falls back to the default.
        let theme = theme.as_deref().and_then(Theme::parse).unwrap_or_default();
        Ok(Settings { theme })
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings> {
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "INSERT INTO settings (key, value) VALUES (:key, :value)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )?
        .execute(named_params! { ":key": "theme", ":value": settings.theme.as_str() })
        .map_err(Error::from)?;
        tx.commit()?;
        self.settings()
    }
}
