-- PostgreSQL. An entry of exactly two lines (a debit and a credit on two different accounts: every entry booked from
-- a bank line, most others) keeps them in its own row instead of two journal_line rows; entries of three lines or
-- more keep journal_line. The ledger's API and its JournalEntry type do not change; readers see both shapes through
-- the journal_posting view (V12). ADR 0001, D2: on the schema's floor the one row costs about half of the three, and
-- it needs no deferred balance check at commit.
--   debit_account_id, credit_account_id, amount_minor  the two lines: amount_minor on the debit and on the credit
--   credit_first                                       1 when the credit is the entry's first line (money out: the
--                                                      bank side comes first), 0 when the debit is
--   debit_memo, credit_memo                            the lines' memos
-- All six are NULL on an entry whose lines are in journal_line (SQLite declares the same foreign keys and CHECK).
ALTER TABLE journal_entry
    ADD COLUMN debit_account_id  uuid,
    ADD COLUMN credit_account_id uuid,
    ADD COLUMN amount_minor      BIGINT,
    ADD COLUMN credit_first      INTEGER,
    ADD COLUMN debit_memo        VARCHAR(500),
    ADD COLUMN credit_memo       VARCHAR(500),
    ADD CONSTRAINT fk_entry_debit_account FOREIGN KEY (company_id, debit_account_id) REFERENCES account (company_id, id),
    ADD CONSTRAINT fk_entry_credit_account FOREIGN KEY (company_id, credit_account_id) REFERENCES account (company_id, id),
    ADD CONSTRAINT ck_entry_two_lines CHECK (
        (debit_account_id IS NULL AND credit_account_id IS NULL AND amount_minor IS NULL AND credit_first IS NULL
         AND debit_memo IS NULL AND credit_memo IS NULL)
        OR (debit_account_id IS NOT NULL AND credit_account_id IS NOT NULL AND amount_minor IS NOT NULL
            AND credit_first IS NOT NULL AND amount_minor > 0 AND credit_first IN (0, 1)
            AND debit_account_id <> credit_account_id));

-- as ix_line_account does for journal_line: entries by account, and the foreign keys' checks on an account's delete
CREATE INDEX ix_entry_debit ON journal_entry (company_id, debit_account_id) WHERE debit_account_id IS NOT NULL;
CREATE INDEX ix_entry_credit ON journal_entry (company_id, credit_account_id) WHERE credit_account_id IS NOT NULL;

-- The balance rule of V7_1 (as V10_1 typed it), judged on the entry as it is at commit: an entry with its two lines
-- in its own row balances by construction and must have no journal_line rows; any other has two or more lines whose
-- debits equal its credits. It now also runs when an entry's two-line columns change (below).
CREATE OR REPLACE FUNCTION bk_check_entry_balanced() RETURNS trigger AS $$
DECLARE
    v_company journal_line.company_id%TYPE;
    v_entry   journal_line.entry_id%TYPE;
    v_found   BOOLEAN;
    v_two     BOOLEAN;
    v_lines   INTEGER;
    v_diff    BIGINT;
BEGIN
    IF TG_TABLE_NAME = 'journal_entry' THEN
        v_company := NEW.company_id; v_entry := NEW.id;
    ELSIF TG_OP = 'DELETE' THEN
        v_company := OLD.company_id; v_entry := OLD.entry_id;
    ELSE
        v_company := NEW.company_id; v_entry := NEW.entry_id;
    END IF;
    SELECT TRUE, e.amount_minor IS NOT NULL INTO v_found, v_two
      FROM journal_entry e WHERE e.company_id = v_company AND e.id = v_entry;
    -- an entry deleted in the same transaction (a rejected draft being purged) has nothing left to balance
    IF v_found IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT COUNT(*), COALESCE(SUM(debit_minor), 0) - COALESCE(SUM(credit_minor), 0)
      INTO v_lines, v_diff
      FROM journal_line WHERE company_id = v_company AND entry_id = v_entry;
    IF v_two THEN
        IF v_lines > 0 THEN
            RAISE EXCEPTION 'journal entry % keeps its two lines in its own row and cannot have % more in journal_line',
                v_entry, v_lines USING ERRCODE = '23514';
        END IF;
        RETURN NULL;
    END IF;
    IF v_lines < 2 OR v_diff <> 0 THEN
        RAISE EXCEPTION 'journal entry % does not balance: % line(s), debits minus credits = % minor units',
            v_entry, v_lines, v_diff USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
SET enable_seqscan = off;

CREATE CONSTRAINT TRIGGER tr_entry_two_lines_change
AFTER UPDATE OF debit_account_id, credit_account_id, amount_minor ON journal_entry
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION bk_check_entry_balanced();

-- V9_2's statement-level guard on new lines (as V10_1 typed it) also refuses lines for an entry that keeps its two
-- lines in its own row, at once rather than at commit.
CREATE OR REPLACE FUNCTION bk_refuse_lines_of_posted_entries() RETURNS trigger AS $$
DECLARE
    v_entry  journal_line.entry_id%TYPE;
    v_status journal_entry.status%TYPE;
BEGIN
    SELECT n.entry_id, e.status INTO v_entry, v_status
      FROM new_lines n
      JOIN journal_entry e ON e.company_id = n.company_id AND e.id = n.entry_id
     WHERE e.status = 'POSTED' OR e.amount_minor IS NOT NULL
     LIMIT 1;
    IF v_entry IS NOT NULL AND v_status = 'POSTED' THEN
        RAISE EXCEPTION 'journal entry % is posted and its lines cannot be changed; post a reversal instead', v_entry
            USING ERRCODE = '23514';
    END IF;
    IF v_entry IS NOT NULL THEN
        RAISE EXCEPTION 'journal entry % keeps its two lines in its own row; replace its lines through the ledger instead',
            v_entry USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
SET enable_seqscan = off;
