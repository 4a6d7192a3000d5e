-- Files attached to an instruction: by the registering office (the leader's written instruction, the document it is
-- on) or by an acting unit to its own feedback (assignment_id). Type-checked by name and content, at most 10 MB,
-- never deleted; the SHA-256 of each is kept here and in the chained audit trail.
CREATE TABLE instruction_attachment (
    id              UUID                     NOT NULL PRIMARY KEY,
    instruction_id  UUID                     NOT NULL REFERENCES instruction (id),
    assignment_id   UUID REFERENCES instruction_assignment (id),
    unit_id         UUID                     NOT NULL REFERENCES unit (id),
    file_name       VARCHAR(200)             NOT NULL,
    content_type    VARCHAR(100)             NOT NULL,
    size_bytes      BIGINT                   NOT NULL,
    sha256          VARCHAR(64)              NOT NULL,
    content         BYTEA                    NOT NULL,
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    uploaded_by     VARCHAR(50)              NOT NULL
);
CREATE INDEX instruction_attachment_instruction_idx ON instruction_attachment (instruction_id);
