-- The (bank line, entry) pairs a person unmatched: the matching engine never pairs them again, so that an unmatch
-- survives the next reconciliation run. A manual match of the same pair removes the row.
CREATE TABLE reconciliation_declined (
    company_id   VARCHAR(36) NOT NULL,
    bank_line_id VARCHAR(36) NOT NULL,
    entry_id     VARCHAR(36) NOT NULL,
    declined_at  VARCHAR(27) NOT NULL,
    declined_by  VARCHAR(36),
    PRIMARY KEY (company_id, bank_line_id, entry_id),
    CONSTRAINT fk_reconciliation_declined_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT fk_reconciliation_declined_entry FOREIGN KEY (company_id, entry_id) REFERENCES journal_entry (company_id, id)
);
-- the foreign key's own lookup, when an entry is deleted, and the release of a rejected or reversed entry's rows
CREATE INDEX ix_reconciliation_declined_entry ON reconciliation_declined (company_id, entry_id);
