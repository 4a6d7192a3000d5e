-- After a reset, and for an account whose first password an administrator chose, the next login must choose a new
-- password first.
ALTER TABLE account ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;

-- A reset of a platform administrator's password waits here until a third platform administrator approves it
-- (三员分立): the new password's hash is kept only while the reset is pending.
CREATE TABLE password_reset (
    id            UUID                     NOT NULL PRIMARY KEY,
    account_id    UUID                     NOT NULL REFERENCES account (id),
    password_hash VARCHAR(200),
    requested_by  UUID                     NOT NULL REFERENCES account (id),
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(20)              NOT NULL,
    decided_by    UUID REFERENCES account (id),
    decided_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX password_reset_account_idx ON password_reset (account_id);
CREATE INDEX password_reset_status_idx ON password_reset (status, expires_at);
