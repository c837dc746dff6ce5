-- SQLite. An entry of exactly two lines (a debit and a credit on two different accounts: every entry booked from a
-- bank line, most others) keeps them in its own row instead of two journal_line rows; entries of three lines or more
-- keep journal_line. The ledger's API and its JournalEntry type do not change; readers see both shapes through the
-- journal_posting view (V12). ADR 0001, D2: on the schema's floor the one row costs about a third of the three.
--   debit_account_id, credit_account_id, amount_minor  the two lines: amount_minor on the debit and on the credit
--   credit_first                                       1 when the credit is the entry's first line (money out: the
--                                                      bank side comes first), 0 when the debit is
--   debit_memo, credit_memo                            the lines' memos
-- All six are NULL on an entry whose lines are in journal_line. SQLite cannot add a table constraint to an existing
-- table, so the rules a CHECK and two foreign keys state on PostgreSQL are triggers here; they refuse the same rows.
ALTER TABLE journal_entry ADD COLUMN debit_account_id VARCHAR(36);
ALTER TABLE journal_entry ADD COLUMN credit_account_id VARCHAR(36);
ALTER TABLE journal_entry ADD COLUMN amount_minor BIGINT;
ALTER TABLE journal_entry ADD COLUMN credit_first INTEGER;
ALTER TABLE journal_entry ADD COLUMN debit_memo VARCHAR(500);
ALTER TABLE journal_entry ADD COLUMN credit_memo VARCHAR(500);

-- as ix_line_account does for journal_line: entries by account, and the account guards below
CREATE INDEX ix_entry_debit ON journal_entry (company_id, debit_account_id) WHERE debit_account_id IS NOT NULL;
CREATE INDEX ix_entry_credit ON journal_entry (company_id, credit_account_id) WHERE credit_account_id IS NOT NULL;

-- the shape: all six NULL, or two different accounts of the company, a positive amount and which line is first
CREATE TRIGGER tr_entry_two_lines_insert
BEFORE INSERT ON journal_entry
WHEN NOT ((NEW.debit_account_id IS NULL AND NEW.credit_account_id IS NULL AND NEW.amount_minor IS NULL
           AND NEW.credit_first IS NULL AND NEW.debit_memo IS NULL AND NEW.credit_memo IS NULL)
       OR (NEW.debit_account_id IS NOT NULL AND NEW.credit_account_id IS NOT NULL AND NEW.amount_minor IS NOT NULL
           AND NEW.credit_first IS NOT NULL AND NEW.amount_minor > 0 AND NEW.credit_first IN (0, 1)
           AND NEW.debit_account_id <> NEW.credit_account_id
           AND EXISTS (SELECT 1 FROM account a WHERE a.company_id = NEW.company_id AND a.id = NEW.debit_account_id)
           AND EXISTS (SELECT 1 FROM account a WHERE a.company_id = NEW.company_id AND a.id = NEW.credit_account_id)))
BEGIN
    SELECT RAISE(ABORT, 'journal entry''s two lines are incomplete, not positive, on one account or on an unknown account');
END;

-- the same on a change, and an entry with rows in journal_line cannot take its lines into its own row as well
CREATE TRIGGER tr_entry_two_lines_update
BEFORE UPDATE OF debit_account_id, credit_account_id, amount_minor, credit_first, debit_memo, credit_memo ON journal_entry
WHEN NOT ((NEW.debit_account_id IS NULL AND NEW.credit_account_id IS NULL AND NEW.amount_minor IS NULL
           AND NEW.credit_first IS NULL AND NEW.debit_memo IS NULL AND NEW.credit_memo IS NULL)
       OR (NEW.debit_account_id IS NOT NULL AND NEW.credit_account_id IS NOT NULL AND NEW.amount_minor IS NOT NULL
           AND NEW.credit_first IS NOT NULL AND NEW.amount_minor > 0 AND NEW.credit_first IN (0, 1)
           AND NEW.debit_account_id <> NEW.credit_account_id
           AND EXISTS (SELECT 1 FROM account a WHERE a.company_id = NEW.company_id AND a.id = NEW.debit_account_id)
           AND EXISTS (SELECT 1 FROM account a WHERE a.company_id = NEW.company_id AND a.id = NEW.credit_account_id)
           AND NOT EXISTS (SELECT 1 FROM journal_line l WHERE l.company_id = NEW.company_id AND l.entry_id = NEW.id)))
BEGIN
    SELECT RAISE(ABORT, 'journal entry''s two lines are incomplete, not positive, on one account, on an unknown account, or its lines are in journal_line already');
END;

CREATE TRIGGER tr_line_insert_two_line_entry
BEFORE INSERT ON journal_line
WHEN (SELECT e.amount_minor FROM journal_entry e WHERE e.company_id = NEW.company_id AND e.id = NEW.entry_id) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'journal entry keeps its two lines in its own row; replace its lines through the ledger instead');
END;

-- an account named by an entry's two lines is kept, as the foreign key from journal_line keeps the others
CREATE TRIGGER tr_account_delete_named_by_entry
BEFORE DELETE ON account
WHEN EXISTS (SELECT 1 FROM journal_entry e WHERE e.company_id = OLD.company_id AND e.debit_account_id = OLD.id)
  OR EXISTS (SELECT 1 FROM journal_entry e WHERE e.company_id = OLD.company_id AND e.credit_account_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'account is used by journal entries and cannot be deleted');
END;

CREATE TRIGGER tr_account_key_named_by_entry
BEFORE UPDATE OF company_id, id ON account
WHEN (NEW.company_id IS NOT OLD.company_id OR NEW.id IS NOT OLD.id)
 AND (EXISTS (SELECT 1 FROM journal_entry e WHERE e.company_id = OLD.company_id AND e.debit_account_id = OLD.id)
   OR EXISTS (SELECT 1 FROM journal_entry e WHERE e.company_id = OLD.company_id AND e.credit_account_id = OLD.id))
BEGIN
    SELECT RAISE(ABORT, 'account is used by journal entries and its key cannot change');
END;

-- the balance rule of V1_1, on decision, for entries whose lines are in journal_line; a two-line row balances by
-- construction (one amount, on both sides)
DROP TRIGGER tr_entry_balanced_on_decision;
CREATE TRIGGER tr_entry_balanced_on_decision
BEFORE UPDATE OF status ON journal_entry
WHEN NEW.status IN ('APPROVED', 'POSTED') AND NEW.amount_minor IS NULL
 AND ((SELECT COUNT(*) FROM journal_line l WHERE l.company_id = NEW.company_id AND l.entry_id = NEW.id) < 2
   OR (SELECT SUM(l.debit_minor) - SUM(l.credit_minor) FROM journal_line l
        WHERE l.company_id = NEW.company_id AND l.entry_id = NEW.id) <> 0)
BEGIN
    SELECT RAISE(ABORT, 'journal entry does not balance: debits must equal credits over at least two lines');
END;
