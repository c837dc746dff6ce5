package ai.bookkeeper.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    /** How long SQLite waits for its write lock, in its busy handler or in this process's queue. */
    private static final Duration SQLITE_BUSY_TIMEOUT = Duration.ofSeconds(30);
    /** SQLite's page cache per connection, in KiB (a negative {@code cache_size} counts KiB, not pages). */
    private static final long SQLITE_CACHE_KIB = 64L * 1024;
    /** How often the checkpointer copies SQLite's write-ahead log into the database file. */
    private static final Duration SQLITE_CHECKPOINT_INTERVAL = Duration.ofMillis(250);

    @Bean
    DatabaseEngine databaseEngine(DatabaseProperties properties) {
        return properties.engine();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        if (properties.engine() != DatabaseEngine.SQLITE) {
            config.setJdbcUrl(properties.url());
        }
        config.setPoolName("bookkeeper");
        if (properties.user() != null && !properties.user().isBlank()) {
            config.setUsername(properties.user());
        }
        if (properties.password() != null && !properties.password().isEmpty()) {
            config.setPassword(properties.password());
        }
        if (properties.engine() == DatabaseEngine.SQLITE) {
            createParentDirectory(properties.url());
            // WAL lets readers run beside the single writer; IMMEDIATE transactions take the write lock at BEGIN,
            // so that busy_timeout applies instead of a failed lock upgrade mid-transaction. Transactions of this
            // process queue for that lock in SqliteWriterQueue rather than in SQLite's busy handler.
            Properties pragmas = new Properties();
            pragmas.setProperty("foreign_keys", "true");
            pragmas.setProperty("journal_mode", "WAL");
            pragmas.setProperty("synchronous", "NORMAL");
            pragmas.setProperty("busy_timeout", Long.toString(SQLITE_BUSY_TIMEOUT.toMillis()));
            pragmas.setProperty("transaction_mode", "IMMEDIATE");
            if (!properties.url().contains("cache_size=")) {
                // 64 MB of page cache per connection instead of SQLite's 2 MB, taken only as pages are read: once the
                // books outgrow the cache, inserting a bank line's seven rows and their 22 index entries reads pages
                // back from the file. Bench, a million transactions: 97.0–111.8 s with it against 107.0–112.7 s
                // without, a few per cent at most (reports/benchmark.md). A URL that sets cache_size keeps its own.
                pragmas.setProperty("cache_size", Long.toString(-SQLITE_CACHE_KIB));
            }
            if (!properties.url().contains("wal_autocheckpoint=") && SqliteCheckpointer.applies(properties.url())) {
                // the checkpointer copies the log in the background; a writer checkpoints only if it falls behind
                pragmas.setProperty("wal_autocheckpoint", Integer.toString(SqliteCheckpointer.BACKSTOP_PAGES));
            }
            config.setDataSource(new SqliteWriterQueue(properties.url(), pragmas, SQLITE_BUSY_TIMEOUT));
            config.setMaximumPoolSize(properties.poolSize() == null ? 4 : properties.poolSize());
        } else {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.setMaximumPoolSize(properties.poolSize() == null ? 10 : properties.poolSize());
        }
        return new HikariDataSource(config);
    }

    /**
     * For SQLite on a file, the thread that copies the write-ahead log into the database file (see
     * {@link SqliteCheckpointer}); for PostgreSQL and in-memory SQLite, nothing.
     */
    @Bean
    SmartLifecycle sqliteCheckpointer(DatabaseProperties properties, DataSource dataSource) {
        // dataSource: the pool (which set the file up in WAL mode) is made first and closed after this stops
        if (properties.engine() == DatabaseEngine.SQLITE && SqliteCheckpointer.applies(properties.url())) {
            Properties pragmas = new Properties();
            pragmas.setProperty("journal_mode", "WAL");
            pragmas.setProperty("busy_timeout", Long.toString(SQLITE_BUSY_TIMEOUT.toMillis()));
            return new SqliteCheckpointer(properties.url(), pragmas, SQLITE_CHECKPOINT_INTERVAL);
        }
        return new NoLifecycle();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** A lifecycle with nothing to start or stop. */
    private static final class NoLifecycle implements SmartLifecycle {
        private volatile boolean running;

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }

    /** The file part of a SQLite JDBC URL, without its {@code ?} parameters (empty for a private temporary database). */
    static String sqliteFile(String url) {
        String file = url.startsWith("jdbc:sqlite:") ? url.substring("jdbc:sqlite:".length()) : url;
        int query = file.indexOf('?');
        return query >= 0 ? file.substring(0, query) : file;
    }

    private static void createParentDirectory(String url) {
        String file = sqliteFile(url);
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder " + parent + " for the SQLite database; "
                    + "make it writable or set BOOKKEEPER_DB_URL elsewhere", e);
        }
    }
}
