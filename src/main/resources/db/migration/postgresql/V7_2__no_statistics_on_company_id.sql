-- PostgreSQL only. No planner statistics on company_id, in every table that has it.
-- Every key and index leads with company_id. With statistics, a company that was not in the last ANALYZE's sample
-- (a new tenant's first import, a fresh database with a handful of companies that fill the most-common-values list)
-- is estimated at one row, and then every index that starts with company_id looks equally good: the planner picked
-- scans that read the whole company for each row it joined (a 100,000-row import spent 30 s of 66 s in one such join).
-- Without statistics, "company_id = ?" is costed with the default selectivity (0.5 % of the table), so the index
-- whose other columns match the query wins, whether or not the table was analyzed since the import began.
-- A table added later must do the same: SchemaConventionsIntegrationTest checks it.
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT c.table_name FROM information_schema.columns c
             JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
             WHERE c.table_schema = current_schema() AND c.column_name = 'company_id' AND t.table_type = 'BASE TABLE'
    LOOP
        EXECUTE format('ALTER TABLE %I ALTER COLUMN company_id SET STATISTICS 0', r.table_name);
    END LOOP;
END
$$;
