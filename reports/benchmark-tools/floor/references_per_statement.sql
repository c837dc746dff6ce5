-- AN EXPERIMENT, NOT THE PRODUCT'S SCHEMA (sixth session, reports/benchmark.md): the hot tables' foreign keys on
-- PostgreSQL replaced by checks once per statement. Tried as a migration and dropped: on the bench's statements
-- (about 90 rows each, as the JDBC driver rewrites the batches) the checks cost 6.2 s of server time per 100,000
-- transactions, and the bench's wall clock moved by no more than this machine's noise. Kept so that the figures can
-- be reproduced: PG_BEFORE=reports/benchmark-tools/floor/references_per_statement.sql reports/benchmark-tools/floor/floor.sh
-- A review found two places where it does not keep the rules as the foreign keys did, contrary to the header below:
-- under REPEATABLE READ a delete racing a committed child insert leaves orphans (a foreign key raises a serialization
-- error), and the key-fixed trigger refuses key changes even on rows nothing names.
--
-- PostgreSQL only. The references an import writes for every bank line (a journal line to its entry and its account,
-- a proposal and a reconciliation match to their entry, a bank line to its account and import batch, an entry to its
-- company) are checked once per statement, over the statement's new rows, instead of by a foreign key's per-row
-- check. A foreign key check runs a query and locks the parent row for every child row: measured with
-- reports/benchmark-tools/floor, the checks were about 37 % of the database's time for an import's rows; checked per
-- statement they cost a few per cent. The rules are unchanged and still the database's:
--   * a new or changed child row must name a parent row that exists (SQLSTATE 23503, as a foreign key reports it);
--   * a parent row that child rows name cannot be deleted (23503);
--   * a parent's key never changes (23503).
-- The parents the check finds are locked FOR KEY SHARE as a foreign key locks them, so that a parent deleted at the
-- same time makes one of the two transactions fail; parents written by the same transaction are not locked again
-- (no other transaction can see them, let alone delete them).
-- SQLite keeps its foreign keys: there a check is one B-tree lookup and costs little.
-- Two company references are dropped rather than moved, being implied by another reference of the same row: a
-- reconcile bank line names an account (which names its company), a reconciliation match names an entry (likewise).

-- Child side, after an UPDATE that changes the reference, per row (rare).
CREATE FUNCTION bk_check_reference_of_row() RETURNS trigger AS $$
DECLARE
    v_keys    TEXT;
    v_values  TEXT;
    v_present BOOLEAN;
    v_found   INTEGER;
BEGIN
    SELECT string_agg(format('p.%I', c), ', ') INTO v_keys FROM unnest(string_to_array(TG_ARGV[2], ',')) AS c;
    SELECT string_agg(format('$1.%I', c), ', ') INTO v_values FROM unnest(string_to_array(TG_ARGV[1], ',')) AS c;
    EXECUTE format('SELECT %s', (SELECT string_agg(format('$1.%I IS NOT NULL', c), ' AND ')
                                   FROM unnest(string_to_array(TG_ARGV[1], ',')) AS c))
       INTO v_present USING NEW;
    IF NOT v_present THEN
        RETURN NULL;
    END IF;
    EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM %I p WHERE (%s) = (%s) FOR KEY SHARE OF p) k',
                   TG_ARGV[0], v_keys, v_values)
       INTO v_found USING NEW;
    IF v_found = 0 THEN
        RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%"', TG_TABLE_NAME, TG_ARGV[3]
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_ARGV[3], TABLE = TG_TABLE_NAME,
                  DETAIL = format('The row names a row of %s that does not exist (%s).', TG_ARGV[0], TG_ARGV[1]);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Parent side, after DELETE, once per statement (transition table old_rows): no child may still name a deleted row.
-- Arguments: child table, child columns, parent columns, rule name.
CREATE FUNCTION bk_check_unreferenced() RETURNS trigger AS $$
DECLARE
    v_child TEXT;
    v_keys  TEXT;
    v_named BOOLEAN;
BEGIN
    SELECT string_agg(format('c.%I', c), ', ') INTO v_child FROM unnest(string_to_array(TG_ARGV[1], ',')) AS c;
    SELECT string_agg(format('o.%I', c), ', ') INTO v_keys FROM unnest(string_to_array(TG_ARGV[2], ',')) AS c;
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I c WHERE (%s) IN (SELECT %s FROM old_rows o))',
                   TG_ARGV[0], v_child, v_keys)
       INTO v_named;
    IF v_named THEN
        RAISE EXCEPTION 'update or delete on table "%" violates foreign key constraint "%" on table "%"',
                        TG_TABLE_NAME, TG_ARGV[3], TG_ARGV[0]
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_ARGV[3], TABLE = TG_TABLE_NAME,
                  DETAIL = format('Rows of %s still name the deleted rows.', TG_ARGV[0]);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Parent side: a referenced table's key never changes.
CREATE FUNCTION bk_refuse_key_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'update on table "%" violates foreign key constraint "%": the key of a row others name cannot change',
                    TG_TABLE_NAME, TG_NAME
        USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

-- Replaces the foreign key p_name of p_child with triggers: a function of its own for the insert check, written here
-- with the tables and columns in place so that PL/pgSQL keeps its plans (the one-function-for-all form of this check,
-- with dynamic SQL, planned its queries on every statement and cost more than the foreign keys it replaced), and the
-- shared functions above for updates, deletes and key changes.
CREATE FUNCTION bk_reference_by_statement(p_name TEXT, p_child TEXT, p_child_columns TEXT, p_parent TEXT,
                                          p_parent_columns TEXT) RETURNS void AS $$
