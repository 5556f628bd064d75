//! SQL of the profile row and of checklist progress: cycles and the items checked in them.

use chrono::{NaiveDate, Utc};
use rusqlite::{named_params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Journal;
use crate::profile::Profile;
use crate::Result;

/// One round of working a guide's checklist (a quarter, say); history keeps closed ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Cycle {
    pub id: i64,
    pub guide: String,
    pub number: u32,
    pub started_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub checked: u32,
}

/// An item checked in a cycle, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Check {
    pub item: String,
    pub checked_at: String,
}

const CYCLE_SELECT: &str = "SELECT c.id, c.guide, c.number, c.started_on, c.closed_on,
    (SELECT count(*) FROM checklist_checks k WHERE k.cycle_id = c.id) FROM checklist_cycles c";

fn cycle_row(r: &rusqlite::Row) -> rusqlite::Result<Cycle> {
    Ok(Cycle {
        id: r.get(0)?,
        guide: r.get(1)?,
        number: r.get(2)?,
        started_on: r.get(3)?,
        closed_on: r.get(4)?,
        checked: r.get(5)?,
    })
}

/// Tidies the profile, or tells every field that breaks a rule.
pub(super) fn validate_profile(profile: Profile) -> Result<Profile> {
    let mut p = crate::journal::validate::Problems::default();
    let mut tidy = |field: &str, text: Option<String>, max: usize| -> Option<String> {
        match text.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(t) if t.chars().count() > max => {
                p.add(
                    field,
                    format!("is {} characters long; the limit is {max}", t.chars().count()),
                );
                None
            }
            Some(t) => Some(t.to_string()),
        }
    };
    let name = tidy("name", profile.name, 200);
    let headline = tidy("headline", profile.headline, 200);
    let email = tidy("email", profile.email, 200);
    let location = tidy("location", profile.location, 200);
    let summary = tidy("summary", profile.summary, 5_000);
    if let Some(email) = &email {
        let (user, host) = email.split_once('@').unwrap_or_default();
        if user.is_empty() || !host.contains('.') || email.contains(char::is_whitespace) {
            p.add("email", format!("is not an email address (\"{email}\")"));
        }
    }
    p.done(Profile { name, headline, email, location, summary, ..profile })
}

/// The profile row, or the unset profile.
pub(super) fn read_profile(conn: &rusqlite::Connection) -> Result<Profile> {
    let profile = conn
        .prepare_cached(
            "SELECT band, role, target_role, name, headline, email, location, summary
             FROM profile WHERE id = 1",
        )?
        .query_row([], |r| {
            // A value from a newer build reads as unset rather than failing.
            let text = |i: usize| r.get::<_, Option<String>>(i);
            Ok(Profile {
                band: text(0)?.and_then(|t| crate::profile::ExperienceBand::read(&t).ok()),
                role: text(1)?.and_then(|t| crate::profile::PrimaryRole::parse(&t).ok()),
                target_role: text(2)?.and_then(|t| crate::profile::TargetRole::parse(&t).ok()),
                name: text(3)?,
                headline: text(4)?,
                email: text(5)?,
                location: text(6)?,
                summary: text(7)?,
            })
        })
        .optional()?;
    Ok(profile.unwrap_or_default())
}

/// Writes the profile row as it is (validated before).
pub(super) fn write_profile(conn: &rusqlite::Connection, p: &Profile) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO profile (id, band, role, target_role, name, headline, email, location, summary)
         VALUES (1, :band, :role, :target, :name, :headline, :email, :location, :summary)
         ON CONFLICT (id) DO UPDATE SET band = excluded.band, role = excluded.role,
           target_role = excluded.target_role, name = excluded.name,
           headline = excluded.headline, email = excluded.email,
           location = excluded.location, summary = excluded.summary",
    )?
    .execute(named_params! {
        ":band": p.band, ":role": p.role, ":target": p.target_role, ":name": p.name,
        ":headline": p.headline, ":email": p.email, ":location": p.location,
        ":summary": p.summary,
    })?;
    Ok(())
}

impl Journal {
    pub fn profile(&self) -> Result<Profile> {
        read_profile(&self.conn)
    }

    pub fn save_profile(&mut self, profile: Profile) -> Result<Profile> {
        let p = validate_profile(profile)?;
        write_profile(&self.conn, &p)?;
        self.profile()
    }

    /// The open cycle of a guide's checklist, if the engineer has started it.
    pub fn current_cycle(&self, guide: &str) -> Result<Option<Cycle>> {
        let sql = format!("{CYCLE_SELECT} WHERE c.guide = ?1 AND c.closed_on IS NULL");
        Ok(self.conn.prepare_cached(&sql)?.query_row([guide], cycle_row).optional()?)
    }

    /// The open cycle of a guide's checklist, started `today` when there is none yet.
    pub fn open_cycle(&mut self, guide: &str, today: NaiveDate) -> Result<Cycle> {
        let sql = format!("{CYCLE_SELECT} WHERE c.guide = ?1 AND c.closed_on IS NULL");
        if let Some(cycle) =
            self.conn.prepare_cached(&sql)?.query_row([guide], cycle_row).optional()?
        {
            return Ok(cycle);
        }
        self.conn
            .prepare_cached(
                "INSERT INTO checklist_cycles (guide, number, started_on)
                 VALUES (?1, (SELECT coalesce(max(number), 0) + 1 FROM checklist_cycles WHERE guide = ?1), ?2)",
            )?
            .execute(rusqlite::params![guide, today])?;
        self.open_cycle(guide, today)
    }

