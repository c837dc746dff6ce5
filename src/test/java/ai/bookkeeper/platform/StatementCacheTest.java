package ai.bookkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.core.CorePreparedStatement;

/** A SQLite connection's statements are compiled once per text and handed out again, clean, after each close. */
class StatementCacheTest {

    @TempDir
    Path dir;

    private Connection raw;
    private StatementCache cache;

    @BeforeEach
    void open() throws SQLException {
        raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache.db"));
        try (Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE t (n INTEGER)");
        }
        cache = new StatementCache(raw, raw);
    }

    @AfterEach
    void close() throws SQLException {
        cache.clear();
        raw.close();
    }

    private static Object first(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getObject(1);
        }
    }

    @Test
    void a_closed_statement_is_handed_out_again_for_the_same_text_with_its_parameters_cleared() throws SQLException {
        PreparedStatement statement = cache.prepare("SELECT ?");
        statement.setInt(1, 7);
        assertThat(first(statement)).isEqualTo(7);
        CorePreparedStatement underlying = statement.unwrap(CorePreparedStatement.class);
        statement.close();

        PreparedStatement again = cache.prepare("SELECT ?");
        assertThat(again.unwrap(CorePreparedStatement.class)).isSameAs(underlying);
        assertThat(first(again)).isNull();
        again.close();
        assertThat(cache.counts()).containsExactly(1, 1);
        assertThat(cache.prepare("SELECT ? + 1").unwrap(CorePreparedStatement.class)).isNotSameAs(underlying);
    }

    @Test
    void a_batch_left_unexecuted_is_not_run_by_the_next_caller() throws SQLException {
        PreparedStatement statement = cache.prepare("INSERT INTO t (n) VALUES (?)");
        statement.setInt(1, 1);
        statement.addBatch();
        statement.close();

        PreparedStatement again = cache.prepare("INSERT INTO t (n) VALUES (?)");
        again.setInt(1, 2);
        again.addBatch();
        assertThat(again.executeBatch()).containsExactly(1);
        again.close();
        try (Statement s = raw.createStatement(); ResultSet rs = s.executeQuery("SELECT group_concat(n) FROM t")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("2");
        }
    }

    @Test
    void a_statement_closed_with_its_results_still_open_is_reset_so_the_connection_sees_later_writes()
            throws SQLException {
        try (Statement s = raw.createStatement()) {
            s.execute("INSERT INTO t (n) VALUES (1), (2), (3)");
        }
        PreparedStatement reading = cache.prepare("SELECT n FROM t ORDER BY n");
        ResultSet left = reading.executeQuery();
        assertThat(left.next()).isTrue();
        reading.close(); // the caller forgot the result set, one row read of three
        assertThat(left.isClosed()).isTrue();

        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache.db"));
             Statement s = other.createStatement()) {
            s.execute("INSERT INTO t (n) VALUES (4)");
        }
        PreparedStatement again = cache.prepare("SELECT count(*) FROM t");
        assertThat(first(again)).isEqualTo(4);
        again.close();
        PreparedStatement reused = cache.prepare("SELECT n FROM t ORDER BY n");
        assertThat(first(reused)).isEqualTo(1);
        reused.close();
        assertThat(cache.counts()).containsExactly(2, 1);
    }

    @Test
    void a_statement_used_by_execute_or_for_a_large_batch_is_finalized_not_handed_out_again() throws SQLException {
        PreparedStatement executed = cache.prepare("SELECT 1");
        assertThat(executed.execute()).isTrue();
        CorePreparedStatement first = executed.unwrap(CorePreparedStatement.class);
        executed.close();
        assertThat(first.isClosed()).isTrue();

        PreparedStatement batch = cache.prepare("INSERT INTO t (n) VALUES (?)");
        for (int i = 0; i <= CachedStatement.BATCH_KEPT; i++) {
            batch.setInt(1, i);
            batch.addBatch();
        }
        batch.executeBatch();
        CorePreparedStatement large = batch.unwrap(CorePreparedStatement.class);
        batch.close();
        assertThat(large.isClosed()).isTrue();
        assertThat(cache.idleCount()).isZero();
    }

    @Test
    void a_statement_whose_settings_were_changed_is_finalized_not_handed_out_again() throws SQLException {
        PreparedStatement statement = cache.prepare("SELECT 1");
        statement.setMaxRows(1);
        CorePreparedStatement underlying = statement.unwrap(CorePreparedStatement.class);
        statement.close();

        assertThat(underlying.isClosed()).isTrue();
        assertThat(cache.idleCount()).isZero();
    }

    @Test
    void two_open_at_once_are_two_statements_and_one_is_kept() throws SQLException {
        PreparedStatement one = cache.prepare("SELECT ?");
        PreparedStatement two = cache.prepare("SELECT ?");
        one.setInt(1, 1);
        two.setInt(1, 2);
        assertThat(first(one)).isEqualTo(1);
        assertThat(first(two)).isEqualTo(2);
        one.close();
        two.close();
        assertThat(cache.idleCount()).isEqualTo(1);
    }

    @Test
    void a_closed_lease_refuses_use_and_closing_twice_keeps_one() throws SQLException {
        PreparedStatement statement = cache.prepare("SELECT 1");
        statement.close();
        statement.close();
        assertThat(statement.isClosed()).isTrue();
        assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class).hasMessageContaining("closed");
        assertThat(cache.idleCount()).isEqualTo(1);
    }

    @Test
    void the_least_recently_used_are_finalized_beyond_the_capacity_and_all_on_clear() throws SQLException {
        List<CorePreparedStatement> underlying = new ArrayList<>();
        for (int i = 0; i < StatementCache.CAPACITY + 5; i++) {
            PreparedStatement statement = cache.prepare("SELECT " + i);
            underlying.add(statement.unwrap(CorePreparedStatement.class));
            statement.close();
        }
        assertThat(cache.idleCount()).isEqualTo(StatementCache.CAPACITY);
        assertThat(underlying.subList(0, 5)).allMatch(CorePreparedStatement::isClosed);
        assertThat(underlying.get(5).isClosed()).isFalse();

        cache.clear();
        assertThat(underlying).allMatch(CorePreparedStatement::isClosed);
    }

    @Test
    void the_writer_queues_connections_reuse_their_statements_and_name_themselves_as_the_statements_connection()
            throws SQLException {
        Properties pragmas = new Properties();
        pragmas.setProperty("journal_mode", "WAL");
        SqliteWriterQueue queue = new SqliteWriterQueue("jdbc:sqlite:" + dir.resolve("queue.db"), pragmas,
                Duration.ofSeconds(5));
        CorePreparedStatement underlying;
        try (Connection connection = queue.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1")) {
                assertThat(statement.getConnection()).isSameAs(connection);
                underlying = statement.unwrap(CorePreparedStatement.class);
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1")) {
                assertThat(statement.unwrap(CorePreparedStatement.class)).isSameAs(underlying);
            }
        }
        assertThat(underlying.isClosed()).isTrue();
    }
}
