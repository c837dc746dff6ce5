-- PostgreSQL only (ADR 0001, "D4, revised"). The tables a bulk import writes to, one row per bank line, check their
-- references to company, account, import_batch and journal_entry once per statement instead of by foreign keys.
-- A foreign key checks every new row on its own and locks the parent row FOR KEY SHARE, so that a concurrent DELETE
-- of the parent cannot leave an orphan; with the JDBC driver's multi-row inserts that was about a third of the
-- server's statement time in a bulk import (reports/benchmark.md, twelfth session).
--
-- Why no lock is needed: those four parent tables refuse DELETE, TRUNCATE and changes of their keys (the guards
-- below; the application never does any of them). A parent that exists can then never stop existing, so checking
-- that it exists, without locking it, is enough; the sixth session's per-statement checks failed exactly there,
-- under REPEATABLE READ, because parents could still be deleted. A parent inserted by another transaction that has
-- not committed is not seen, and the row is refused, as a foreign key's check (which reads with a snapshot too) does.
-- Rows inserted are checked once per statement (the driver sends batches as multi-row INSERTs); an UPDATE is checked
-- per row, and only when it changes a reference column, which the application never does on the hot path.
--
-- The rules are the foreign keys' rules: a reference whose columns are all set must name an existing parent of the
-- same company; the error has the foreign-key violation's SQLSTATE (23503) and names the constraint it replaces.
-- The cold tables (memberships, rules, documents, declined pairs, journal_line, which holds only entries of three lines
-- or more since V11) keep their declared foreign keys, as do the self-references (a reversal's entry, a confirmed
-- pending line). A reference to an account or an entry also vouches for the company, which is why the reconciler's
-- tables check no company of their own. A later migration that rewrites these parents' keys (as V10_1 did) drops the
-- guards for its duration. Unlike a foreign key, a trigger can be disabled by the table's owner, and nothing then
-- re-checks the rows written meanwhile: bk_orphaned_references() below counts what such a gap would have let in.

-- The parents: never deleted, never truncated, keys never changed.
CREATE FUNCTION bk_refuse_parent_removal() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% rows are never deleted and their keys never change (bank lines, entries, proposals and '
        'matches refer to them); correct them instead, or reverse an entry', TG_TABLE_NAME USING ERRCODE = '23503';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_company_removal_refused BEFORE DELETE ON company
FOR EACH ROW EXECUTE FUNCTION bk_refuse_parent_removal();
CREATE TRIGGER tr_company_rekey_refused BEFORE UPDATE OF id ON company
FOR EACH ROW WHEN (NEW.id IS DISTINCT FROM OLD.id) EXECUTE FUNCTION bk_refuse_parent_removal();
CREATE TRIGGER tr_company_truncate_refused BEFORE TRUNCATE ON company
FOR EACH STATEMENT EXECUTE FUNCTION bk_refuse_parent_removal();

CREATE TRIGGER tr_account_removal_refused BEFORE DELETE ON account
FOR EACH ROW EXECUTE FUNCTION bk_refuse_parent_removal();
CREATE TRIGGER tr_account_rekey_refused BEFORE UPDATE OF company_id, id ON account
FOR EACH ROW WHEN (NEW.company_id IS DISTINCT FROM OLD.company_id OR NEW.id IS DISTINCT FROM OLD.id)
EXECUTE FUNCTION bk_refuse_parent_removal();
CREATE TRIGGER tr_account_truncate_refused BEFORE TRUNCATE ON account
FOR EACH STATEMENT EXECUTE FUNCTION bk_refuse_parent_removal();

CREATE TRIGGER tr_import_batch_removal_refused BEFORE DELETE ON import_batch
FOR EACH ROW EXECUTE FUNCTION bk_refuse_parent_removal();
CREATE TRIGGER tr_import_batch_rekey_refused BEFORE UPDATE OF company_id, id ON import_batch
FOR EACH ROW WHEN (NEW.company_id IS DISTINCT FROM OLD.company_id OR NEW.id IS DISTINCT FROM OLD.id)
EXECUTE FUNCTION bk_refuse_parent_removal();
CREATE TRIGGER tr_import_batch_truncate_refused BEFORE TRUNCATE ON import_batch
FOR EACH STATEMENT EXECUTE FUNCTION bk_refuse_parent_removal();

-- journal_entry: named after tr_entry_posted_immutable, which fires first (alphabetical order) and says "posted"
CREATE TRIGGER tr_entry_removal_refused BEFORE DELETE ON journal_entry
FOR EACH ROW EXECUTE FUNCTION bk_refuse_parent_removal();
CREATE TRIGGER tr_entry_rekey_refused BEFORE UPDATE OF company_id, id ON journal_entry
FOR EACH ROW WHEN (NEW.company_id IS DISTINCT FROM OLD.company_id OR NEW.id IS DISTINCT FROM OLD.id)
EXECUTE FUNCTION bk_refuse_parent_removal();
CREATE TRIGGER tr_entry_truncate_refused BEFORE TRUNCATE ON journal_entry
FOR EACH STATEMENT EXECUTE FUNCTION bk_refuse_parent_removal();

-- The children: one function per table, run once per INSERT or UPDATE statement over the rows it wrote.
CREATE FUNCTION bk_refuse_missing_parent(p_table TEXT, p_constraint TEXT) RETURNS void AS $$
BEGIN
    RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%"', p_table, p_constraint
        USING ERRCODE = '23503', TABLE = p_table, CONSTRAINT = p_constraint;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION bk_check_bank_transaction_parents() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM bk_new n WHERE NOT EXISTS (
            SELECT 1 FROM account p WHERE p.company_id = n.company_id AND p.id = n.bank_account_id)) THEN
        PERFORM bk_refuse_missing_parent('bank_transaction', 'fk_bank_txn_account');
    END IF;
    IF EXISTS (SELECT 1 FROM bk_new n WHERE NOT EXISTS (
            SELECT 1 FROM import_batch p WHERE p.company_id = n.company_id AND p.id = n.batch_id)) THEN
        PERFORM bk_refuse_missing_parent('bank_transaction', 'fk_bank_txn_batch');
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
SET enable_seqscan = off;

