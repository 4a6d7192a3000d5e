-- Duty policies: rule sets with their document numbers, each rule value citing its article; the unit each
-- policy governs (with its subtree); and the values units below have tightened.

CREATE TABLE duty_policy (
    id              UUID         NOT NULL PRIMARY KEY,
    code            VARCHAR(40)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    document_number VARCHAR(100) NOT NULL,
    issuer          VARCHAR(200),
    issued_on       DATE
);
CREATE UNIQUE INDEX duty_policy_code_idx ON duty_policy (code);

CREATE TABLE policy_rule (
    policy_id       UUID          NOT NULL REFERENCES duty_policy (id),
    rule_key        VARCHAR(60)   NOT NULL,
    value_type      VARCHAR(20)   NOT NULL,
    rule_value      VARCHAR(100)  NOT NULL,
    article         VARCHAR(100)  NOT NULL,
    excerpt         VARCHAR(1000),
    to_be_confirmed BOOLEAN       NOT NULL,
    note            VARCHAR(500),
    PRIMARY KEY (policy_id, rule_key)
);

CREATE TABLE policy_attachment (
    unit_id     UUID                     NOT NULL PRIMARY KEY REFERENCES unit (id),
    policy_id   UUID                     NOT NULL REFERENCES duty_policy (id),
    adopted_by  VARCHAR(200),
    attached_by VARCHAR(50)              NOT NULL,
    attached_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE policy_override (
    unit_id    UUID                     NOT NULL REFERENCES unit (id),
    rule_key   VARCHAR(60)              NOT NULL,
    value_type VARCHAR(20)              NOT NULL,
    rule_value VARCHAR(100)             NOT NULL,
    citation   VARCHAR(200)             NOT NULL,
    set_by     VARCHAR(50)              NOT NULL,
    set_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (unit_id, rule_key)
);
