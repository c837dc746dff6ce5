-- As lean_postgresql.sql, for SQLite (comparison only, not the product's schema): integer keys, a company as an
-- integer, the proposal and match state carried on the bank row, foreign keys on the lines and the bank row;
-- l_account and l_line are WITHOUT ROWID (rows that are little more than their integer keys). floor.sh replaces @N@.
PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;
DROP TABLE IF EXISTS l_line; DROP TABLE IF EXISTS l_txn; DROP TABLE IF EXISTS l_entry;
DROP TABLE IF EXISTS l_account; DROP TABLE IF EXISTS l_company;
CREATE TABLE l_company (id INTEGER PRIMARY KEY);
CREATE TABLE l_account (company_id INTEGER NOT NULL REFERENCES l_company, id INTEGER NOT NULL, PRIMARY KEY (company_id, id)) WITHOUT ROWID;
CREATE TABLE l_txn (company_id INTEGER NOT NULL, id INTEGER NOT NULL, account_id INTEGER NOT NULL, booking_date TEXT NOT NULL,
  amount_minor INTEGER NOT NULL, description TEXT NOT NULL, fingerprint TEXT NOT NULL,
  entry_id INTEGER, predicted_account INTEGER, confidence_bp INTEGER, tier INTEGER, outcome INTEGER, match_kind INTEGER,
  PRIMARY KEY (company_id, id), UNIQUE (company_id, account_id, fingerprint),
  FOREIGN KEY (company_id, account_id) REFERENCES l_account);
CREATE TABLE l_entry (company_id INTEGER NOT NULL, id INTEGER NOT NULL, entry_date TEXT NOT NULL, description TEXT NOT NULL,
  status INTEGER NOT NULL, source INTEGER NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (company_id, id));
CREATE INDEX l_entry_date ON l_entry (company_id, entry_date);
CREATE TABLE l_line (company_id INTEGER NOT NULL, entry_id INTEGER NOT NULL, line_no INTEGER NOT NULL, account_id INTEGER NOT NULL,
  amount_minor INTEGER NOT NULL, PRIMARY KEY (company_id, entry_id, line_no),
  FOREIGN KEY (company_id, entry_id) REFERENCES l_entry, FOREIGN KEY (company_id, account_id) REFERENCES l_account) WITHOUT ROWID;
CREATE INDEX l_line_account ON l_line (company_id, account_id);
INSERT INTO l_company VALUES (1); INSERT INTO l_account VALUES (1, 1), (1, 2);
.timer on
BEGIN;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < @N@)
INSERT INTO l_entry SELECT 1, i, date('2015-01-01', '+' || (i/300) || ' days'), 'CARD PURCHASE SYSCO FOODS #' || (i%997), 1, 1, '2026-11-26T02:00:00.000000Z' FROM s;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < @N@), l(l) AS (VALUES (1),(2))
INSERT INTO l_line SELECT 1, i, l, l, CASE WHEN l=1 THEN 1 ELSE -1 END * (1000+i%5000) FROM s, l ORDER BY i, l;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < @N@)
INSERT INTO l_txn SELECT 1, i, 1, date('2015-01-01', '+' || (i/300) || ' days'), -(1000+i%5000), 'CARD PURCHASE SYSCO FOODS #' || (i%997) || ' SAN FRANCISCO CA', 'fp' || i, i, 2, 9000, 1, 1, 1 FROM s;
COMMIT;
