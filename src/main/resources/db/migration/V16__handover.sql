-- Handovers: one per unit and shift, prepared (and revised) by the outgoing officer, accepted by the incoming one.
-- Once accepted it is final; both confirmations keep who and when.
CREATE TABLE handover (
    id                UUID                     NOT NULL PRIMARY KEY,
    unit_id           UUID                     NOT NULL REFERENCES unit (id),
    shift_start       TIMESTAMP WITH TIME ZONE NOT NULL,
    shift_end         TIMESTAMP WITH TIME ZONE NOT NULL,
    status            VARCHAR(30)              NOT NULL,
    notes             VARCHAR(2000),
    prepared_by       VARCHAR(50)              NOT NULL,
    prepared_by_name  VARCHAR(50)              NOT NULL,
    prepared_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_by       VARCHAR(50),
    accepted_by_name  VARCHAR(50),
    accepted_at       TIMESTAMP WITH TIME ZONE,
    acceptance_remark VARCHAR(500)
);
CREATE UNIQUE INDEX handover_shift_idx ON handover (unit_id, shift_start);

CREATE TABLE handover_item (
    handover_id   UUID         NOT NULL REFERENCES handover (id),
    position      INT          NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    content       VARCHAR(500) NOT NULL,
    entry_id      UUID,
    obligation_id UUID,
    PRIMARY KEY (handover_id, position)
);

CREATE TABLE handover_equipment (
    handover_id UUID         NOT NULL REFERENCES handover (id),
    position    INT          NOT NULL,
    name        VARCHAR(50)  NOT NULL,
    in_order    BOOLEAN      NOT NULL,
    remark      VARCHAR(200),
    PRIMARY KEY (handover_id, position)
);
