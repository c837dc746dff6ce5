package ai.bookkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.TestDatabase;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The application's write transactions show up in the write lock's usage and metrics on SQLite, and nowhere on PostgreSQL. */
class DatabaseWriteLockIntegrationTest extends DatabaseIntegrationTest {

    @Autowired DatabaseWriteLock writeLock;
    @Autowired MeterRegistry registry;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void a_write_transaction_takes_a_turn_that_the_usage_and_the_metrics_count_on_sqlite_only() {
        if (TestDatabase.isPostgres()) {
            assertThat(writeLock.usage()).isEmpty();
            assertThat(registry.find("bookkeeper.sqlite.write_lock.held").functionTimer()).isNull();
            return;
        }
        WriteLockUsage before = writeLock.usage().orElseThrow();
        transactions.executeWithoutResult(status -> jdbc.queryForObject("SELECT COUNT(*) FROM company", Integer.class));

        WriteLockUsage used = writeLock.usage().orElseThrow().since(before);
        assertThat(used.turns()).isGreaterThanOrEqualTo(1);
        assertThat(used.held()).isPositive();
        FunctionTimer held = registry.find("bookkeeper.sqlite.write_lock.held").functionTimer();
        assertThat(held).isNotNull();
        assertThat(held.count()).isGreaterThanOrEqualTo(before.turns() + 1);
        assertThat(registry.find("bookkeeper.sqlite.write_lock.waited").functionTimer()).isNotNull();
    }
}
