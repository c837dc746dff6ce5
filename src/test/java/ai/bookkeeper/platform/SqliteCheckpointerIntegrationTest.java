package ai.bookkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;

/** The application runs the background checkpointer on a SQLite file, first to start and last to stop, and none on PostgreSQL. */
class SqliteCheckpointerIntegrationTest extends DatabaseIntegrationTest {

    @Autowired @Qualifier("sqliteCheckpointer") SmartLifecycle checkpointer;

    @Test
    void runs_on_a_sqlite_file_only() {
        if (TestDatabase.isPostgres()) {
            assertThat(checkpointer).isNotInstanceOf(SqliteCheckpointer.class);
            return;
        }
        assertThat(checkpointer).isInstanceOf(SqliteCheckpointer.class);
        assertThat(checkpointer.isRunning()).isTrue();
        assertThat(checkpointer.getPhase()).as("below the web server's and the job worker's phases")
                .isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048);
    }
}
