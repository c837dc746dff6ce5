-- PostgreSQL only. Keys and the columns that reference them are stored as the native uuid type (16 bytes) instead of
-- VARCHAR(36) text (37 bytes, compared by collation). Every key starts with company_id, so every row and every index
-- entry of the company tables carried two or more 36-character strings. Measured on the schema's floor
-- (reports/benchmark-tools/floor, the seven rows of 200,000 transactions in single statements): 60.2 s -> 39.2 s.
-- The application binds and reads keys as java.util.UUID (platform.Keys); SQLite stores the same 16 bytes as BLOBs.
-- Left as text: the reconciler's external ids (bank_line_id, sole_line_id and document_link.document_id: its API takes
-- a caller's own ids of up to 36 characters, reconcile.Ids), audit_event.subject_id (it also names rules, whose ids
-- are not UUIDs) and the columns that say who acted (actor, created_by, decided_by, declined_by), which no key or
-- join uses.

-- Foreign keys cannot span a uuid and a text column, so they are dropped while the types change and then put back
-- exactly as they were.
CREATE TEMPORARY TABLE bk_foreign_keys ON COMMIT DROP AS
SELECT c.conrelid::regclass AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
  FROM pg_constraint c
 WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace;

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT table_name, name FROM bk_foreign_keys LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.table_name, r.name);
    END LOOP;
END
$$;

ALTER TABLE app_user ALTER COLUMN id TYPE uuid USING id::uuid;
ALTER TABLE company ALTER COLUMN id TYPE uuid USING id::uuid;
ALTER TABLE membership
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN user_id TYPE uuid USING user_id::uuid;
ALTER TABLE account
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN id TYPE uuid USING id::uuid;
ALTER TABLE journal_entry
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN id TYPE uuid USING id::uuid,
    ALTER COLUMN reversal_of TYPE uuid USING reversal_of::uuid;
ALTER TABLE journal_line
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN entry_id TYPE uuid USING entry_id::uuid,
    ALTER COLUMN account_id TYPE uuid USING account_id::uuid;
ALTER TABLE audit_event
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN id TYPE uuid USING id::uuid;
ALTER TABLE statement_account
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN account_id TYPE uuid USING account_id::uuid;
ALTER TABLE bank_profile ALTER COLUMN company_id TYPE uuid USING company_id::uuid;
ALTER TABLE import_batch
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN id TYPE uuid USING id::uuid;
ALTER TABLE bank_transaction
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN id TYPE uuid USING id::uuid,
    ALTER COLUMN bank_account_id TYPE uuid USING bank_account_id::uuid,
    ALTER COLUMN batch_id TYPE uuid USING batch_id::uuid,
    ALTER COLUMN linked_to TYPE uuid USING linked_to::uuid,
    ALTER COLUMN transfer_pair_id TYPE uuid USING transfer_pair_id::uuid;
ALTER TABLE statement_balance
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN id TYPE uuid USING id::uuid,
    ALTER COLUMN bank_account_id TYPE uuid USING bank_account_id::uuid,
    ALTER COLUMN batch_id TYPE uuid USING batch_id::uuid;
ALTER TABLE document
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN id TYPE uuid USING id::uuid;
ALTER TABLE category_rule ALTER COLUMN company_id TYPE uuid USING company_id::uuid;
ALTER TABLE category_vendor_memory ALTER COLUMN company_id TYPE uuid USING company_id::uuid;
ALTER TABLE category_decision
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN id TYPE uuid USING id::uuid,
    ALTER COLUMN bank_account_id TYPE uuid USING bank_account_id::uuid;
ALTER TABLE category_model
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN id TYPE uuid USING id::uuid;
ALTER TABLE category_global_model ALTER COLUMN id TYPE uuid USING id::uuid;
ALTER TABLE category_approval_override
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN id TYPE uuid USING id::uuid;
ALTER TABLE reconcile_bank_line
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN account_id TYPE uuid USING account_id::uuid;
ALTER TABLE reconciliation_match
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN id TYPE uuid USING id::uuid,
    ALTER COLUMN entry_id TYPE uuid USING entry_id::uuid;
ALTER TABLE document_link
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN entry_id TYPE uuid USING entry_id::uuid;
ALTER TABLE api_token
    ALTER COLUMN id TYPE uuid USING id::uuid,
    ALTER COLUMN user_id TYPE uuid USING user_id::uuid;
ALTER TABLE idempotency_record ALTER COLUMN user_id TYPE uuid USING user_id::uuid;
ALTER TABLE job
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN id TYPE uuid USING id::uuid;
ALTER TABLE proposal
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN transaction_id TYPE uuid USING transaction_id::uuid,
    ALTER COLUMN entry_id TYPE uuid USING entry_id::uuid,
    ALTER COLUMN bank_account_id TYPE uuid USING bank_account_id::uuid;
ALTER TABLE reconciliation_declined
    ALTER COLUMN company_id TYPE uuid USING company_id::uuid,
    ALTER COLUMN entry_id TYPE uuid USING entry_id::uuid;

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT table_name, name, definition FROM bk_foreign_keys LOOP
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.table_name, r.name, r.definition);
    END LOOP;
END
$$;

-- The ledger guards held keys in VARCHAR(36) variables, which cannot be compared with a uuid column; they now take
-- the columns' own types. Their rules and plans are those of V7_1 and V9_2.
CREATE OR REPLACE FUNCTION bk_check_entry_balanced() RETURNS trigger AS $$
DECLARE
    v_company journal_line.company_id%TYPE;
    v_entry   journal_line.entry_id%TYPE;
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
    SELECT COUNT(*), COALESCE(SUM(debit_minor), 0) - COALESCE(SUM(credit_minor), 0)
      INTO v_lines, v_diff
      FROM journal_line WHERE company_id = v_company AND entry_id = v_entry;
    -- no lines left: fine only for an entry deleted in the same transaction (a rejected draft being purged)
    IF v_lines = 0 AND NOT EXISTS (SELECT 1 FROM journal_entry e WHERE e.company_id = v_company AND e.id = v_entry) THEN
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

CREATE OR REPLACE FUNCTION bk_refuse_posted_line_change() RETURNS trigger AS $$
DECLARE
    v_company journal_line.company_id%TYPE;
    v_entry   journal_line.entry_id%TYPE;
    v_status  journal_entry.status%TYPE;
BEGIN
    IF TG_OP = 'INSERT' THEN
        v_company := NEW.company_id; v_entry := NEW.entry_id;
    ELSE
        v_company := OLD.company_id; v_entry := OLD.entry_id;
    END IF;
    SELECT e.status INTO v_status FROM journal_entry e WHERE e.company_id = v_company AND e.id = v_entry;
    IF v_status = 'POSTED' THEN
        RAISE EXCEPTION 'journal entry % is posted and its lines cannot be changed; post a reversal instead', v_entry
            USING ERRCODE = '23514';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql
SET enable_seqscan = off;

CREATE OR REPLACE FUNCTION bk_refuse_lines_of_posted_entries() RETURNS trigger AS $$
DECLARE
    v_entry journal_line.entry_id%TYPE;
BEGIN
    SELECT n.entry_id INTO v_entry
      FROM new_lines n
      JOIN journal_entry e ON e.company_id = n.company_id AND e.id = n.entry_id
     WHERE e.status = 'POSTED'
     LIMIT 1;
    IF v_entry IS NOT NULL THEN
        RAISE EXCEPTION 'journal entry % is posted and its lines cannot be changed; post a reversal instead', v_entry
            USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
SET enable_seqscan = off;

-- The type changes removed these columns' planner statistics; the next import would otherwise plan without them.
ANALYZE;
