-- The weekly habit: metrics logged before their result is known (with a target and a day
-- to measure by), stories prepared for an interview day, period reviews as entries, the
-- engineer's own note templates, and what was snoozed or dismissed in the follow-up queue.

-- Two constraints are loosened in place (SQLite's documented way for a change that leaves
-- every stored row valid: "Making Other Kinds Of Table Schema Changes"): `entries`
-- takes the new kind `review`, and a metric's result may be absent. A rebuilt table would
-- cascade its deletes through the foreign keys that point at it.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, '''story'', ''rehearsal''))', '''story'', ''rehearsal'', ''review''))')
 WHERE type = 'table' AND name = 'entries';
UPDATE sqlite_schema
   SET sql = replace(sql, 'result      REAL NOT NULL', 'result      REAL')
 WHERE type = 'table' AND name = 'metrics';
-- @bump-schema-version
-- (the runner counts the change above and turns writable_schema off)

ALTER TABLE metrics ADD COLUMN target REAL;
ALTER TABLE metrics ADD COLUMN measure_by TEXT;
-- The follow-up queue: metrics still waiting for their result.
CREATE INDEX metrics_pending ON metrics (measure_by) WHERE result IS NULL;

ALTER TABLE stories ADD COLUMN interview_on TEXT;
-- The follow-up queue: stories for an interview soon.
CREATE INDEX stories_by_interview ON stories (interview_on) WHERE interview_on IS NOT NULL;

-- The follow-up queue's quiet projects: when anything was last logged in a project (its own
-- save or an entry under it), kept by every write, so Home never walks every entry.
ALTER TABLE projects ADD COLUMN last_logged_at TEXT;
UPDATE projects SET last_logged_at = (SELECT updated_at FROM entries WHERE id = projects.id);
UPDATE projects SET last_logged_at = max(projects.last_logged_at, t.last)
  FROM (SELECT c.project_id, max(e.updated_at) AS last
          FROM (SELECT id, project_id FROM metrics
                UNION ALL SELECT id, project_id FROM decisions WHERE project_id IS NOT NULL
                UNION ALL SELECT id, project_id FROM artifacts
                UNION ALL SELECT id, project_id FROM feedback WHERE project_id IS NOT NULL
                UNION ALL SELECT id, project_id FROM notes WHERE project_id IS NOT NULL) c
          JOIN entries e ON e.id = c.id GROUP BY c.project_id) t
 WHERE t.project_id = projects.id;
CREATE INDEX projects_quiet ON projects (last_logged_at)
  WHERE coalesce(status, 'active') IN ('active', 'planned');

-- Metrics with a result and no evidence, newest first; metrics, decisions, feedback,
-- artifacts and projects by their own day (the week, the period, "a year ago today").
CREATE INDEX metrics_unproven ON metrics (measured_on) WHERE result IS NOT NULL AND evidence IS NULL;
CREATE INDEX metrics_by_day ON metrics (measured_on);
CREATE INDEX decisions_by_day ON decisions (decided_on);
CREATE INDEX feedback_by_day ON feedback (date);
CREATE INDEX artifacts_by_day ON artifacts (date);
CREATE INDEX projects_by_start ON projects (started_on);

-- What the week gained, for Home's "This week": entries by the time they were added, with
-- their kind (wider than `entries_by_kind`, which Home's count of every entry keeps walking).
CREATE INDEX entries_by_created ON entries (created_at, kind);

-- A review of a period (week, quarter, half, year): the summary as generated when it was
-- written, and the engineer's reflection.
CREATE TABLE reviews (
    id         INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    period     TEXT NOT NULL,
    starts_on  TEXT NOT NULL,
    ends_on    TEXT NOT NULL,
    summary    TEXT NOT NULL,
    went_well  TEXT,
    to_improve TEXT,
    next_focus TEXT
) STRICT;
CREATE INDEX reviews_by_period ON reviews (period, starts_on);

-- The engineer's note templates: their own, or their edit of a shipped one (same slug).
-- A removed one keeps its row until the journal forgets it, so it can be brought back.
CREATE TABLE templates (
    slug        TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    tags        TEXT NOT NULL DEFAULT '[]', -- JSON array
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    removed_at  TEXT
) STRICT, WITHOUT ROWID;

-- A follow-up put off until a day, or dismissed; by the item's key (`metric-result:12`).
CREATE TABLE followup_marks (
    key           TEXT PRIMARY KEY,
    snoozed_until TEXT,
    dismissed_at  TEXT
) STRICT, WITHOUT ROWID;
