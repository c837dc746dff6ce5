package ai.bookkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite connections the application opens: WAL, foreign keys, a 64 MB page cache and the checkpoint backstop,
 * unless the URL sets its own.
 */
class SqlitePragmasTest {

    @TempDir
    Path dir;

    @Test
    void every_connection_has_wal_foreign_keys_and_a_64_mb_page_cache() throws Exception {
        DataSource source = new DatabaseConfiguration().dataSource(properties("jdbc:sqlite:" + dir.resolve("books.db")));
        try {
            // three connections open at once, so that the pool cannot hand the same one back each time
            try (Connection a = source.getConnection(); Connection b = source.getConnection();
                 Connection c = source.getConnection()) {
                for (Connection connection : new Connection[] {a, b, c}) {
                    assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
                    assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
                    assertThat(pragma(connection, "cache_size")).isEqualTo("-65536");
                    // the background checkpointer copies the log; a writer does only past the backstop
                    assertThat(pragma(connection, "wal_autocheckpoint"))
                            .isEqualTo(Integer.toString(SqliteCheckpointer.BACKSTOP_PAGES));
                }
            }
        } finally {
            ((AutoCloseable) source).close();
        }
    }

    @Test
    void a_url_that_sets_cache_size_or_wal_autocheckpoint_keeps_its_own() throws Exception {
        DataSource source = new DatabaseConfiguration().dataSource(
                properties("jdbc:sqlite:" + dir.resolve("small.db") + "?cache_size=-4000&wal_autocheckpoint=100"));
        try (Connection c = source.getConnection()) {
            assertThat(pragma(c, "cache_size")).isEqualTo("-4000");
            assertThat(pragma(c, "wal_autocheckpoint")).isEqualTo("100");
        } finally {
            ((AutoCloseable) source).close();
        }
    }

    private static DatabaseProperties properties(String url) {
        return new DatabaseProperties(url, null, null, null, null);
    }

    private static String pragma(Connection c, String name) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
