-- The obligation clock: every "someone must do X by time T", its reminder, overdue transition and escalations.

CREATE TABLE obligation (
    id                UUID                     NOT NULL PRIMARY KEY,
    obligor_unit_id   UUID                     NOT NULL REFERENCES unit (id),
    kind              VARCHAR(60)              NOT NULL,
    subject_module    VARCHAR(40)              NOT NULL,
    subject_id        VARCHAR(100)             NOT NULL,
    title             VARCHAR(200)             NOT NULL,
    citation          VARCHAR(200),
    opened_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    status            VARCHAR(20)              NOT NULL,
    overdue           BOOLEAN                  NOT NULL,
    reminder_at       TIMESTAMP WITH TIME ZONE,
    superior_escalation_at TIMESTAMP WITH TIME ZONE,
    next_step         VARCHAR(20),
    next_fire_at      TIMESTAMP WITH TIME ZONE,
    fulfilled_at      TIMESTAMP WITH TIME ZONE,
    lateness_seconds  BIGINT,
    waived_reason     VARCHAR(500),
    closed_by         VARCHAR(50),
    version           INT                      NOT NULL
);
-- The clock's work list: the next step of every open obligation, in time order.
CREATE INDEX obligation_next_fire_idx ON obligation (next_fire_at);
CREATE INDEX obligation_unit_idx ON obligation (obligor_unit_id, status, due_at);
CREATE INDEX obligation_due_idx ON obligation (due_at);
CREATE INDEX obligation_subject_idx ON obligation (subject_module, subject_id);

-- Each step fired, once: the primary key makes a second firing of the same step impossible.
CREATE TABLE obligation_firing (
    obligation_id UUID                     NOT NULL REFERENCES obligation (id),
    step          VARCHAR(20)              NOT NULL,
    scheduled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    fired_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delay_ms      BIGINT                   NOT NULL,
    fired_late    BOOLEAN                  NOT NULL,
    instance      VARCHAR(100)             NOT NULL,
    PRIMARY KEY (obligation_id, step)
);
CREATE INDEX obligation_firing_time_idx ON obligation_firing (fired_at);
