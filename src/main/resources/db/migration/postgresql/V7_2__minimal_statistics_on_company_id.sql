-- PostgreSQL only. Minimal planner statistics on company_id (target 1), in every table that has it.
-- Every key and index leads with company_id. With full statistics, a handful of companies fill the most-common-values
-- list, and a company that was not in the last ANALYZE's sample (a new tenant's first import) is then estimated at
-- one row, so every index that starts with company_id looks equally good: the planner picked scans that read the
-- whole company for each row it joined (a 100,000-row import spent 30 s of 66 s in one such join). With target 1,
-- ANALYZE keeps at most one common value, and any other company is estimated as an average one, so the index whose
-- other columns match the query wins. (Target 0, no statistics at all, fixed the import too, but costed every company
-- at 0.5 % of a table, which made the reports of a five-company database slower: p95 47 ms against 36 ms under load.)
-- A table added later must do the same: SchemaConventionsIntegrationTest checks it.
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT c.table_name FROM information_schema.columns c
             JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
             WHERE c.table_schema = current_schema() AND c.column_name = 'company_id' AND t.table_type = 'BASE TABLE'
    LOOP
        EXECUTE format('ALTER TABLE %I ALTER COLUMN company_id SET STATISTICS 1', r.table_name);
    END LOOP;
END
$$;
