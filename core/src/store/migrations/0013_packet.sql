-- The engineer's own wording of review-packet sentences, by the sentence's key
-- (`impact:metric:12`). Kept through regeneration; `generated_text` is the wording the
-- edit was made over, so the window can say when the journal has moved since.
CREATE TABLE packet_edits (
    key            TEXT PRIMARY KEY,
    text           TEXT NOT NULL,
    generated_text TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
