package ai.bookkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Transactions of one process on one SQLite file take the write lock in turns, in arrival order. */
class SqliteWriterQueueTest {

    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private SqliteWriterQueue queue;

    @BeforeEach
    void createTable() throws SQLException {
        queue = queue(Duration.ofSeconds(30));
        try (Connection c = queue.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (n INTEGER NOT NULL)");
        }
    }

    private SqliteWriterQueue queue(Duration wait) {
        Properties pragmas = new Properties();
        pragmas.setProperty("journal_mode", "WAL");
        pragmas.setProperty("busy_timeout", Long.toString(wait.toMillis()));
        pragmas.setProperty("transaction_mode", "IMMEDIATE");
        return new SqliteWriterQueue("jdbc:sqlite:" + dir.resolve("books.db"), pragmas, wait);
    }

    @Test
    void a_second_transaction_waits_in_the_queue_and_starts_when_the_first_is_back_in_auto_commit() throws Exception {
        try (Connection first = queue.getConnection()) {
            first.setAutoCommit(false);
            insert(first, 1);

            Future<Integer> second = threads.submit(() -> {
                try (Connection c = queue.getConnection()) {
                    c.setAutoCommit(false);
                    int seen = count(c);
                    insert(c, 2);
                    c.commit();
                    c.setAutoCommit(true);
                    return seen;
                }
            });
            awaitWaiting(1);
            first.commit();
            assertThat(queue.waiting()).as("sqlite-jdbc begins again on commit: the turn is kept until auto-commit")
                    .isEqualTo(1);
            first.setAutoCommit(true);

            assertThat(second.get(5, TimeUnit.SECONDS)).as("the second transaction saw the first one's row").isEqualTo(1);
            assertThat(count(first)).isEqualTo(2);
        }
    }

