-- Leaders' instructions (领导批示办理, 宝政办发〔2022〕43号 第十五条, 第十八条): registered by the duty office that
-- receives one, forwarded down the tree to the units that must act, each of which signs for it, reports it to its
-- head and feeds back; the forwarding office accepts or returns each feedback.

CREATE TABLE instruction_counter (
    unit_id   UUID NOT NULL REFERENCES unit (id),
    reg_year  INT  NOT NULL,
    last_seq  INT  NOT NULL,
    PRIMARY KEY (unit_id, reg_year)
);

CREATE TABLE instruction (
    id                 UUID                     NOT NULL PRIMARY KEY,
    unit_id            UUID                     NOT NULL REFERENCES unit (id),
    reg_year           INT                      NOT NULL,
    seq                INT                      NOT NULL,
    number             VARCHAR(30)              NOT NULL,
    source             VARCHAR(20)              NOT NULL,
    leader_name        VARCHAR(50)              NOT NULL,
    leader_post        VARCHAR(100),
    given_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by      VARCHAR(50)              NOT NULL,
    registered_late    BOOLEAN                  NOT NULL,
    body               VARCHAR(4000)            NOT NULL,
    kind               VARCHAR(20)              NOT NULL,
    incident_id        UUID,
    previous_id        UUID REFERENCES instruction (id),
    complex            BOOLEAN                  NOT NULL,
    due_at             TIMESTAMP WITH TIME ZONE,
    citation           VARCHAR(200),
    provisional        BOOLEAN                  NOT NULL,
    version            INT                      NOT NULL,
    CONSTRAINT instruction_number_once UNIQUE (unit_id, reg_year, seq)
);
CREATE INDEX instruction_unit_idx ON instruction (unit_id, registered_at);

-- One per unit asked to act, by the unit that forwarded it (the registering office, or an acting unit that passed it
-- further down, whose own assignment is the parent).
CREATE TABLE instruction_assignment (
    id                 UUID                     NOT NULL PRIMARY KEY,
    instruction_id     UUID                     NOT NULL REFERENCES instruction (id),
    unit_id            UUID                     NOT NULL REFERENCES unit (id),
    assigner_unit_id   UUID                     NOT NULL REFERENCES unit (id),
    parent_id          UUID REFERENCES instruction_assignment (id),
    lead               BOOLEAN                  NOT NULL,
    status             VARCHAR(20)              NOT NULL,
    forwarded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    forwarded_by       VARCHAR(50)              NOT NULL,
    feedback_due_at    TIMESTAMP WITH TIME ZONE,
    feedback_citation  VARCHAR(200),
    signed_at          TIMESTAMP WITH TIME ZONE,
    signed_by          VARCHAR(50),
    reported_at        TIMESTAMP WITH TIME ZONE,
    reported_to        VARCHAR(100),
    reported_by        VARCHAR(50),
    version            INT                      NOT NULL,
    CONSTRAINT instruction_assignment_once UNIQUE (instruction_id, unit_id)
);
CREATE INDEX instruction_assignment_unit_idx ON instruction_assignment (unit_id, status);
CREATE INDEX instruction_assignment_assigner_idx ON instruction_assignment (assigner_unit_id, status);

-- Each written reply (一事一文): initial (初步落实情况) or final, and the forwarding office's decision on it.
CREATE TABLE instruction_feedback (
    id                 UUID                     NOT NULL PRIMARY KEY,
    assignment_id      UUID                     NOT NULL REFERENCES instruction_assignment (id),
    stage              VARCHAR(10)              NOT NULL,
    done               VARCHAR(4000)            NOT NULL,
    problems           VARCHAR(2000),
    next_steps         VARCHAR(2000),
    final_due_at       TIMESTAMP WITH TIME ZONE,
    filed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    filed_by           VARCHAR(50)              NOT NULL,
    late               BOOLEAN                  NOT NULL,
    decision           VARCHAR(10),
    decided_at         TIMESTAMP WITH TIME ZONE,
    decided_by         VARCHAR(50),
    return_reason      VARCHAR(500)
);
CREATE INDEX instruction_feedback_assignment_idx ON instruction_feedback (assignment_id, filed_at);

-- An extension asked for before the deadline, with its reason and new date, granted or refused.
CREATE TABLE instruction_extension (
    id                 UUID                     NOT NULL PRIMARY KEY,
    assignment_id      UUID                     NOT NULL REFERENCES instruction_assignment (id),
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by       VARCHAR(50)              NOT NULL,
    reason             VARCHAR(500)             NOT NULL,
    new_due_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    decision           VARCHAR(10),
    decided_at         TIMESTAMP WITH TIME ZONE,
    decided_by         VARCHAR(50),
    comment            VARCHAR(500)
);
CREATE INDEX instruction_extension_assignment_idx ON instruction_extension (assignment_id);
