-- As lean_postgresql.sql, but the lines' two references are checked once per statement by a trigger (the parents
-- this transaction did not write are locked FOR KEY SHARE, as a foreign key locks them) instead of by foreign keys.
-- For comparison only (not the product's schema). Variable n: transactions.
DROP TABLE IF EXISTS l_line, l_entry, l_txn, l_account, l_company CASCADE;
CREATE TABLE l_company (id int PRIMARY KEY);
CREATE TABLE l_account (company_id int NOT NULL REFERENCES l_company, id int NOT NULL, PRIMARY KEY (company_id,id));
CREATE TABLE l_txn (company_id int NOT NULL, id bigint NOT NULL, account_id int NOT NULL, booking_date date NOT NULL, amount_minor bigint NOT NULL, description text NOT NULL, fingerprint text NOT NULL,
  entry_id bigint, predicted_account int, confidence_bp smallint, tier smallint, outcome smallint, match_kind smallint,
  PRIMARY KEY (company_id,id), UNIQUE (company_id, account_id, fingerprint), FOREIGN KEY (company_id, account_id) REFERENCES l_account);
CREATE TABLE l_entry (company_id int NOT NULL, id bigint NOT NULL, entry_date date NOT NULL, description text NOT NULL, status smallint NOT NULL, source smallint NOT NULL, created_at timestamptz NOT NULL,
  PRIMARY KEY (company_id,id));
CREATE INDEX ON l_entry (company_id, entry_date);
CREATE TABLE l_line (company_id int NOT NULL, entry_id bigint NOT NULL, line_no smallint NOT NULL, account_id int NOT NULL, amount_minor bigint NOT NULL,
  PRIMARY KEY (company_id, entry_id, line_no));
CREATE INDEX ON l_line (company_id, account_id);
INSERT INTO l_company VALUES (1); INSERT INTO l_account VALUES (1,1),(1,2);

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
\timing on
BEGIN;
INSERT INTO l_entry SELECT 1, i, date '2015-01-01' + (i/300), 'CARD PURCHASE SYSCO FOODS #' || (i%997), 1, 1, now() FROM generate_series(1,:n) i;
INSERT INTO l_line SELECT 1, i, l, l, CASE WHEN l=1 THEN 1 ELSE -1 END * (1000+i%5000) FROM generate_series(1,:n) i, generate_series(1,2) l;
INSERT INTO l_txn SELECT 1, i, 1, date '2015-01-01' + (i/300), -(1000+i%5000), 'CARD PURCHASE SYSCO FOODS #' || (i%997) || ' SAN FRANCISCO CA', 'fp'||i, i, 2, 9000, 1, 1, 1 FROM generate_series(1,:n) i;
COMMIT;
