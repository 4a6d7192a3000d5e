-- The unit tree and the people in it.

CREATE TABLE unit (
    id               UUID                     NOT NULL PRIMARY KEY,
    parent_id        UUID REFERENCES unit (id),
    name             VARCHAR(100)             NOT NULL,
    kind             VARCHAR(40)              NOT NULL,
    level            VARCHAR(20)              NOT NULL,
    duty_office_name VARCHAR(100),
    duty_phone       VARCHAR(30),
    fax              VARCHAR(30),
    address          VARCHAR(200),
    postcode         VARCHAR(6),
    sort_order       INT                      NOT NULL,
    version          INT                      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX unit_parent_idx ON unit (parent_id);
CREATE INDEX unit_name_idx ON unit (name);

-- Closure table: one row per (ancestor, descendant) pair, the unit itself included at depth 0.
-- Subtree reads and data-scope checks become indexed look-ups on both databases.
CREATE TABLE unit_closure (
    ancestor_id   UUID NOT NULL REFERENCES unit (id),
    descendant_id UUID NOT NULL REFERENCES unit (id),
    depth         INT  NOT NULL,
    PRIMARY KEY (ancestor_id, descendant_id)
);
CREATE INDEX unit_closure_descendant_idx ON unit_closure (descendant_id, depth);

CREATE TABLE person (
    id              UUID                     NOT NULL PRIMARY KEY,
    unit_id         UUID                     NOT NULL REFERENCES unit (id),
    name            VARCHAR(50)              NOT NULL,
    position        VARCHAR(100),
    mobile          VARCHAR(20),
    office_phone    VARCHAR(30),
    employment_type VARCHAR(40)              NOT NULL,
    remark          VARCHAR(500),
    active          BOOLEAN                  NOT NULL,
    sort_order      INT                      NOT NULL,
    version         INT                      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX person_unit_idx ON person (unit_id, sort_order);
CREATE INDEX person_name_idx ON person (name);
