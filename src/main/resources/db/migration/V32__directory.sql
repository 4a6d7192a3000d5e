-- The duty directory (宝政办发〔2022〕43号 第九条): what each person is in it, beside the free-text post.
ALTER TABLE person ADD COLUMN directory_roles VARCHAR(300);

-- Every change to a person's directory entry, field by field: who, when, the old and the new value. Numbers are kept
-- masked here; the entry itself holds them sealed.
CREATE TABLE person_change (
    id          UUID                     NOT NULL PRIMARY KEY,
    person_id   UUID                     NOT NULL REFERENCES person (id),
    unit_id     UUID                     NOT NULL REFERENCES unit (id),
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by  VARCHAR(50)              NOT NULL,
    field       VARCHAR(40)              NOT NULL,
    old_value   VARCHAR(600),
    new_value   VARCHAR(600)
);
CREATE INDEX person_change_person_idx ON person_change (person_id, changed_at);

-- A principal leader's absence notice (外出请假报备, 第十五条: 提前3天), with the deadline and article of the filing
-- unit's policy when it filed, the superior's decision where its policy asks for approval (X区 第十条), and the return.
CREATE TABLE absence_notice (
    id                UUID                     NOT NULL PRIMARY KEY,
    unit_id           UUID                     NOT NULL REFERENCES unit (id),
    superior_id       UUID                     REFERENCES unit (id),
    person_id         UUID                     NOT NULL REFERENCES person (id),
    reason            VARCHAR(200)             NOT NULL,
    destination       VARCHAR(100)             NOT NULL,
    depart_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    return_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    acting_person_id  UUID                     REFERENCES person (id),
    contact           VARCHAR(300),
    urgent            BOOLEAN                  NOT NULL,
    phoned_at         TIMESTAMP WITH TIME ZONE,
    filed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    counted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    filed_by          VARCHAR(50)              NOT NULL,
    due_at            TIMESTAMP WITH TIME ZONE,
    late              BOOLEAN                  NOT NULL,
    citation          VARCHAR(200),
    approval_citation VARCHAR(200),
    status            VARCHAR(20)              NOT NULL,
    decided_at        TIMESTAMP WITH TIME ZONE,
    decided_by        VARCHAR(50),
    decision_comment  VARCHAR(200),
    returned_at       TIMESTAMP WITH TIME ZONE,
    return_recorded_by VARCHAR(50),
    version           INT                      NOT NULL
);
CREATE INDEX absence_notice_unit_idx ON absence_notice (unit_id, depart_at);
CREATE INDEX absence_notice_superior_idx ON absence_notice (superior_id, depart_at);
CREATE INDEX absence_notice_return_idx ON absence_notice (status, return_at);

-- An obituary notice (讣告, 第十四条（七）, 第十五条: 遗体送别活动前2天).
CREATE TABLE obituary_notice (
    id              UUID                     NOT NULL PRIMARY KEY,
    unit_id         UUID                     NOT NULL REFERENCES unit (id),
    superior_id     UUID                     REFERENCES unit (id),
    name            VARCHAR(50)              NOT NULL,
    former_post     VARCHAR(200)             NOT NULL,
    category        VARCHAR(30)              NOT NULL,
    died_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    place           VARCHAR(100),
    farewell_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    farewell_place  VARCHAR(100)             NOT NULL,
    contact         VARCHAR(50)              NOT NULL,
    contact_phone   VARCHAR(200)             NOT NULL,
    filed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    filed_by        VARCHAR(50)              NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE,
    late            BOOLEAN                  NOT NULL,
    citation        VARCHAR(200)
);
CREATE INDEX obituary_notice_unit_idx ON obituary_notice (unit_id, filed_at);
CREATE INDEX obituary_notice_superior_idx ON obituary_notice (superior_id, filed_at);
