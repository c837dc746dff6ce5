package ai.bookkeeper.platform;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The database's write lock as this process sees it. On SQLite every write transaction takes the file's one write
 * lock in turn (see {@link SqliteWriterQueue}), so the time it is held bounds what the process can write; this reports
 * that time, to the {@code bench} command and to Prometheus ({@code bookkeeper_sqlite_write_lock_held_seconds} and
 * {@code bookkeeper_sqlite_write_lock_waited_seconds}, each with its count of turns). PostgreSQL locks rows, not the
 * database: there is nothing to report.
 */
@Component
public class DatabaseWriteLock implements MeterBinder {

    private final SqliteWriterQueue queue;

    DatabaseWriteLock(DataSource dataSource) {
        this.queue = queueOf(dataSource);
    }

    /** The SQLite queue behind the pool (and behind any wrapper of it), or null on PostgreSQL. */
    private static SqliteWriterQueue queueOf(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(SqliteWriterQueue.class) ? dataSource.unwrap(SqliteWriterQueue.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** The use of SQLite's write lock since start-up; empty on PostgreSQL. */
    public Optional<WriteLockUsage> usage() {
        return queue == null ? Optional.empty() : Optional.of(queue.usage());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (queue == null) {
            return;
        }
        FunctionTimer.builder("bookkeeper.sqlite.write_lock.held", queue, q -> q.usage().turns(),
                        q -> q.usage().held().toNanos(), TimeUnit.NANOSECONDS)
                .description("Time write transactions held SQLite's write lock, and their number").register(registry);
        FunctionTimer.builder("bookkeeper.sqlite.write_lock.waited", queue, q -> q.usage().asked(),
                        q -> q.usage().waited().toNanos(), TimeUnit.NANOSECONDS)
                .description("Time write transactions waited for SQLite's write lock (those that gave up included),"
                        + " and how many asked for it").register(registry);
    }
}
