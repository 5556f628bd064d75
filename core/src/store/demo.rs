//! Writes generated demo data in one transaction, through the same validated path as the
//! engineer's own entries. Only an empty journal takes it: demo data never mixes with real.

use rusqlite::{params, Transaction};

use super::journal::{Record, SearchBatch};
use super::Journal;
use crate::demo::{self, DemoCounts, Stamped};
use crate::{Error, Result};

/// Validates, checks links, then writes the entry with its demo identity and time; its
/// search entry goes with the batch.
fn write<R: Record>(tx: &Transaction, index: &mut SearchBatch, entry: Stamped<R>) -> Result<i64> {
    let input = entry.input.validate()?.prepare(tx)?;
    tx.prepare_cached(
        "INSERT INTO entries (uuid, kind, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
    )?
    .execute(params![entry.uuid, R::KIND.as_str(), entry.at])?;
    let id = tx.last_insert_rowid();
    index.put(tx, id, &input)?;
    Ok(id)
}

/// The page cache while demo data is written: 256 MiB, about a 1M-entry journal's pages.
const FILL_CACHE_KIB: i64 = 256 * 1024;

impl Journal {
    /// What makes it someone's journal: entries (the trash included), checklist cycles,
    /// resume variants and an answered profile. Zero for a new journal.
    pub fn entry_count(&self) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM trash)
                  + (SELECT count(*) FROM checklist_cycles) + (SELECT count(*) FROM variants)
                  + (SELECT count(*) FROM profile WHERE coalesce(band, role, target_role,
                       name, headline, email, location, summary) IS NOT NULL)",
            [],
            |r| r.get(0),
        )?)
    }

    /// Fills an empty journal with `projects` demo projects for `seed`, all or nothing.
    pub fn fill_demo(&mut self, seed: u64, projects: u32) -> Result<DemoCounts> {
        if projects == 0 || projects > demo::MAX_PROJECTS {
            return Err(Error::invalid(
                "projects",
                format!("must be between 1 and {}", demo::MAX_PROJECTS),
            ));
        }
        let existing = self.entry_count()?;
        if existing > 0 {
            return Err(Error::invalid(
                "journal",
                format!(
                    "{} is not empty ({existing} entries or other records); demo data only goes \
                     into a new, empty journal, never beside real entries (choose another file \
                     with --db)",
                    self.path.display()
                ),
            ));
        }
        // A million entries touch far more pages than SQLite's 2 MiB cache holds; spilling
        // them mid-transaction rewrites pages again and again. The default is restored after.
        let cache: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn.pragma_update(None, "cache_size", -FILL_CACHE_KIB)?;
        // In WAL mode every page is written twice (to the log, then checkpointed); a
        // rollback journal over an empty file holds almost nothing. Still all or nothing.
        // Another connection keeps the journal in WAL mode, which is only slower.
        let rollback = self.set_journal_mode("DELETE");
        let filled = self.fill_demo_projects(seed, projects);
        if rollback {
            self.set_journal_mode("WAL");
        }
        self.conn.pragma_update(None, "cache_size", cache)?;
        let counts = filled?;
        // The demo engineer's answers, so Home opens as it does for someone settled in.
        self.save_profile(demo::profile())?;
        Ok(counts)
    }

    /// Switches the journal mode; `true` when the journal is now in `mode`.
    fn set_journal_mode(&self, mode: &str) -> bool {
        let set = self
            .conn
            .query_row(&format!("PRAGMA journal_mode = {mode}"), [], |r| r.get::<_, String>(0));
        set.is_ok_and(|now| now.eq_ignore_ascii_case(mode))
    }

    /// Writes the projects and everything under them in one transaction.
    fn fill_demo_projects(&mut self, seed: u64, projects: u32) -> Result<DemoCounts> {
        let tx = self.conn.transaction()?;
        let mut index = SearchBatch::new();
        let mut counts = DemoCounts::default();
        for p in demo::people(seed) {
            let person = write(&tx, &mut index, p.person)?;
            counts.people += 1;
            counts.entries += 1;
            for (mut meeting, items) in p.meetings {
                meeting.input.person_id = person;
                let meeting = write(&tx, &mut index, meeting)?;
                counts.one_on_ones += 1;
                counts.entries += 1;
                for mut item in items {
                    item.input.one_on_one_id = meeting;
                    write(&tx, &mut index, item)?;
                    counts.actions += 1;
                    counts.entries += 1;
                }
            }
            for mut goal in p.goals {
                goal.input.person_id = person;
                write(&tx, &mut index, goal)?;
                counts.goals += 1;
                counts.entries += 1;
            }
            for mut feedback in p.feedback_given {
                feedback.input.person_id = Some(person);
                write(&tx, &mut index, feedback)?;
                counts.feedback += 1;
                counts.entries += 1;
            }
        }
        for p in demo::projects(seed, projects) {
            counts.add(&p);
            let project = write(&tx, &mut index, p.project)?;
            let mut metrics = Vec::new();
            for mut m in p.metrics {
                m.input.project_id = project;
                metrics.push(write(&tx, &mut index, m)?);
            }
            let mut decisions = Vec::new();
            for mut d in p.decisions {
                d.input.project_id = Some(project);
                decisions.push(write(&tx, &mut index, d)?);
            }
            for mut a in p.artifacts {
                a.input.project_id = project;
                write(&tx, &mut index, a)?;
            }
            for mut f in p.feedback {
                f.input.project_id = Some(project);
                write(&tx, &mut index, f)?;
            }
            for mut n in p.notes {
                n.input.project_id = Some(project);
                write(&tx, &mut index, n)?;
            }
            let mut story = p.story;
            story.input.project_ids = vec![project];
            story.input.metric_ids = p.story_metric.map(|i| metrics[i]).into_iter().collect();
            story.input.decision_ids = p.story_decision.map(|i| decisions[i]).into_iter().collect();
            let story = write(&tx, &mut index, story)?;
            for mut r in p.rehearsals {
                r.input.story_id = story;
                write(&tx, &mut index, r)?;
            }
        }
        index.write(&tx)?;
        tx.commit()?;
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::NoteInput;

    use crate::test_support::journal;

    #[test]
    fn the_same_seed_gives_the_same_export() {
        let (_a, mut first) = journal();
        let (_b, mut second) = journal();
        first.fill_demo(11, 12).unwrap();
        second.fill_demo(11, 12).unwrap();
        let a = serde_json::to_string(&first.export_journal().unwrap()).unwrap();
        let b = serde_json::to_string(&second.export_journal().unwrap()).unwrap();
        assert_eq!(a, b);
        let (_c, mut third) = journal();
        third.fill_demo(12, 12).unwrap();
        let c = serde_json::to_string(&third.export_journal().unwrap()).unwrap();
        assert_ne!(a, c);
    }

    /// The batched search entries are exactly those an entry-by-entry write makes, so
    /// search finds and ranks the same.
    #[test]
    fn the_batched_search_index_is_the_one_each_entry_writes() {
        let (_dir, mut journal) = journal();
        journal.fill_demo(3, 40).unwrap();
        let rows = |j: &Journal| -> Vec<String> {
            let mut statement = j
                .conn
                .prepare(
                    "SELECT json_array(rowid, heading, title, minor, body, labels, kind, project_id)
                     FROM search_index ORDER BY rowid",
                )
                .unwrap();
            statement.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
        };
        let batched = rows(&journal);
        let found = journal.search("latency", 0, 20).unwrap();
        let tx = journal.conn.transaction().unwrap();
        crate::store::search::rebuild_index(&tx).unwrap();
        tx.commit().unwrap();
        let entries: i64 =
            journal.conn.query_row("SELECT count(*) FROM entries", [], |r| r.get(0)).unwrap();
        assert_eq!(batched.len() as i64, entries);
        assert_eq!(batched, rows(&journal));
        assert_eq!(found, journal.search("latency", 0, 20).unwrap());
    }

    #[test]
    fn the_counts_are_what_was_written() {
        let (_dir, mut journal) = journal();
        let counts = journal.fill_demo(5, 30).unwrap();
        assert_eq!(counts.projects, 30);
        assert_eq!(counts.stories, 30);
        assert!(journal.profile().unwrap().is_set());
        let count = |table: &str| -> u32 {
            journal
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(count("projects"), counts.projects);
        assert_eq!(count("metrics"), counts.metrics);
        assert_eq!(count("decisions"), counts.decisions);
        assert_eq!(count("artifacts"), counts.artifacts);
        assert_eq!(count("feedback"), counts.feedback);
        assert_eq!(count("notes"), counts.notes);
        assert_eq!(count("stories"), counts.stories);
        assert_eq!(count("rehearsals"), counts.rehearsals);
        assert_eq!(count("people"), counts.people);
        assert_eq!(count("one_on_ones"), counts.one_on_ones);
        assert_eq!(count("actions"), counts.actions);
        assert_eq!(count("goals"), counts.goals);
        assert_eq!(count("entries"), counts.entries);
        assert_eq!(
            counts.entries,
            counts.projects
                + counts.metrics
                + counts.decisions
                + counts.artifacts
                + counts.feedback
                + counts.notes
                + counts.stories
                + counts.rehearsals
                + counts.people
                + counts.one_on_ones
                + counts.actions
                + counts.goals
        );
        assert!(counts.metrics >= 30 && counts.rehearsals >= 30);
        // Every story cites its project, and the journal reads back whole.
        let stories = journal.list_stories().unwrap();
        assert!(stories.iter().all(|s| s.projects.len() == 1));
        assert_eq!(journal.list_projects(0, 500).unwrap().total, 30);
        assert!(!journal.search("latency", 0, 5).unwrap().hits.is_empty() || counts.metrics > 0);
        assert!(!journal.reviews_due(crate::store::journal::today()).unwrap().is_empty());
        assert!(journal.integrity_ok().unwrap());
        // The fill's own settings do not outlive it.
        let pragma = |name: &str| -> String {
            journal
                .conn
                .query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, rusqlite::types::Value>(0))
                .map(|v| format!("{v:?}"))
                .unwrap()
        };
        assert_eq!(pragma("journal_mode"), "Text(\"wal\")");
        assert_eq!(pragma("cache_size"), "Integer(-2000)");
    }

    #[test]
    fn a_journal_with_entries_is_refused_and_left_alone() {
        let (_dir, mut journal) = journal();
        journal.add(NoteInput { text: "my own note".into(), ..Default::default() }).unwrap();
        let error = journal.fill_demo(1, 3).unwrap_err();
        assert!(
            matches!(&error, Error::Invalid { field, reason, .. } if field == "journal" && reason.contains("empty")),
            "{error}"
        );
        assert_eq!(journal.entry_count().unwrap(), 1);
        // Even an emptied journal whose entries wait in the trash is someone's.
        let (_other, mut trashed) = self::journal();
        let note = trashed.add(NoteInput { text: "deleted".into(), ..Default::default() }).unwrap();
        trashed.delete_entry(note.id).unwrap();
        assert!(trashed.fill_demo(1, 3).is_err());
        // So is one whose first-run questions were answered, before any entry.
        let (_answered, mut answered) = self::journal();
        answered.save_profile(demo::profile()).unwrap();
        assert!(answered.fill_demo(1, 3).is_err());
        assert_eq!(answered.list_projects(0, 10).unwrap().total, 0);
    }

    #[test]
    fn the_size_is_checked() {
        let (_dir, mut journal) = journal();
        assert!(journal.fill_demo(1, 0).is_err());
        assert!(journal.fill_demo(1, demo::MAX_PROJECTS + 1).is_err());
        assert_eq!(journal.entry_count().unwrap(), 0);
    }
}
