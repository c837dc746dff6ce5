package ai.bookkeeper.platform;

import ai.bookkeeper.shared.CompanyId;
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
 * those given to {@link CompanyLock}. A deadlock with it is detected by PostgreSQL, which fails one of the two.
 * <p>
 * On SQLite it takes nothing: transactions begin IMMEDIATE (see DatabaseConfiguration), so a writing transaction
 * holds the database's only write lock from its start to its end, and two writers never interleave anyway.
 */
@Component
public class CompanyTransactionLock {

    private final JdbcClient jdbc;
    private final DatabaseEngine engine;

    CompanyTransactionLock(JdbcClient jdbc, DatabaseEngine engine) {
        this.jdbc = jdbc;
        this.engine = engine;
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
            jdbc.sql(sql).params(purpose.hashCode(), company.value().hashCode()).query(rs -> {
            });
        }
    }
}
