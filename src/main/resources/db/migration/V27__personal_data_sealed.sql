-- Personal numbers are sealed with SM4-GCM (ADR 0024): a sealed value is longer than the number, and the keyed
-- SM3 index of each normalised number lets people be found by number without a clear copy. Existing clear values
-- are sealed by the application on its first start after this migration, when it holds the key.
ALTER TABLE person ALTER COLUMN mobile SET DATA TYPE VARCHAR(160);
ALTER TABLE person ALTER COLUMN office_phone SET DATA TYPE VARCHAR(160);
ALTER TABLE person ADD COLUMN mobile_index VARCHAR(64);
ALTER TABLE person ADD COLUMN office_phone_index VARCHAR(64);
CREATE INDEX person_mobile_index_idx ON person (mobile_index);
CREATE INDEX person_office_phone_index_idx ON person (office_phone_index);
