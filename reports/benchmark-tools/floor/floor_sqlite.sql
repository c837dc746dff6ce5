-- As floor_postgresql.sql, for SQLite; floor.sh replaces @C@, @BANK@, @EXP@, @BATCH@ (as hex) and @N@. Keys are
-- 16-byte BLOBs (V10_1__blob_keys), here 16 characters cast to BLOB (Debian 12's sqlite3 has no unhex); the
-- reconciler's line ids stay text.
PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;
.timer on
BEGIN;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < @N@)
INSERT INTO bank_transaction (company_id,id,bank_account_id,batch_id,booking_date,value_date,amount_minor,currency,description,normalized_description,counterparty,reference,bank_txn_id,fingerprint,occurrence,status,linked_to,transfer_pair_id,source_line,created_at)
SELECT X'@C@', CAST(printf('ffff%012d',i) AS BLOB), X'@BANK@', X'@BATCH@', date('2015-01-01', '+' || (i/300) || ' days'), null, -(1000 + i%5000), 'USD', 'CARD PURCHASE SYSCO FOODS #' || (i%997) || ' SAN FRANCISCO CA', 'card purchase sysco foods san francisco ca', 'SYSCO', null, null, 'fp' || i, 1, 'BOOKED', null, null, i, '2026-11-26T02:00:00.000000Z' FROM s;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < @N@)
INSERT INTO journal_entry (company_id,id,entry_date,description,memo,status,source,currency,reversal_of,created_by,created_at,decided_by,decided_at,posted_at,version)
SELECT X'@C@', CAST(printf('eeee%012d',i) AS BLOB), date('2015-01-01', '+' || (i/300) || ' days'), 'CARD PURCHASE SYSCO FOODS #' || (i%997), null, CASE WHEN i%3=0 THEN 'APPROVED' ELSE 'PROPOSED' END, 'IMPORT', 'USD', null, null, '2026-11-26T02:00:00.000000Z', null, null, null, 0 FROM s;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < @N@), l(l) AS (VALUES (1),(2))
INSERT INTO journal_line (company_id,entry_id,line_no,account_id,debit_minor,credit_minor,memo)
SELECT X'@C@', CAST(printf('eeee%012d',i) AS BLOB), l, CASE WHEN l=1 THEN X'@EXP@' ELSE X'@BANK@' END, CASE WHEN l=1 THEN 1000+i%5000 ELSE 0 END, CASE WHEN l=2 THEN 1000+i%5000 ELSE 0 END, null FROM s, l ORDER BY i, l;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < @N@)
INSERT INTO proposal (company_id,transaction_id,entry_id,txn_date,description,counterparty,amount_minor,bank_account_id,predicted_account_code,confidence_bp,tier,source,rationale,similar_examples,llm_exchange,outcome,approved_account_code,decided_by,decided_at,created_at)
SELECT X'@C@', CAST(printf('ffff%012d',i) AS BLOB), CAST(printf('eeee%012d',i) AS BLOB), date('2015-01-01', '+' || (i/300) || ' days'), 'CARD PURCHASE SYSCO FOODS #' || (i%997), 'SYSCO', -(1000+i%5000), X'@BANK@', '6000', 9000, 'RULE', 'rule sysco', 'matched rule sysco', null, null, CASE WHEN i%3=0 THEN 'AUTO_APPROVED' ELSE 'QUEUED' END, null, null, null, '2026-11-26T02:00:00.000000Z' FROM s;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < @N@)
INSERT INTO reconcile_bank_line (company_id,bank_line_id,account_id,line_date,amount_minor,currency,description,recorded_at)
SELECT X'@C@', 'ffff0000-0000-7000-8000-' || printf('%012d',i), X'@BANK@', date('2015-01-01', '+' || (i/300) || ' days'), -(1000+i%5000), 'USD', 'CARD PURCHASE SYSCO FOODS #' || (i%997), '2026-11-26T02:00:00.000000Z' FROM s;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < @N@)
INSERT INTO reconciliation_match (company_id,id,bank_line_id,sole_line_id,entry_id,kind,score_bp,reason,created_at,created_by)
SELECT X'@C@', CAST(printf('dddd%012d',i) AS BLOB), 'ffff0000-0000-7000-8000-' || printf('%012d',i), 'ffff0000-0000-7000-8000-' || printf('%012d',i), CAST(printf('eeee%012d',i) AS BLOB), 'EXACT', 10000, 'booked from this bank line', '2026-11-26T02:00:00.000000Z', null FROM s;
COMMIT;
