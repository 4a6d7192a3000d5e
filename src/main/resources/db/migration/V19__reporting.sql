-- Information reporting: incidents and their report chain, verification requests, holiday daily reports.

-- An incident as the unit that reports it knows it; the deadlines run from learned_at (接报时间).
CREATE TABLE incident (
    id               UUID                     NOT NULL PRIMARY KEY,
    unit_id          UUID                     NOT NULL REFERENCES unit (id),
    superior_unit_id UUID                     REFERENCES unit (id),
    skip_level       BOOLEAN                  NOT NULL,
    category         VARCHAR(40)              NOT NULL,
    severity         VARCHAR(4)               NOT NULL,
    title            VARCHAR(200)             NOT NULL,
    place            VARCHAR(200)             NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    learned_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    casualties       VARCHAR(500),
    losses           VARCHAR(500),
    summary          VARCHAR(4000)            NOT NULL,
    created_by       VARCHAR(50)              NOT NULL,
    created_by_name  VARCHAR(50)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX incident_unit_idx ON incident (unit_id, learned_at);
CREATE INDEX incident_superior_idx ON incident (superior_unit_id, learned_at);

-- The chain: initial, follow-up and final reports, each by phone (with who took it) or in writing (signed for by
-- the superior). A report is never changed; a correction is a further report.
CREATE TABLE incident_report (
    id               UUID                     NOT NULL PRIMARY KEY,
    incident_id      UUID                     NOT NULL REFERENCES incident (id),
    seq              INT                      NOT NULL,
    stage            VARCHAR(20)              NOT NULL,
    channel          VARCHAR(20)              NOT NULL,
    content          VARCHAR(4000)            NOT NULL,
    casualties       VARCHAR(500),
    losses           VARCHAR(500),
    disposal         VARCHAR(2000),
    measures         VARCHAR(2000),
    instructions     VARCHAR(2000),
    public_opinion   VARCHAR(2000),
    outcome          VARCHAR(2000),
    cause            VARCHAR(2000),
    assessment       VARCHAR(2000),
    phone_taken_by   VARCHAR(50),
    signer           VARCHAR(50),
    filed_by         VARCHAR(50)              NOT NULL,
    filed_by_name    VARCHAR(50)              NOT NULL,
    filed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    received_by      VARCHAR(50),
    received_by_name VARCHAR(50),
    received_at      TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX incident_report_seq_idx ON incident_report (incident_id, seq);

-- A superior's request to verify a matter (调度核实), and each target's phone and written feedback.
CREATE TABLE verification_request (
    id            UUID                     NOT NULL PRIMARY KEY,
    from_unit_id  UUID                     NOT NULL REFERENCES unit (id),
    subject       VARCHAR(200)             NOT NULL,
    details       VARCHAR(4000),
    sent_by       VARCHAR(50)              NOT NULL,
    sent_by_name  VARCHAR(50)              NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX verification_request_from_idx ON verification_request (from_unit_id, sent_at);

CREATE TABLE verification_target (
    id                UUID                     NOT NULL PRIMARY KEY,
    request_id        UUID                     NOT NULL REFERENCES verification_request (id),
    unit_id           UUID                     NOT NULL REFERENCES unit (id),
    phone_content     VARCHAR(2000),
    phone_taken_by    VARCHAR(50),
    phone_by_name     VARCHAR(50),
    phone_at          TIMESTAMP WITH TIME ZONE,
    written_content   VARCHAR(4000),
    written_by_name   VARCHAR(50),
    written_at        TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX verification_target_idx ON verification_target (request_id, unit_id);
CREATE INDEX verification_target_unit_idx ON verification_target (unit_id);

-- Holiday daily reports and the holiday summary (X区值班工作标准规范 第九条（四）): one of each kind per unit and day.
CREATE TABLE daily_report (
    id            UUID                     NOT NULL PRIMARY KEY,
    unit_id       UUID                     NOT NULL REFERENCES unit (id),
    report_day    DATE                     NOT NULL,
    kind          VARCHAR(20)              NOT NULL,
    nil_report    BOOLEAN                  NOT NULL,
    content       VARCHAR(4000),
    filed_by      VARCHAR(50)              NOT NULL,
    filed_by_name VARCHAR(50)              NOT NULL,
    filed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX daily_report_day_idx ON daily_report (unit_id, report_day, kind);

-- The days whose daily-report obligations have been opened; the key lets only one instance open them.
CREATE TABLE daily_report_day (
    report_day DATE                     NOT NULL PRIMARY KEY,
    opened_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
