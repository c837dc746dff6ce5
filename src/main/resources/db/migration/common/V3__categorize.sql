-- Categorization: company rules, vendor memory, the review-decision log, learned models, approval overrides.
-- Portable on SQLite and PostgreSQL: model bytes are Base64 TEXT (no BLOB/BYTEA split); confidences are basis points.

CREATE TABLE category_rule (
    company_id VARCHAR(36)  NOT NULL,
    id         VARCHAR(100) NOT NULL,
    priority   INTEGER      NOT NULL DEFAULT 0,
    definition TEXT         NOT NULL,
    created_at VARCHAR(27)  NOT NULL,
    PRIMARY KEY (company_id, id),
    CONSTRAINT fk_category_rule_company FOREIGN KEY (company_id) REFERENCES company (id)
);

-- the CACHE tier: per company, what reviewers (source REVIEW) or, before review, the LLM (source LLM) chose per vendor
CREATE TABLE category_vendor_memory (
    company_id        VARCHAR(36)  NOT NULL,
    vendor            VARCHAR(200) NOT NULL,
    account_code      VARCHAR(20)  NOT NULL,
    agreements        INTEGER      NOT NULL,
    decisions         INTEGER      NOT NULL,
    source            VARCHAR(10)  NOT NULL,
    llm_confidence_bp INTEGER,
    updated_at        VARCHAR(27)  NOT NULL,
    PRIMARY KEY (company_id, vendor),
    CONSTRAINT fk_category_memory_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT ck_category_memory_source CHECK (source IN ('REVIEW', 'LLM')),
    CONSTRAINT ck_category_memory_counts CHECK (agreements >= 0 AND agreements <= decisions)
);

-- every review decision, the training data for retraining and the evidence for rule proposals
CREATE TABLE category_decision (
    company_id      VARCHAR(36)  NOT NULL,
    id              VARCHAR(36)  NOT NULL,
    decided_at      VARCHAR(27)  NOT NULL,
    transaction_id  VARCHAR(100),
    txn_date        VARCHAR(10),
    description     VARCHAR(500) NOT NULL,
    counterparty    VARCHAR(200),
    amount_minor    BIGINT       NOT NULL,
    currency        CHAR(3)      NOT NULL,
    bank_account_id VARCHAR(36),
    vendor          VARCHAR(200) NOT NULL,
    account_code    VARCHAR(20)  NOT NULL,
    outcome         VARCHAR(10)  NOT NULL,
    PRIMARY KEY (company_id, id),
    CONSTRAINT fk_category_decision_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT ck_category_decision_outcome CHECK (outcome IN ('CONFIRMED', 'CORRECTED'))
);
CREATE INDEX ix_category_decision_vendor ON category_decision (company_id, vendor);

CREATE TABLE category_model (
    company_id   VARCHAR(36) NOT NULL,
    id           VARCHAR(36) NOT NULL,
    version      INTEGER     NOT NULL,
    created_at   VARCHAR(27) NOT NULL,
    metrics      TEXT        NOT NULL,
    model_base64 TEXT        NOT NULL,
    active       INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (company_id, id),
    CONSTRAINT uq_category_model_version UNIQUE (company_id, version),
    CONSTRAINT fk_category_model_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT ck_category_model_active CHECK (active IN (0, 1))
);

-- the fallback for companies without enough history of their own; not company data, so no company_id
CREATE TABLE category_global_model (
    id           VARCHAR(36) NOT NULL PRIMARY KEY,
    version      INTEGER     NOT NULL,
    created_at   VARCHAR(27) NOT NULL,
    metrics      TEXT        NOT NULL,
    model_base64 TEXT        NOT NULL,
    active       INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT uq_category_global_model_version UNIQUE (version),
    CONSTRAINT ck_category_global_model_active CHECK (active IN (0, 1))
);

-- threshold_bp NULL means "never auto-approve" what the override covers
CREATE TABLE category_approval_override (
    company_id       VARCHAR(36) NOT NULL,
    id               VARCHAR(36) NOT NULL,
    account_code     VARCHAR(20),
    min_amount_minor BIGINT,
    max_amount_minor BIGINT,
    threshold_bp     INTEGER,
    created_at       VARCHAR(27) NOT NULL,
    PRIMARY KEY (company_id, id),
    CONSTRAINT fk_category_override_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT ck_category_override_threshold CHECK (threshold_bp IS NULL OR threshold_bp BETWEEN 0 AND 10000)
);