DECLARE
    v_args    TEXT := format('%L, %L, %L, %L', p_parent, p_child_columns, p_parent_columns, p_name);
    v_present TEXT;
    v_child   TEXT;
    v_keys    TEXT;
    v_changed TEXT;
    v_keyed   TEXT;
BEGIN
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', p_child, p_name);
    SELECT string_agg(format('n.%I IS NOT NULL', c), ' AND '), string_agg(format('n.%I', c), ', ')
      INTO v_present, v_child FROM unnest(string_to_array(p_child_columns, ',')) AS c;
    SELECT string_agg(format('p.%I', c), ', ') INTO v_keys FROM unnest(string_to_array(p_parent_columns, ',')) AS c;
    -- the statement's distinct references (a NULL in one names no parent, as MATCH SIMPLE), those found, and those
    -- found among the rows this transaction wrote; the others are locked FOR KEY SHARE and counted again
    EXECUTE format($body$
        CREATE FUNCTION %1$I() RETURNS trigger AS $fn$
        DECLARE
            v_wanted  BIGINT;
            v_missing BIGINT;
            v_own     BIGINT;
            v_locked  BIGINT := 0;
        BEGIN
            SELECT count(*), count(*) FILTER (WHERE p.xmin IS NULL),
                   count(*) FILTER (WHERE p.xmin = pg_current_xact_id()::xid)
              INTO v_wanted, v_missing, v_own
              FROM (SELECT DISTINCT %2$s FROM new_rows n WHERE %3$s) n
              LEFT JOIN %4$I p ON (%5$s) = (%2$s);
            IF v_missing = 0 AND v_own < v_wanted THEN
                SELECT count(*) INTO v_locked
                  FROM (SELECT 1 FROM %4$I p
                         WHERE (%5$s) IN (SELECT %2$s FROM new_rows n WHERE %3$s)
                           AND p.xmin <> pg_current_xact_id()::xid
                           FOR KEY SHARE OF p) k;
            END IF;
            IF v_missing > 0 OR v_own + v_locked < v_wanted THEN
                RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = %6$L, TABLE = %7$L,
                    MESSAGE = %8$L,
                    DETAIL = (v_wanted - v_own - v_locked) || ' rows of %4$s named by this statement do not exist (%9$s).';
            END IF;
            RETURN NULL;
        END;
        $fn$ LANGUAGE plpgsql
        SET enable_seqscan = off
        $body$, 'bk_check_' || p_name, v_child, v_present, p_parent, v_keys, p_name, p_child,
        format('insert or update on table "%s" violates foreign key constraint "%s"', p_child, p_name), p_child_columns);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows'
                   || ' FOR EACH STATEMENT EXECUTE FUNCTION %I()', p_name || '_insert', p_child, 'bk_check_' || p_name);
    SELECT string_agg(format('OLD.%1$I IS DISTINCT FROM NEW.%1$I', c), ' OR '), string_agg(format('%I', c), ', ')
      INTO v_changed, v_keyed FROM unnest(string_to_array(p_child_columns, ',')) AS c;
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE OF %s ON %I FOR EACH ROW WHEN (%s)'
                   || ' EXECUTE FUNCTION bk_check_reference_of_row(%s)', p_name || '_update', v_keyed, p_child,
                   v_changed, v_args);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows'
                   || ' FOR EACH STATEMENT EXECUTE FUNCTION bk_check_unreferenced(%L, %L, %L, %L)',
                   p_name || '_delete', p_parent, p_child, p_child_columns, p_parent_columns, p_name);
    SELECT string_agg(format('OLD.%1$I IS DISTINCT FROM NEW.%1$I', c), ' OR '), string_agg(format('%I', c), ', ')
      INTO v_changed, v_keyed FROM unnest(string_to_array(p_parent_columns, ',')) AS c;
    EXECUTE format('CREATE OR REPLACE TRIGGER %I BEFORE UPDATE OF %s ON %I FOR EACH ROW WHEN (%s)'
                   || ' EXECUTE FUNCTION bk_refuse_key_change()', p_parent || '_key_fixed', v_keyed, p_parent, v_changed);
END;
$$ LANGUAGE plpgsql;

SELECT bk_reference_by_statement('fk_line_entry', 'journal_line', 'company_id,entry_id', 'journal_entry', 'company_id,id');
SELECT bk_reference_by_statement('fk_line_account', 'journal_line', 'company_id,account_id', 'account', 'company_id,id');
SELECT bk_reference_by_statement('fk_entry_company', 'journal_entry', 'company_id', 'company', 'id');
SELECT bk_reference_by_statement('fk_proposal_entry', 'proposal', 'company_id,entry_id', 'journal_entry', 'company_id,id');
SELECT bk_reference_by_statement('fk_reconciliation_entry', 'reconciliation_match', 'company_id,entry_id', 'journal_entry',
                                 'company_id,id');
SELECT bk_reference_by_statement('fk_reconcile_line_account', 'reconcile_bank_line', 'company_id,account_id', 'account',
                                 'company_id,id');
SELECT bk_reference_by_statement('fk_bank_txn_account', 'bank_transaction', 'company_id,bank_account_id', 'account',
                                 'company_id,id');
SELECT bk_reference_by_statement('fk_bank_txn_batch', 'bank_transaction', 'company_id,batch_id', 'import_batch',
                                 'company_id,id');

ALTER TABLE reconcile_bank_line DROP CONSTRAINT fk_reconcile_line_company;
ALTER TABLE reconciliation_match DROP CONSTRAINT fk_reconciliation_company;
