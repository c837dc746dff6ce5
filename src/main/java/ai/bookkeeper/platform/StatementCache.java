package ai.bookkeeper.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One SQLite connection's prepared statements, kept for reuse by their SQL text: SQLite compiles a statement each
 * time it is prepared, and neither sqlite-jdbc, the pool nor Spring's JdbcTemplate keep one (PostgreSQL's driver keeps
 * its own server-side statements). Compiling was 3.4 s of CPU in a million-transaction bench, most of it while the
 * write lock was held (reports/benchmark.md, fifteenth session).
 *
 * <p>{@link #prepare} hands out a statement of the same SQL that was closed before, or prepares a new one; either way
 * the caller gets a wrapper whose {@code close()} clears the parameters and the batch and keeps the statement for the
 * next caller instead of finalizing it. A statement whose settings a caller changed (maximum rows, fetch size, timeout
 * and the like) is finalized on close, since the next caller would not expect them. At most {@link #CAPACITY} idle
 * statements are kept, the least recently used finalized first. Not thread-safe: a connection is used by one thread
 * at a time.
 */
final class StatementCache {

    static final int CAPACITY = 64;

    private final Connection connection;
    private final Connection owner;
    private final LinkedHashMap<String, PreparedStatement> idle = new LinkedHashMap<>(16, 0.75f, true);
    private long prepared;
    private long reused;

    /** {@code owner}: what a statement's {@code getConnection()} returns (the connection proxy the caller holds). */
    StatementCache(Connection connection, Connection owner) {
        this.connection = connection;
        this.owner = owner;
    }

    /** A statement of {@code sql}: one kept from before if there is one, else newly prepared. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = idle.remove(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            prepared++;
        } else {
            reused++;
        }
        return new CachedStatement(this, sql, statement, owner);
    }

    /** Finalizes every idle statement (before the connection closes). */
    void clear() {
        List<PreparedStatement> all = new ArrayList<>(idle.values());
        idle.clear();
        for (PreparedStatement statement : all) {
            closeQuietly(statement);
        }
    }

    /** Statements prepared and handed out again, for tests and diagnostics. */
    long[] counts() {
        return new long[] {prepared, reused};
    }

    int idleCount() {
        return idle.size();
    }

    /** Takes back a statement its caller closed: cleared, and kept unless the connection or the statement is gone. */
    void giveBack(String sql, PreparedStatement statement) throws SQLException {
        if (statement.isClosed() || connection.isClosed()) {
            return;
        }
        statement.clearParameters();
        statement.clearBatch();
        PreparedStatement other = idle.put(sql, statement);
        if (other != null) {
            closeQuietly(other); // two of the same SQL were open at once: keep one
        }
        if (idle.size() > CAPACITY) {
            Iterator<Map.Entry<String, PreparedStatement>> eldest = idle.entrySet().iterator();
            PreparedStatement evicted = eldest.next().getValue();
            eldest.remove();
            closeQuietly(evicted);
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // finalizing a statement nobody uses any more; the connection's close reports real trouble
        }
    }
}
