package ai.bookkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background checkpointer: with writers that never checkpoint themselves, only it can move committed pages from
 * the write-ahead log into the database file, so the file's size shows what it did.
 */
class SqliteCheckpointerTest {

    private static final int ROWS_PER_COMMIT = 500;
    private static final int PAYLOAD_BYTES = 1_000;

    @TempDir
    Path dir;

    @Test
    void copies_what_writers_commit_into_the_database_file_and_stops_when_told() throws Exception {
        Path file = dir.resolve("books.db");
        String url = "jdbc:sqlite:" + file;
        Properties writerPragmas = new Properties();
        writerPragmas.setProperty("journal_mode", "WAL");
        writerPragmas.setProperty("wal_autocheckpoint", "0"); // the writer never copies the log itself
        try (Connection writer = DriverManager.getConnection(url, writerPragmas)) {
            try (Statement s = writer.createStatement()) {
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)");
            }
            commitRows(writer, 0);
            long before = Files.size(file);
            assertThat(Files.size(walOf(file))).as("the committed rows wait in the log").isGreaterThan(PAYLOAD_BYTES * (long) ROWS_PER_COMMIT);

            SqliteCheckpointer checkpointer = new SqliteCheckpointer(url, new Properties(), Duration.ofMillis(10));
            checkpointer.start();
            try {
                assertThat(checkpointer.isRunning()).isTrue();
                long copied = awaitSizeAbove(file, before + PAYLOAD_BYTES * (long) ROWS_PER_COMMIT, Duration.ofSeconds(20));
                assertThat(copied).as("the database file after the checkpointer ran").isGreaterThan(before + PAYLOAD_BYTES * (long) ROWS_PER_COMMIT);
            } finally {
                checkpointer.stop();
            }
            assertThat(checkpointer.isRunning()).isFalse();

            long stopped = Files.size(file);
            commitRows(writer, ROWS_PER_COMMIT);
            commitRows(writer, 2 * ROWS_PER_COMMIT);
            Thread.sleep(300);
            assertThat(Files.size(file)).as("nothing copies the log once the checkpointer stopped").isEqualTo(stopped);
        }
    }

    @Test
    void has_nothing_to_do_for_an_in_memory_or_temporary_database() {
        assertThat(SqliteCheckpointer.applies("jdbc:sqlite::memory:")).isFalse();
        assertThat(SqliteCheckpointer.applies("jdbc:sqlite:file:books?mode=memory&cache=shared")).isFalse();
        assertThat(SqliteCheckpointer.applies("jdbc:sqlite:")).as("a private temporary database").isFalse();
        assertThat(SqliteCheckpointer.applies("jdbc:sqlite:" + dir.resolve("books.db"))).isTrue();
    }

    private static void commitRows(Connection writer, int firstId) throws Exception {
        writer.setAutoCommit(false);
        try (PreparedStatement insert = writer.prepareStatement("INSERT INTO t (id, payload) VALUES (?, ?)")) {
            String payload = "x".repeat(PAYLOAD_BYTES);
            for (int i = 0; i < ROWS_PER_COMMIT; i++) {
                insert.setInt(1, firstId + i);
                insert.setString(2, payload);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        writer.commit();
        writer.setAutoCommit(true);
    }

    private static Path walOf(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    private static long awaitSizeAbove(Path file, long size, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        long now = Files.size(file);
        while (now <= size && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = Files.size(file);
        }
        return now;
    }
}
