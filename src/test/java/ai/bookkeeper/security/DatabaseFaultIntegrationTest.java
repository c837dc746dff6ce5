package ai.bookkeeper.security;

import ai.bookkeeper.platform.Keys;
import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.ingest.ImportOptions;
import ai.bookkeeper.ingest.ImportReport;
import ai.bookkeeper.ingest.ImportStatus;
import ai.bookkeeper.ingest.Statements;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The database connection lost in the middle of an import: a DataSource wrapper makes the Nth bulk write fail the way
 * a dropped connection does (SQLState 08006). A bulk write is a JDBC batch (SQLite), or on PostgreSQL the INSERT that
 * moves a batch of bank lines from the COPY staging table into the table (platform.BulkInsert). The file's transaction rolls back, the import is recorded as FAILED
 * saying to import again, and the retry imports every row once.
 */
@Import(DatabaseFaultIntegrationTest.FaultInjection.class)
// a context of its own (its own configuration): closed after the class, so its connection pool does not stay
// open against the shared PostgreSQL server for the rest of the run
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseFaultIntegrationTest extends DatabaseIntegrationTest {

    /** Bulk writes to let through before the next one fails; negative: no fault armed. */
    static final AtomicInteger BATCHES_BEFORE_FAULT = new AtomicInteger(-1);

    @TestConfiguration(proxyBeanMethods = false)
    static class FaultInjection {
        @Bean
        static BeanPostProcessor failingBatches() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && name.equals("dataSource") ? new Faulty(ds) : bean;
                }
            };
        }
    }

    /**
     * Hands out connections whose prepared statements fail {@code executeBatch}, and whose plain statements fail an
     * {@code executeUpdate} of an INSERT, when the fault is due.
     */
    static final class Faulty extends DelegatingDataSource implements Closeable {
        Faulty(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public void close() throws IOException {
            if (getTargetDataSource() instanceof Closeable closeable) {
                closeable.close();
            }
        }

        static Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Faulty.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        Object result = invoke(connection, method, args);
                        if (result instanceof PreparedStatement statement) {
                            return failing(statement);
                        }
                        return result instanceof java.sql.Statement statement ? failingInserts(statement) : result;
                    });
        }

        static PreparedStatement failing(PreparedStatement statement) {
            return (PreparedStatement) Proxy.newProxyInstance(Faulty.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                        if (method.getName().equals("executeBatch") && BATCHES_BEFORE_FAULT.getAndDecrement() == 0) {
                            throw new SQLTransientConnectionException("An I/O error occurred while sending to the"
                                    + " backend (injected: connection lost)", "08006");
                        }
                        return invoke(statement, method, args);
                    });
        }

        static java.sql.Statement failingInserts(java.sql.Statement statement) {
            return (java.sql.Statement) Proxy.newProxyInstance(Faulty.class.getClassLoader(),
                    new Class<?>[] {java.sql.Statement.class}, (proxy, method, args) -> {
                        if (method.getName().equals("executeUpdate") && args != null && args.length > 0
                                && String.valueOf(args[0]).startsWith("INSERT INTO ")
                                && BATCHES_BEFORE_FAULT.getAndDecrement() == 0) {
                            throw new SQLTransientConnectionException("An I/O error occurred while sending to the"
                                    + " backend (injected: connection lost)", "08006");
                        }
                        return invoke(statement, method, args);
                    });
        }

        static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Autowired Statements statements;
    @Autowired Tenancy tenancy;
    @Autowired JdbcTemplate jdbc;

    @TempDir Path dir;
    CompanyAccess owner;

    @BeforeEach
    void company() {
        owner = Fixtures.company(tenancy, BusinessType.RETAIL);
    }

    @AfterEach
    void disarm() {
        BATCHES_BEFORE_FAULT.set(-1);
    }

    @Test
    void a_connection_lost_mid_import_keeps_nothing_records_the_failure_and_the_retry_imports_everything() throws Exception {
        Path csv = dir.resolve("lost.csv");
        StringBuilder text = new StringBuilder("Date,Description,Amount\n");
        for (int i = 0; i < 3500; i++) { // four bulk writes of up to 1,000 rows
            text.append("2026-04-").append(String.format("%02d", 1 + i % 28)).append(",STORE ").append(i).append(",-1.")
                    .append(String.format("%02d", i % 100)).append('\n');
        }
        Files.writeString(csv, text);
        Object company = Keys.bind(owner.companyId());

        BATCHES_BEFORE_FAULT.set(2); // the first two writes reach the database, the third loses the connection
        ImportReport failed = statements.importFile(owner, csv, ImportOptions.defaults().account("1000"));
        assertThat(BATCHES_BEFORE_FAULT.get()).as("the fault fired").isNegative();
        BATCHES_BEFORE_FAULT.set(-1);

        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.error()).startsWith("lost.csv: the database failed during the import and nothing of the file"
                + " was kept; import it again").contains("connection lost");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE company_id = ?", Long.class, company))
                .as("the two batches sent before the fault were rolled back").isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM import_batch WHERE company_id = ? AND id = ?", String.class,
                company, Keys.bind(failed.batch()))).isEqualTo("FAILED");

        ImportReport retried = statements.importFile(owner, csv, ImportOptions.defaults().account("1000"));
        assertThat(retried.ok()).as(retried.summary()).isTrue();
        assertThat(retried.added()).isEqualTo(3500);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE company_id = ?", Long.class, company))
                .isEqualTo(3500);
    }
}
