-- The capture inbox: entries proposed from the engineer's git history, waiting for them
-- to accept, edit, merge or dismiss. Proposals are not journal entries: nothing here is in
-- `entries`, search or exports until it is accepted.
CREATE TABLE proposals (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('project', 'note', 'artifact', 'metric')),
    state       TEXT NOT NULL DEFAULT 'open'
                CHECK (state IN ('open', 'accepted', 'dismissed', 'merged')),
    -- The repository it came from (capture_repos.key): its project, once mapped, is the
    -- project the proposal attaches to.
    repo_key    TEXT NOT NULL,
    -- The proposed input of its kind, as JSON (what the journal's forms edit).
    fields      TEXT NOT NULL,
    -- Where it came from: repository, commits, request, path, dates (JSON).
    source      TEXT NOT NULL,
    -- The day of the work it tells of, for the inbox's order (newest first).
    dated_on    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    -- The entry it became (accepted), or the proposal it was merged into.
    entry_id    INTEGER,
    -- Whether accepting created `entry_id` (a project proposal may map to an existing one).
    created_entry INTEGER NOT NULL DEFAULT 0,
    merged_into INTEGER REFERENCES proposals (id) ON DELETE SET NULL
);
CREATE INDEX proposals_open ON proposals (state, dated_on DESC, id DESC);

-- Every source a proposal was made from (a commit, a request, a file, a repository): a
-- source here is never proposed again, whatever became of its proposal.
CREATE TABLE capture_keys (
    key         TEXT PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX capture_keys_by_proposal ON capture_keys (proposal_id);

-- The repositories scans have read, and the project each maps to once the engineer said so.
CREATE TABLE capture_repos (
    key         TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    path        TEXT NOT NULL,
    web_url     TEXT,
    project_id  INTEGER REFERENCES entries (id) ON DELETE SET NULL
) WITHOUT ROWID;

-- What a scan read of each ref, so a rescan reads only commits it has not seen: the tip,
-- and the dates the scan covered.
CREATE TABLE capture_reads (
    repo_key    TEXT NOT NULL,
    ref_name    TEXT NOT NULL,
    tip         TEXT NOT NULL,
    since       TEXT,
    until       TEXT,
    PRIMARY KEY (repo_key, ref_name)
) WITHOUT ROWID;
