-- SQLite. An entry of exactly two lines (a debit and a credit on two different accounts: every entry booked from a
-- bank line, most others) keeps them in its own row instead of two journal_line rows; entries of three lines or more
-- keep journal_line. The ledger's API and its JournalEntry type do not change; readers see both shapes through the
-- journal_posting view (V12). ADR 0001, D2.
--   debit_account_id, credit_account_id, amount_minor  the two lines: amount_minor on the debit and on the credit
--   credit_first                                       1 when the credit is the entry's first line (money out: the
--                                                      bank side comes first), 0 when the debit is
--   debit_memo, credit_memo                            the lines' memos
-- All six are NULL on an entry whose lines are in journal_line.
--
-- The table is rebuilt, because SQLite adds a table constraint (the two foreign keys to account, the CHECK) only by
-- creating the table anew, and the same rules as BEFORE INSERT triggers cost more than the journal_line rows they
-- replace: a trigger runs as a sub-program per inserted row (bench 200k: the entry batch's SQLite time 3.37 s with
-- the triggers, 1.41 s without, 2.81 s for today's entry and two lines; reports/benchmark.md, thirteenth session).
-- Declared constraints are checked inline.
-- The rebuild runs in Flyway's transaction with the foreign keys on: dropping journal_entry counts its children's
-- references as deferred violations, and inserting the same rows into the new table counts them back, so the
-- transaction commits only if every reference is whole again.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE bk_journal_entry_copy AS SELECT * FROM journal_entry;

-- the table's own triggers go with it; they are dropped first only to say which ones are recreated below
DROP TRIGGER tr_entry_posted_immutable;
DROP TRIGGER tr_entry_posted_undeletable;
DROP TRIGGER tr_entry_balanced_on_decision;
DROP TABLE journal_entry;

CREATE TABLE journal_entry (
    company_id        VARCHAR(36)  NOT NULL,
    id                VARCHAR(36)  NOT NULL,
    entry_date        VARCHAR(10)  NOT NULL,
    description       VARCHAR(500) NOT NULL,
    memo              VARCHAR(2000),
    status            VARCHAR(10)  NOT NULL,
    source            VARCHAR(16)  NOT NULL,
    currency          CHAR(3)      NOT NULL,
    reversal_of       VARCHAR(36),
    created_by        VARCHAR(36),
    created_at        VARCHAR(27)  NOT NULL,
    decided_by        VARCHAR(36),
    decided_at        VARCHAR(27),
    posted_at         VARCHAR(27),
    version           INTEGER      NOT NULL DEFAULT 0,
    debit_account_id  VARCHAR(36),
    credit_account_id VARCHAR(36),
    amount_minor      BIGINT,
    credit_first      INTEGER,
    debit_memo        VARCHAR(500),
    credit_memo       VARCHAR(500),
    PRIMARY KEY (company_id, id),
    CONSTRAINT fk_entry_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT fk_entry_reversal FOREIGN KEY (company_id, reversal_of) REFERENCES journal_entry (company_id, id),
    CONSTRAINT fk_entry_debit_account FOREIGN KEY (company_id, debit_account_id) REFERENCES account (company_id, id),
    CONSTRAINT fk_entry_credit_account FOREIGN KEY (company_id, credit_account_id) REFERENCES account (company_id, id),
    CONSTRAINT uq_entry_reversal UNIQUE (company_id, reversal_of),
    CONSTRAINT ck_entry_status CHECK (status IN ('PROPOSED', 'APPROVED', 'POSTED', 'REJECTED')),
    CONSTRAINT ck_entry_date CHECK (entry_date LIKE '____-__-__'),
    CONSTRAINT ck_entry_two_lines CHECK (
        (debit_account_id IS NULL AND credit_account_id IS NULL AND amount_minor IS NULL AND credit_first IS NULL
         AND debit_memo IS NULL AND credit_memo IS NULL)
        OR (debit_account_id IS NOT NULL AND credit_account_id IS NOT NULL AND amount_minor IS NOT NULL
            AND credit_first IS NOT NULL AND amount_minor > 0 AND credit_first IN (0, 1)
            AND debit_account_id <> credit_account_id))
);

INSERT INTO journal_entry (company_id, id, entry_date, description, memo, status, source, currency, reversal_of,
                           created_by, created_at, decided_by, decided_at, posted_at, version)
SELECT company_id, id, entry_date, description, memo, status, source, currency, reversal_of,
       created_by, created_at, decided_by, decided_at, posted_at, version
FROM bk_journal_entry_copy
ORDER BY company_id, id;
DROP TABLE bk_journal_entry_copy;

CREATE INDEX ix_entry_status_date ON journal_entry (company_id, status, entry_date);
CREATE INDEX ix_entry_date ON journal_entry (company_id, entry_date);
-- as ix_line_account does for journal_line: entries by account, and the foreign keys' checks on an account's delete
CREATE INDEX ix_entry_debit ON journal_entry (company_id, debit_account_id) WHERE debit_account_id IS NOT NULL;
CREATE INDEX ix_entry_credit ON journal_entry (company_id, credit_account_id) WHERE credit_account_id IS NOT NULL;

-- V1_1's guards, as V10_1 left them
CREATE TRIGGER tr_entry_posted_immutable
BEFORE UPDATE ON journal_entry
WHEN OLD.status = 'POSTED'
BEGIN
    SELECT RAISE(ABORT, 'journal entry is posted and cannot be changed; post a reversal instead');
END;

CREATE TRIGGER tr_entry_posted_undeletable
BEFORE DELETE ON journal_entry
WHEN OLD.status = 'POSTED'
BEGIN
    SELECT RAISE(ABORT, 'journal entry is posted and cannot be deleted; post a reversal instead');
END;

-- the balance rule, on decision, for entries whose lines are in journal_line; a two-line row balances by
-- construction (one amount, on both sides)
CREATE TRIGGER tr_entry_balanced_on_decision
BEFORE UPDATE OF status ON journal_entry
WHEN NEW.status IN ('APPROVED', 'POSTED') AND NEW.amount_minor IS NULL
 AND ((SELECT COUNT(*) FROM journal_line l WHERE l.company_id = NEW.company_id AND l.entry_id = NEW.id) < 2
   OR (SELECT SUM(l.debit_minor) - SUM(l.credit_minor) FROM journal_line l
        WHERE l.company_id = NEW.company_id AND l.entry_id = NEW.id) <> 0)
BEGIN
    SELECT RAISE(ABORT, 'journal entry does not balance: debits must equal credits over at least two lines');
END;

-- an entry's lines are in one place: its own row or journal_line, never both (rare writes: a correction that
-- changes an entry's shape, and lines written by hand)
CREATE TRIGGER tr_entry_two_lines_with_line_rows
BEFORE UPDATE OF amount_minor ON journal_entry
WHEN NEW.amount_minor IS NOT NULL
 AND EXISTS (SELECT 1 FROM journal_line l WHERE l.company_id = NEW.company_id AND l.entry_id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'journal entry has lines in journal_line and cannot keep two lines in its own row as well');
END;

CREATE TRIGGER tr_line_move_to_two_line_entry
BEFORE UPDATE OF company_id, entry_id ON journal_line
WHEN (SELECT e.amount_minor FROM journal_entry e WHERE e.company_id = NEW.company_id AND e.id = NEW.entry_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'journal entry keeps its two lines in its own row; replace its lines through the ledger instead');
END;

CREATE TRIGGER tr_line_insert_two_line_entry
BEFORE INSERT ON journal_line
WHEN (SELECT e.amount_minor FROM journal_entry e WHERE e.company_id = NEW.company_id AND e.id = NEW.entry_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'journal entry keeps its two lines in its own row; replace its lines through the ledger instead');
END;
