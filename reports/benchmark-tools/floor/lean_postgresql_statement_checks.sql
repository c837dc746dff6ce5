-- Included by lean_postgresql.sql when psql is given -v statement_checks=1: the lines' two references checked once
-- per statement by a trigger instead of by foreign keys. For comparison only (not the product's schema), and the best
-- case: a line's entry must have been written by the same transaction (found without a lock; any other is refused),
-- its accounts are locked FOR KEY SHARE as a foreign key locks them.
ALTER TABLE l_line DROP CONSTRAINT l_line_company_id_entry_id_fkey, DROP CONSTRAINT l_line_company_id_account_id_fkey;
CREATE OR REPLACE FUNCTION l_line_refs() RETURNS trigger AS $$
DECLARE w bigint; m bigint; o bigint; lk bigint := 0;
BEGIN
  SELECT count(*), count(*) FILTER (WHERE p.xmin IS NULL), count(*) FILTER (WHERE p.xmin = pg_current_xact_id()::xid) INTO w, m, o
    FROM (SELECT DISTINCT n.company_id, n.entry_id FROM new_rows n) n LEFT JOIN l_entry p ON (p.company_id, p.id) = (n.company_id, n.entry_id);
  IF m > 0 OR o < w THEN RAISE EXCEPTION 'fk entry'; END IF;
  SELECT count(*) INTO w FROM (SELECT DISTINCT n.company_id, n.account_id FROM new_rows n) n;
  SELECT count(*) INTO lk FROM (SELECT 1 FROM l_account p WHERE (p.company_id, p.id) IN (SELECT n.company_id, n.account_id FROM new_rows n) FOR KEY SHARE OF p) k;
  IF lk < w THEN RAISE EXCEPTION 'fk account'; END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER l_line_refs AFTER INSERT ON l_line REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION l_line_refs();
