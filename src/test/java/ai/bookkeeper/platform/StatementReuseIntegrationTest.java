package ai.bookkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sqlite.core.CorePreparedStatement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Through the application's pool: a SQLite statement that its user left open, with its result set, is closed by the
 * pool when the connection returns and handed out again to the next borrower of that connection, which reads current
 * data with it (the unit test of {@link StatementCache} checks the snapshot across connections). On PostgreSQL the
 * same calls work on the driver's own statements.
 */
class StatementReuseIntegrationTest extends DatabaseIntegrationTest {

    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_statement_left_open_is_closed_by_the_pool_and_handed_out_again_reading_current_data() throws SQLException {
        String sql = "SELECT COUNT(*) FROM company WHERE name LIKE 'statement-reuse-%'";
        CorePreparedStatement underlying = null;
        try (Connection connection = dataSource.getConnection()) {
            PreparedStatement statement = connection.prepareStatement(sql);
            ResultSet open = statement.executeQuery(); // neither it nor the statement is closed by this caller
            assertThat(open.next()).isTrue();
            if (!TestDatabase.isPostgres()) {
                underlying = statement.unwrap(CorePreparedStatement.class);
            }
        }
        jdbc.update("INSERT INTO company (id, name, business_type, currency, created_at) VALUES (?, ?, 'RETAIL', 'USD',"
                + " '2026-11-27T00:00:00.000000Z')", Keys.bind(java.util.UUID.randomUUID()), "statement-reuse-1");

        // the pool keeps few connections, so within a few borrows one gets the connection used above
        boolean reused = false;
        for (int i = 0; i < 8; i++) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql);
                 ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("a count that sees the insert, on every connection").isEqualTo(1);
                if (underlying != null && statement.unwrap(CorePreparedStatement.class) == underlying) {
                    reused = true;
                }
            }
        }
        if (!TestDatabase.isPostgres()) {
            assertThat(reused).as("the statement the pool closed was handed out again").isTrue();
        }
    }
}
