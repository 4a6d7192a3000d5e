-- Filing (报备) a holiday's duty arrangement with the superior's duty office by the policy's deadline: one row per
-- unit and holiday, opened from the holiday calendar together with its obligation, and the arrangement as filed.
CREATE TABLE holiday_roster_filing (
    id            UUID                     NOT NULL PRIMARY KEY,
    unit_id       UUID                     NOT NULL REFERENCES unit (id),
    superior_id   UUID                     NOT NULL REFERENCES unit (id),
    holiday_name  VARCHAR(50)              NOT NULL,
    first_day     DATE                     NOT NULL,
    last_day      DATE                     NOT NULL,
    due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    citation      VARCHAR(200),
    filed_at      TIMESTAMP WITH TIME ZONE,
    filed_by      VARCHAR(50),
    updated_at    TIMESTAMP WITH TIME ZONE,
    arrangement   VARCHAR(20000)
);
-- Several instances may open the same holiday at once: the second insert fails and changes nothing.
CREATE UNIQUE INDEX holiday_roster_filing_once_idx ON holiday_roster_filing (unit_id, first_day);
CREATE INDEX holiday_roster_filing_superior_idx ON holiday_roster_filing (superior_id, first_day);
