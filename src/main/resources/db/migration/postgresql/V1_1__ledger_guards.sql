-- PostgreSQL checks the balance rule at commit with a deferred constraint trigger: lines are written one by
-- one, so only the finished transaction can be judged. A posted entry and its lines never change.

CREATE FUNCTION bk_check_entry_balanced() RETURNS trigger AS $$
DECLARE
    v_company VARCHAR(36);
    v_entry   VARCHAR(36);
    v_lines   INTEGER;
    v_diff    BIGINT;
BEGIN
    IF TG_OP = 'DELETE' THEN
        v_company := OLD.company_id; v_entry := OLD.entry_id;
    ELSE
        v_company := NEW.company_id; v_entry := NEW.entry_id;
    END IF;
    -- an entry deleted in the same transaction (a rejected draft being purged) has nothing left to balance
    IF NOT EXISTS (SELECT 1 FROM journal_entry e WHERE e.company_id = v_company AND e.id = v_entry) THEN
        RETURN NULL;
    END IF;
    SELECT COUNT(*), COALESCE(SUM(debit_minor), 0) - COALESCE(SUM(credit_minor), 0)
      INTO v_lines, v_diff
      FROM journal_line WHERE company_id = v_company AND entry_id = v_entry;
    IF v_lines < 2 OR v_diff <> 0 THEN
        RAISE EXCEPTION 'journal entry % does not balance: % line(s), debits minus credits = % minor units',
            v_entry, v_lines, v_diff USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER tr_line_balanced
AFTER INSERT OR UPDATE OR DELETE ON journal_line
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION bk_check_entry_balanced();

CREATE FUNCTION bk_refuse_posted_entry_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'journal entry % is posted and cannot be changed; post a reversal instead', OLD.id
        USING ERRCODE = '23514';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_entry_posted_immutable
BEFORE UPDATE OR DELETE ON journal_entry
FOR EACH ROW WHEN (OLD.status = 'POSTED')
EXECUTE FUNCTION bk_refuse_posted_entry_change();

CREATE FUNCTION bk_refuse_posted_line_change() RETURNS trigger AS $$
DECLARE
    v_company VARCHAR(36);
    v_entry   VARCHAR(36);
BEGIN
    IF TG_OP = 'INSERT' THEN
        v_company := NEW.company_id; v_entry := NEW.entry_id;
    ELSE
        v_company := OLD.company_id; v_entry := OLD.entry_id;
    END IF;
    IF EXISTS (SELECT 1 FROM journal_entry e
                WHERE e.company_id = v_company AND e.id = v_entry AND e.status = 'POSTED') THEN
        RAISE EXCEPTION 'journal entry % is posted and its lines cannot be changed; post a reversal instead', v_entry
            USING ERRCODE = '23514';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_line_posted_immutable
BEFORE INSERT OR UPDATE OR DELETE ON journal_line
FOR EACH ROW EXECUTE FUNCTION bk_refuse_posted_line_change();
