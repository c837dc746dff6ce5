-- Every line of every entry, whichever way the entry stores it (V11: two-line entries in the entry's own row, the
-- others in journal_line), with the entry's columns that reports and reconciliation filter and group on. Readers of
-- lines read this view, not the tables, so that the ledger's storage stays its own.
-- line_no is the line's position in the entry, 1 first, as the ledger returns the lines.
CREATE VIEW journal_posting AS
SELECT l.company_id, l.entry_id, l.line_no, l.account_id, l.debit_minor, l.credit_minor, l.memo,
       e.entry_date, e.status, e.source, e.currency, e.description, e.reversal_of
FROM journal_line l
JOIN journal_entry e ON e.company_id = l.company_id AND e.id = l.entry_id
UNION ALL
SELECT company_id, id, CASE WHEN credit_first = 1 THEN 2 ELSE 1 END, debit_account_id, amount_minor, 0, debit_memo,
       entry_date, status, source, currency, description, reversal_of
FROM journal_entry
WHERE amount_minor IS NOT NULL
UNION ALL
SELECT company_id, id, CASE WHEN credit_first = 1 THEN 1 ELSE 2 END, credit_account_id, 0, amount_minor, credit_memo,
       entry_date, status, source, currency, description, reversal_of
FROM journal_entry
WHERE amount_minor IS NOT NULL;
