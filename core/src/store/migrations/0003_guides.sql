-- The engineer's profile (one row) and checklist progress in repeatable cycles.

CREATE TABLE profile (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    band        TEXT,
    role        TEXT,
    target_role TEXT,
    name        TEXT,
    headline    TEXT,
    email       TEXT,
    location    TEXT,
    summary     TEXT
) STRICT;

-- A checklist is worked in cycles (a quarter, a half); the open cycle has no closed_on.
CREATE TABLE checklist_cycles (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    guide      TEXT NOT NULL,
    number     INTEGER NOT NULL,
    started_on TEXT NOT NULL,
    closed_on  TEXT,
    UNIQUE (guide, number)
) STRICT;

CREATE TABLE checklist_checks (
    cycle_id   INTEGER NOT NULL REFERENCES checklist_cycles (id) ON DELETE CASCADE,
    item       TEXT NOT NULL,
    checked_at TEXT NOT NULL,
    PRIMARY KEY (cycle_id, item)
) STRICT, WITHOUT ROWID;
