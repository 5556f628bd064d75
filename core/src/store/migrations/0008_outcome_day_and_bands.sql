-- The day a decision's outcome was written (or last changed), set by the journal itself so
-- "Reviewed <date>" tells when the loop was closed. Outcomes written before this version
-- have no recorded day and stay NULL: the journal does not guess one.
ALTER TABLE decisions ADD COLUMN outcome_on TEXT;

-- The experience bands became a partition (3-4, 5-7, 8-11 instead of the overlapping 3-5,
-- 5-8, 8-12): a stored band becomes the one that starts at the same year.
UPDATE profile SET band = CASE band
    WHEN '3-5' THEN '3-4'
    WHEN '5-8' THEN '5-7'
    WHEN '8-12' THEN '8-11'
    ELSE band END;
