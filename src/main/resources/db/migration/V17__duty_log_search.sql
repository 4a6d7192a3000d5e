-- The duty log's search index: one row per entry, pointing at its latest version, with the entry's searchable text
-- (lower-cased) and its distinct two-character grams. Chinese has no spaces between words and most words are two
-- characters long, so substring search is served by grams of two (PostgreSQL indexes them; see db/vendor).
-- Derived data: it can always be rebuilt from duty_log_entry.
CREATE TABLE duty_log_search (
    entry_id    UUID                     NOT NULL PRIMARY KEY,
    row_id      UUID                     NOT NULL REFERENCES duty_log_entry (id),
    unit_id     UUID                     NOT NULL REFERENCES unit (id),
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    kind        VARCHAR(30)              NOT NULL,
    caller      VARCHAR(200),
    content     VARCHAR                  NOT NULL,
    grams       VARCHAR                  NOT NULL
);
CREATE INDEX duty_log_search_unit_idx ON duty_log_search (unit_id, occurred_at);
CREATE INDEX duty_log_search_time_idx ON duty_log_search (occurred_at);
