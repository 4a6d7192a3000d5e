-- The working calendar: the State Council's holiday notices, units' important periods, and the
-- revision counters that keep each instance's in-memory caches current.

CREATE TABLE holiday_schedule (
    schedule_year INT                    NOT NULL PRIMARY KEY,
    title       VARCHAR(200)             NOT NULL,
    source_text VARCHAR(20000)           NOT NULL,
    loaded_by   VARCHAR(50)              NOT NULL,
    loaded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Each day a notice names: a day off (HOLIDAY) or a weekend day worked instead (MAKEUP_WORKDAY).
-- A notice may name days of the year before (2023's New Year began on 2022-12-31).
CREATE TABLE holiday_day (
    holiday_date  DATE        NOT NULL PRIMARY KEY,
    schedule_year INT         NOT NULL REFERENCES holiday_schedule (schedule_year),
    kind          VARCHAR(20) NOT NULL,
    name          VARCHAR(50) NOT NULL
);
CREATE INDEX holiday_day_year_idx ON holiday_day (schedule_year);

CREATE TABLE important_period (
    id         UUID                     NOT NULL PRIMARY KEY,
    unit_id    UUID                     NOT NULL REFERENCES unit (id),
    name       VARCHAR(100)             NOT NULL,
    starts_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    note       VARCHAR(500),
    created_by VARCHAR(50)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX important_period_unit_idx ON important_period (unit_id, ends_at);

-- Whether statutory holidays count as important periods for a unit and its subtree (default: yes).
CREATE TABLE calendar_unit_setting (
    unit_id                      UUID    NOT NULL PRIMARY KEY REFERENCES unit (id),
    statutory_holidays_important BOOLEAN NOT NULL
);

CREATE TABLE cache_revision (
    name     VARCHAR(50) NOT NULL PRIMARY KEY,
    revision BIGINT      NOT NULL
);
INSERT INTO cache_revision (name, revision) VALUES ('calendar', 0);
INSERT INTO cache_revision (name, revision) VALUES ('policy', 0);
