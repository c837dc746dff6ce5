-- PostgreSQL. A bank line matched to one entry (every line an entry was booked from, most lines the engine matches, a
-- manual match of one entry) keeps its match in the reconciler's own row of the line instead of a reconciliation_match
-- row; reconciliation_match keeps the matches of two entries or more (many-to-one, a manual match of several). ADR 0001,
-- D1's first step: the match row, with its four B-trees (key, entry, sole line, line), goes for every line booked from.
--   match_entry_id   the entry the line is matched to; unique per company, as a match row's entry was
--   match_kind       EXACT, HEURISTIC or MANUAL (a many-to-one match has several entries, so it is never here)
--   match_score_bp   the engine's score, 0..10000
--   match_reason     why, as the engine or the person put it
--   matched_at/by    when, and who (NULL for the pipeline)
-- All six are NULL on a line without a match of one entry.
--
-- The entry reference is checked like the others of this table (V12_1): once per INSERT statement, per row on an
-- UPDATE that changes it, under the name fk_reconcile_line_match_entry. "An entry is matched at most once" now spans two
-- tables: the unique keys hold within each, and the same statement-level checks refuse an entry or a line that the
-- other table holds already (SQLSTATE 23505). Concurrent writers are ordered by the reconciler's per-company match lock,
-- as before; the checks see committed rows and the statement's own.

ALTER TABLE reconcile_bank_line
    ADD COLUMN match_entry_id uuid,
    ADD COLUMN match_kind     VARCHAR(12),
    ADD COLUMN match_score_bp INTEGER,
    ADD COLUMN match_reason   VARCHAR(500),
    ADD COLUMN matched_at     VARCHAR(27),
    ADD COLUMN matched_by     VARCHAR(36);

DO $$
BEGIN
    -- the application records every line before matching it; a single-entry match of a line never recorded would be
    -- lost, so the migration stops and changes nothing
    IF EXISTS (SELECT 1 FROM reconciliation_match m WHERE m.sole_line_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM reconcile_bank_line b WHERE b.company_id = m.company_id AND b.bank_line_id = m.sole_line_id)) THEN
        RAISE EXCEPTION 'a single-entry match names a bank line the reconciler never recorded; record the line first';
    END IF;
END;
$$;

UPDATE reconcile_bank_line b
SET match_entry_id = m.entry_id, match_kind = m.kind, match_score_bp = m.score_bp, match_reason = m.reason,
    matched_at = m.created_at, matched_by = m.created_by
FROM reconciliation_match m
WHERE m.company_id = b.company_id AND m.sole_line_id = b.bank_line_id;

DELETE FROM reconciliation_match WHERE sole_line_id IS NOT NULL;

ALTER TABLE reconcile_bank_line
    ADD CONSTRAINT uq_reconcile_line_match_entry UNIQUE (company_id, match_entry_id),
    ADD CONSTRAINT ck_reconcile_line_match CHECK (
        (match_entry_id IS NULL AND match_kind IS NULL AND match_score_bp IS NULL AND match_reason IS NULL
            AND matched_at IS NULL AND matched_by IS NULL)
        OR (match_entry_id IS NOT NULL AND match_kind IN ('EXACT', 'HEURISTIC', 'MANUAL')
            AND match_score_bp BETWEEN 0 AND 10000 AND match_reason IS NOT NULL AND matched_at IS NOT NULL));
ALTER TABLE reconciliation_match
    ADD CONSTRAINT ck_reconciliation_several_entries CHECK (sole_line_id IS NULL);

CREATE FUNCTION bk_refuse_second_match(p_table TEXT, p_constraint TEXT, p_what TEXT) RETURNS void AS $$
BEGIN
    RAISE EXCEPTION 'duplicate key value violates unique constraint "%": % is matched already', p_constraint, p_what
        USING ERRCODE = '23505', TABLE = p_table, CONSTRAINT = p_constraint;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION bk_check_reconcile_bank_line_parents() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM bk_new n WHERE NOT EXISTS (
            SELECT 1 FROM account p WHERE p.company_id = n.company_id AND p.id = n.account_id)) THEN
        PERFORM bk_refuse_missing_parent('reconcile_bank_line', 'fk_reconcile_line_account');
    END IF;
    IF EXISTS (SELECT 1 FROM bk_new n WHERE n.match_entry_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM journal_entry p WHERE p.company_id = n.company_id AND p.id = n.match_entry_id)) THEN
        PERFORM bk_refuse_missing_parent('reconcile_bank_line', 'fk_reconcile_line_match_entry');
    END IF;
    IF EXISTS (SELECT 1 FROM bk_new n JOIN reconciliation_match m
               ON m.company_id = n.company_id AND m.entry_id = n.match_entry_id) THEN
        PERFORM bk_refuse_second_match('reconcile_bank_line', 'uq_reconciliation_entry', 'the entry');
    END IF;
    IF EXISTS (SELECT 1 FROM bk_new n JOIN reconciliation_match m
               ON m.company_id = n.company_id AND m.bank_line_id = n.bank_line_id WHERE n.match_entry_id IS NOT NULL) THEN
        PERFORM bk_refuse_second_match('reconcile_bank_line', 'uq_reconciliation_sole_line', 'the bank line');
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
SET enable_seqscan = off;

