-- Interview stories and their rehearsals. Both are entries (UUID, labels, search, trash).

CREATE TABLE stories (
    id             INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    framework      TEXT NOT NULL,
    situation      TEXT,
    task           TEXT,
    context        TEXT,
    action         TEXT,
    result         TEXT,
    target_seconds INTEGER NOT NULL
) STRICT;

-- The journal entries a story cites. No foreign key on the entry: a trashed metric drops
-- out of the story (reads join `entries`) and comes back with it when restored.
CREATE TABLE story_links (
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    entry_id INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (story_id, entry_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE story_questions (
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (story_id, question)
) STRICT, WITHOUT ROWID;
CREATE INDEX story_questions_by_question ON story_questions (question);

CREATE TABLE rehearsals (
    id             INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    story_id       INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    started_at     TEXT NOT NULL,
    total_ms       INTEGER NOT NULL,
    section_ms     TEXT NOT NULL DEFAULT '[]', -- JSON: milliseconds per section
    rating         INTEGER,
    note           TEXT,
    target_seconds INTEGER NOT NULL
) STRICT;
CREATE INDEX rehearsals_by_story ON rehearsals (story_id, started_at);
