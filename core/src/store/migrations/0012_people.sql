-- People: the managers, mentees, mentors and peers a career is done through, 1:1s with
-- them and the action items agreed there, mentees' goals, feedback given and received, the
-- people any entry involved, and a private flag on every entry.

-- `entries` takes the new kinds, loosened in place as 0011 did (a rebuilt table would
-- cascade its deletes through the foreign keys that point at it).
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, '''rehearsal'', ''review''))',
                     '''rehearsal'', ''review'', ''person'', ''one_on_one'', ''action'', ''goal''))')
 WHERE type = 'table' AND name = 'entries';
-- @bump-schema-version
-- (the runner counts the change above and turns writable_schema off)

-- Kept out of everything made to be shared (brag document, progress report, packet).
ALTER TABLE entries ADD COLUMN private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1));

-- Every relationship over time is a JSON list ([{relationship, team, from, to}]): a person
-- has a handful, and they are always read with the person.
CREATE TABLE people (
    id            INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    relationships TEXT NOT NULL DEFAULT '[]',
    notes         TEXT
) STRICT;
CREATE INDEX people_by_name ON people (name COLLATE NOCASE);

-- A 1:1 goes to the trash with its person, so the link needs no action of its own.
CREATE TABLE one_on_ones (
    id        INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id),
    date      TEXT NOT NULL,
    agenda    TEXT,
    notes     TEXT
) STRICT;
CREATE INDEX one_on_ones_by_person ON one_on_ones (person_id, date);

CREATE TABLE actions (
    id            INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    one_on_one_id INTEGER NOT NULL REFERENCES one_on_ones (id),
    text          TEXT NOT NULL,
    owner         TEXT NOT NULL CHECK (owner IN ('me', 'them')),
    done_on       TEXT
) STRICT;
CREATE INDEX actions_by_meeting ON actions (one_on_one_id);
CREATE INDEX actions_open ON actions (one_on_one_id) WHERE done_on IS NULL;

CREATE TABLE goals (
    id         INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people (id),
    text       TEXT NOT NULL,
    set_on     TEXT,
    reached_on TEXT,
    took_over  INTEGER NOT NULL DEFAULT 0 CHECK (took_over IN (0, 1))
) STRICT;
CREATE INDEX goals_by_person ON goals (person_id);
CREATE INDEX goals_reached ON goals (reached_on) WHERE reached_on IS NOT NULL;

-- Feedback's person is unlinked by the trash when the person goes there, and linked again
-- when they come back (the trash keeps which feedback pointed at them); writes check it.
ALTER TABLE feedback ADD COLUMN person_id INTEGER;
ALTER TABLE feedback ADD COLUMN direction TEXT CHECK (direction IN ('received', 'given'));
CREATE INDEX feedback_by_person ON feedback (person_id) WHERE person_id IS NOT NULL;

-- The people any entry involved: worked together on a project, consulted on a decision.
CREATE TABLE entry_people (
    entry_id  INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (entry_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX entry_people_by_person ON entry_people (person_id);
