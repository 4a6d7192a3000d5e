-- Phone spot checks (电话抽查, 宝政办发〔2022〕43号 第二十八条, X区 第七条), site visits and yearly inspections, talks
-- (约谈), letters (函询) and phone reminders, the rectification demands (整改通知) they open, and the yearly
-- coverage still owed in November (第二十八条 全覆盖, X区 第二十四条); the year is kept for the coverage.
CREATE TABLE spot_check (
    id                 UUID                     NOT NULL PRIMARY KEY,
    inspector_unit_id  UUID                     NOT NULL REFERENCES unit (id),
    unit_id            UUID                     NOT NULL REFERENCES unit (id),
    check_year         INT                      NOT NULL,
    called_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    result             VARCHAR(4)               NOT NULL,
    failed             BOOLEAN                  NOT NULL,
    rings              INT,
    answered_by        VARCHAR(50),
    on_roster          BOOLEAN,
    knew_leader        BOOLEAN,
    standard_greeting  BOOLEAN,
    notes              VARCHAR(500),
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by        VARCHAR(50)              NOT NULL
);
CREATE INDEX spot_check_unit_idx ON spot_check (unit_id, check_year);
CREATE INDEX spot_check_inspector_idx ON spot_check (inspector_unit_id, called_at);

CREATE TABLE inspection (
    id                 UUID                     NOT NULL PRIMARY KEY,
    inspector_unit_id  UUID                     NOT NULL REFERENCES unit (id),
    unit_id            UUID                     NOT NULL REFERENCES unit (id),
    check_year         INT                      NOT NULL,
    kind               VARCHAR(20)              NOT NULL,
    held_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    findings           VARCHAR(2000)            NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by        VARCHAR(50)              NOT NULL
);
CREATE INDEX inspection_unit_idx ON inspection (unit_id, check_year);
CREATE INDEX inspection_inspector_idx ON inspection (inspector_unit_id, held_at);

CREATE TABLE rectification (
    id                 UUID                     NOT NULL PRIMARY KEY,
    issuer_unit_id     UUID                     NOT NULL REFERENCES unit (id),
    unit_id            UUID                     NOT NULL REFERENCES unit (id),
    spot_check_id      UUID REFERENCES spot_check (id),
    inspection_id      UUID REFERENCES inspection (id),
    demand             VARCHAR(1000)            NOT NULL,
    issued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by          VARCHAR(50)              NOT NULL,
    due_at             TIMESTAMP WITH TIME ZONE,
    citation           VARCHAR(200),
    report             VARCHAR(2000),
    reported_at        TIMESTAMP WITH TIME ZONE,
    reported_by        VARCHAR(50),
    status             VARCHAR(20)              NOT NULL,
    decided_at         TIMESTAMP WITH TIME ZONE,
    decided_by         VARCHAR(50),
    return_reason      VARCHAR(500)
);
CREATE INDEX rectification_unit_idx ON rectification (unit_id, issued_at);
CREATE INDEX rectification_issuer_idx ON rectification (issuer_unit_id, issued_at);

-- A superior's yearly coverage still owed for one unit below it, opened once in November on any number of instances.
CREATE TABLE coverage_owed (
    superior_unit_id   UUID                     NOT NULL REFERENCES unit (id),
    unit_id            UUID                     NOT NULL REFERENCES unit (id),
    check_year         INT                      NOT NULL,
    opened_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (superior_unit_id, unit_id, check_year)
);
