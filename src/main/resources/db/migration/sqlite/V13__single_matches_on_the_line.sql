-- SQLite. A bank line matched to one entry (every line an entry was booked from, most lines the engine matches, a
-- manual match of one entry) keeps its match in the reconciler's own row of the line instead of a reconciliation_match
-- row; reconciliation_match keeps the matches of two entries or more (many-to-one, a manual match of several). ADR 0001,
-- D1's first step: a line booked from cost a bank line, an entry, a proposal, the reconciler's line and a match; the
-- match row, with its four B-trees (key, entry, sole line, line) goes.
--   match_entry_id   the entry the line is matched to; unique per company, as a match row's entry was
--   match_kind       EXACT, HEURISTIC or MANUAL (a many-to-one match has several entries, so it is never here)
--   match_score_bp   the engine's score, 0..10000
--   match_reason     why, as the engine or the person put it
--   matched_at/by    when, and who (NULL for the pipeline)
-- All six are NULL on a line without a match of one entry.
--
-- "An entry is matched at most once" now spans two tables. The unique key on match_entry_id and uq_reconciliation_entry
-- hold within each; triggers check across them: on reconciliation_match (an entry or a line that a line's own match
-- holds), on the UPDATE that sets a line's match, and on the INSERT of a line that carries a match (every line an entry
-- was booked from). The last is on the bulk path: measured at about 1 s per million lines (SQLite 1M 46.27 and 48.05 s
-- against 45.98 and 46.39 s, reports/benchmark.md, fourteenth session), far less than V11's triggers, whose bodies
-- looked up larger tables. PostgreSQL checks the same once per statement (V13 there).
--
-- The table is rebuilt (SQLite adds a table constraint only by creating the table anew), in Flyway's transaction with
-- the foreign keys on.
PRAGMA defer_foreign_keys = ON;

-- a single-entry match of a line the reconciler never recorded would be lost; the application records every line
-- before matching it, so there should be none: if there is, the migration stops here and changes nothing
CREATE TEMP TABLE bk_match_check (a_single_entry_match_names_a_bank_line_the_reconciler_never_recorded TEXT NOT NULL);
INSERT INTO bk_match_check SELECT NULL FROM reconciliation_match m WHERE m.sole_line_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM reconcile_bank_line b WHERE b.company_id = m.company_id AND b.bank_line_id = m.sole_line_id);
DROP TABLE bk_match_check;

CREATE TABLE bk_reconcile_bank_line (
    company_id     VARCHAR(36)  NOT NULL,
    bank_line_id   VARCHAR(36)  NOT NULL,
    account_id     VARCHAR(36)  NOT NULL,
    line_date      VARCHAR(10)  NOT NULL,
    amount_minor   BIGINT       NOT NULL,
    currency       CHAR(3)      NOT NULL,
    description    VARCHAR(500) NOT NULL,
    recorded_at    VARCHAR(27)  NOT NULL,
    match_entry_id VARCHAR(36),
    match_kind     VARCHAR(12),
    match_score_bp INTEGER,
    match_reason   VARCHAR(500),
    matched_at     VARCHAR(27),
    matched_by     VARCHAR(36),
    PRIMARY KEY (company_id, bank_line_id),
    CONSTRAINT fk_reconcile_line_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT fk_reconcile_line_account FOREIGN KEY (company_id, account_id) REFERENCES account (company_id, id),
    CONSTRAINT fk_reconcile_line_match_entry FOREIGN KEY (company_id, match_entry_id) REFERENCES journal_entry (company_id, id),
    CONSTRAINT uq_reconcile_line_match_entry UNIQUE (company_id, match_entry_id),
    CONSTRAINT ck_reconcile_line_date CHECK (line_date LIKE '____-__-__'),
    CONSTRAINT ck_reconcile_line_match CHECK (
        (match_entry_id IS NULL AND match_kind IS NULL AND match_score_bp IS NULL AND match_reason IS NULL
            AND matched_at IS NULL AND matched_by IS NULL)
        OR (match_entry_id IS NOT NULL AND match_kind IN ('EXACT', 'HEURISTIC', 'MANUAL')
            AND match_score_bp BETWEEN 0 AND 10000 AND match_reason IS NOT NULL AND matched_at IS NOT NULL))
);

INSERT INTO bk_reconcile_bank_line
SELECT b.company_id, b.bank_line_id, b.account_id, b.line_date, b.amount_minor, b.currency, b.description, b.recorded_at,
       m.entry_id, m.kind, m.score_bp, m.reason, m.created_at, m.created_by
