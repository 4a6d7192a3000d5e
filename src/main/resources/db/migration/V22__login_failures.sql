-- Wrong passwords typed for names that match no account count and lock exactly like an account's, so that the
-- lockout tells nobody which usernames exist. Kept by the SHA-256 of the name typed (users type passwords into the
-- username field); a row whose failures are forgotten is pruned.
CREATE TABLE login_failure (
    name_hash       VARCHAR(64)              NOT NULL PRIMARY KEY,
    failed_attempts INT                      NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    last_failed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_failure_last_failed_idx ON login_failure (last_failed_at);

-- An account's failures are forgotten after the same while as an unknown name's.
ALTER TABLE account ADD COLUMN last_failed_at TIMESTAMP WITH TIME ZONE;
