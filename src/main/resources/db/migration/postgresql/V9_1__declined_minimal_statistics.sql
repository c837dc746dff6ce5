-- As V7_2 for the table V9 adds: at most one common company is kept in the statistics.
ALTER TABLE reconciliation_declined ALTER COLUMN company_id SET STATISTICS 1;
