//! Numbered schema migrations, tracked by `PRAGMA user_version`.
//! Each runs in its own transaction together with the version bump, so a crash leaves
//! the journal at the previous version, never half-way.

use rusqlite::Connection;

use super::APPLICATION_ID;
use crate::Result;

/// The migrations in order; the n-th entry brings the schema to version n.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_settings.sql"),
    include_str!("migrations/0002_journal.sql"),
    include_str!("migrations/0003_guides.sql"),
    include_str!("migrations/0004_stories.sql"),
    include_str!("migrations/0005_resume.sql"),
    // 0006 and 0007 belong to other branches; they go before this one when merged.
    include_str!("migrations/0008_outcome_day_and_bands.sql"),
];

pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

pub fn user_version(conn: &Connection) -> Result<u32> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(u32::try_from(version).unwrap_or(u32::MAX))
}

pub fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_connection(conn)
}

/// Applies the missing migrations, each in its own transaction with its version bump.
pub fn migrate_connection(conn: &Connection) -> Result<()> {
    let current = user_version(conn)?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", index as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
