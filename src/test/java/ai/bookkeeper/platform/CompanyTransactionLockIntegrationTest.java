package ai.bookkeeper.platform;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.TestDatabase;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class CompanyTransactionLockIntegrationTest extends DatabaseIntegrationTest {

    @Autowired CompanyTransactionLock lock;
    @Autowired TransactionTemplate transactions;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void outside_a_transaction_the_lock_is_refused() {
        assertThatThrownBy(() -> lock.exclusive("test", CompanyId.newId())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no transaction is active");
        assertThatThrownBy(() -> lock.shared("test", CompanyId.newId())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no transaction is active");
    }

    @Test
    void on_sqlite_the_lock_takes_nothing_as_writers_are_serialized_anyway() {
        assumeFalse(TestDatabase.isPostgres());
        CompanyId company = CompanyId.newId();
        // SQLite has no pg_advisory_xact_lock: had the lock run it, this would fail
        transactions.executeWithoutResult(status -> {
            lock.exclusive("test", company);
            lock.shared("test", company);
        });
    }

    @Test
    void on_postgresql_an_exclusive_holder_keeps_the_company_to_itself_until_its_transaction_ends() throws Exception {
        assumeTrue(TestDatabase.isPostgres());
        CompanyId company = CompanyId.newId();
        CountDownLatch end = new CountDownLatch(1);
        Future<?> first = hold(c -> lock.exclusive("test", c), company, end);

        Future<?> second = threads.submit(() -> transactions.executeWithoutResult(s -> lock.shared("test", company)));
        assertThat(waits(second)).isTrue();
        // another company, or another purpose for this one, is not held up meanwhile
        transactions.executeWithoutResult(s -> {
            lock.exclusive("test", CompanyId.newId());
            lock.exclusive("other", company);
        });

        end.countDown();
        first.get(10, SECONDS);
        second.get(10, SECONDS);
    }

    @Test
    void on_postgresql_shared_holders_run_side_by_side_and_keep_an_exclusive_one_waiting() throws Exception {
        assumeTrue(TestDatabase.isPostgres());
        CompanyId company = CompanyId.newId();
        CountDownLatch end = new CountDownLatch(1);
        Future<?> first = hold(c -> lock.shared("test", c), company, end);

        transactions.executeWithoutResult(s -> lock.shared("test", company));
        Future<?> exclusive = threads.submit(() -> transactions.executeWithoutResult(s -> lock.exclusive("test", company)));
        assertThat(waits(exclusive)).isTrue();

        end.countDown();
        first.get(10, SECONDS);
        exclusive.get(10, SECONDS);
    }

    /** Takes the lock in a transaction of another thread and keeps that transaction open until {@code end}. */
    private Future<?> hold(Consumer<CompanyId> take, CompanyId company, CountDownLatch end)
            throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> transactions.executeWithoutResult(s -> {
            take.accept(company);
            holding.countDown();
            try {
                end.await(30, SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(holding.await(10, SECONDS)).isTrue();
        return holder;
    }

    private static boolean waits(Future<?> future) throws Exception {
        try {
            future.get(500, MILLISECONDS);
            return false;
        } catch (TimeoutException e) {
            return true;
        }
    }
}
