-- The pinyin initials of units' and people's names (金台区 → jtq), for the directory's search; rows from before are
-- filled on the first start (NameInitialsBackfill).
ALTER TABLE unit ADD COLUMN name_initials VARCHAR(200);
ALTER TABLE person ADD COLUMN name_initials VARCHAR(200);
