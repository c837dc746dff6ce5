package ai.bookkeeper.platform;

import ai.bookkeeper.shared.EntityId;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.core.SqlTypeValue;

/**
 * How keys (UUIDs) travel to and from the database: as 16 bytes, not as 36 characters of text. On PostgreSQL the key
 * columns are {@code uuid} (migration V10_1), on SQLite they hold 16-byte BLOBs (its own V10_1); the bytes are the
 * UUID's big-endian value, so keys sort in the same order as their text. Every key starts with company_id, so every
 * row and index entry of a company table carried two or more 36-character strings; at 16 bytes the schema's floor
 * (reports/benchmark-tools/floor) writes a million transactions about a third faster on both engines.
 *
 * <p>Bind a key with {@link #bind} (JdbcClient and JdbcTemplate parameters) or {@link #set} (a PreparedStatement of
 * one's own); read one with {@link #get}. A key bound as text finds nothing on SQLite and fails on PostgreSQL.
 */
public final class Keys {

    private Keys() {
    }

    /** A parameter value that binds {@code id} as the engine's key type; null binds SQL NULL. */
    public static Object bind(UUID id) {
        return id == null ? null : new Key(id);
    }

    /** A parameter value that binds a typed id as the engine's key type; null binds SQL NULL. */
    public static Object bind(EntityId id) {
        return id == null ? null : new Key(id.value());
    }

    /** A parameter value that binds a key given as its text (a UUID's canonical form); null binds SQL NULL. */
    public static Object bindText(String id) {
        return id == null ? null : new Key(parse(id));
    }

    /** Binds a key given as its text (or SQL NULL) at {@code index} of a statement of either engine. */
    public static void setText(PreparedStatement statement, int index, String id) throws SQLException {
        set(statement, index, id == null ? null : parse(id));
    }

    /** The key in a column as its text (a UUID's canonical form), or null. */
    public static String text(ResultSet rs, String column) throws SQLException {
        UUID id = get(rs, column);
        return id == null ? null : id.toString();
    }

    /** The key in a column as its text (a UUID's canonical form), or null. */
    public static String text(ResultSet rs, int column) throws SQLException {
        UUID id = get(rs, column);
        return id == null ? null : id.toString();
    }

    /** Binds a typed id (or SQL NULL) at {@code index} of a statement of either engine. */
    public static void set(PreparedStatement statement, int index, EntityId id) throws SQLException {
        set(statement, index, id == null ? null : id.value());
    }

    /** Binds {@code id} (or SQL NULL) at {@code index} of a statement of either engine. */
    public static void set(PreparedStatement statement, int index, UUID id) throws SQLException {
        if (statement.isWrapperFor(org.sqlite.core.CorePreparedStatement.class)) {
            if (id == null) {
                statement.setNull(index, java.sql.Types.BLOB);
            } else {
                statement.setBytes(index, bytes(id));
            }
        } else if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
            statement.setObject(index, id, java.sql.Types.OTHER);
        } else {
            // a driver or statement wrapper not seen before: binding anyhow could store a key as text, unseen
            throw new IllegalStateException("no key binding for " + statement.getClass().getName()
                    + "; platform.Keys knows the SQLite and PostgreSQL drivers' statements");
        }
    }

    /** The key in a column, or null. */
    public static UUID get(ResultSet rs, String column) throws SQLException {
        return of(rs.getObject(column));
    }

    /** The key in a column, or null. */
    public static UUID get(ResultSet rs, int column) throws SQLException {
        return of(rs.getObject(column));
    }

    /** A key as the driver returned it: a UUID (PostgreSQL) or 16 bytes (SQLite); null stays null. */
    public static UUID of(Object value) {
        if (value == null || value instanceof UUID) {
            return (UUID) value;
        }
        if (value instanceof byte[] raw && raw.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(raw);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        throw new IllegalStateException("not a key column: " + value.getClass().getSimpleName() + " value");
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            // every caller passes ids the application made or read back; a malformed one is a bug, not bad input
            throw new IllegalArgumentException("'" + id + "' is not a key (a UUID)", e);
        }
    }

    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    private record Key(UUID id) implements SqlTypeValue {

        @Override
        public void setTypeValue(PreparedStatement statement, int index, int sqlType, String typeName)
                throws SQLException {
            set(statement, index, id);
        }

        @Override
        public String toString() {
            return id.toString();
        }
    }
}
