package ai.bookkeeper.jobs;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;

/**
 * db-scheduler's generic JDBC mode for SQLite, which knows {@code LIMIT n} but not the ANSI
 * {@code FETCH FIRST n ROWS ONLY} the generic mode writes. Instants are stored through setTimestamp, which
 * sqlite-jdbc writes as epoch milliseconds.
 */
class SqliteJdbcCustomization extends DefaultJdbcCustomization {

    SqliteJdbcCustomization() {
        super(false);
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return " LIMIT " + limit;
    }

    @Override
    public String getName() {
        return "SQLite";
    }
}
