-- Supervision (督促指导, 宝政办发〔2022〕43号 第五章): video roll calls a superior's duty office holds of the units
-- below it (第二十六条), each called unit's leave request, its coming online (第二十二条), the organiser's mark and
-- the report of the points to the unit's head; and requests for video images (第二十三条).

CREATE TABLE roll_call (
    id                 UUID                     NOT NULL PRIMARY KEY,
    organiser_unit_id  UUID                     NOT NULL REFERENCES unit (id),
    starts_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    agenda             VARCHAR(2000)            NOT NULL,
    scheduled_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    scheduled_by       VARCHAR(50)              NOT NULL,
    ended_at           TIMESTAMP WITH TIME ZONE,
    ended_by           VARCHAR(50),
    version            INT                      NOT NULL
);
CREATE INDEX roll_call_organiser_idx ON roll_call (organiser_unit_id, starts_at);

-- One per unit called, in the order the organiser calls them.
CREATE TABLE roll_call_unit (
    roll_call_id        UUID                     NOT NULL REFERENCES roll_call (id),
    unit_id             UUID                     NOT NULL REFERENCES unit (id),
    position            INT                      NOT NULL,
    online_at           TIMESTAMP WITH TIME ZONE,
    online_by           VARCHAR(50),
    leave_reason        VARCHAR(500),
    leave_requested_at  TIMESTAMP WITH TIME ZONE,
    leave_requested_by  VARCHAR(50),
    leave_decision      VARCHAR(10),
    leave_decided_at    TIMESTAMP WITH TIME ZONE,
    leave_decided_by    VARCHAR(50),
    leave_comment       VARCHAR(500),
    result              VARCHAR(20),
    marked_at           TIMESTAMP WITH TIME ZONE,
    marked_by           VARCHAR(50),
    officer_present     BOOLEAN,
    leader_present      BOOLEAN,
    log_in_order        BOOLEAN,
    note                VARCHAR(500),
    reported_at         TIMESTAMP WITH TIME ZONE,
    reported_to         VARCHAR(100),
    reported_by         VARCHAR(50),
    PRIMARY KEY (roll_call_id, unit_id),
    CONSTRAINT roll_call_unit_position_once UNIQUE (roll_call_id, position)
);
CREATE INDEX roll_call_unit_unit_idx ON roll_call_unit (unit_id);

-- A superior's request for a unit's video images; Zhiban carries no video, the unit names the stream it pushed.
CREATE TABLE video_request (
    id                  UUID                     NOT NULL PRIMARY KEY,
    requester_unit_id   UUID                     NOT NULL REFERENCES unit (id),
    unit_id             UUID                     NOT NULL REFERENCES unit (id),
    subject             VARCHAR(200)             NOT NULL,
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by        VARCHAR(50)              NOT NULL,
    pushed_at           TIMESTAMP WITH TIME ZONE,
    pushed_by           VARCHAR(50),
    stream              VARCHAR(300)
);
CREATE INDEX video_request_unit_idx ON video_request (unit_id, requested_at);
CREATE INDEX video_request_requester_idx ON video_request (requester_unit_id, requested_at);