CREATE FUNCTION bk_check_journal_entry_parents() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM bk_new n WHERE NOT EXISTS (SELECT 1 FROM company p WHERE p.id = n.company_id)) THEN
        PERFORM bk_refuse_missing_parent('journal_entry', 'fk_entry_company');
    END IF;
    IF EXISTS (SELECT 1 FROM bk_new n WHERE n.debit_account_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM account p WHERE p.company_id = n.company_id AND p.id = n.debit_account_id)) THEN
        PERFORM bk_refuse_missing_parent('journal_entry', 'fk_entry_debit_account');
    END IF;
    IF EXISTS (SELECT 1 FROM bk_new n WHERE n.credit_account_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM account p WHERE p.company_id = n.company_id AND p.id = n.credit_account_id)) THEN
        PERFORM bk_refuse_missing_parent('journal_entry', 'fk_entry_credit_account');
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
SET enable_seqscan = off;

CREATE FUNCTION bk_check_proposal_parents() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM bk_new n WHERE NOT EXISTS (
            SELECT 1 FROM journal_entry p WHERE p.company_id = n.company_id AND p.id = n.entry_id)) THEN
        PERFORM bk_refuse_missing_parent('proposal', 'fk_proposal_entry');
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
SET enable_seqscan = off;

CREATE FUNCTION bk_check_reconcile_bank_line_parents() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM bk_new n WHERE NOT EXISTS (
            SELECT 1 FROM account p WHERE p.company_id = n.company_id AND p.id = n.account_id)) THEN
        PERFORM bk_refuse_missing_parent('reconcile_bank_line', 'fk_reconcile_line_account');
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
SET enable_seqscan = off;

CREATE FUNCTION bk_check_reconciliation_match_parents() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM bk_new n WHERE NOT EXISTS (
            SELECT 1 FROM journal_entry p WHERE p.company_id = n.company_id AND p.id = n.entry_id)) THEN
        PERFORM bk_refuse_missing_parent('reconciliation_match', 'fk_reconciliation_entry');
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
SET enable_seqscan = off;

