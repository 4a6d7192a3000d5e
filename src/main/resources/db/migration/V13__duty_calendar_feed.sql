-- A person's duty calendar feed (iCalendar) at a secret URL a calendar app polls without logging in. Only the
-- token's SHA-256 is kept; revoking a feed stops its URL at once.
CREATE TABLE duty_calendar_feed (
    id          UUID                     NOT NULL PRIMARY KEY,
    person_id   UUID                     NOT NULL REFERENCES person (id),
    token_hash  VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(50)              NOT NULL,
    last_read_at TIMESTAMP WITH TIME ZONE,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    revoked_by  VARCHAR(50)
);
CREATE UNIQUE INDEX duty_calendar_feed_token_idx ON duty_calendar_feed (token_hash);
CREATE INDEX duty_calendar_feed_person_idx ON duty_calendar_feed (person_id);
