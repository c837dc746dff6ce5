-- Personal API tokens and Idempotency-Key records belong to users, not to companies: global tables.

CREATE TABLE api_token (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id      VARCHAR(36)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    -- SHA-256 of the secret, hex: the secret itself is shown once and never stored
    secret_hash  CHAR(64)     NOT NULL,
    created_at   VARCHAR(27)  NOT NULL,
    last_used_at VARCHAR(27),
    revoked_at   VARCHAR(27),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_api_token_user ON api_token (user_id);

CREATE TABLE idempotency_record (
    user_id        VARCHAR(36)  NOT NULL,
    idem_key       VARCHAR(200) NOT NULL,
    request_hash   CHAR(64)     NOT NULL,
    status         INTEGER,
    content_type   VARCHAR(100),
    body           TEXT,
    created_at     VARCHAR(27)  NOT NULL,
    PRIMARY KEY (user_id, idem_key),
    CONSTRAINT fk_idempotency_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