    @Test
    void waiting_transactions_get_their_turns_in_the_order_they_asked() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        try (Connection holder = queue.getConnection()) {
            holder.setAutoCommit(false);
            for (int i = 1; i <= 3; i++) {
                int n = i;
                threads.submit(() -> {
                    try (Connection c = queue.getConnection()) {
                        c.setAutoCommit(false);
                        order.add(n);
                        insert(c, n);
                        c.setAutoCommit(true);
                    }
                    return null;
                });
                awaitWaiting(i);
            }
            holder.setAutoCommit(true);
        }
        awaitWaiting(0);
        for (int i = 0; i < 100 && order.size() < 3; i++) {
            Thread.sleep(20);
        }
        assertThat(order).containsExactly(1, 2, 3);
    }

    @Test
    void closing_a_connection_in_the_middle_of_a_transaction_rolls_it_back_and_gives_the_turn_back() throws Exception {
        Connection abandoned = queue.getConnection();
        abandoned.setAutoCommit(false);
        insert(abandoned, 1);
        abandoned.close();

        try (Connection next = queue.getConnection()) {
            next.setAutoCommit(false);
            assertThat(count(next)).isZero();
            next.setAutoCommit(true);
        }
        assertThat(queue.waiting()).isZero();
    }

    @Test
    void a_transaction_that_waits_longer_than_the_busy_timeout_fails_as_sqlite_would_and_its_connection_stays_usable()
            throws Exception {
        SqliteWriterQueue impatient = queue(Duration.ofMillis(200));
        try (Connection holder = impatient.getConnection(); Connection late = impatient.getConnection()) {
            holder.setAutoCommit(false);
            insert(holder, 1);

            // another thread: the holder's own thread would be refused at once (next test)
            Future<?> waited = threads.submit(() -> {
                late.setAutoCommit(false);
                return null;
            });
            assertThatThrownBy(() -> waited.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(SQLiteException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(SQLiteErrorCode.SQLITE_BUSY))
                    .hasMessageContaining("for more than 200 ms").hasMessageContaining("database is locked");
            assertThat(late.getAutoCommit()).isTrue();
            assertThat(count(late)).as("reads in auto-commit need no turn (WAL)").isZero();

            holder.setAutoCommit(true);
            late.setAutoCommit(false);
            insert(late, 2);
            late.setAutoCommit(true);
            assertThat(count(late)).isEqualTo(2);
        }
        WriteLockUsage usage = impatient.usage();
        assertThat(usage.asked()).as("the wait that gave up counts as asked, not as a turn").isEqualTo(3);
        assertThat(usage.turns()).isEqualTo(2);
        assertThat(usage.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void a_thread_that_begins_a_second_transaction_while_its_first_holds_the_turn_is_refused_at_once() throws Exception {
        try (Connection outer = queue.getConnection(); Connection inner = queue.getConnection()) {
            outer.setAutoCommit(false);
            insert(outer, 1);

            long started = System.nanoTime();
            assertThatThrownBy(() -> inner.setAutoCommit(false))
                    .isInstanceOfSatisfying(SQLiteException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(SQLiteErrorCode.SQLITE_BUSY))
                    .hasMessageContaining("would wait for itself");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused without waiting out the 30 s")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(inner.getAutoCommit()).isTrue();

            Future<?> other = threads.submit(() -> {
                try (Connection c = queue.getConnection()) {
                    c.setAutoCommit(false);
                    insert(c, 2);
                    c.commit();
                    c.setAutoCommit(true);
                }
                return null;
            });
            awaitWaiting(1); // the refusal left the outer transaction its turn: another thread still queues behind it
            outer.commit();
            outer.setAutoCommit(true);
            other.get(5, TimeUnit.SECONDS);

            inner.setAutoCommit(false); // the thread's turn was given back with its transaction, so it may begin again
            insert(inner, 3);
            inner.commit();
            inner.setAutoCommit(true);
            assertThat(count(inner)).isEqualTo(3);
        }
    }

    @Test
    void a_rolled_back_transaction_keeps_its_turn_until_auto_commit_and_leaves_nothing_behind() throws Exception {
        try (Connection c = queue.getConnection()) {
            c.setAutoCommit(false);
            insert(c, 1);
            c.rollback();
            Future<?> other = threads.submit(() -> {
                try (Connection d = queue.getConnection()) {
                    d.setAutoCommit(false);
                    d.setAutoCommit(true);
                }
                return null;
            });
            awaitWaiting(1);
            c.setAutoCommit(true);
            other.get(5, TimeUnit.SECONDS);
            assertThat(count(c)).isZero();
        }
    }

    @Test
    void each_turn_is_counted_with_the_time_it_was_waited_for_and_held() throws Exception {
        WriteLockUsage before = queue.usage();
        Duration holding = Duration.ofMillis(200);
        try (Connection first = queue.getConnection()) {
            first.setAutoCommit(false);
            insert(first, 1);
            Future<?> second = threads.submit(() -> {
                try (Connection c = queue.getConnection()) {
                    c.setAutoCommit(false);
                    insert(c, 2);
                    c.setAutoCommit(true);
                }
                return null;
            });
            awaitWaiting(1);
            Thread.sleep(holding.toMillis()); // the first keeps its turn while the second waits for it
            first.setAutoCommit(true);
            second.get(5, TimeUnit.SECONDS);
        }

        WriteLockUsage used = queue.usage().since(before);
        assertThat(used.turns()).isEqualTo(2);
        assertThat(used.held()).isGreaterThanOrEqualTo(holding);
        assertThat(used.asked()).isEqualTo(2);
        assertThat(used.longestHeldSinceStart()).isGreaterThanOrEqualTo(holding);
        assertThat(used.waited()).as("the second asked before the first one's wait began").isGreaterThanOrEqualTo(holding);
    }

    private void awaitWaiting(int expected) throws InterruptedException {
        for (int i = 0; i < 250 && queue.waiting() != expected; i++) {
            Thread.sleep(20);
        }
        assertThat(queue.waiting()).isEqualTo(expected);
    }

    private static void insert(Connection c, int n) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO t (n) VALUES (" + n + ")");
        }
    }

    private static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
