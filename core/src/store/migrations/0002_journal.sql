-- The career journal. Every entry has a row in `entries` (one id space, a stable UUID,
-- its kind and timestamps) and a row in the table of its kind with the same id.

CREATE TABLE entries (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL CHECK (kind IN ('project', 'metric', 'decision', 'artifact', 'feedback', 'note', 'story', 'rehearsal')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE projects (
    id           INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    organization TEXT,
    role         TEXT,
    started_on   TEXT,
    ended_on     TEXT,
    scope        TEXT,
    status       TEXT,
    summary      TEXT
) STRICT;
-- The journal list: newest first, undated (just logged) projects on top.
CREATE INDEX projects_newest ON projects (coalesce(started_on, '9999') DESC, id DESC);

CREATE TABLE metrics (
    id          INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    unit        TEXT,
    baseline    REAL,
    result      REAL NOT NULL,
    better      TEXT,
    measured_on TEXT,
    evidence    TEXT
) STRICT;
CREATE INDEX metrics_by_project ON metrics (project_id);

CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    project_id INTEGER REFERENCES projects (id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    context    TEXT,
    options    TEXT NOT NULL DEFAULT '[]', -- JSON: [{text, pros, cons}]
    chosen     TEXT NOT NULL,
    tradeoffs  TEXT,
    expected   TEXT,
    confidence INTEGER,
    outcome    TEXT,
    decided_on TEXT,
    review_on  TEXT
) STRICT;
CREATE INDEX decisions_by_project ON decisions (project_id);
-- The decision-journal loop: reviews due and not yet written.
CREATE INDEX decisions_open_reviews ON decisions (review_on) WHERE outcome IS NULL;

CREATE TABLE artifacts (
    id         INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL,
    url        TEXT,
    date       TEXT
) STRICT;
CREATE INDEX artifacts_by_project ON artifacts (project_id);

CREATE TABLE feedback (
    id         INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    project_id INTEGER REFERENCES projects (id) ON DELETE CASCADE,
    source     TEXT NOT NULL,
    date       TEXT NOT NULL,
    text       TEXT NOT NULL,
    rating     INTEGER
) STRICT;
CREATE INDEX feedback_by_project ON feedback (project_id);

CREATE TABLE notes (
    id         INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    project_id INTEGER REFERENCES projects (id) ON DELETE CASCADE,
    date       TEXT NOT NULL,
    text       TEXT NOT NULL
) STRICT;
CREATE INDEX notes_by_project ON notes (project_id);
CREATE INDEX notes_newest ON notes (date DESC, id DESC);

-- Tags and skills of every entry, in the order the engineer gave them.
CREATE TABLE labels (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL CHECK (kind IN ('tag', 'skill')),
    name     TEXT NOT NULL COLLATE NOCASE,
    position INTEGER NOT NULL,
    PRIMARY KEY (entry_id, kind, name)
) STRICT, WITHOUT ROWID;
CREATE INDEX labels_by_name ON labels (kind, name);

-- Deleted entries wait here, each with a JSON snapshot of itself and everything under it,
-- until the engineer restores them or empties the trash.
CREATE TABLE trash (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL,
    entry_id   INTEGER NOT NULL,
    title      TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    children   INTEGER NOT NULL,
    snapshot   TEXT NOT NULL
) STRICT;

-- Full-text search over every entry; rowid is the entry's id.
CREATE VIRTUAL TABLE search_index USING fts5 (
    title,
    body,
    labels,
    kind UNINDEXED,
    project_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER entries_leave_the_index AFTER DELETE ON entries BEGIN
    DELETE FROM search_index WHERE rowid = old.id;
END;
