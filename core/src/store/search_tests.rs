//! Search on a large journal: every hit says its kind and project, projects and decisions
//! rank before a project's repeated metrics, pages add up, numbers are found as written,
//! and an older journal's index is rebuilt on opening.

use std::collections::{HashMap, HashSet};

use tempfile::TempDir;

use super::Journal;
use crate::journal::*;
use crate::search::{SearchHit, BLOCK, PER_PROJECT};

use crate::test_support::journal;

/// Every hit of `query`, page by page.
fn all_hits(j: &Journal, query: &str, page: u32) -> Vec<SearchHit> {
    let mut hits = Vec::new();
    loop {
        let got = j.search(query, hits.len() as u32, page).unwrap();
        assert_eq!(got.offset as usize, hits.len());
        let before = hits.len();
        hits.extend(got.hits);
        assert_eq!(got.more as usize + hits.len(), got.total as usize, "more counts what is left");
        if got.more == 0 || hits.len() == before {
            break;
        }
    }
    hits
}

/// A demo journal of thousands of entries plus projects with many alike metric rows.
fn large() -> (TempDir, Journal, Vec<i64>) {
    let (dir, mut j) = journal();
    let counts = j.fill_demo(7, 300).unwrap();
    assert!(counts.entries > 2_000, "{counts:?}");
    let mut projects = Vec::new();
    for team in ["Checkout", "Billing", "Search"] {
        let p = j
            .add(ProjectInput { title: format!("{team} latency budget"), ..Default::default() })
            .unwrap();
        for week in 0..8 {
            j.add(MetricInput {
                project_id: p.id,
                name: "p99 latency".into(),
                unit: Some("ms".into()),
                baseline: Some(400.0 + f64::from(week)),
                result: Some(300.0),
                better: Some(Direction::Lower),
                ..Default::default()
            })
            .unwrap();
        }
        j.add(DecisionInput {
            project_id: Some(p.id),
            title: format!("Cache {team} reads to cut latency"),
            options: vec!["Cache".into(), "Wait".into()],
            chosen: "Cache".into(),
            ..Default::default()
        })
        .unwrap();
        projects.push(p.id);
    }
    (dir, j, projects)
}

