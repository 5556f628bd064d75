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
    include_str!("migrations/0006_decision_goal.sql"),
    include_str!("migrations/0007_variants_travel_and_numbers_found.sql"),
    include_str!("migrations/0008_outcome_day_and_bands.sql"),
    include_str!("migrations/0009_entries_by_kind.sql"),
    include_str!("migrations/0010_capture.sql"),
    include_str!("migrations/0011_habit.sql"),
    include_str!("migrations/0012_people.sql"),
    include_str!("migrations/0013_packet.sql"),
];

/// The line after which a migration that edited `sqlite_schema` goes on.
const BUMP: &str = "-- @bump-schema-version\n";

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
        match sql.split_once(BUMP) {
            Some((edit, rest)) => {
                tx.execute_batch(edit)?;
                // SQLite's procedure for a constraint loosened in sqlite_schema: the change
                // is counted, so every connection (this one too) reads the schema again.
                let version: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
                tx.pragma_update(None, "schema_version", version + 1)?;
                tx.pragma_update(None, "writable_schema", false)?;
                tx.execute_batch(rest)?;
            }
            None => tx.execute_batch(sql)?,
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", index as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A journal from before the habit migration takes a metric without its result and a
    /// review entry on the connection that migrated it, keeps its rows, and checks clean.
    #[test]
    fn the_loosened_constraints_hold_at_once_and_after_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.careerlog");
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "foreign_keys", true).unwrap();
            for sql in &MIGRATIONS[..10] {
                conn.execute_batch(sql).unwrap();
            }
            conn.pragma_update(None, "user_version", 10).unwrap();
            conn.execute_batch(
                "INSERT INTO entries (id, uuid, kind, created_at, updated_at)
                   VALUES (1, 'p1', 'project', '2024-01-01', '2024-01-01'),
                          (2, 'm1', 'metric', '2024-01-01', '2024-01-01');
                 INSERT INTO projects (id, title) VALUES (1, 'Checkout');
                 INSERT INTO metrics (id, project_id, name, result) VALUES (2, 1, 'p99', 120);",
            )
            .unwrap();
            let refused = conn.execute(
                "INSERT INTO entries (id, uuid, kind, created_at, updated_at)
                   VALUES (3, 'r1', 'review', '2024-01-01', '2024-01-01')",
                [],
            );
            assert!(refused.is_err(), "before the migration a review is not a kind");
            migrate_connection(&conn).unwrap();
            conn.execute_batch(
                "INSERT INTO entries (id, uuid, kind, created_at, updated_at)
                   VALUES (3, 'r1', 'review', '2024-01-01', '2024-01-01'),
                          (4, 'm2', 'metric', '2024-01-01', '2024-01-01');
                 INSERT INTO metrics (id, project_id, name, baseline, target, measure_by)
                   VALUES (4, 1, 'error rate', 2.0, 0.5, '2024-03-01');",
            )
            .unwrap();
            let wrong = conn.execute(
                "INSERT INTO entries (id, uuid, kind, created_at, updated_at)
                   VALUES (5, 'x1', 'nonsense', '2024-01-01', '2024-01-01')",
                [],
            );
            assert!(wrong.is_err(), "the kind is still checked");
        }
        let conn = Connection::open(&path).unwrap();
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
        let results: Vec<Option<f64>> = conn
            .prepare("SELECT result FROM metrics ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(results, vec![Some(120.0), None]);
        let sql: String = conn
            .query_row("SELECT sql FROM sqlite_schema WHERE name = 'metrics'", [], |r| r.get(0))
            .unwrap();
        assert!(sql.contains("result      REAL,") && sql.contains("measure_by TEXT"), "{sql}");
        let logged: Option<String> = conn
            .query_row("SELECT last_logged_at FROM projects WHERE id = 1", [], |r| r.get(0))
            .unwrap();
        assert_eq!(logged.as_deref(), Some("2024-01-01"), "the project's last entry, from before");
    }

    /// A journal written before decisions had a goal opens with the column added and its
    /// decisions kept, their goal absent.
    #[test]
    fn a_journal_from_before_goals_gains_the_column_and_keeps_its_decisions() {
        let conn = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..5] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 5).unwrap();
        conn.execute_batch(
            "INSERT INTO entries (id, uuid, kind, created_at, updated_at)
               VALUES (1, 'd1', 'decision', '2024-01-01', '2024-01-01');
             INSERT INTO decisions (id, title, chosen) VALUES (1, 'Queue checkout writes', 'Kafka');",
        )
        .unwrap();
        migrate_connection(&conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
        let (title, goal): (String, Option<String>) = conn
            .query_row("SELECT title, goal FROM decisions WHERE id = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((title.as_str(), goal), ("Queue checkout writes", None));
    }
}
