package ai.bookkeeper.platform;

import ai.bookkeeper.shared.BusyException;
import ai.bookkeeper.shared.CompanyId;
import java.time.Duration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A lock on (purpose, company) held until the caller's transaction commits or rolls back, for writers whose
 * transactions must not interleave: shared holders run side by side, an exclusive holder runs alone. Take it at the
 * start of the transaction, before reading what it guards: under READ COMMITTED every statement after the wait sees
 * what the previous holder committed. ({@link CompanyLock}, by contrast, is held across many transactions.)
 * <p>
 * On PostgreSQL it is a transaction-level advisory lock, taken through the transaction's own connection (Spring's
 * JdbcClient joins the caller's transaction) and released by PostgreSQL when the transaction ends, also when the
 * instance dies. Advisory locks of transactions and of sessions share one key space, so a purpose must differ from
 * those given to {@link CompanyLock}. A deadlock with it is detected by PostgreSQL, which fails one of the two. A
 * transaction waits at most {@code bookkeeper.db.lock-wait} (30 s) for the lock, then fails with
 * {@code company.busy} (a {@link BusyException}: HTTP 503 with {@code Retry-After}; a job is retried): a reviewer's
 * reject queued behind a long reconciliation gets an answer instead of hanging. The wait bounds only this lock; the
 * transaction's other statements keep the session's {@code lock_timeout}.
 * <p>
 * On SQLite it takes nothing: transactions begin IMMEDIATE (see DatabaseConfiguration), so a writing transaction
 * holds the database's only write lock from its start to its end, and two writers never interleave anyway.
 */
@Component
public class CompanyTransactionLock {

    private final JdbcClient jdbc;
    private final DatabaseEngine engine;
    private final Duration maxWait;

    CompanyTransactionLock(JdbcClient jdbc, DatabaseEngine engine, DatabaseProperties properties) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.maxWait = properties.lockWait();
    }

    /** Waits until no other transaction holds the lock, then holds it alone until this transaction ends. */
    public void exclusive(String purpose, CompanyId company) {
        take("SELECT pg_advisory_xact_lock(?, ?)", purpose, company);
    }

    /** Waits until no other transaction holds the lock exclusively, then shares it until this transaction ends. */
    public void shared(String purpose, CompanyId company) {
        take("SELECT pg_advisory_xact_lock_shared(?, ?)", purpose, company);
    }

    private void take(String sql, String purpose, CompanyId company) {
        // without a transaction the lock would end with the statement that took it (or, on SQLite, guard nothing)
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The '" + purpose + "' lock of company " + company + " lasts until the"
                    + " transaction ends, but no transaction is active; take it inside a @Transactional method.");
        }
        if (engine == DatabaseEngine.POSTGRESQL) {
            // lock_timeout for this one statement, never longer than the transaction's own (0: none): set it
            // transaction-locally, then put back what was there
            Previous previous = jdbc.sql("SELECT current_setting('lock_timeout') AS value, setting::bigint AS millis"
                    + " FROM pg_settings WHERE name = 'lock_timeout'").query(Previous.class).single();
            long waitMillis = previous.millis() > 0 ? Math.min(previous.millis(), maxWait.toMillis()) : maxWait.toMillis();
            setLockTimeout(waitMillis + "ms");
            try {
                jdbc.sql(sql).params(purpose.hashCode(), company.value().hashCode()).query(rs -> {
                });
            } catch (DataAccessException e) {
                if (!SqlErrors.lockNotAvailable(e)) {
                    throw e;
                }
                // the transaction is aborted now; the caller's rollback follows
                throw new BusyException("company.busy", "Another task has held this company's '" + purpose + "' lock for"
                        + " over " + (waitMillis < 1000 ? waitMillis + " ms" : waitMillis / 1000 + " s")
                        + " (a long reconciliation, say); this change was not kept. Try again shortly.",
                        Duration.ofSeconds(5));
            }
            setLockTimeout(previous.value());
        }
    }

    record Previous(String value, long millis) {
    }

    private void setLockTimeout(String value) {
        jdbc.sql("SELECT set_config('lock_timeout', ?, true)").param(value).query(String.class).single();
    }
}
