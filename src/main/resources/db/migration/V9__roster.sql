-- The duty roster: who stands duty in a unit, the shift patterns, the monthly rosters with their shifts and the
-- positions on each shift (one leader on duty and N duty officers), and who is unavailable when.

-- The people of a unit who stand duty: leaders on duty or duty officers, full- or part-time.
CREATE TABLE duty_staff (
    person_id  UUID        NOT NULL PRIMARY KEY REFERENCES person (id),
    unit_id    UUID        NOT NULL REFERENCES unit (id),
    duty_role  VARCHAR(20) NOT NULL,
    part_time  BOOLEAN     NOT NULL,
    trained_on DATE
);
CREATE INDEX duty_staff_unit_idx ON duty_staff (unit_id);

CREATE TABLE duty_unavailability (
    id         UUID         NOT NULL PRIMARY KEY,
    person_id  UUID         NOT NULL REFERENCES person (id),
    first_day  DATE         NOT NULL,
    last_day   DATE         NOT NULL,
    reason     VARCHAR(200) NOT NULL
);
CREATE INDEX duty_unavailability_person_idx ON duty_unavailability (person_id, first_day);

-- A unit's shifts of one day: e.g. one 24-hour shift from 08:30, or a day shift and a night shift.
CREATE TABLE shift_template (
    id               UUID        NOT NULL PRIMARY KEY,
    unit_id          UUID        NOT NULL REFERENCES unit (id),
    name             VARCHAR(50) NOT NULL,
    start_time       TIME        NOT NULL,
    duration_minutes INT         NOT NULL,
    officers         INT         NOT NULL,
    sort_order       INT         NOT NULL
);
CREATE INDEX shift_template_unit_idx ON shift_template (unit_id, sort_order);

CREATE TABLE duty_roster (
    id           UUID                     NOT NULL PRIMARY KEY,
    unit_id      UUID                     NOT NULL REFERENCES unit (id),
    month_start  DATE                     NOT NULL,
    status       VARCHAR(20)              NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE,
    published_by VARCHAR(50),
    version      INT                      NOT NULL
);
CREATE UNIQUE INDEX duty_roster_unit_month_idx ON duty_roster (unit_id, month_start);

CREATE TABLE duty_shift (
    id                UUID                     NOT NULL PRIMARY KEY,
    roster_id         UUID                     NOT NULL REFERENCES duty_roster (id),
    unit_id           UUID                     NOT NULL REFERENCES unit (id),
    name              VARCHAR(50)              NOT NULL,
    duty_day          DATE                     NOT NULL,
    starts_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    officers_required INT                      NOT NULL
);
CREATE INDEX duty_shift_roster_idx ON duty_shift (roster_id, starts_at);
-- "Who is on duty now": the shifts of a unit around an instant.
CREATE INDEX duty_shift_unit_time_idx ON duty_shift (unit_id, starts_at, ends_at);

CREATE TABLE duty_slot (
    id        UUID        NOT NULL PRIMARY KEY,
    shift_id  UUID        NOT NULL REFERENCES duty_shift (id),
    duty_role VARCHAR(20) NOT NULL,
    position  INT         NOT NULL,
    person_id UUID REFERENCES person (id),
    pinned    BOOLEAN     NOT NULL,
    source    VARCHAR(20)
);
CREATE INDEX duty_slot_shift_idx ON duty_slot (shift_id);
CREATE INDEX duty_slot_person_idx ON duty_slot (person_id);
