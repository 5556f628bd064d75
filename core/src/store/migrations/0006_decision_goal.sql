-- What a decision was for, as the purpose its bullet states ("to keep writes replayable").
-- Older decisions have none; their bullets fall back to the title.
ALTER TABLE decisions ADD COLUMN goal TEXT;
