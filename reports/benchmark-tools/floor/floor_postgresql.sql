-- The cost of this schema with no application at all: the seven rows of :n bank transactions written by
-- INSERT ... SELECT in one transaction, with every key, index, foreign key and trigger in place.
-- Variables (set by floor.sh): c company id, bank and exp account ids, batch an import batch id, n transactions.
-- Keys are uuid (V10_1__uuid_keys); the reconciler's line ids stay text.
\timing on
BEGIN;
INSERT INTO bank_transaction (company_id,id,bank_account_id,batch_id,booking_date,value_date,amount_minor,currency,description,normalized_description,counterparty,reference,bank_txn_id,fingerprint,occurrence,status,linked_to,transfer_pair_id,source_line,created_at)
SELECT :'c'::uuid, ('ffff0000-0000-7000-8000-' || lpad(i::text,12,'0'))::uuid, :'bank'::uuid, :'batch'::uuid, to_char(date '2015-01-01' + (i/300), 'YYYY-MM-DD'), null, -(1000 + i%5000), 'USD', 'CARD PURCHASE SYSCO FOODS #' || (i%997) || ' SAN FRANCISCO CA', 'card purchase sysco foods san francisco ca', 'SYSCO', null, null, 'fp' || i, 1, 'BOOKED', null, null, i, '2026-11-26T02:00:00.000000Z' FROM generate_series(1,:n) i;
INSERT INTO journal_entry (company_id,id,entry_date,description,memo,status,source,currency,reversal_of,created_by,created_at,decided_by,decided_at,posted_at,version)
SELECT :'c'::uuid, ('eeee0000-0000-7000-8000-' || lpad(i::text,12,'0'))::uuid, to_char(date '2015-01-01' + (i/300), 'YYYY-MM-DD'), 'CARD PURCHASE SYSCO FOODS #' || (i%997), null, CASE WHEN i%3=0 THEN 'APPROVED' ELSE 'PROPOSED' END, 'IMPORT', 'USD', null, null, '2026-11-26T02:00:00.000000Z', null, null, null, 0 FROM generate_series(1,:n) i;
INSERT INTO journal_line (company_id,entry_id,line_no,account_id,debit_minor,credit_minor,memo)
SELECT :'c'::uuid, ('eeee0000-0000-7000-8000-' || lpad(i::text,12,'0'))::uuid, l, CASE WHEN l=1 THEN :'exp'::uuid ELSE :'bank'::uuid END, CASE WHEN l=1 THEN 1000+i%5000 ELSE 0 END, CASE WHEN l=2 THEN 1000+i%5000 ELSE 0 END, null FROM generate_series(1,:n) i, generate_series(1,2) l;
INSERT INTO proposal (company_id,transaction_id,entry_id,txn_date,description,counterparty,amount_minor,bank_account_id,predicted_account_code,confidence_bp,tier,source,rationale,similar_examples,llm_exchange,outcome,approved_account_code,decided_by,decided_at,created_at)
SELECT :'c'::uuid, ('ffff0000-0000-7000-8000-' || lpad(i::text,12,'0'))::uuid, ('eeee0000-0000-7000-8000-' || lpad(i::text,12,'0'))::uuid, to_char(date '2015-01-01' + (i/300), 'YYYY-MM-DD'), 'CARD PURCHASE SYSCO FOODS #' || (i%997), 'SYSCO', -(1000+i%5000), :'bank'::uuid, '6000', 9000, 'RULE', 'rule sysco', 'matched rule sysco', null, null, CASE WHEN i%3=0 THEN 'AUTO_APPROVED' ELSE 'QUEUED' END, null, null, null, '2026-11-26T02:00:00.000000Z' FROM generate_series(1,:n) i;
INSERT INTO reconcile_bank_line (company_id,bank_line_id,account_id,line_date,amount_minor,currency,description,recorded_at)
SELECT :'c'::uuid, 'ffff0000-0000-7000-8000-' || lpad(i::text,12,'0'), :'bank'::uuid, to_char(date '2015-01-01' + (i/300), 'YYYY-MM-DD'), -(1000+i%5000), 'USD', 'CARD PURCHASE SYSCO FOODS #' || (i%997), '2026-11-26T02:00:00.000000Z' FROM generate_series(1,:n) i;
INSERT INTO reconciliation_match (company_id,id,bank_line_id,sole_line_id,entry_id,kind,score_bp,reason,created_at,created_by)
SELECT :'c'::uuid, ('dddd0000-0000-7000-8000-' || lpad(i::text,12,'0'))::uuid, 'ffff0000-0000-7000-8000-' || lpad(i::text,12,'0'), 'ffff0000-0000-7000-8000-' || lpad(i::text,12,'0'), ('eeee0000-0000-7000-8000-' || lpad(i::text,12,'0'))::uuid, 'EXACT', 10000, 'booked from this bank line', '2026-11-26T02:00:00.000000Z', null FROM generate_series(1,:n) i;
COMMIT;