CREATE OR REPLACE FUNCTION bk_check_reconciliation_match_parents() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM bk_new n WHERE NOT EXISTS (
            SELECT 1 FROM journal_entry p WHERE p.company_id = n.company_id AND p.id = n.entry_id)) THEN
        PERFORM bk_refuse_missing_parent('reconciliation_match', 'fk_reconciliation_entry');
    END IF;
    IF EXISTS (SELECT 1 FROM bk_new n JOIN reconcile_bank_line b
               ON b.company_id = n.company_id AND b.match_entry_id = n.entry_id) THEN
        PERFORM bk_refuse_second_match('reconciliation_match', 'uq_reconcile_line_match_entry', 'the entry');
    END IF;
    IF EXISTS (SELECT 1 FROM bk_new n JOIN reconcile_bank_line b
               ON b.company_id = n.company_id AND b.bank_line_id = n.bank_line_id WHERE b.match_entry_id IS NOT NULL) THEN
        PERFORM bk_refuse_second_match('reconciliation_match', 'uq_reconcile_line_match_entry', 'the bank line');
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
SET enable_seqscan = off;

-- V12_1's per-row check of an UPDATE, with the line's match added (and the two tables' uniqueness across each other)
CREATE OR REPLACE FUNCTION bk_check_updated_row_parents() RETURNS trigger AS $$
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
        ELSIF NEW.match_entry_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM journal_entry p WHERE p.company_id = NEW.company_id AND p.id = NEW.match_entry_id) THEN
            v_constraint := 'fk_reconcile_line_match_entry';
        ELSIF NEW.match_entry_id IS NOT NULL AND EXISTS (SELECT 1 FROM reconciliation_match m
                WHERE m.company_id = NEW.company_id AND m.entry_id = NEW.match_entry_id) THEN
            PERFORM bk_refuse_second_match(v_table, 'uq_reconciliation_entry', 'the entry');
        ELSIF NEW.match_entry_id IS NOT NULL AND EXISTS (SELECT 1 FROM reconciliation_match m
                WHERE m.company_id = NEW.company_id AND m.bank_line_id = NEW.bank_line_id) THEN
            PERFORM bk_refuse_second_match(v_table, 'uq_reconciliation_sole_line', 'the bank line');
        END IF;
    ELSIF v_table = 'reconciliation_match' THEN
        IF NOT EXISTS (SELECT 1 FROM journal_entry p WHERE p.company_id = NEW.company_id AND p.id = NEW.entry_id) THEN
            v_constraint := 'fk_reconciliation_entry';
        ELSIF EXISTS (SELECT 1 FROM reconcile_bank_line b
                WHERE b.company_id = NEW.company_id AND b.match_entry_id = NEW.entry_id) THEN
            PERFORM bk_refuse_second_match(v_table, 'uq_reconcile_line_match_entry', 'the entry');
        ELSIF EXISTS (SELECT 1 FROM reconcile_bank_line b WHERE b.company_id = NEW.company_id
                AND b.bank_line_id = NEW.bank_line_id AND b.match_entry_id IS NOT NULL) THEN
            PERFORM bk_refuse_second_match(v_table, 'uq_reconcile_line_match_entry', 'the bank line');
        END IF;
    END IF;
    IF v_constraint IS NOT NULL THEN
        PERFORM bk_refuse_missing_parent(v_table, v_constraint);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
SET enable_seqscan = off;

DROP TRIGGER tr_reconcile_line_parents_update ON reconcile_bank_line;
CREATE TRIGGER tr_reconcile_line_parents_update
AFTER UPDATE OF company_id, bank_line_id, account_id, match_entry_id ON reconcile_bank_line
FOR EACH ROW WHEN (NEW.company_id IS DISTINCT FROM OLD.company_id OR NEW.bank_line_id IS DISTINCT FROM OLD.bank_line_id
    OR NEW.account_id IS DISTINCT FROM OLD.account_id OR NEW.match_entry_id IS DISTINCT FROM OLD.match_entry_id)
EXECUTE FUNCTION bk_check_updated_row_parents('reconcile_bank_line');

DROP TRIGGER tr_reconciliation_parents_update ON reconciliation_match;
CREATE TRIGGER tr_reconciliation_parents_update
AFTER UPDATE OF company_id, bank_line_id, entry_id ON reconciliation_match
FOR EACH ROW WHEN (NEW.company_id IS DISTINCT FROM OLD.company_id OR NEW.bank_line_id IS DISTINCT FROM OLD.bank_line_id
    OR NEW.entry_id IS DISTINCT FROM OLD.entry_id)
EXECUTE FUNCTION bk_check_updated_row_parents('reconciliation_match');

CREATE OR REPLACE FUNCTION bk_orphaned_references() RETURNS TABLE (constraint_name TEXT, orphans BIGINT) AS $$
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
    SELECT 'fk_reconcile_line_match_entry', COUNT(*) FROM reconcile_bank_line n WHERE n.match_entry_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM journal_entry p WHERE p.company_id = n.company_id AND p.id = n.match_entry_id)
    UNION ALL
    SELECT 'fk_reconciliation_entry', COUNT(*) FROM reconciliation_match n
     WHERE NOT EXISTS (SELECT 1 FROM journal_entry p WHERE p.company_id = n.company_id AND p.id = n.entry_id)
$$ LANGUAGE sql STABLE;