-- An UPDATE that changes a reference column (rare: a correction's new accounts) is checked per row, by the same rules.
CREATE FUNCTION bk_check_updated_row_parents() RETURNS trigger AS $$
DECLARE
    v_table TEXT := TG_ARGV[0];
    v_constraint TEXT;
BEGIN
    IF v_table = 'bank_transaction' THEN
        IF NOT EXISTS (SELECT 1 FROM account p WHERE p.company_id = NEW.company_id AND p.id = NEW.bank_account_id) THEN
            v_constraint := 'fk_bank_txn_account';
        ELSIF NOT EXISTS (SELECT 1 FROM import_batch p WHERE p.company_id = NEW.company_id AND p.id = NEW.batch_id) THEN
            v_constraint := 'fk_bank_txn_batch';
        END IF;
    ELSIF v_table = 'journal_entry' THEN
        IF NOT EXISTS (SELECT 1 FROM company p WHERE p.id = NEW.company_id) THEN
            v_constraint := 'fk_entry_company';
        ELSIF NEW.debit_account_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM account p WHERE p.company_id = NEW.company_id AND p.id = NEW.debit_account_id) THEN
            v_constraint := 'fk_entry_debit_account';
        ELSIF NEW.credit_account_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM account p WHERE p.company_id = NEW.company_id AND p.id = NEW.credit_account_id) THEN
            v_constraint := 'fk_entry_credit_account';
        END IF;
    ELSIF v_table = 'proposal' THEN
        IF NOT EXISTS (SELECT 1 FROM journal_entry p WHERE p.company_id = NEW.company_id AND p.id = NEW.entry_id) THEN
            v_constraint := 'fk_proposal_entry';
        END IF;
    ELSIF v_table = 'reconcile_bank_line' THEN
        IF NOT EXISTS (SELECT 1 FROM account p WHERE p.company_id = NEW.company_id AND p.id = NEW.account_id) THEN
            v_constraint := 'fk_reconcile_line_account';
        END IF;
    ELSIF v_table = 'reconciliation_match' THEN
        IF NOT EXISTS (SELECT 1 FROM journal_entry p WHERE p.company_id = NEW.company_id AND p.id = NEW.entry_id) THEN
            v_constraint := 'fk_reconciliation_entry';
        END IF;
    END IF;
    IF v_constraint IS NOT NULL THEN
        PERFORM bk_refuse_missing_parent(v_table, v_constraint);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
SET enable_seqscan = off;

ALTER TABLE bank_transaction DROP CONSTRAINT fk_bank_txn_account, DROP CONSTRAINT fk_bank_txn_batch;
CREATE TRIGGER tr_bank_txn_parents_insert AFTER INSERT ON bank_transaction REFERENCING NEW TABLE AS bk_new
FOR EACH STATEMENT EXECUTE FUNCTION bk_check_bank_transaction_parents();
CREATE TRIGGER tr_bank_txn_parents_update AFTER UPDATE OF company_id, bank_account_id, batch_id ON bank_transaction
FOR EACH ROW WHEN (NEW.company_id IS DISTINCT FROM OLD.company_id
    OR NEW.bank_account_id IS DISTINCT FROM OLD.bank_account_id OR NEW.batch_id IS DISTINCT FROM OLD.batch_id)
EXECUTE FUNCTION bk_check_updated_row_parents('bank_transaction');

ALTER TABLE journal_entry DROP CONSTRAINT fk_entry_company, DROP CONSTRAINT fk_entry_debit_account,
    DROP CONSTRAINT fk_entry_credit_account;
CREATE TRIGGER tr_entry_parents_insert AFTER INSERT ON journal_entry REFERENCING NEW TABLE AS bk_new
FOR EACH STATEMENT EXECUTE FUNCTION bk_check_journal_entry_parents();
CREATE TRIGGER tr_entry_parents_update AFTER UPDATE OF company_id, debit_account_id, credit_account_id ON journal_entry
FOR EACH ROW WHEN (NEW.company_id IS DISTINCT FROM OLD.company_id
    OR NEW.debit_account_id IS DISTINCT FROM OLD.debit_account_id
    OR NEW.credit_account_id IS DISTINCT FROM OLD.credit_account_id)
EXECUTE FUNCTION bk_check_updated_row_parents('journal_entry');

