-- Each unit's quarterly directory review (第二十五条: 每季度最后一周安排对数据进行检查和更新): the row is the once-guard of
-- its obligation on any number of instances, and keeps when and by whom it was done.
CREATE TABLE directory_review (
    unit_id      UUID                     NOT NULL REFERENCES unit (id),
    quarter      VARCHAR(6)               NOT NULL,
    opens_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    citation     VARCHAR(200),
    reviewed_at  TIMESTAMP WITH TIME ZONE,
    reviewed_by  VARCHAR(50),
    note         VARCHAR(500),
    PRIMARY KEY (unit_id, quarter)
);
CREATE INDEX directory_review_reviewed_idx ON directory_review (unit_id, reviewed_at);
