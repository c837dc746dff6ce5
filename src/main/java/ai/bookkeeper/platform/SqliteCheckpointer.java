package ai.bookkeeper.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Copies SQLite's write-ahead log into the database file on a thread of its own, so that the transaction holding the
 * write lock does not.
 *
 * <p>In WAL mode a commit appends its pages to the log; by default the commit that takes the log past 1,000 pages then
 * copies the whole log into the database file and syncs it to disk (a checkpoint) before it returns, while it still
 * holds the one write lock every other transaction of the process waits for. On a bench of a million transactions
 * that writing and syncing was about an eighth of the workers' time (reports/benchmark.md, ninth session). Here a
 * {@code PASSIVE} checkpoint runs every {@link #interval} on a connection of its own: it takes no write lock, copies
 * only what is committed and no reader still needs, and gives way to nothing. The writers keep SQLite's automatic
 * checkpoint as a backstop at {@link #BACKSTOP_PAGES} pages, so that the log stays bounded should this thread fall
 * behind or stop.
 */
final class SqliteCheckpointer implements SmartLifecycle {

    /** The log size, in pages, at which a committing writer checkpoints itself (SQLite's own default is 1,000). */
    static final int BACKSTOP_PAGES = 8_000;

    private static final Logger log = LoggerFactory.getLogger(SqliteCheckpointer.class);
    /** After a failed checkpoint (the file unreadable, say), the thread waits this long before it tries again. */
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(5);

    private final String url;
    private final Properties properties;
    private final Duration interval;
    private volatile Thread thread;

    SqliteCheckpointer(String url, Properties properties, Duration interval) {
        this.url = url;
        this.properties = properties;
        this.interval = interval;
    }

    /**
     * Whether a database at this URL has a log to checkpoint: an in-memory database and a private temporary one (an
     * empty file name) have none.
     */
    static boolean applies(String url) {
        return !DatabaseConfiguration.sqliteFile(url).isEmpty() && !url.contains(":memory:") && !url.contains("mode=memory");
    }

    /**
     * Started before everything else and stopped after it: the web server's graceful shutdown and the job worker
     * (stopped at higher phases) finish their writes while the log is still being copied.
     */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public synchronized void start() {
        if (thread == null) {
            Thread started = new Thread(this::run, "sqlite-checkpointer");
            started.setDaemon(true);
            thread = started;
            started.start();
        }
    }

    @Override
    public void stop() {
        Thread running;
        synchronized (this) {
            running = thread;
            thread = null;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Stops the thread when the bean is destroyed without its lifecycle having been stopped (a failed start-up). */
    public void close() {
        stop();
    }

    private void run() {
        Connection connection = null;
        try {
            while (thread == Thread.currentThread()) {
                try {
                    if (connection == null) {
                        connection = DriverManager.getConnection(url, properties);
                    }
                    checkpoint(connection);
                    Thread.sleep(interval.toMillis());
                } catch (SQLException | RuntimeException e) {
                    log.warn("Could not copy SQLite's write-ahead log into {}: {}; the writers' own checkpoints go on,"
                            + " and this thread tries again in {} s", url, e.getMessage(), AFTER_FAILURE.toSeconds());
                    connection = closeQuietly(connection);
                    Thread.sleep(AFTER_FAILURE.toMillis());
                }
            }
        } catch (InterruptedException e) {
            // stopped
        } finally {
            closeQuietly(connection);
        }
    }

    private static void checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet ignored = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            // one row: whether it was blocked, the frames in the log, and how many of them are in the database file
        }
    }

    private static Connection closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the checkpointer's connection failed", e);
            }
        }
        return null;
    }
}
