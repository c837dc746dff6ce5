-- Reconciliation: bank statement lines matched to journal entries, and documents (receipts, bills) linked to entries.
-- bank_line_id and document_id are VARCHAR(36) without foreign keys for now: the tables that own those ids (bank
-- transactions, receipts) belong to the ingest module and get their foreign keys when the modules are merged.

-- The bank lines the reconciler has been given, so that the reconciliation rate and the orphans of a period can be
-- answered from the database. A mirror of what ingest imports; written idempotently.
CREATE TABLE reconcile_bank_line (
    company_id   VARCHAR(36)  NOT NULL,
    bank_line_id VARCHAR(36)  NOT NULL,
    account_id   VARCHAR(36)  NOT NULL,
    line_date    VARCHAR(10)  NOT NULL,
    amount_minor BIGINT       NOT NULL,
    currency     CHAR(3)      NOT NULL,
    description  VARCHAR(500) NOT NULL,
    recorded_at  VARCHAR(27)  NOT NULL,
    PRIMARY KEY (company_id, bank_line_id),
    CONSTRAINT fk_reconcile_line_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT fk_reconcile_line_account FOREIGN KEY (company_id, account_id) REFERENCES account (company_id, id),
    CONSTRAINT ck_reconcile_line_date CHECK (line_date LIKE '____-__-__')
);
CREATE INDEX ix_reconcile_line_date ON reconcile_bank_line (company_id, line_date);

-- One row per (bank line, entry). An entry is matched at most once (uq_reconciliation_entry). A bank line has one
-- row for a single-entry match and several for a many-to-one (or a manual match of several entries); sole_line_id
-- repeats bank_line_id on the rows of single-entry matches and is NULL on the others, so that its unique key says
-- "at most one single-entry match per bank line" on both engines (unique keys ignore NULLs on SQLite and PostgreSQL).
-- That a line never has both a single-entry and a multi-entry match is enforced by the reconciler, not here.
CREATE TABLE reconciliation_match (
    company_id   VARCHAR(36)  NOT NULL,
    id           VARCHAR(36)  NOT NULL,
    bank_line_id VARCHAR(36)  NOT NULL,
    sole_line_id VARCHAR(36),
    entry_id     VARCHAR(36)  NOT NULL,
    kind         VARCHAR(12)  NOT NULL,
    score_bp     INTEGER      NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    created_at   VARCHAR(27)  NOT NULL,
    created_by   VARCHAR(36),
    PRIMARY KEY (company_id, id),
    CONSTRAINT uq_reconciliation_entry UNIQUE (company_id, entry_id),
    CONSTRAINT uq_reconciliation_sole_line UNIQUE (company_id, sole_line_id),
    CONSTRAINT fk_reconciliation_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT fk_reconciliation_entry FOREIGN KEY (company_id, entry_id) REFERENCES journal_entry (company_id, id),
    CONSTRAINT ck_reconciliation_kind CHECK (kind IN ('EXACT', 'HEURISTIC', 'MANY_TO_ONE', 'MANUAL')),
    CONSTRAINT ck_reconciliation_score CHECK (score_bp BETWEEN 0 AND 10000),
    CONSTRAINT ck_reconciliation_sole CHECK (sole_line_id IS NULL OR (sole_line_id = bank_line_id AND kind <> 'MANY_TO_ONE'))
);
CREATE INDEX ix_reconciliation_line ON reconciliation_match (company_id, bank_line_id);

-- A document attached to the entry that paid it; a document is attached once.
CREATE TABLE document_link (
    company_id  VARCHAR(36)  NOT NULL,
    document_id VARCHAR(36)  NOT NULL,
    entry_id    VARCHAR(36)  NOT NULL,
    score_bp    INTEGER      NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    created_at  VARCHAR(27)  NOT NULL,
    created_by  VARCHAR(36),
    PRIMARY KEY (company_id, document_id),
    CONSTRAINT fk_document_link_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT fk_document_link_entry FOREIGN KEY (company_id, entry_id) REFERENCES journal_entry (company_id, id),
    CONSTRAINT ck_document_link_score CHECK (score_bp BETWEEN 0 AND 10000)
);
CREATE INDEX ix_document_link_entry ON document_link (company_id, entry_id);
