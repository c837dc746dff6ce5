package ai.bookkeeper.platform;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * One caller's use of a statement that {@link StatementCache} keeps, from {@code prepare} to {@code close()}: every
 * method goes straight to the driver's statement (a plain call, as binding runs for every value of every row), except
 * {@code close()}, which gives the statement back to the cache (see there for when it finalizes it instead), and the
 * setters of a statement's settings (maximum rows, fetch size, timeout…), after which it is finalized on close.
 * After {@code close()} every method but {@code close()} and {@code isClosed()} fails, as on a closed statement.
 */
@SuppressWarnings("deprecation") // setUnicodeStream is part of the interface
final class CachedStatement implements PreparedStatement {

    /** Rows of batches above which a statement is finalized rather than kept. */
    static final int BATCH_KEPT = 1_000;

    private final StatementCache cache;
    private final String sql;
    private final PreparedStatement statement;
    private final Connection owner;
    private boolean closed;
    /** A setting changed or a use that may leave results behind ({@code execute}, SQL of its own): finalize on close. */
    private boolean changed;
    /** The last result set of {@link #executeQuery()}, closed (which resets SQLite's statement) before giving back. */
    private ResultSet results;
    private int batched;

    CachedStatement(StatementCache cache, String sql, PreparedStatement statement, Connection owner) {
        this.cache = cache;
        this.sql = sql;
        this.statement = statement;
        this.owner = owner;
    }

    private void open() throws SQLException {
        if (closed) {
            throw new SQLException("statement is closed");
        }
    }

    private void changed() throws SQLException {
        open();
        changed = true;
    }

    /**
     * Gives the statement back to the cache, after closing its last result set: a result set left open keeps SQLite's
     * statement running, and with it a read snapshot of the connection. Finalizes it instead after a change of
     * settings, a use other than a prepared query, update or batch, or a batch of more than {@link #BATCH_KEPT} rows
     * (the driver keeps a batch's array at its largest size until the statement is finalized).
     */
    @Override
    public void close() throws SQLException {
        if (!closed) {
            closed = true;
            try {
                if (results != null && !results.isClosed()) {
                    results.close();
                }
            } finally {
                if (changed || batched > BATCH_KEPT) {
                    statement.close();
                } else {
                    cache.giveBack(sql, statement);
                }
            }
        }
    }

    @Override
    public boolean isClosed() throws SQLException {
        return closed || statement.isClosed();
    }

    /** The connection the caller prepared this on (the pool's proxy), not the driver's. */
    @Override
    public Connection getConnection() throws SQLException {
        open();
        return owner;
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : statement.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || statement.isWrapperFor(type);
    }

    @Override
    public String toString() {
        return "cached " + statement;
    }

    @Override
    public void addBatch() throws SQLException {
        open();
        batched++;
        statement.addBatch();
    }

    @Override
    public void addBatch(String a0) throws SQLException {
        changed();
        statement.addBatch(a0);
    }

    @Override
    public void cancel() throws SQLException {
        open();
        statement.cancel();
    }

    @Override
    public void clearBatch() throws SQLException {
        open();
        statement.clearBatch();
    }

    @Override
    public void clearParameters() throws SQLException {
        open();
        statement.clearParameters();
    }

    @Override
    public void clearWarnings() throws SQLException {
        open();
        statement.clearWarnings();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        changed();
        statement.closeOnCompletion();
    }

    @Override
    public boolean execute() throws SQLException {
        changed();
        return statement.execute();
    }

    @Override
    public boolean execute(String a0) throws SQLException {
        changed();
        return statement.execute(a0);
    }

    @Override
    public boolean execute(String a0, int a1) throws SQLException {
        changed();
        return statement.execute(a0, a1);
    }

    @Override
    public boolean execute(String a0, int[] a1) throws SQLException {
        changed();
        return statement.execute(a0, a1);
    }

    @Override
    public boolean execute(String a0, String[] a1) throws SQLException {
        changed();
        return statement.execute(a0, a1);
    }

    @Override
    public int[] executeBatch() throws SQLException {
        open();
        return statement.executeBatch();
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        open();
        results = statement.executeQuery();
        return results;
    }

    @Override
    public ResultSet executeQuery(String a0) throws SQLException {
        changed();
        return statement.executeQuery(a0);
    }

    @Override
    public int executeUpdate() throws SQLException {
        open();
        return statement.executeUpdate();
    }

    @Override
    public int executeUpdate(String a0) throws SQLException {
        changed();
        return statement.executeUpdate(a0);
    }

    @Override
    public int executeUpdate(String a0, int a1) throws SQLException {
        changed();
        return statement.executeUpdate(a0, a1);
    }

    @Override
    public int executeUpdate(String a0, int[] a1) throws SQLException {
        changed();
        return statement.executeUpdate(a0, a1);
    }

