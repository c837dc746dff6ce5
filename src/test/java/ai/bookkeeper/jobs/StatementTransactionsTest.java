package ai.bookkeeper.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The job worker's SQLite connections come out of auto-commit: each statement it commits is a transaction. */
class StatementTransactionsTest {

    @TempDir
    Path dir;

    @Test
    void hands_out_connections_in_a_transaction_whose_commit_is_seen_and_whose_abandoned_work_is_not() throws SQLException {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve("jobs.db"));
        try (Connection c = sqlite.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (n INTEGER)");
        }
        StatementTransactions worker = new StatementTransactions(sqlite);

        try (Connection c = worker.getConnection(); Statement s = c.createStatement()) {
            assertThat(c.getAutoCommit()).isFalse();
            s.executeUpdate("INSERT INTO t VALUES (1)");
            c.commit();
        }
        try (Connection c = worker.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO t VALUES (2)"); // closed without commit: rolled back
        }
        try (Connection c = sqlite.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT group_concat(n) FROM t")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("1");
        }
    }
}