FROM reconcile_bank_line b
LEFT JOIN reconciliation_match m ON m.company_id = b.company_id AND m.sole_line_id = b.bank_line_id;

DELETE FROM reconciliation_match WHERE sole_line_id IS NOT NULL;
DROP TABLE reconcile_bank_line;
ALTER TABLE bk_reconcile_bank_line RENAME TO reconcile_bank_line;
CREATE INDEX ix_reconcile_line_date ON reconcile_bank_line (company_id, line_date);

-- reconciliation_match: only matches of several entries, and none of an entry or a line that a line's match holds
CREATE TRIGGER tr_reconciliation_several_entries BEFORE INSERT ON reconciliation_match
BEGIN
    SELECT RAISE(ABORT, 'reconciliation_match holds matches of two entries or more; a match of one entry is stored on its reconcile_bank_line')
    WHERE NEW.sole_line_id IS NOT NULL;
    SELECT RAISE(ABORT, 'UNIQUE constraint failed: the entry is matched to a bank line already (reconcile_bank_line.match_entry_id)')
    WHERE EXISTS (SELECT 1 FROM reconcile_bank_line b WHERE b.company_id = NEW.company_id AND b.match_entry_id = NEW.entry_id);
    SELECT RAISE(ABORT, 'UNIQUE constraint failed: the bank line is matched to an entry already (reconcile_bank_line.match_entry_id)')
    WHERE EXISTS (SELECT 1 FROM reconcile_bank_line b WHERE b.company_id = NEW.company_id
                  AND b.bank_line_id = NEW.bank_line_id AND b.match_entry_id IS NOT NULL);
END;

CREATE TRIGGER tr_reconciliation_several_entries_update BEFORE UPDATE OF company_id, bank_line_id, sole_line_id, entry_id
ON reconciliation_match
BEGIN
    SELECT RAISE(ABORT, 'reconciliation_match holds matches of two entries or more; a match of one entry is stored on its reconcile_bank_line')
    WHERE NEW.sole_line_id IS NOT NULL;
    SELECT RAISE(ABORT, 'UNIQUE constraint failed: the entry is matched to a bank line already (reconcile_bank_line.match_entry_id)')
    WHERE EXISTS (SELECT 1 FROM reconcile_bank_line b WHERE b.company_id = NEW.company_id AND b.match_entry_id = NEW.entry_id);
    SELECT RAISE(ABORT, 'UNIQUE constraint failed: the bank line is matched to an entry already (reconcile_bank_line.match_entry_id)')
    WHERE EXISTS (SELECT 1 FROM reconcile_bank_line b WHERE b.company_id = NEW.company_id
                  AND b.bank_line_id = NEW.bank_line_id AND b.match_entry_id IS NOT NULL);
END;

-- a line recorded earlier and matched later (the engine's matches, a manual match): an UPDATE, off the bulk path
CREATE TRIGGER tr_reconcile_line_match_unique BEFORE UPDATE OF company_id, bank_line_id, match_entry_id
ON reconcile_bank_line WHEN NEW.match_entry_id IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'UNIQUE constraint failed: the entry is matched to a bank line already (reconciliation_match.entry_id)')
    WHERE EXISTS (SELECT 1 FROM reconciliation_match m WHERE m.company_id = NEW.company_id AND m.entry_id = NEW.match_entry_id);
    SELECT RAISE(ABORT, 'UNIQUE constraint failed: the bank line is matched to several entries already (reconciliation_match.bank_line_id)')
    WHERE EXISTS (SELECT 1 FROM reconciliation_match m WHERE m.company_id = NEW.company_id AND m.bank_line_id = NEW.bank_line_id);
END;

-- a line inserted with its match (the bulk path: every line an entry was booked from)
CREATE TRIGGER tr_reconcile_line_match_unique_insert BEFORE INSERT ON reconcile_bank_line
WHEN NEW.match_entry_id IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'UNIQUE constraint failed: the entry is matched to a bank line already (reconciliation_match.entry_id)')
    WHERE EXISTS (SELECT 1 FROM reconciliation_match m WHERE m.company_id = NEW.company_id AND m.entry_id = NEW.match_entry_id);
    SELECT RAISE(ABORT, 'UNIQUE constraint failed: the bank line is matched to several entries already (reconciliation_match.bank_line_id)')
    WHERE EXISTS (SELECT 1 FROM reconciliation_match m WHERE m.company_id = NEW.company_id AND m.bank_line_id = NEW.bank_line_id);
END;
