package ai.bookkeeper.platform;

import ai.bookkeeper.shared.CompanyId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * One holder at a time per company and purpose, e.g. "one import job per company": two jobs importing into the same
 * company at once both picked up the same unproposed transactions, and the slower one failed on the proposal key and
 * was retried (26 of 492 in the load test). On PostgreSQL the lock is a session advisory lock on a connection held
 * for the duration, so it holds across instances and is released if the instance dies; waiting is capped by
 * {@code lock_timeout}, after which the caller fails (and a job is retried). On SQLite, whose file one process
 * writes, it is a lock inside this process.
 */
@Component
public class CompanyLock {

    private static final int STRIPES = 64;
    private static final String WAIT_AT_MOST = "10min";

    private final DataSource dataSource;
    private final DatabaseEngine engine;
    private final ReentrantLock[] local = new ReentrantLock[STRIPES];

    CompanyLock(DataSource dataSource, DatabaseEngine engine) {
        this.dataSource = dataSource;
        this.engine = engine;
        for (int i = 0; i < STRIPES; i++) {
            local[i] = new ReentrantLock();
        }
    }

    /** Runs {@code work} holding the lock for ({@code purpose}, {@code company}); waits while another holder runs. */
    public <T> T run(String purpose, CompanyId company, Callable<T> work) throws Exception {
        int key = company.value().hashCode();
        if (engine != DatabaseEngine.POSTGRESQL) {
            ReentrantLock lock = local[Math.floorMod(31 * purpose.hashCode() + key, STRIPES)];
            lock.lockInterruptibly();
            try {
                return work.call();
            } finally {
                lock.unlock();
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("SET lock_timeout = '" + WAIT_AT_MOST + "'");
            }
            advisory(connection, "SELECT pg_advisory_lock(?, ?)", purpose.hashCode(), key);
            try {
                return work.call();
            } finally {
                advisory(connection, "SELECT pg_advisory_unlock(?, ?)", purpose.hashCode(), key);
                try (Statement s = connection.createStatement()) {
                    s.execute("RESET lock_timeout");
                }
            }
        }
    }

    private static void advisory(Connection connection, String sql, int purpose, int key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, purpose);
            ps.setInt(2, key);
            ps.execute();
        }
    }
}
