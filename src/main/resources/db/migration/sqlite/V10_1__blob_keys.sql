-- SQLite only. Keys and the columns that reference them hold the UUID's 16 bytes as a BLOB instead of its 36
-- characters of text; the application binds and reads them through platform.Keys. The columns keep their declared
-- type: a column of TEXT affinity stores a BLOB as it is, compares BLOBs byte by byte, and the bytes are the UUID's
-- big-endian value, so keys sort as their text did. Every key starts with company_id, so every row and index entry of
-- the company tables carried two or more 36-character strings; on the schema's floor (reports/benchmark-tools/floor,
-- the seven rows of 200,000 transactions) 16-byte keys took SQLite from 22.6 and 19.2 s to 14.2 and 12.7 s.
-- The same columns as PostgreSQL's V10_1, and the same left as text (the reconciler's external ids, the audit subject
-- and the columns that say who acted).

-- unhex() gives NULL for anything but hex digits, which in a nullable column would lose a reference without a word.
-- The application only ever wrote UUIDs here; should anything else be found, the migration stops (the NOT NULL
-- column's name says why) and nothing is changed.
CREATE TEMP TABLE bk_key_check (a_key_column_holds_something_other_than_a_uuid TEXT NOT NULL);
INSERT INTO bk_key_check SELECT NULL FROM app_user WHERE NOT ((id IS NULL OR length(id) = 36 AND COALESCE(length(unhex(replace(id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM company WHERE NOT ((id IS NULL OR length(id) = 36 AND COALESCE(length(unhex(replace(id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM membership WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (user_id IS NULL OR length(user_id) = 36 AND COALESCE(length(unhex(replace(user_id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM account WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (id IS NULL OR length(id) = 36 AND COALESCE(length(unhex(replace(id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM journal_entry WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (id IS NULL OR length(id) = 36 AND COALESCE(length(unhex(replace(id, '-', ''))), 0) = 16) AND (reversal_of IS NULL OR length(reversal_of) = 36 AND COALESCE(length(unhex(replace(reversal_of, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM journal_line WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (entry_id IS NULL OR length(entry_id) = 36 AND COALESCE(length(unhex(replace(entry_id, '-', ''))), 0) = 16) AND (account_id IS NULL OR length(account_id) = 36 AND COALESCE(length(unhex(replace(account_id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM audit_event WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (id IS NULL OR length(id) = 36 AND COALESCE(length(unhex(replace(id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM statement_account WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (account_id IS NULL OR length(account_id) = 36 AND COALESCE(length(unhex(replace(account_id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM bank_profile WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM import_batch WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (id IS NULL OR length(id) = 36 AND COALESCE(length(unhex(replace(id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM bank_transaction WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (id IS NULL OR length(id) = 36 AND COALESCE(length(unhex(replace(id, '-', ''))), 0) = 16) AND (bank_account_id IS NULL OR length(bank_account_id) = 36 AND COALESCE(length(unhex(replace(bank_account_id, '-', ''))), 0) = 16) AND (batch_id IS NULL OR length(batch_id) = 36 AND COALESCE(length(unhex(replace(batch_id, '-', ''))), 0) = 16) AND (linked_to IS NULL OR length(linked_to) = 36 AND COALESCE(length(unhex(replace(linked_to, '-', ''))), 0) = 16) AND (transfer_pair_id IS NULL OR length(transfer_pair_id) = 36 AND COALESCE(length(unhex(replace(transfer_pair_id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM statement_balance WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (id IS NULL OR length(id) = 36 AND COALESCE(length(unhex(replace(id, '-', ''))), 0) = 16) AND (bank_account_id IS NULL OR length(bank_account_id) = 36 AND COALESCE(length(unhex(replace(bank_account_id, '-', ''))), 0) = 16) AND (batch_id IS NULL OR length(batch_id) = 36 AND COALESCE(length(unhex(replace(batch_id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM document WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (id IS NULL OR length(id) = 36 AND COALESCE(length(unhex(replace(id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM category_rule WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM category_vendor_memory WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM category_decision WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (id IS NULL OR length(id) = 36 AND COALESCE(length(unhex(replace(id, '-', ''))), 0) = 16) AND (bank_account_id IS NULL OR length(bank_account_id) = 36 AND COALESCE(length(unhex(replace(bank_account_id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM category_model WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (id IS NULL OR length(id) = 36 AND COALESCE(length(unhex(replace(id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM category_global_model WHERE NOT ((id IS NULL OR length(id) = 36 AND COALESCE(length(unhex(replace(id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM category_approval_override WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (id IS NULL OR length(id) = 36 AND COALESCE(length(unhex(replace(id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM reconcile_bank_line WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (account_id IS NULL OR length(account_id) = 36 AND COALESCE(length(unhex(replace(account_id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM reconciliation_match WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (id IS NULL OR length(id) = 36 AND COALESCE(length(unhex(replace(id, '-', ''))), 0) = 16) AND (entry_id IS NULL OR length(entry_id) = 36 AND COALESCE(length(unhex(replace(entry_id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM document_link WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (entry_id IS NULL OR length(entry_id) = 36 AND COALESCE(length(unhex(replace(entry_id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM api_token WHERE NOT ((id IS NULL OR length(id) = 36 AND COALESCE(length(unhex(replace(id, '-', ''))), 0) = 16) AND (user_id IS NULL OR length(user_id) = 36 AND COALESCE(length(unhex(replace(user_id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM idempotency_record WHERE NOT ((user_id IS NULL OR length(user_id) = 36 AND COALESCE(length(unhex(replace(user_id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM job WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (id IS NULL OR length(id) = 36 AND COALESCE(length(unhex(replace(id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM proposal WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (transaction_id IS NULL OR length(transaction_id) = 36 AND COALESCE(length(unhex(replace(transaction_id, '-', ''))), 0) = 16) AND (entry_id IS NULL OR length(entry_id) = 36 AND COALESCE(length(unhex(replace(entry_id, '-', ''))), 0) = 16) AND (bank_account_id IS NULL OR length(bank_account_id) = 36 AND COALESCE(length(unhex(replace(bank_account_id, '-', ''))), 0) = 16));
INSERT INTO bk_key_check SELECT NULL FROM reconciliation_declined WHERE NOT ((company_id IS NULL OR length(company_id) = 36 AND COALESCE(length(unhex(replace(company_id, '-', ''))), 0) = 16) AND (entry_id IS NULL OR length(entry_id) = 36 AND COALESCE(length(unhex(replace(entry_id, '-', ''))), 0) = 16));
DROP TABLE bk_key_check;

-- A posted entry and its lines refuse every update; their keys change here once, and the guards come back below
-- exactly as V1_1 made them. Foreign keys are checked at commit, when parents and children have both changed.
PRAGMA defer_foreign_keys = ON;
DROP TRIGGER tr_entry_posted_immutable;
DROP TRIGGER tr_line_update_posted;

UPDATE app_user SET id = unhex(replace(id, '-', ''));
UPDATE company SET id = unhex(replace(id, '-', ''));
UPDATE membership SET company_id = unhex(replace(company_id, '-', '')), user_id = unhex(replace(user_id, '-', ''));
UPDATE account SET company_id = unhex(replace(company_id, '-', '')), id = unhex(replace(id, '-', ''));
UPDATE journal_entry SET company_id = unhex(replace(company_id, '-', '')), id = unhex(replace(id, '-', '')), reversal_of = unhex(replace(reversal_of, '-', ''));
UPDATE journal_line SET company_id = unhex(replace(company_id, '-', '')), entry_id = unhex(replace(entry_id, '-', '')), account_id = unhex(replace(account_id, '-', ''));
UPDATE audit_event SET company_id = unhex(replace(company_id, '-', '')), id = unhex(replace(id, '-', ''));
UPDATE statement_account SET company_id = unhex(replace(company_id, '-', '')), account_id = unhex(replace(account_id, '-', ''));
UPDATE bank_profile SET company_id = unhex(replace(company_id, '-', ''));
UPDATE import_batch SET company_id = unhex(replace(company_id, '-', '')), id = unhex(replace(id, '-', ''));
UPDATE bank_transaction SET company_id = unhex(replace(company_id, '-', '')), id = unhex(replace(id, '-', '')), bank_account_id = unhex(replace(bank_account_id, '-', '')), batch_id = unhex(replace(batch_id, '-', '')), linked_to = unhex(replace(linked_to, '-', '')), transfer_pair_id = unhex(replace(transfer_pair_id, '-', ''));
UPDATE statement_balance SET company_id = unhex(replace(company_id, '-', '')), id = unhex(replace(id, '-', '')), bank_account_id = unhex(replace(bank_account_id, '-', '')), batch_id = unhex(replace(batch_id, '-', ''));
UPDATE document SET company_id = unhex(replace(company_id, '-', '')), id = unhex(replace(id, '-', ''));
UPDATE category_rule SET company_id = unhex(replace(company_id, '-', ''));
UPDATE category_vendor_memory SET company_id = unhex(replace(company_id, '-', ''));
UPDATE category_decision SET company_id = unhex(replace(company_id, '-', '')), id = unhex(replace(id, '-', '')), bank_account_id = unhex(replace(bank_account_id, '-', ''));
UPDATE category_model SET company_id = unhex(replace(company_id, '-', '')), id = unhex(replace(id, '-', ''));
UPDATE category_global_model SET id = unhex(replace(id, '-', ''));
UPDATE category_approval_override SET company_id = unhex(replace(company_id, '-', '')), id = unhex(replace(id, '-', ''));
UPDATE reconcile_bank_line SET company_id = unhex(replace(company_id, '-', '')), account_id = unhex(replace(account_id, '-', ''));
UPDATE reconciliation_match SET company_id = unhex(replace(company_id, '-', '')), id = unhex(replace(id, '-', '')), entry_id = unhex(replace(entry_id, '-', ''));
UPDATE document_link SET company_id = unhex(replace(company_id, '-', '')), entry_id = unhex(replace(entry_id, '-', ''));
UPDATE api_token SET id = unhex(replace(id, '-', '')), user_id = unhex(replace(user_id, '-', ''));
UPDATE idempotency_record SET user_id = unhex(replace(user_id, '-', ''));
UPDATE job SET company_id = unhex(replace(company_id, '-', '')), id = unhex(replace(id, '-', ''));
UPDATE proposal SET company_id = unhex(replace(company_id, '-', '')), transaction_id = unhex(replace(transaction_id, '-', '')), entry_id = unhex(replace(entry_id, '-', '')), bank_account_id = unhex(replace(bank_account_id, '-', ''));
UPDATE reconciliation_declined SET company_id = unhex(replace(company_id, '-', '')), entry_id = unhex(replace(entry_id, '-', ''));

CREATE TRIGGER tr_entry_posted_immutable
BEFORE UPDATE ON journal_entry
WHEN OLD.status = 'POSTED'
BEGIN
    SELECT RAISE(ABORT, 'journal entry is posted and cannot be changed; post a reversal instead');
END;

CREATE TRIGGER tr_line_update_posted
BEFORE UPDATE ON journal_line
WHEN (SELECT status FROM journal_entry e WHERE e.company_id = OLD.company_id AND e.id = OLD.entry_id) = 'POSTED'
BEGIN
    SELECT RAISE(ABORT, 'journal entry is posted and its lines cannot be changed; post a reversal instead');
END;