    @Override
    public int executeUpdate(String a0, String[] a1) throws SQLException {
        changed();
        return statement.executeUpdate(a0, a1);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        open();
        return statement.getFetchDirection();
    }

    @Override
    public int getFetchSize() throws SQLException {
        open();
        return statement.getFetchSize();
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        changed();
        return statement.getGeneratedKeys();
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        open();
        return statement.getMaxFieldSize();
    }

    @Override
    public int getMaxRows() throws SQLException {
        open();
        return statement.getMaxRows();
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        open();
        return statement.getMetaData();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        changed();
        return statement.getMoreResults();
    }

    @Override
    public boolean getMoreResults(int a0) throws SQLException {
        changed();
        return statement.getMoreResults(a0);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        open();
        return statement.getParameterMetaData();
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        open();
        return statement.getQueryTimeout();
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        changed();
        return statement.getResultSet();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        open();
        return statement.getResultSetConcurrency();
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        open();
        return statement.getResultSetHoldability();
    }

    @Override
    public int getResultSetType() throws SQLException {
        open();
        return statement.getResultSetType();
    }

    @Override
    public int getUpdateCount() throws SQLException {
        open();
        return statement.getUpdateCount();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        open();
        return statement.getWarnings();
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        open();
        return statement.isCloseOnCompletion();
    }

    @Override
    public boolean isPoolable() throws SQLException {
        open();
        return statement.isPoolable();
    }

    @Override
    public void setArray(int a0, Array a1) throws SQLException {
        open();
        statement.setArray(a0, a1);
    }

    @Override
    public void setAsciiStream(int a0, InputStream a1) throws SQLException {
        open();
        statement.setAsciiStream(a0, a1);
    }

    @Override
    public void setAsciiStream(int a0, InputStream a1, int a2) throws SQLException {
        open();
        statement.setAsciiStream(a0, a1, a2);
    }

    @Override
    public void setAsciiStream(int a0, InputStream a1, long a2) throws SQLException {
        open();
        statement.setAsciiStream(a0, a1, a2);
    }

    @Override
    public void setBigDecimal(int a0, BigDecimal a1) throws SQLException {
        open();
        statement.setBigDecimal(a0, a1);
    }

    @Override
    public void setBinaryStream(int a0, InputStream a1) throws SQLException {
        open();
        statement.setBinaryStream(a0, a1);
    }

    @Override
    public void setBinaryStream(int a0, InputStream a1, int a2) throws SQLException {
        open();
        statement.setBinaryStream(a0, a1, a2);
    }

    @Override
    public void setBinaryStream(int a0, InputStream a1, long a2) throws SQLException {
        open();
        statement.setBinaryStream(a0, a1, a2);
    }

    @Override
    public void setBlob(int a0, Blob a1) throws SQLException {
        open();
        statement.setBlob(a0, a1);
    }

    @Override
    public void setBlob(int a0, InputStream a1) throws SQLException {
        open();
        statement.setBlob(a0, a1);
    }

    @Override
    public void setBlob(int a0, InputStream a1, long a2) throws SQLException {
        open();
        statement.setBlob(a0, a1, a2);
    }

    @Override
    public void setBoolean(int a0, boolean a1) throws SQLException {
        open();
        statement.setBoolean(a0, a1);
    }

    @Override
    public void setByte(int a0, byte a1) throws SQLException {
        open();
        statement.setByte(a0, a1);
    }

    @Override
    public void setBytes(int a0, byte[] a1) throws SQLException {
        open();
        statement.setBytes(a0, a1);
    }

    @Override
    public void setCharacterStream(int a0, Reader a1) throws SQLException {
        open();
        statement.setCharacterStream(a0, a1);
    }

    @Override
    public void setCharacterStream(int a0, Reader a1, int a2) throws SQLException {
        open();
        statement.setCharacterStream(a0, a1, a2);
    }

    @Override
    public void setCharacterStream(int a0, Reader a1, long a2) throws SQLException {
        open();
        statement.setCharacterStream(a0, a1, a2);
    }

    @Override
    public void setClob(int a0, Clob a1) throws SQLException {
        open();
        statement.setClob(a0, a1);
    }

    @Override
    public void setClob(int a0, Reader a1) throws SQLException {
        open();
        statement.setClob(a0, a1);
    }

    @Override
    public void setClob(int a0, Reader a1, long a2) throws SQLException {
        open();
        statement.setClob(a0, a1, a2);
    }

    @Override
    public void setCursorName(String a0) throws SQLException {
        changed();
        statement.setCursorName(a0);
    }

    @Override
    public void setDate(int a0, Date a1) throws SQLException {
        open();
        statement.setDate(a0, a1);
    }

