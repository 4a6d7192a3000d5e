-- A caller's number in the duty log is personal information, sealed with SM4-GCM like people's numbers (ADR 0024):
-- the sealed value is longer than the number, and it leaves the search text; a keyed SM3 index of the whole number
-- finds the entry instead. Existing clear numbers are sealed, and their entries' search rows made again, by the
-- application on its first start after this migration, when it holds the key.
ALTER TABLE duty_log_entry ALTER COLUMN caller_phone SET DATA TYPE VARCHAR(120);
ALTER TABLE duty_log_search ADD COLUMN caller_phone_index VARCHAR(64);
CREATE INDEX duty_log_search_caller_phone_idx ON duty_log_search (caller_phone_index);
