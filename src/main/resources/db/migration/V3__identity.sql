-- Accounts, their roles and API tokens.

CREATE TABLE account (
    id                  UUID                     NOT NULL PRIMARY KEY,
    username            VARCHAR(50)              NOT NULL,
    password_hash       VARCHAR(200)             NOT NULL,
    display_name        VARCHAR(50)              NOT NULL,
    person_id           UUID REFERENCES person (id),
    unit_id             UUID REFERENCES unit (id),
    enabled             BOOLEAN                  NOT NULL,
    failed_attempts     INT                      NOT NULL,
    locked_until        TIMESTAMP WITH TIME ZONE,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             INT                      NOT NULL
);
CREATE UNIQUE INDEX account_username_idx ON account (username);
CREATE INDEX account_unit_idx ON account (unit_id);

CREATE TABLE account_role (
    account_id UUID        NOT NULL REFERENCES account (id),
    role       VARCHAR(30) NOT NULL,
    PRIMARY KEY (account_id, role)
);

-- Only a SHA-256 of each token is kept: a copy of the table does not let anyone in.
CREATE TABLE api_token (
    token_hash   VARCHAR(64)              NOT NULL PRIMARY KEY,
    account_id   UUID                     NOT NULL REFERENCES account (id),
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked      BOOLEAN                  NOT NULL
);
CREATE INDEX api_token_account_idx ON api_token (account_id);