    @Override
    public void setDate(int a0, Date a1, Calendar a2) throws SQLException {
        open();
        statement.setDate(a0, a1, a2);
    }

    @Override
    public void setDouble(int a0, double a1) throws SQLException {
        open();
        statement.setDouble(a0, a1);
    }

    @Override
    public void setEscapeProcessing(boolean a0) throws SQLException {
        changed();
        statement.setEscapeProcessing(a0);
    }

    @Override
    public void setFetchDirection(int a0) throws SQLException {
        changed();
        statement.setFetchDirection(a0);
    }

    @Override
    public void setFetchSize(int a0) throws SQLException {
        changed();
        statement.setFetchSize(a0);
    }

    @Override
    public void setFloat(int a0, float a1) throws SQLException {
        open();
        statement.setFloat(a0, a1);
    }

    @Override
    public void setInt(int a0, int a1) throws SQLException {
        open();
        statement.setInt(a0, a1);
    }

    @Override
    public void setLong(int a0, long a1) throws SQLException {
        open();
        statement.setLong(a0, a1);
    }

    @Override
    public void setMaxFieldSize(int a0) throws SQLException {
        changed();
        statement.setMaxFieldSize(a0);
    }

    @Override
    public void setMaxRows(int a0) throws SQLException {
        changed();
        statement.setMaxRows(a0);
    }

    @Override
    public void setNCharacterStream(int a0, Reader a1) throws SQLException {
        open();
        statement.setNCharacterStream(a0, a1);
    }

    @Override
    public void setNCharacterStream(int a0, Reader a1, long a2) throws SQLException {
        open();
        statement.setNCharacterStream(a0, a1, a2);
    }

    @Override
    public void setNClob(int a0, NClob a1) throws SQLException {
        open();
        statement.setNClob(a0, a1);
    }

    @Override
    public void setNClob(int a0, Reader a1) throws SQLException {
        open();
        statement.setNClob(a0, a1);
    }

    @Override
    public void setNClob(int a0, Reader a1, long a2) throws SQLException {
        open();
        statement.setNClob(a0, a1, a2);
    }

    @Override
    public void setNString(int a0, String a1) throws SQLException {
        open();
        statement.setNString(a0, a1);
    }

    @Override
    public void setNull(int a0, int a1) throws SQLException {
        open();
        statement.setNull(a0, a1);
    }

    @Override
    public void setNull(int a0, int a1, String a2) throws SQLException {
        open();
        statement.setNull(a0, a1, a2);
    }

    @Override
    public void setObject(int a0, Object a1) throws SQLException {
        open();
        statement.setObject(a0, a1);
    }

    @Override
    public void setObject(int a0, Object a1, int a2) throws SQLException {
        open();
        statement.setObject(a0, a1, a2);
    }

    @Override
    public void setObject(int a0, Object a1, int a2, int a3) throws SQLException {
        open();
        statement.setObject(a0, a1, a2, a3);
    }

    @Override
    public void setPoolable(boolean a0) throws SQLException {
        changed();
        statement.setPoolable(a0);
    }

    @Override
    public void setQueryTimeout(int a0) throws SQLException {
        changed();
        statement.setQueryTimeout(a0);
    }

    @Override
    public void setRef(int a0, Ref a1) throws SQLException {
        open();
        statement.setRef(a0, a1);
    }

    @Override
    public void setRowId(int a0, RowId a1) throws SQLException {
        open();
        statement.setRowId(a0, a1);
    }

    @Override
    public void setSQLXML(int a0, SQLXML a1) throws SQLException {
        open();
        statement.setSQLXML(a0, a1);
    }

    @Override
    public void setShort(int a0, short a1) throws SQLException {
        open();
        statement.setShort(a0, a1);
    }

    @Override
    public void setString(int a0, String a1) throws SQLException {
        open();
        statement.setString(a0, a1);
    }

    @Override
    public void setTime(int a0, Time a1) throws SQLException {
        open();
        statement.setTime(a0, a1);
    }

    @Override
    public void setTime(int a0, Time a1, Calendar a2) throws SQLException {
        open();
        statement.setTime(a0, a1, a2);
    }

    @Override
    public void setTimestamp(int a0, Timestamp a1) throws SQLException {
        open();
        statement.setTimestamp(a0, a1);
    }

    @Override
    public void setTimestamp(int a0, Timestamp a1, Calendar a2) throws SQLException {
        open();
        statement.setTimestamp(a0, a1, a2);
    }

    @Override
    public void setURL(int a0, URL a1) throws SQLException {
        open();
        statement.setURL(a0, a1);
    }

    @Override
    public void setUnicodeStream(int a0, InputStream a1, int a2) throws SQLException {
        open();
        statement.setUnicodeStream(a0, a1, a2);
    }
}
