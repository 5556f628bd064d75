-- Resume variants travel in whole-journal exports: each gets a UUID and the time of its
-- last change, so an import matches them by UUID and the newer side wins.
ALTER TABLE variants ADD COLUMN uuid TEXT NOT NULL DEFAULT '';
ALTER TABLE variants ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
UPDATE variants SET
    uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
        substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
        substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
CREATE UNIQUE INDEX variants_by_uuid ON variants (uuid);

-- Search weighs a match by the kind of entry it is in: the title of a project or decision
-- names the work (bm25 weight 12), other titles weigh 6, the name of a metric or rehearsal
-- 4, bodies 1 and labels 3. Metrics' numbers are indexed as people write them ("800",
-- "1,547", "2.6%"). The index is made anew here; opening the journal refills an empty one
-- from the entries (store/search.rs, fill_empty_index).
DROP TRIGGER entries_leave_the_index;
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5 (
    heading,
    title,
    minor,
    body,
    labels,
    kind UNINDEXED,
    project_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER entries_leave_the_index AFTER DELETE ON entries BEGIN
    DELETE FROM search_index WHERE rowid = old.id;
END;
