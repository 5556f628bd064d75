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

-- Search finds metrics by their numbers as people write them ("800", "1,547", "2.6%"):
-- the index text changed, so migrations.rs rebuilds the index from the entries after
-- this migration (REINDEX_AFTER).