    /// Every cycle of a guide, the open one first.
    pub fn cycles(&self, guide: &str) -> Result<Vec<Cycle>> {
        let sql = format!("{CYCLE_SELECT} WHERE c.guide = ?1 ORDER BY c.number DESC");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([guide], cycle_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn checks(&self, cycle_id: i64) -> Result<Vec<Check>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT item, checked_at FROM checklist_checks WHERE cycle_id = ?1 ORDER BY checked_at",
        )?;
        let rows = statement
            .query_map([cycle_id], |r| Ok(Check { item: r.get(0)?, checked_at: r.get(1)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Checks `item` in the open cycle; checking twice keeps the first date.
    pub fn check_item(&mut self, guide: &str, item: &str, today: NaiveDate) -> Result<Check> {
        let cycle = self.open_cycle(guide, today)?;
        let at = Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        self.conn
            .prepare_cached(
                "INSERT INTO checklist_checks (cycle_id, item, checked_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT DO NOTHING",
            )?
            .execute(rusqlite::params![cycle.id, item, at])?;
        let checked_at = self
            .conn
            .prepare_cached(
                "SELECT checked_at FROM checklist_checks WHERE cycle_id = ?1 AND item = ?2",
            )?
            .query_row(rusqlite::params![cycle.id, item], |r| r.get(0))?;
        Ok(Check { item: item.to_string(), checked_at })
    }

    /// Unchecks `item` in the open cycle; with no cycle open there is nothing to uncheck.
    pub fn uncheck_item(&mut self, guide: &str, item: &str) -> Result<()> {
        let Some(cycle) = self.current_cycle(guide)? else {
            return Ok(());
        };
        self.conn
            .prepare_cached("DELETE FROM checklist_checks WHERE cycle_id = ?1 AND item = ?2")?
            .execute(rusqlite::params![cycle.id, item])?;
        Ok(())
    }

    /// Closes the open cycle (keeping its history) and starts the next one `today`.
    pub fn new_cycle(&mut self, guide: &str, today: NaiveDate) -> Result<Cycle> {
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "UPDATE checklist_cycles SET closed_on = ?2 WHERE guide = ?1 AND closed_on IS NULL",
        )?
        .execute(rusqlite::params![guide, today])?;
        tx.prepare_cached(
            "INSERT INTO checklist_cycles (guide, number, started_on)
             VALUES (?1, (SELECT coalesce(max(number), 0) + 1 FROM checklist_cycles WHERE guide = ?1), ?2)",
        )?
        .execute(rusqlite::params![guide, today])?;
        tx.commit()?;
        self.open_cycle(guide, today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{ExperienceBand, PrimaryRole, TargetRole};
    use crate::Error;

    use crate::test_support::{day, journal};

    #[test]
    fn the_profile_starts_unset_and_round_trips() {
        let (dir, mut j) = journal();
        assert_eq!(j.profile().unwrap(), Profile::default());
        assert!(!j.profile().unwrap().is_set());
        let saved = j
            .save_profile(Profile {
                band: Some(ExperienceBand::Years5To7),
                role: Some(PrimaryRole::Backend),
                target_role: Some(TargetRole::StaffEngineer),
                name: Some("  Robin Vale ".into()),
                email: Some("ada@example.com".into()),
                ..Default::default()
            })
            .unwrap();
        assert!(saved.is_set());
        assert_eq!(saved.name.as_deref(), Some("Robin Vale"));
        drop(j);
        let mut j = Journal::open(dir.path().join("journal.sqlite3")).unwrap();
        assert_eq!(j.profile().unwrap(), saved);
        let refused =
            j.save_profile(Profile { email: Some("not an email".into()), ..saved.clone() });
        assert!(matches!(refused, Err(Error::Invalid { ref field, .. }) if field == "email"));
        assert_eq!(j.profile().unwrap(), saved);
    }

    #[test]
    fn checks_persist_per_cycle_and_history_is_kept() {
        let (dir, mut j) = journal();
        let first = j.open_cycle("technical-leader", day("2026-01-05")).unwrap();
        assert_eq!((first.number, first.started_on), (1, day("2026-01-05")));
        let check = j.check_item("technical-leader", "write-an-rfc", day("2026-01-06")).unwrap();
        let again = j.check_item("technical-leader", "write-an-rfc", day("2026-01-09")).unwrap();
        assert_eq!(check, again, "checking twice keeps the first date");
        j.check_item("technical-leader", "mentor-one-engineer", day("2026-01-06")).unwrap();
        j.uncheck_item("technical-leader", "mentor-one-engineer").unwrap();
        drop(j);

        let mut j = Journal::open(dir.path().join("journal.sqlite3")).unwrap();
        let cycle = j.open_cycle("technical-leader", day("2026-02-01")).unwrap();
        assert_eq!(cycle.id, first.id, "the open cycle survives a restart");
        assert_eq!(cycle.checked, 1);
        let items: Vec<String> = j.checks(cycle.id).unwrap().into_iter().map(|c| c.item).collect();
        assert_eq!(items, vec!["write-an-rfc"]);

        let next = j.new_cycle("technical-leader", day("2026-04-01")).unwrap();
        assert_eq!((next.number, next.checked, next.closed_on), (2, 0, None));
        let history = j.cycles("technical-leader").unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(history[1].closed_on, Some(day("2026-04-01")));
        assert_eq!(history[1].checked, 1, "the past cycle keeps its checks");
        assert!(j.cycles("staff-engineer-roadmap").unwrap().is_empty(), "cycles are per guide");
    }
}
