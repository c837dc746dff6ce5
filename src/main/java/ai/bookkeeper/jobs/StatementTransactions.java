package ai.bookkeeper.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The job worker's connections on SQLite, handed out outside auto-commit, so that each of db-scheduler's statements
 * (it commits after each one, {@code commitWhenAutocommitDisabled}) is a transaction of its own. Transactions queue
 * for SQLite's write lock in arrival order (see {@code platform.SqliteWriterQueue}); a statement in auto-commit
 * mode would instead poll for the lock in SQLite's busy handler and could find it taken for as long as imports hand
 * it from one to the next, which is when a heartbeat or a job's completion must not be late.
 */
final class StatementTransactions extends DelegatingDataSource {

    StatementTransactions(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        try {
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
