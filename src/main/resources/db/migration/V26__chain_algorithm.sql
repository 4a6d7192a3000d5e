-- Chains are sealed with HMAC-SM3 under a key kept outside the database (ADR 0023). A chain written before keeps its
-- SHA-256 hashes until the application re-seals it once, on start: every record is then hashed again with HMAC-SM3,
-- the first onto the old chain's final value, which the genesis column keeps. A chain begun from now on is HMAC-SM3
-- from its first record, onto the zero genesis.
ALTER TABLE audit_chain_head ADD COLUMN algorithm VARCHAR(16) DEFAULT 'SHA-256' NOT NULL;
ALTER TABLE audit_chain_head ADD COLUMN genesis VARCHAR(64)
    DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL;

ALTER TABLE duty_log_counter ADD COLUMN algorithm VARCHAR(16) DEFAULT 'SHA-256' NOT NULL;
ALTER TABLE duty_log_counter ADD COLUMN genesis VARCHAR(64)
    DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL;
ALTER TABLE duty_log_counter ALTER COLUMN algorithm SET DEFAULT 'HMAC-SM3';

-- An audit trail with nothing chained yet (a new database) begins as HMAC-SM3 at once.
UPDATE audit_chain_head SET algorithm = 'HMAC-SM3' WHERE last_seq = 0;
