-- Swaps (调班): a person on a published roster asks a colleague to take a shift (or to exchange shifts), the colleague
-- accepts, the leader on duty approves, and the roster changes. Every change of a position is kept as history.

CREATE TABLE duty_swap (
    id                  UUID                     NOT NULL PRIMARY KEY,
    roster_id           UUID                     NOT NULL REFERENCES duty_roster (id),
    unit_id             UUID                     NOT NULL REFERENCES unit (id),
    slot_id             UUID                     NOT NULL REFERENCES duty_slot (id),
    requester_id        UUID                     NOT NULL REFERENCES person (id),
    counterpart_id      UUID                     NOT NULL REFERENCES person (id),
    -- The counterpart's own position given in exchange; null when the counterpart simply takes the shift over.
    counterpart_slot_id UUID REFERENCES duty_slot (id),
    reason              VARCHAR(200)             NOT NULL,
    status              VARCHAR(20)              NOT NULL,
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by        VARCHAR(50)              NOT NULL,
    answered_at         TIMESTAMP WITH TIME ZONE,
    decided_at          TIMESTAMP WITH TIME ZONE,
    decided_by          VARCHAR(50),
    note                VARCHAR(200)
);
CREATE INDEX duty_swap_unit_idx ON duty_swap (unit_id, requested_at);
CREATE INDEX duty_swap_slot_idx ON duty_swap (slot_id);

CREATE TABLE duty_slot_change (
    id             UUID                     NOT NULL PRIMARY KEY,
    roster_id      UUID                     NOT NULL REFERENCES duty_roster (id),
    slot_id        UUID                     NOT NULL REFERENCES duty_slot (id),
    from_person_id UUID REFERENCES person (id),
    to_person_id   UUID REFERENCES person (id),
    cause          VARCHAR(20)              NOT NULL,
    swap_id        UUID REFERENCES duty_swap (id),
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by     VARCHAR(50)              NOT NULL
);
CREATE INDEX duty_slot_change_roster_idx ON duty_slot_change (roster_id, changed_at);
