-- The audit trail: append-only, each record hash-chained to the one before.

CREATE TABLE audit_record (
    seq            BIGINT                   NOT NULL PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    account_id     UUID,
    username       VARCHAR(50),
    unit_id        UUID,
    action         VARCHAR(60)              NOT NULL,
    target         VARCHAR(200),
    outcome        VARCHAR(20)              NOT NULL,
    detail         VARCHAR(1000),
    client_address VARCHAR(64),
    prev_hash      VARCHAR(64)              NOT NULL,
    hash           VARCHAR(64)              NOT NULL
);
CREATE INDEX audit_record_time_idx ON audit_record (occurred_at);
CREATE INDEX audit_record_username_idx ON audit_record (username, occurred_at);

-- The head of the chain: one row, locked by each append so that records chain in commit order,
-- and holding the last hash so that deleting the newest records is detected too.
CREATE TABLE audit_chain_head (
    id        INT         NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
