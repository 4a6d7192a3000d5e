-- Duty consultations (值班会商, 宝政办发〔2022〕43号 第二十七条, X区 第八条): held before holidays and important
-- periods, with the risks identified and a work reminder (工作提示) sent to chosen units, each acknowledging it; and
-- the consultation owed before each period, opened once on any number of instances.
CREATE TABLE consultation (
    id                 UUID                     NOT NULL PRIMARY KEY,
    organiser_unit_id  UUID                     NOT NULL REFERENCES unit (id),
    held_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    subject            VARCHAR(200)             NOT NULL,
    period_key         VARCHAR(60),
    period_name        VARCHAR(200),
    participants       VARCHAR(500)             NOT NULL,
    risks              VARCHAR(2000)            NOT NULL,
    reminder           VARCHAR(2000),
    citation           VARCHAR(200),
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by        VARCHAR(50)              NOT NULL
);
CREATE INDEX consultation_organiser_idx ON consultation (organiser_unit_id, held_at);

CREATE TABLE consultation_reminder (
    consultation_id    UUID                     NOT NULL REFERENCES consultation (id),
    unit_id            UUID                     NOT NULL REFERENCES unit (id),
    position           INT                      NOT NULL,
    acknowledged_at    TIMESTAMP WITH TIME ZONE,
    acknowledged_by    VARCHAR(50),
    PRIMARY KEY (consultation_id, unit_id)
);
CREATE INDEX consultation_reminder_unit_idx ON consultation_reminder (unit_id);

CREATE TABLE consultation_owed (
    unit_id            UUID                     NOT NULL REFERENCES unit (id),
    period_key         VARCHAR(60)              NOT NULL,
    opened_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (unit_id, period_key)
);