ALTER TABLE proposal DROP CONSTRAINT fk_proposal_entry;
CREATE TRIGGER tr_proposal_parents_insert AFTER INSERT ON proposal REFERENCING NEW TABLE AS bk_new
FOR EACH STATEMENT EXECUTE FUNCTION bk_check_proposal_parents();
CREATE TRIGGER tr_proposal_parents_update AFTER UPDATE OF company_id, entry_id ON proposal
FOR EACH ROW WHEN (NEW.company_id IS DISTINCT FROM OLD.company_id OR NEW.entry_id IS DISTINCT FROM OLD.entry_id)
EXECUTE FUNCTION bk_check_updated_row_parents('proposal');

ALTER TABLE reconcile_bank_line DROP CONSTRAINT fk_reconcile_line_company, DROP CONSTRAINT fk_reconcile_line_account;
CREATE TRIGGER tr_reconcile_line_parents_insert AFTER INSERT ON reconcile_bank_line REFERENCING NEW TABLE AS bk_new
FOR EACH STATEMENT EXECUTE FUNCTION bk_check_reconcile_bank_line_parents();
CREATE TRIGGER tr_reconcile_line_parents_update AFTER UPDATE OF company_id, account_id ON reconcile_bank_line
FOR EACH ROW WHEN (NEW.company_id IS DISTINCT FROM OLD.company_id OR NEW.account_id IS DISTINCT FROM OLD.account_id)
EXECUTE FUNCTION bk_check_updated_row_parents('reconcile_bank_line');

ALTER TABLE reconciliation_match DROP CONSTRAINT fk_reconciliation_company, DROP CONSTRAINT fk_reconciliation_entry;
CREATE TRIGGER tr_reconciliation_parents_insert AFTER INSERT ON reconciliation_match REFERENCING NEW TABLE AS bk_new
FOR EACH STATEMENT EXECUTE FUNCTION bk_check_reconciliation_match_parents();
CREATE TRIGGER tr_reconciliation_parents_update AFTER UPDATE OF company_id, entry_id ON reconciliation_match
FOR EACH ROW WHEN (NEW.company_id IS DISTINCT FROM OLD.company_id OR NEW.entry_id IS DISTINCT FROM OLD.entry_id)
EXECUTE FUNCTION bk_check_updated_row_parents('reconciliation_match');

-- For an operator after maintenance that disabled triggers: the rows whose references these checks would refuse
-- (0 on sound books). SELECT * FROM bk_orphaned_references();
CREATE FUNCTION bk_orphaned_references() RETURNS TABLE (constraint_name TEXT, orphans BIGINT) AS $$
    SELECT 'fk_bank_txn_account', COUNT(*) FROM bank_transaction n
     WHERE NOT EXISTS (SELECT 1 FROM account p WHERE p.company_id = n.company_id AND p.id = n.bank_account_id)
    UNION ALL
    SELECT 'fk_bank_txn_batch', COUNT(*) FROM bank_transaction n
     WHERE NOT EXISTS (SELECT 1 FROM import_batch p WHERE p.company_id = n.company_id AND p.id = n.batch_id)
    UNION ALL
    SELECT 'fk_entry_company', COUNT(*) FROM journal_entry n
     WHERE NOT EXISTS (SELECT 1 FROM company p WHERE p.id = n.company_id)
    UNION ALL
    SELECT 'fk_entry_debit_account', COUNT(*) FROM journal_entry n WHERE n.debit_account_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM account p WHERE p.company_id = n.company_id AND p.id = n.debit_account_id)
    UNION ALL
    SELECT 'fk_entry_credit_account', COUNT(*) FROM journal_entry n WHERE n.credit_account_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM account p WHERE p.company_id = n.company_id AND p.id = n.credit_account_id)
    UNION ALL
    SELECT 'fk_proposal_entry', COUNT(*) FROM proposal n
     WHERE NOT EXISTS (SELECT 1 FROM journal_entry p WHERE p.company_id = n.company_id AND p.id = n.entry_id)
    UNION ALL
    SELECT 'fk_reconcile_line_account', COUNT(*) FROM reconcile_bank_line n
     WHERE NOT EXISTS (SELECT 1 FROM account p WHERE p.company_id = n.company_id AND p.id = n.account_id)
    UNION ALL
    SELECT 'fk_reconciliation_entry', COUNT(*) FROM reconciliation_match n
     WHERE NOT EXISTS (SELECT 1 FROM journal_entry p WHERE p.company_id = n.company_id AND p.id = n.entry_id)
$$ LANGUAGE sql STABLE;
