-- One schema for SQLite (embedded default) and PostgreSQL (production). Portable choices, and why:
--  * ids are UUID text (VARCHAR(36)): both engines compare and index them the same way;
--  * calendar dates are ISO-8601 text 'YYYY-MM-DD' and instants are fixed-width UTC text
--    'YYYY-MM-DDTHH:MM:SS.ffffffZ', so that ordering and range filters are plain string comparisons on both;
--  * money is BIGINT minor units (cents) with the currency beside it; never a floating type;
--  * every company-data table has company_id NOT NULL, first in its primary key and in every unique key and
--    foreign key, so that the schema can be distributed by company (Citus) without a rewrite.

CREATE TABLE app_user (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    created_at    VARCHAR(27)  NOT NULL,
    CONSTRAINT uq_app_user_email UNIQUE (email)
);

CREATE TABLE company (
    id                        VARCHAR(36)  NOT NULL PRIMARY KEY,
    name                      VARCHAR(200) NOT NULL,
    business_type             VARCHAR(40)  NOT NULL,
    currency                  CHAR(3)      NOT NULL,
    fiscal_year_start_month   INTEGER      NOT NULL DEFAULT 1,
    time_zone                 VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    auto_approve_threshold_bp INTEGER      NOT NULL DEFAULT 8500,
    lock_date                 VARCHAR(10),
    created_at                VARCHAR(27)  NOT NULL,
    CONSTRAINT ck_company_fiscal_month CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
    CONSTRAINT ck_company_threshold CHECK (auto_approve_threshold_bp BETWEEN 0 AND 10000),
    CONSTRAINT uq_company_name UNIQUE (name)
);

CREATE TABLE membership (
    company_id VARCHAR(36) NOT NULL,
    user_id    VARCHAR(36) NOT NULL,
    role       VARCHAR(16) NOT NULL,
    created_at VARCHAR(27) NOT NULL,
    PRIMARY KEY (company_id, user_id),
    CONSTRAINT fk_membership_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT fk_membership_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT ck_membership_role CHECK (role IN ('OWNER', 'ACCOUNTANT', 'VIEWER'))
);
CREATE INDEX ix_membership_user ON membership (user_id);

CREATE TABLE account (
    company_id VARCHAR(36)  NOT NULL,
    id         VARCHAR(36)  NOT NULL,
    code       VARCHAR(20)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    type       VARCHAR(16)  NOT NULL,
    is_bank    INTEGER      NOT NULL DEFAULT 0,
    active     INTEGER      NOT NULL DEFAULT 1,
    PRIMARY KEY (company_id, id),
    CONSTRAINT uq_account_code UNIQUE (company_id, code),
    CONSTRAINT fk_account_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT ck_account_type CHECK (type IN ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE')),
    CONSTRAINT ck_account_bank CHECK (is_bank IN (0, 1) AND (is_bank = 0 OR type IN ('ASSET', 'LIABILITY')))
);

CREATE TABLE journal_entry (
    company_id  VARCHAR(36)  NOT NULL,
    id          VARCHAR(36)  NOT NULL,
    entry_date  VARCHAR(10)  NOT NULL,
    description VARCHAR(500) NOT NULL,
    memo        VARCHAR(2000),
    status      VARCHAR(10)  NOT NULL,
    source      VARCHAR(16)  NOT NULL,
    currency    CHAR(3)      NOT NULL,
    reversal_of VARCHAR(36),
    created_by  VARCHAR(36),
    created_at  VARCHAR(27)  NOT NULL,
    decided_by  VARCHAR(36),
    decided_at  VARCHAR(27),
    posted_at   VARCHAR(27),
    version     INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (company_id, id),
    CONSTRAINT fk_entry_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT fk_entry_reversal FOREIGN KEY (company_id, reversal_of) REFERENCES journal_entry (company_id, id),
    CONSTRAINT uq_entry_reversal UNIQUE (company_id, reversal_of),
    CONSTRAINT ck_entry_status CHECK (status IN ('PROPOSED', 'APPROVED', 'POSTED', 'REJECTED')),
    CONSTRAINT ck_entry_date CHECK (entry_date LIKE '____-__-__')
);
CREATE INDEX ix_entry_status_date ON journal_entry (company_id, status, entry_date);
CREATE INDEX ix_entry_date ON journal_entry (company_id, entry_date);

CREATE TABLE journal_line (
    company_id   VARCHAR(36)  NOT NULL,
    entry_id     VARCHAR(36)  NOT NULL,
    line_no      INTEGER      NOT NULL,
    account_id   VARCHAR(36)  NOT NULL,
    debit_minor  BIGINT       NOT NULL DEFAULT 0,
    credit_minor BIGINT       NOT NULL DEFAULT 0,
    memo         VARCHAR(500),
    PRIMARY KEY (company_id, entry_id, line_no),
    CONSTRAINT fk_line_entry FOREIGN KEY (company_id, entry_id) REFERENCES journal_entry (company_id, id),
    CONSTRAINT fk_line_account FOREIGN KEY (company_id, account_id) REFERENCES account (company_id, id),
    -- a line is a debit or a credit, never both, never zero
    CONSTRAINT ck_line_one_side CHECK ((debit_minor > 0 AND credit_minor = 0) OR (credit_minor > 0 AND debit_minor = 0))
);
CREATE INDEX ix_line_account ON journal_line (company_id, account_id);

CREATE TABLE audit_event (
    company_id   VARCHAR(36)  NOT NULL,
    id           VARCHAR(36)  NOT NULL,
    occurred_at  VARCHAR(27)  NOT NULL,
    actor        VARCHAR(36),
    action       VARCHAR(60)  NOT NULL,
    subject_type VARCHAR(40)  NOT NULL,
    subject_id   VARCHAR(36)  NOT NULL,
    detail       VARCHAR(2000),
    PRIMARY KEY (company_id, id),
    CONSTRAINT fk_audit_company FOREIGN KEY (company_id) REFERENCES company (id)
);
CREATE INDEX ix_audit_subject ON audit_event (company_id, subject_type, subject_id);
