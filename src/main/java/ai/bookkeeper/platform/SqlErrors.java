package ai.bookkeeper.platform;

import java.sql.SQLException;
import java.util.Locale;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;

/**
 * What a database error means, on both engines. Spring cannot classify all of them: SQLite's driver gives no SQL
 * state, and PostgreSQL's lock_not_available reaches us uncategorized.
 */
public final class SqlErrors {

    private SqlErrors() {
    }

    /** A unique or primary key refused the row: PostgreSQL's 23505, or SQLite's "UNIQUE constraint failed". */
    public static boolean uniqueViolation(DataAccessException e) {
        if (e instanceof DuplicateKeyException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState())
                    || String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("unique constraint"))) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL gave up waiting for a lock ({@code lock_timeout}): lock_not_available, 55P03. */
    public static boolean lockNotAvailable(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
