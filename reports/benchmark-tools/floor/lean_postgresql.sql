-- A lean alternative, for comparison only (not the product's schema): integer keys, a company as an integer, the
-- proposal and match state carried on the bank row, foreign keys on the lines. Variable n: transactions;
-- statement_checks (optional, true/false): check the lines' references per statement instead
-- (lean_postgresql_statement_checks.sql).
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
  PRIMARY KEY (company_id, entry_id, line_no), FOREIGN KEY (company_id, entry_id) REFERENCES l_entry, FOREIGN KEY (company_id, account_id) REFERENCES l_account);
CREATE INDEX ON l_line (company_id, account_id);
INSERT INTO l_company VALUES (1); INSERT INTO l_account VALUES (1,1),(1,2);
\if :{?statement_checks}
\else
\set statement_checks false
\endif
\if :statement_checks
\ir lean_postgresql_statement_checks.sql
\endif
\timing on
BEGIN;
INSERT INTO l_entry SELECT 1, i, date '2015-01-01' + (i/300), 'CARD PURCHASE SYSCO FOODS #' || (i%997), 1, 1, now() FROM generate_series(1,:n) i;
INSERT INTO l_line SELECT 1, i, l, l, CASE WHEN l=1 THEN 1 ELSE -1 END * (1000+i%5000) FROM generate_series(1,:n) i, generate_series(1,2) l;
INSERT INTO l_txn SELECT 1, i, 1, date '2015-01-01' + (i/300), -(1000+i%5000), 'CARD PURCHASE SYSCO FOODS #' || (i%997) || ' SAN FRANCISCO CA', 'fp'||i, i, 2, 9000, 1, 1, 1 FROM generate_series(1,:n) i;
COMMIT;
