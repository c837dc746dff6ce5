package ai.bookkeeper.platform;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes many rows of one table at once, in the caller's transaction: on PostgreSQL with {@code COPY} (text format),
 * which the server takes in about half the time of the same rows sent as multi-row INSERTs (reports/benchmark.md,
 * fourteenth session); on SQLite as one JDBC batch of a prepared INSERT, SQLite's fastest way in. A value is null, a
 * {@link UUID} (a key, stored as the engine's key type), a {@link String}, a {@link Long} or an {@link Integer}; the
 * columns' order is the values' order. Constraint violations surface as the same Spring exceptions an INSERT's would
 * (a unique key's as {@code DuplicateKeyException}, and so on). On PostgreSQL a batch of fewer than
 * {@link #COPY_MIN_ROWS} rows goes as an INSERT batch too: the driver sends up to 128 rows as one statement, and COPY
 * (with a staging table, four statements) would not pay.
 */
@Component
public class BulkInsert {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern NAMES = Pattern.compile("[a-z_][a-z0-9_]*(, ?[a-z_][a-z0-9_]*)*");
    /** The fewest rows that PostgreSQL gets by COPY. */
    static final int COPY_MIN_ROWS = 100;
    /** Characters of COPY text sent at a time. */
    static final int COPY_PIECE = 64 * 1024;

    private final JdbcTemplate template;
    private final DatabaseEngine engine;
    private final int copyMinRows;

    @org.springframework.beans.factory.annotation.Autowired
    BulkInsert(JdbcTemplate template, DatabaseEngine engine) {
        this(template, engine, COPY_MIN_ROWS);
    }

    /** With another threshold for COPY (tests use 1, to send every batch by COPY on PostgreSQL). */
    BulkInsert(JdbcTemplate template, DatabaseEngine engine, int copyMinRows) {
        this.template = template;
        this.engine = engine;
        this.copyMinRows = copyMinRows;
    }

    /** Inserts the rows; any constraint violation refuses them all (with the caller's transaction). */
    public void insert(String table, List<String> columns, List<Object[]> rows) {
        write(table, columns, rows, null);
    }

    /**
     * Inserts the rows, skipping those that a unique key or the primary key refuses because the table holds such a row
     * already (or an earlier row of {@code rows} does): {@code ON CONFLICT (conflictColumns) DO NOTHING}, or on any key
     * when {@code conflictColumns} is empty. On PostgreSQL the rows are copied into a temporary table of the session
     * first and inserted from there, as {@code COPY} itself can't skip a row.
     */
    public void insertSkippingConflicts(String table, List<String> columns, String conflictColumns, List<Object[]> rows) {
        write(table, columns, rows, conflictColumns == null ? "" : conflictColumns);
    }

    private void write(String table, List<String> columns, List<Object[]> rows, String conflict) {
        if (rows.isEmpty()) {
            return;
        }
        requireName(table);
        columns.forEach(BulkInsert::requireName);
        if (conflict != null && !conflict.isEmpty() && !NAMES.matcher(conflict).matches()) {
            throw new IllegalArgumentException("not a list of plain SQL names: " + conflict);
        }
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(row.length + " values for " + columns.size() + " columns");
            }
        }
        String list = String.join(", ", columns);
        String onConflict = conflict == null ? "" : " ON CONFLICT" + (conflict.isEmpty() ? "" : " (" + conflict + ")")
                + " DO NOTHING";
        if (engine == DatabaseEngine.POSTGRESQL && rows.size() >= copyMinRows) {
            template.execute((ConnectionCallback<Void>) connection -> {
                if (conflict == null) {
                    copy(connection, "COPY " + table + " (" + list + ") FROM STDIN", rows);
                } else {
                    // the staged rows must reach the table before a commit empties the staging table: outside the
                    // caller's transaction (autocommit) its four statements get one of their own
                    boolean autoCommit = connection.getAutoCommit();
                    if (autoCommit) {
                        connection.setAutoCommit(false);
                    }
                    try {
                        copyThroughStage(connection, table, list, onConflict, rows);
                        if (autoCommit) {
                            connection.commit();
                        }
                    } catch (SQLException | RuntimeException e) {
                        if (autoCommit) {
                            try {
                                connection.rollback();
                            } catch (SQLException rollback) {
                                e.addSuppressed(rollback);
                            }
                        }
                        throw e;
                    } finally {
                        if (autoCommit) {
                            connection.setAutoCommit(true);
                        }
                    }
                }
                return null;
            });
            return;
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        template.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (" + list
                    + ") VALUES (" + placeholders + ")" + onConflict)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        bind(insert, i + 1, row[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    private static void copyThroughStage(Connection connection, String table, String list, String onConflict,
                                         List<Object[]> rows) throws SQLException {
        String stage = "bk_stage_" + table;
        try (Statement s = connection.createStatement()) {
            // a temporary table lives as long as the session (the pooled connection) and is emptied at commit;
            // TRUNCATE empties it of an earlier batch of the same transaction
            s.execute("CREATE TEMP TABLE IF NOT EXISTS " + stage + " (LIKE " + table
                    + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
            s.execute("TRUNCATE " + stage);
        }
        copy(connection, "COPY " + stage + " (" + list + ") FROM STDIN", rows);
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("INSERT INTO " + table + " (" + list + ") SELECT " + list + " FROM " + stage + onConflict);
        }
    }

    private static void bind(PreparedStatement insert, int index, Object value) throws SQLException {
        if (value == null) {
            insert.setNull(index, java.sql.Types.NULL); // untyped: PostgreSQL takes the column's type (text, uuid, integer)
        } else if (value instanceof UUID key) {
            Keys.set(insert, index, key);
        } else if (value instanceof String text) {
            insert.setString(index, text);
        } else if (value instanceof Long number) {
            insert.setLong(index, number);
        } else if (value instanceof Integer number) {
            insert.setInt(index, number);
        } else {
            throw new IllegalArgumentException("no bulk binding for " + value.getClass().getName());
        }
    }

    /** Streams the rows to COPY in pieces of about {@link #COPY_PIECE} characters, so memory stays bounded. */
    private static void copy(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            StringBuilder text = new StringBuilder(COPY_PIECE + 4096);
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        text.append('\t');
                    }
                    append(text, row[i]);
                }
                text.append('\n');
                if (text.length() >= COPY_PIECE) {
                    send(in, text);
                }
            }
            send(in, text);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void send(CopyIn in, StringBuilder text) throws SQLException {
        if (text.length() > 0) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }
    }

    /** One value in COPY's text format: \N for null; a backslash, tab, newline or carriage return escaped. */
    static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String s) {
            int from = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                    text.append(s, from, i).append('\\')
                            .append(c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
                    from = i + 1;
                }
            }
            if (from == 0) {
                text.append(s); // the usual case, nothing to escape: one copy of the whole string
            } else {
                text.append(s, from, s.length());
            }
        } else if (value instanceof Long number) {
            text.append(number.longValue());
        } else if (value instanceof Integer number) {
            text.append(number.intValue());
        } else if (value instanceof UUID key) {
            text.append(key.toString());
        } else {
            throw new IllegalArgumentException("no bulk binding for " + value.getClass().getName());
        }
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL name: " + name);
        }
    }
}
