-- Files attached to duty-log entries (a fax scan, a photo from the scene, a notice): type-checked by name and by
-- content, size-limited, never deleted. The SHA-256 of each file is kept here and in the (chained) audit trail.
CREATE TABLE duty_log_attachment (
    id           UUID                     NOT NULL PRIMARY KEY,
    entry_id     UUID                     NOT NULL,
    unit_id      UUID                     NOT NULL REFERENCES unit (id),
    file_name    VARCHAR(200)             NOT NULL,
    content_type VARCHAR(100)             NOT NULL,
    size_bytes   BIGINT                   NOT NULL,
    sha256       VARCHAR(64)              NOT NULL,
    content      BYTEA                    NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    uploaded_by  VARCHAR(50)              NOT NULL
);
CREATE INDEX duty_log_attachment_entry_idx ON duty_log_attachment (entry_id);
