-- When the pipeline (categorize, propose, reconcile) finished with an import's transactions. An import job processes
-- the transactions of the company's imports still open (normally just its own; more after a crash between the import
-- and the pipeline), so its cost follows the import's size, not the size of the company's books. Imports made before
-- this column existed count as open: the first job afterwards checks their transactions once and closes them.
ALTER TABLE import_batch ADD COLUMN processed_at VARCHAR(27);
CREATE INDEX ix_import_batch_open ON import_batch (company_id, created_at) WHERE processed_at IS NULL;
