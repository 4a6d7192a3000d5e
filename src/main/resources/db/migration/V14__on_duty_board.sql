-- Who is on duty is answered from memory for the day in question (OnDutyBoard); each instance loads a day's
-- published shifts of all units at once by start time, and drops them when a published roster or a person changes.
CREATE INDEX duty_shift_starts_idx ON duty_shift (starts_at);
INSERT INTO cache_revision (name, revision) VALUES ('duty-board', 0);
