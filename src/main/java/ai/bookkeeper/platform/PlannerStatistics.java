package ai.bookkeeper.platform;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's planner statistics up with bulk writes, as PostgreSQL's own advice for loading data says ("run
 * ANALYZE afterwards"). Every index leads with company_id, so a plan made on statistics from before a large import
 * cannot tell the primary key from the other company indexes, and picks scans that read a whole company per row: a
 * 100,000-transaction import took 242 s instead of 38 s on a database that was never analyzed. Autovacuum fixes that
 * a minute or so after the fact, and not at all where it is switched off (as on some managed and test servers), so
 * after a bulk import the pipeline analyzes the tables that have grown a lot since their last analysis, and the pilot
 * ends with {@link #analyzeAll}. SQLite needs nothing: without statistics its planner prefers the index that matches
 * the most columns.
 */
@Component
public class PlannerStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(PlannerStatistics.class);

    /**
     * A table is analyzed once the rows changed since its last analysis outnumber the rows it had then (it doubled,
     * say), or past 50 changed rows if it was never analyzed. Coarser than autovacuum's 10 %: the plans only need each
     * table's order of magnitude, and every ANALYZE samples rows of the table (3,000 here, see
     * {@link #BULK_STATISTICS_TARGET}), so doubling keeps the work logarithmic in the size of the books. Where
     * autovacuum runs, it keeps the finer statistics.
     */
    private static final String STALE = """
            SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
            WHERE s.schemaname = current_schema() AND s.n_mod_since_analyze > 50 + GREATEST(c.reltuples, 0)""";

    /**
     * The statistics target of {@link #refresh}'s analyses: ANALYZE samples 300 rows per unit of target, so 10 reads
     * 3,000 rows of a table instead of the default 100's 30,000, and keeps ten histogram buckets per column instead of
     * a hundred. These analyses only have to tell the planner each table's order of magnitude; their full-sized cost
     * was 12 % of the workers' time in a 100,000-transaction bench on PostgreSQL (reports/benchmark.md, ninth session).
     * {@link #analyzeAll} and autovacuum keep the server's own target.
     */
    static final int BULK_STATISTICS_TARGET = 10;

    private final JdbcTemplate jdbc;
    private final DatabaseEngine engine;

    PlannerStatistics(JdbcTemplate jdbc, DatabaseEngine engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    /**
     * Analyzes every table of the current schema: for the end of a bulk load (the pilot), when all of it is written
     * and the per-import rule may have left the last imports uncounted. No-op on SQLite.
     */
    public void analyzeAll() {
        if (engine == DatabaseEngine.POSTGRESQL) {
            jdbc.execute("ANALYZE");
        }
    }

    /**
     * Analyzes the tables of the current schema that changed that much; returns their names, sorted
     * (empty on SQLite). Row counts reach PostgreSQL's statistics when the writing transaction ends, at most a second
     * late, so a table written just before may wait for the next call.
     */
    public List<String> refresh() {
        if (engine != DatabaseEngine.POSTGRESQL) {
            return List.of();
        }
        List<String> stale = jdbc.queryForList(STALE + " ORDER BY s.relname", String.class);
        if (!stale.isEmpty()) {
            // a small sample for these in-between analyses (see BULK_STATISTICS_TARGET); only for this statement
            // (put back afterwards, so that a refresh inside a longer transaction leaves the rest of it as it was)
            jdbc.execute("DO $$ DECLARE r record; target text := current_setting('default_statistics_target'); BEGIN"
                    + " PERFORM set_config('default_statistics_target', '" + BULK_STATISTICS_TARGET + "', true);"
                    + " FOR r IN " + STALE + " LOOP EXECUTE format('ANALYZE %I', r.relname); END LOOP;"
                    + " PERFORM set_config('default_statistics_target', target, true); END $$");
            LOG.debug("analyzed {} after a bulk write", stale);
        }
        return stale;
    }
}
