-- One row per bank transaction that was proposed as a journal entry: what the categorizer suggested, whether it was
-- approved automatically, and what the reviewer decided. It is the review queue and the feedback dataset.
CREATE TABLE proposal (
    company_id             VARCHAR(36)   NOT NULL,
    transaction_id         VARCHAR(36)   NOT NULL,
    entry_id               VARCHAR(36)   NOT NULL,
    txn_date               VARCHAR(10)   NOT NULL,
    description            VARCHAR(1000) NOT NULL,
    counterparty           VARCHAR(300),
    amount_minor           BIGINT        NOT NULL,
    bank_account_id        VARCHAR(36),
    predicted_account_code VARCHAR(20),
    confidence_bp          INTEGER       NOT NULL,
    tier                   VARCHAR(12)   NOT NULL,
    source                 VARCHAR(200),
    rationale              VARCHAR(2000),
    similar_examples       VARCHAR(2000),
    llm_exchange           TEXT,
    outcome                VARCHAR(16)   NOT NULL,
    approved_account_code  VARCHAR(20),
    decided_by             VARCHAR(36),
    decided_at             VARCHAR(27),
    created_at             VARCHAR(27)   NOT NULL,
    PRIMARY KEY (company_id, transaction_id),
    CONSTRAINT fk_proposal_entry FOREIGN KEY (company_id, entry_id) REFERENCES journal_entry (company_id, id),
    CONSTRAINT ck_proposal_outcome CHECK (outcome IN ('QUEUED', 'AUTO_APPROVED', 'APPROVED', 'CORRECTED', 'REJECTED', 'MATCHED')),
    CONSTRAINT ck_proposal_confidence CHECK (confidence_bp BETWEEN 0 AND 10000)
);
CREATE INDEX ix_proposal_entry ON proposal (company_id, entry_id);
CREATE INDEX ix_proposal_outcome ON proposal (company_id, outcome, txn_date);
