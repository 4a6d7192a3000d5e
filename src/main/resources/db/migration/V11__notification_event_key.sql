-- Messages about things other than obligations (e.g. a swap awaiting approval) carry the key of the event that
-- caused them, so that an event handled twice after a crash still notifies once.
ALTER TABLE notification ADD COLUMN event_key VARCHAR(100);
CREATE UNIQUE INDEX notification_event_once_idx ON notification (account_id, event_key);