/// Every match of `query` ranked the slow way: all of them by bm25 with the kinds' title
/// weights, then in each block of `BLOCK` a project's repeats of one kind last.
fn every_match_ranked(j: &Journal, query: &str) -> Vec<i64> {
    let fts = crate::search::fts_query(query).unwrap();
    let mut statement = j
        .conn
        .prepare(
            "SELECT rowid, kind, project_id, bm25(search_index, 12.0, 6.0, 4.0, 1.0, 3.0)
             FROM search_index WHERE search_index MATCH ?1",
        )
        .unwrap();
    let mut rows: Vec<(i64, String, Option<i64>, f64)> = statement
        .query_map([fts], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows.sort_by(|a, b| a.3.total_cmp(&b.3).then(a.0.cmp(&b.0)));
    let mut order = Vec::new();
    for block in rows.chunks(BLOCK) {
        let mut seen: HashMap<(Option<i64>, String), i64> = HashMap::new();
        let mut ranked: Vec<(bool, usize, i64)> = block
            .iter()
            .enumerate()
            .map(|(place, (id, kind, project, _))| {
                let n = seen.entry((*project, kind.clone())).or_default();
                *n += 1;
                (project.is_some() && kind != "project" && *n > PER_PROJECT, place, *id)
            })
            .collect();
        ranked.sort();
        order.extend(ranked.into_iter().map(|(_, _, id)| id));
    }
    order
}

#[test]
fn a_large_journal_ranks_work_before_repeated_metric_rows_and_pages_add_up() {
    let (_dir, j, ours) = large();
    let first = j.search("latency", 0, 20).unwrap();
    assert_eq!(first.hits.len(), 20);
    assert!(first.total > 40, "{}", first.total);
    assert_eq!(first.more, first.total - 20);
    for hit in &first.hits {
        assert_eq!(
            hit.project_id.is_some(),
            hit.project_title.is_some(),
            "{hit:?} says which project it is in"
        );
    }
    // Our three projects and their decisions are on the first page, above their metrics.
    let place = |id: i64| first.hits.iter().position(|h| h.id == id);
    for project in &ours {
        let at = place(*project).expect("the project is on the first page");
        let decision = first
            .hits
            .iter()
            .position(|h| h.kind == EntryKind::Decision && h.project_id == Some(*project))
            .expect("its decision is on the first page");
        let metrics: Vec<usize> = first
            .hits
            .iter()
            .enumerate()
            .filter(|(_, h)| h.kind == EntryKind::Metric && h.project_id == Some(*project))
            .map(|(i, _)| i)
            .collect();
        assert!(
            metrics.iter().all(|m| *m > at && *m > decision),
            "project at {at}, decision at {decision}, metrics at {metrics:?}"
        );
    }

    // Pages of any size give the same order, every hit once.
    let by_25 = all_hits(&j, "latency", 25);
    let by_60 = all_hits(&j, "latency", 60);
    assert_eq!(by_25.len() as u32, first.total);
    let ids = |hits: &[SearchHit]| hits.iter().map(|h| h.id).collect::<Vec<_>>();
    assert_eq!(ids(&by_25), ids(&by_60));
    assert_eq!(ids(&by_25[..20]), ids(&first.hits));
    assert_eq!(ids(&by_25).into_iter().collect::<HashSet<_>>().len(), by_25.len());

    // In each block, past the first few of one kind in one project, hits wait until
    // every other hit of the block.
    let mut waiting = false;
    for block in by_25.chunks(BLOCK) {
        let mut seen: HashMap<(Option<i64>, EntryKind), i64> = HashMap::new();
        let mut late = false;
        for hit in block {
            let n = seen.entry((hit.project_id, hit.kind)).or_default();
            *n += 1;
            let repeat =
                hit.project_id.is_some() && hit.kind != EntryKind::Project && *n > PER_PROJECT;
            assert!(repeat || !late, "{hit:?} comes after a project's repeated rows");
            late |= repeat;
        }
        waiting |= late;
    }
    assert!(waiting, "our projects' eight latency rows have repeats");

    // The same order as ranking every match at once, for a word and a prefix.
    for query in ["latency", "migr"] {
        let ids = |hits: &[SearchHit]| hits.iter().map(|h| h.id).collect::<Vec<_>>();
        assert_eq!(ids(&all_hits(&j, query, 20)), every_match_ranked(&j, query), "{query}");
    }

    let beyond = j.search("latency", first.total + 5, 20).unwrap();
    assert!(beyond.hits.is_empty());
    assert_eq!((beyond.total, beyond.more), (first.total, 0));
    let none = j.search("zyxwvut", 0, 20).unwrap();
    assert_eq!((none.total, none.more, none.hits.len()), (0, 0, 0));
}

#[test]
fn numbers_are_found_as_people_write_them() {
    let (_dir, mut j) = journal();
    let p = j.add(ProjectInput { title: "Checkout".into(), ..Default::default() }).unwrap();
    let metric = |j: &mut Journal, name: &str, baseline: f64, result: f64, unit: &str| {
        j.add(MetricInput {
            project_id: p.id,
            name: name.into(),
            unit: Some(unit.into()),
            baseline: Some(baseline),
            result: Some(result),
            better: Some(Direction::Lower),
            ..Default::default()
        })
        .unwrap()
        .id
    };
    let latency = metric(&mut j, "p99 latency", 800.0, 120.0, "ms");
    let cart = metric(&mut j, "cart load", 1547.0, 1001.0, "ms");
    let conversion = metric(&mut j, "conversion", 2.1, 2.6, "%");
    for (typed, wanted) in [
        ("800", latency),
        ("120 ms", latency),
        ("1,547", cart),
        ("1547", cart),
        ("1001", cart),
        ("35%", cart),
        ("2.6%", conversion),
        ("2.6", conversion),
    ] {
        let page = j.search(typed, 0, 10).unwrap();
        assert_eq!(page.hits.first().map(|h| h.id), Some(wanted), "{typed}: {:?}", page.hits);
        let hit = &page.hits[0];
        assert_eq!(hit.kind, EntryKind::Metric);
        assert_eq!(hit.project_title.as_deref(), Some("Checkout"));
        assert!(
            hit.snippet.iter().any(|part| part.hit),
            "{typed}: the number is marked in {:?}",
            hit.snippet
        );
    }
}

#[test]
fn opening_an_older_journal_rebuilds_its_index_and_gives_variants_a_uuid() {
    let (dir, mut j) = journal();
    let p = j.add(ProjectInput { title: "Checkout".into(), ..Default::default() }).unwrap();
    let m = j
        .add(MetricInput {
            project_id: p.id,
            name: "p99 latency".into(),
            unit: Some("ms".into()),
            baseline: Some(800.0),
            result: Some(120.0),
            ..Default::default()
        })
        .unwrap();
    j.save_variant(None, "Staff", &Default::default()).unwrap();
    // Back to how version 6 left it: no variant UUIDs, metrics indexed by unit only.
    j.conn.execute_batch(crate::test_support::UNDO_SINCE_CAPTURE).unwrap();
    j.conn
        .execute_batch(
            "DROP INDEX variants_by_uuid;
             ALTER TABLE variants DROP COLUMN uuid;
             ALTER TABLE variants DROP COLUMN updated_at;
             ALTER TABLE decisions DROP COLUMN outcome_on;
             DROP INDEX entries_by_kind;
             UPDATE search_index SET body = 'ms' WHERE kind = 'metric';
             PRAGMA user_version = 6;",
        )
        .unwrap();
    assert!(j.search("800", 0, 10).unwrap().hits.is_empty());
    drop(j);

    let j = Journal::open(dir.path().join("journal.sqlite3")).unwrap();
    assert_eq!(j.schema_version().unwrap(), super::SCHEMA_VERSION);
    assert_eq!(j.search("800", 0, 10).unwrap().hits[0].id, m.id);
    assert_eq!(j.search("checkout", 0, 10).unwrap().total, 1, "every entry is in the index once");
    let uuid: String = j.conn.query_row("SELECT uuid FROM variants", [], |r| r.get(0)).unwrap();
    assert!(uuid::Uuid::parse_str(&uuid).is_ok(), "{uuid}");
    assert!(j.integrity_ok().unwrap());
    let exported = j.export_journal().unwrap();
    assert_eq!(exported.variants[0].uuid, uuid);
}

#[test]
fn past_the_ranked_limit_the_newest_matches_are_ranked_and_the_page_says_so() {
    let (_dir, mut j) = journal();
    let old = j.add(ProjectInput { title: "Retro format".into(), ..Default::default() }).unwrap();
    let notes: Vec<i64> = (0..12)
        .map(|week| {
            let text = format!("Week {week}: ran the team retro, two actions");
            j.add(NoteInput { text, ..Default::default() }).unwrap().id
        })
        .collect();

    let all = j.search_ranking("retro", 0, 20, 100).unwrap();
    assert_eq!((all.total, all.capped), (13, false));
    assert_eq!(all.hits[0].id, old.id, "a title outweighs a body when every match is ranked");

    let capped = j.search_ranking("retro", 0, 20, 5).unwrap();
    assert_eq!((capped.total, capped.more, capped.capped), (5, 0, true));
    let mut ids: Vec<i64> = capped.hits.iter().map(|h| h.id).collect();
    ids.sort();
    assert_eq!(ids, notes[7..].to_vec(), "the five added last are the ones ranked");
    let past = j.search_ranking("retro", 5, 20, 5).unwrap();
    assert_eq!((past.hits.len(), past.total, past.capped), (0, 5, true));

    let exact = j.search_ranking("retro", 0, 20, 13).unwrap();
    assert_eq!((exact.total, exact.capped), (13, false), "exactly the limit is not past it");
}
