-- Statement and receipt import (module ingest). Idempotence is a property of the schema, not of the code:
-- uq_bank_txn_fingerprint makes a re-imported line a no-op under INSERT .. ON CONFLICT DO NOTHING.

-- Which ledger bank account a statement's own account name (CSV Account column, OFX ACCTID, CAMT IBAN) means.
CREATE TABLE statement_account (
    company_id   VARCHAR(36)  NOT NULL,
    external_ref VARCHAR(100) NOT NULL,
    account_id   VARCHAR(36)  NOT NULL,
    created_at   VARCHAR(27)  NOT NULL,
    PRIMARY KEY (company_id, external_ref),
    CONSTRAINT fk_statement_account_account FOREIGN KEY (company_id, account_id) REFERENCES account (company_id, id)
);

-- CSV layouts a company has corrected and saved, as the YAML the user saw.
CREATE TABLE bank_profile (
    company_id VARCHAR(36)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    yaml       TEXT         NOT NULL,
    updated_at VARCHAR(27)  NOT NULL,
    PRIMARY KEY (company_id, name),
    CONSTRAINT fk_bank_profile_company FOREIGN KEY (company_id) REFERENCES company (id)
);

-- One row per imported file, failed ones included (status FAILED, error names the line).
CREATE TABLE import_batch (
    company_id     VARCHAR(36)  NOT NULL,
    id             VARCHAR(36)  NOT NULL,
    file_name      VARCHAR(500) NOT NULL,
    sha256         CHAR(64),
    format         VARCHAR(10)  NOT NULL,
    profile        TEXT,
    status         VARCHAR(10)  NOT NULL,
    rows_read      INTEGER      NOT NULL DEFAULT 0,
    rows_new       INTEGER      NOT NULL DEFAULT 0,
    rows_duplicate INTEGER      NOT NULL DEFAULT 0,
    rows_rejected  INTEGER      NOT NULL DEFAULT 0,
    errors         TEXT,
    created_at     VARCHAR(27)  NOT NULL,
    PRIMARY KEY (company_id, id),
    CONSTRAINT fk_import_batch_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT ck_import_batch_status CHECK (status IN ('IMPORTED', 'FAILED'))
);
CREATE INDEX ix_import_batch_sha ON import_batch (company_id, sha256);

CREATE TABLE bank_transaction (
    company_id             VARCHAR(36)   NOT NULL,
    id                     VARCHAR(36)   NOT NULL,
    bank_account_id        VARCHAR(36)   NOT NULL,
    batch_id               VARCHAR(36)   NOT NULL,
    booking_date           VARCHAR(10)   NOT NULL,
    value_date             VARCHAR(10),
    amount_minor           BIGINT        NOT NULL,
    currency               CHAR(3)       NOT NULL,
    description            VARCHAR(1000) NOT NULL,
    normalized_description VARCHAR(1000) NOT NULL,
    counterparty           VARCHAR(300),
    reference              VARCHAR(200),
    bank_txn_id            VARCHAR(200),
    fingerprint            VARCHAR(250)  NOT NULL,
    occurrence             INTEGER       NOT NULL,
    status                 VARCHAR(10)   NOT NULL,
    linked_to              VARCHAR(36),
    transfer_pair_id       VARCHAR(36),
    source_line            INTEGER       NOT NULL,
    created_at             VARCHAR(27)   NOT NULL,
    PRIMARY KEY (company_id, id),
    CONSTRAINT uq_bank_txn_fingerprint UNIQUE (company_id, bank_account_id, fingerprint),
    CONSTRAINT fk_bank_txn_account FOREIGN KEY (company_id, bank_account_id) REFERENCES account (company_id, id),
    CONSTRAINT fk_bank_txn_batch FOREIGN KEY (company_id, batch_id) REFERENCES import_batch (company_id, id),
    CONSTRAINT fk_bank_txn_linked FOREIGN KEY (company_id, linked_to) REFERENCES bank_transaction (company_id, id),
    CONSTRAINT ck_bank_txn_status CHECK (status IN ('BOOKED', 'PENDING')),
    CONSTRAINT ck_bank_txn_date CHECK (booking_date LIKE '____-__-__')
);
CREATE INDEX ix_bank_txn_batch ON bank_transaction (company_id, batch_id);
CREATE INDEX ix_bank_txn_account_date ON bank_transaction (company_id, bank_account_id, booking_date);
-- "is this pending line confirmed?": only the few linked rows are indexed (partial indexes run on both engines)
CREATE INDEX ix_bank_txn_linked ON bank_transaction (company_id, linked_to) WHERE linked_to IS NOT NULL;
-- transfer pairing looks a few days around a date; dates arrive mostly in order, so this index is cheap to grow
CREATE INDEX ix_bank_txn_date ON bank_transaction (company_id, booking_date);

-- Balances the bank stated (opening, closing, running), kept as assertions for reconciliation.
CREATE TABLE statement_balance (
    company_id      VARCHAR(36) NOT NULL,
    id              VARCHAR(36) NOT NULL,
    bank_account_id VARCHAR(36) NOT NULL,
    as_of_date      VARCHAR(10) NOT NULL,
    balance_minor   BIGINT      NOT NULL,
    currency        CHAR(3)     NOT NULL,
    kind            VARCHAR(10) NOT NULL,
    source          VARCHAR(20) NOT NULL,
    sequence_no     VARCHAR(40),
    batch_id        VARCHAR(36) NOT NULL,
    PRIMARY KEY (company_id, id),
    CONSTRAINT fk_statement_balance_account FOREIGN KEY (company_id, bank_account_id) REFERENCES account (company_id, id),
    CONSTRAINT fk_statement_balance_batch FOREIGN KEY (company_id, batch_id) REFERENCES import_batch (company_id, id),
    CONSTRAINT ck_statement_balance_kind CHECK (kind IN ('OPENING', 'CLOSING'))
);
CREATE INDEX ix_statement_balance_account ON statement_balance (company_id, bank_account_id, as_of_date);

-- Receipts and other documents, parsed for what reconciliation matches on.
CREATE TABLE document (
    company_id     VARCHAR(36)  NOT NULL,
    id             VARCHAR(36)  NOT NULL,
    file_name      VARCHAR(500) NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    content_type   VARCHAR(100) NOT NULL,
    extracted_text TEXT,
    vendor         VARCHAR(300),
    document_date  VARCHAR(10),
    total_minor    BIGINT,
    currency       CHAR(3),
    created_at     VARCHAR(27)  NOT NULL,
    PRIMARY KEY (company_id, id),
    CONSTRAINT uq_document_sha UNIQUE (company_id, sha256),
    CONSTRAINT fk_document_company FOREIGN KEY (company_id) REFERENCES company (id)
);
CREATE INDEX ix_document_date ON document (company_id, document_date);
