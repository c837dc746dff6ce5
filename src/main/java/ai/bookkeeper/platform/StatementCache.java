package ai.bookkeeper.platform;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** Setters after which a statement is not handed out again. */
    private static final Set<String> SETTINGS = Set.of("setMaxRows", "setLargeMaxRows", "setFetchSize",
            "setFetchDirection", "setQueryTimeout", "setEscapeProcessing", "setPoolable", "setCursorName",
            "closeOnCompletion", "setMaxFieldSize");

    private final Connection connection;
    private final Object owner;
    private final LinkedHashMap<String, PreparedStatement> idle = new LinkedHashMap<>(16, 0.75f, true);
    private long prepared;
    private long reused;

    /** {@code owner}: what a statement's {@code getConnection()} returns (the connection proxy the caller holds). */
    StatementCache(Connection connection, Object owner) {
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
        return (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new Lease(sql, statement));
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

    private void giveBack(String sql, PreparedStatement statement) throws SQLException {
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

    /** One caller's use of a statement, from {@link #prepare} to {@code close()}. */
    private final class Lease implements InvocationHandler {
        private final String sql;
        private final PreparedStatement statement;
        private boolean closed;
        private boolean changed;

        Lease(String sql, PreparedStatement statement) {
            this.sql = sql;
            this.statement = statement;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "close":
                    if (!closed) {
                        closed = true;
                        if (changed) {
                            statement.close();
                        } else {
                            giveBack(sql, statement);
                        }
                    }
                    return null;
                case "isClosed":
                    return closed || statement.isClosed();
                case "getConnection":
                    return owner;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "cached " + statement;
                default:
                    break;
            }
            if (closed) {
                throw new SQLException("statement is closed");
            }
            if (SETTINGS.contains(name)) {
                changed = true;
            }
            try {
                return method.invoke(statement, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
