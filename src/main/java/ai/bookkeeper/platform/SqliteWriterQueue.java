package ai.bookkeeper.platform;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite connections whose transactions queue in this process for the database's single write lock, in arrival
 * order, instead of polling for it.
 *
 * <p>Every transaction here begins {@code IMMEDIATE}, so it holds SQLite's write lock from {@code BEGIN} until the
 * connection is back in auto-commit (sqlite-jdbc begins the next transaction as soon as one commits). A second
 * transaction that asks meanwhile is refused by SQLite and retried by its busy handler, which sleeps between tries
 * (1, 2, 5 … up to 100 ms): the lock sat free for most of those sleeps, and a connection that had just committed
 * could wait in its own {@code commit()} behind the other's whole transaction. With two import jobs at a time that
 * was 43 % of the workers' time (profile in reports/benchmark.md, fifth session). Here a connection takes a fair
 * in-process turn when it leaves auto-commit and gives it back when it returns to auto-commit or closes, which is
 * exactly while SQLite holds the lock for it, so the next transaction starts the moment the last one ends.
 *
 * <p>What is unchanged: statements in auto-commit mode, and other processes on the same file, still meet the lock
 * through {@code busy_timeout}; a transaction that cannot get its turn within that time fails as SQLite would, with
 * {@code SQLITE_BUSY}.
 *
 * <p>Each connection also keeps its prepared statements for reuse by their SQL text ({@link StatementCache}).
 *
 * <p>A thread that begins a transaction on a second connection while its own first transaction holds the turn (a
 * nested {@code REQUIRES_NEW}, say) would wait for itself: it fails at once with {@code SQLITE_BUSY} and a message that
 * says so, instead of after the whole wait as SQLite's busy handler would.
 */
final class SqliteWriterQueue implements DataSource {

    private final String url;
    private final Properties properties;
    private final Duration wait;
    private final Semaphore turn = new Semaphore(1, true);
    /** The thread that took the turn now held, if any. */
    private volatile Thread holder;
    private final LongAdder turnsTaken = new LongAdder();
    private final LongAdder asked = new LongAdder();
    private final LongAdder waitedNanos = new LongAdder();
    private final LongAdder heldNanos = new LongAdder();
    private final AtomicLong longestHeldNanos = new AtomicLong();

    SqliteWriterQueue(String url, Properties properties, Duration wait) {
        this.url = url;
        this.properties = properties;
        this.wait = wait;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = DriverManager.getConnection(url, properties);
        Turns turns = new Turns(connection);
        Connection proxy = (Connection) Proxy.newProxyInstance(SqliteWriterQueue.class.getClassLoader(),
                new Class<?>[] {Connection.class}, turns);
        turns.statements = new StatementCache(connection, proxy);
        return proxy;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    /** Transactions waiting for their turn now; for tests and diagnostics. */
    int waiting() {
        return turn.getQueueLength();
    }

    /** The turns asked for (given up or not) and completed (given back) so far, how long they were waited for and held. */
    WriteLockUsage usage() {
        return new WriteLockUsage(asked.sum(), turnsTaken.sum(), Duration.ofNanos(waitedNanos.sum()),
                Duration.ofNanos(heldNanos.sum()), Duration.ofNanos(longestHeldNanos.get()));
    }

    private final class Turns implements InvocationHandler {

        private final Connection connection;
        /** This connection's prepared statements, kept for reuse (set once, right after the proxy is made). */
        private StatementCache statements;
        private volatile boolean holding;
        /** When this connection's turn began ({@link System#nanoTime()}), while it holds one. */
        private volatile long heldSince;

        Turns(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("setAutoCommit") && !(Boolean) args[0] && !holding && connection.getAutoCommit()) {
                take();
                try {
                    return call(method, args);
                } catch (Throwable e) {
                    giveBack();
                    throw e;
                }
            }
            if (name.equals("prepareStatement") && args.length == 1) {
                return statements.prepare((String) args[0]);
            }
            if ((name.equals("setAutoCommit") && (Boolean) args[0]) || name.equals("close")) {
                if (name.equals("close")) {
                    statements.clear();
                }
                try {
                    return call(method, args);
                } finally {
                    if (name.equals("close") || connection.isClosed() || connection.getAutoCommit()) {
                        giveBack();
                    }
                }
            }
            if (name.equals("unwrap") && args[0] == Connection.class) {
                return proxy;
            }
            if (name.equals("isWrapperFor") && args[0] == Connection.class) {
                return true;
            }
            return call(method, args);
        }

        private Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void take() throws SQLException {
            if (holder == Thread.currentThread()) {
                throw new SQLiteException("[SQLITE_BUSY] this thread already holds the database's write lock in a"
                        + " transaction on another connection, and would wait for itself: join that transaction instead"
                        + " of beginning a new one (database is locked)", SQLiteErrorCode.SQLITE_BUSY);
            }
            long askedAt = System.nanoTime();
            asked.increment();
            try {
                if (!turn.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    waitedNanos.add(System.nanoTime() - askedAt);
                    throw new SQLiteException("[SQLITE_BUSY] another transaction of this process held the database's"
                            + " write lock for more than " + wait.toMillis() + " ms (database is locked)",
                            SQLiteErrorCode.SQLITE_BUSY);
                }
            } catch (InterruptedException e) {
                waitedNanos.add(System.nanoTime() - askedAt);
                Thread.currentThread().interrupt();
                throw new SQLiteException("[SQLITE_INTERRUPT] interrupted while waiting for the database's write lock",
                        SQLiteErrorCode.SQLITE_INTERRUPT);
            }
            heldSince = System.nanoTime();
            waitedNanos.add(heldSince - askedAt);
            holding = true;
            holder = Thread.currentThread();
        }

        // synchronized: a close() and a return to auto-commit on two threads must not give the one turn back twice
        private synchronized void giveBack() {
            if (holding) {
                long held = System.nanoTime() - heldSince;
                holding = false;
                holder = null;
                turn.release();
                heldNanos.add(held);
                longestHeldNanos.accumulateAndGet(held, Math::max);
                turnsTaken.increment();
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return DriverManager.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        DriverManager.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
