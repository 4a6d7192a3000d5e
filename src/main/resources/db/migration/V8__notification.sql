-- Notifications: in-app messages per account, the channels each account chose, and every delivery attempt.

CREATE TABLE notification (
    id            UUID                     NOT NULL PRIMARY KEY,
    account_id    UUID                     NOT NULL REFERENCES account (id),
    category      VARCHAR(30)              NOT NULL,
    title         VARCHAR(200)             NOT NULL,
    unit_name     VARCHAR(100),
    deadline      TIMESTAMP WITH TIME ZONE,
    link          VARCHAR(300),
    obligation_id UUID,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notification_account_idx ON notification (account_id, created_at);
-- An event handled twice (after a crash) must not notify twice.
CREATE UNIQUE INDEX notification_once_idx ON notification (account_id, obligation_id, category);

CREATE TABLE notification_channel (
    account_id UUID         NOT NULL REFERENCES account (id),
    channel    VARCHAR(20)  NOT NULL,
    address    VARCHAR(200) NOT NULL,
    enabled    BOOLEAN      NOT NULL,
    PRIMARY KEY (account_id, channel)
);

CREATE TABLE notification_delivery (
    id              UUID                     NOT NULL PRIMARY KEY,
    notification_id UUID                     NOT NULL REFERENCES notification (id),
    channel         VARCHAR(20)              NOT NULL,
    address         VARCHAR(200)             NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    attempts        INT                      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500),
    sent_at         TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX notification_delivery_due_idx ON notification_delivery (next_attempt_at);
CREATE INDEX notification_delivery_notification_idx ON notification_delivery (notification_id);

CREATE TABLE notification_attempt (
    delivery_id  UUID                     NOT NULL REFERENCES notification_delivery (id),
    attempt      INT                      NOT NULL,
    attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome      VARCHAR(20)              NOT NULL,
    detail       VARCHAR(500),
    PRIMARY KEY (delivery_id, attempt)
);
