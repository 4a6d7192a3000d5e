-- The duty log book: each unit's entries numbered per year without gaps (the counter row is locked by each
-- writer, in its transaction), never deleted; a correction is a new version of the entry. Entries and versions
-- are hash-chained per unit and year in the order written, and the counter holds the chain's last hash so that
-- removing the newest rows is detected too.
CREATE TABLE duty_log_counter (
    unit_id     UUID        NOT NULL REFERENCES unit (id),
    log_year    INT         NOT NULL,
    last_number INT         NOT NULL,
    last_seq    INT         NOT NULL,
    last_hash   VARCHAR(64) NOT NULL,
    PRIMARY KEY (unit_id, log_year)
);

CREATE TABLE duty_log_entry (
    id               UUID                     NOT NULL PRIMARY KEY,
    entry_id         UUID                     NOT NULL,
    unit_id          UUID                     NOT NULL REFERENCES unit (id),
    log_year         INT                      NOT NULL,
    entry_number     INT                      NOT NULL,
    entry_version    INT                      NOT NULL,
    chain_seq        INT                      NOT NULL,
    kind             VARCHAR(30)              NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    place            VARCHAR(200),
    summary          VARCHAR(4000)            NOT NULL,
    caller_name      VARCHAR(50),
    caller_unit      VARCHAR(100),
    caller_phone     VARCHAR(30),
    responsible_unit VARCHAR(100),
    handling         VARCHAR(4000),
    outcome          VARCHAR(2000),
    follow_up        VARCHAR(20)              NOT NULL,
    correction_note  VARCHAR(500),
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by      VARCHAR(50)              NOT NULL,
    prev_hash        VARCHAR(64)              NOT NULL,
    hash             VARCHAR(64)              NOT NULL
);
CREATE UNIQUE INDEX duty_log_entry_number_idx ON duty_log_entry (unit_id, log_year, entry_number, entry_version);
CREATE UNIQUE INDEX duty_log_entry_chain_idx ON duty_log_entry (unit_id, log_year, chain_seq);
CREATE INDEX duty_log_entry_time_idx ON duty_log_entry (unit_id, occurred_at);
