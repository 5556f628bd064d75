-- Resume bullets generated from the journal, and named variants of them.

CREATE TABLE bullets (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid           TEXT NOT NULL UNIQUE,
    -- No foreign key: a trashed project hides its bullets, and restoring it brings them
    -- back with their edits.
    project_id     INTEGER NOT NULL,
    key            TEXT NOT NULL UNIQUE, -- what it was generated from: metric:12, decision:5, project:3
    text           TEXT NOT NULL,
    generated_text TEXT NOT NULL,
    edited         INTEGER NOT NULL DEFAULT 0,
    included       INTEGER NOT NULL DEFAULT 0,
    position       INTEGER NOT NULL,
    sources        TEXT NOT NULL DEFAULT '[]' -- JSON: entry ids
) STRICT;
CREATE INDEX bullets_in_order ON bullets (position, id);

CREATE TABLE variants (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL,
    filter     TEXT NOT NULL DEFAULT '{}', -- JSON: {tags, skills, roles, since, until}
    deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX variants_by_name ON variants (name COLLATE NOCASE) WHERE deleted_at IS NULL;

-- A variant's own order, wording and exclusions for the bullets it takes.
CREATE TABLE variant_bullets (
    variant_id INTEGER NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
    bullet_id  INTEGER NOT NULL REFERENCES bullets (id) ON DELETE CASCADE,
    position   INTEGER,
    text       TEXT,
    excluded   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (variant_id, bullet_id)
) STRICT, WITHOUT ROWID;
