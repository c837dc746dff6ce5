package ai.bookkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

class PlannerStatisticsIntegrationTest extends DatabaseIntegrationTest {

    @Autowired PlannerStatistics statistics;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void a_table_that_doubled_since_its_last_analysis_is_analyzed_at_once_on_a_small_sample_and_then_left_alone() {
        statistics.refresh(); // whatever earlier tests and the migrations left behind
        int doubled = jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class) + 100;
        // ids of the key type (platform.Keys): uuid on PostgreSQL, 16-byte BLOBs on SQLite
        String id = TestDatabase.isPostgres() ? "('00000000-0000-7000-8000-' || lpad(n::text, 12, '0'))::uuid"
                : "unhex(printf('0000000000007000800%013x', n))";
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO app_user (id, email, display_name, password_hash, created_at)"
                    + " SELECT " + id + ", 'stats-' || n || '@example.invalid', 'Stats ' || n, 'x', '2026-01-01T00:00:00Z'"
                    + " FROM (" + numbers(doubled) + ") t");
            if (TestDatabase.isPostgres()) {
                jdbc.execute("SELECT pg_stat_force_next_flush()"); // row counts reach the statistics at this commit
            }
        });

        // in one transaction, so on one connection: the refresh leaves that connection's target as it found it
        String[] targets = new String[2];
        List<String> analyzed = transactions.execute(status -> {
            targets[0] = target();
            List<String> names = statistics.refresh();
            targets[1] = target();
            return names;
        });

        if (TestDatabase.isPostgres()) {
            assertThat(analyzed).contains("app_user");
            assertThat(jdbc.queryForObject("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables"
                    + " WHERE schemaname = current_schema() AND relname = 'app_user'", Boolean.class)).isTrue();
            // a small sample: at most ten histogram buckets over the hundred-odd distinct e-mail addresses, where the
            // server's default target would keep a hundred; and the session's own target is left as it was
            assertThat(jdbc.queryForObject("SELECT array_length(histogram_bounds::text::text[], 1) FROM pg_stats"
                    + " WHERE schemaname = current_schema() AND tablename = 'app_user' AND attname = 'email'", Integer.class))
                    .isBetween(2, PlannerStatistics.BULK_STATISTICS_TARGET + 1);
            assertThat(targets[1]).isEqualTo(targets[0]);
            assertThat(statistics.refresh()).doesNotContain("app_user");
        } else {
            assertThat(analyzed).isEmpty();
        }
    }

    private String target() {
        return TestDatabase.isPostgres() ? jdbc.queryForObject("SHOW default_statistics_target", String.class) : null;
    }

    private static String numbers(int count) {
        return "WITH RECURSIVE n(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM n WHERE n < " + count + ") SELECT n FROM n";
    }
}
