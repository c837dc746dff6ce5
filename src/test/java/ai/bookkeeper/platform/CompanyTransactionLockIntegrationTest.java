package ai.bookkeeper.platform;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.bookkeeper.shared.BusyException;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class CompanyTransactionLockIntegrationTest extends DatabaseIntegrationTest {

    @Autowired CompanyTransactionLock lock;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

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

    @Test
    void on_postgresql_a_waiter_gives_up_after_the_lock_wait_as_busy_and_nothing_of_its_transaction_stays()
            throws Exception {
        assumeTrue(TestDatabase.isPostgres());
        CompanyTransactionLock impatient = new CompanyTransactionLock(jdbc, DatabaseEngine.POSTGRESQL,
                new DatabaseProperties("jdbc:postgresql://unused", null, null, null, java.time.Duration.ofMillis(300)));
        CompanyId company = CompanyId.newId();
        CountDownLatch end = new CountDownLatch(1);
        Future<?> first = hold(c -> lock.exclusive("test", c), company, end);

        long start = System.nanoTime();
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            jdbc.sql("CREATE TEMPORARY TABLE lock_wait_probe (x INT)").update();
            impatient.shared("test", company);
        })).isInstanceOfSatisfying(BusyException.class, busy -> {
            assertThat(busy.code()).isEqualTo("company.busy");
            assertThat(busy.getMessage()).contains("'test' lock", "300 ms", "this change was not kept");
            assertThat(busy.retryAfterSeconds()).isPositive();
        });
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertThat(waited).isBetween(250L, 10_000L);
        // rolled back: the table created before the wait is gone
        assertThat(jdbc.sql("SELECT count(*) FROM pg_class WHERE relname = 'lock_wait_probe'").query(Long.class).single())
                .isZero();

        end.countDown();
        first.get(10, SECONDS);
        // free again: the same call now takes the lock at once
        transactions.executeWithoutResult(s -> impatient.shared("test", company));
    }

    @Test
    void on_postgresql_a_shorter_lock_timeout_of_the_transaction_is_not_lengthened_by_the_lock_wait() throws Exception {
        assumeTrue(TestDatabase.isPostgres());
        CompanyId company = CompanyId.newId();
        CountDownLatch end = new CountDownLatch(1);
        Future<?> first = hold(c -> lock.exclusive("test", c), company, end);

        long start = System.nanoTime();
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            jdbc.sql("SET LOCAL lock_timeout = '200ms'").update();
            lock.exclusive("test", company); // the bean's own wait is 30 s
        })).isInstanceOfSatisfying(BusyException.class, busy -> assertThat(busy.getMessage()).contains("200 ms"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000L);

        end.countDown();
        first.get(10, SECONDS);
    }

    @Test
    void the_lock_wait_must_be_between_a_millisecond_and_an_hour() {
        assertThatThrownBy(() -> new DatabaseProperties("jdbc:sqlite:x", null, null, null, java.time.Duration.ZERO))
                .hasMessageContaining("between 1 ms and 1 hour");
        assertThatThrownBy(() -> new DatabaseProperties("jdbc:sqlite:x", null, null, null, java.time.Duration.ofDays(30)))
                .hasMessageContaining("between 1 ms and 1 hour");
        assertThat(new DatabaseProperties("jdbc:sqlite:x", null, null, null, null).lockWait())
                .isEqualTo(java.time.Duration.ofSeconds(30));
    }

    @Test
    void on_postgresql_the_lock_wait_bounds_only_the_lock_and_the_transaction_keeps_its_own_lock_timeout() {
        assumeTrue(TestDatabase.isPostgres());
        transactions.executeWithoutResult(s -> {
            jdbc.sql("SET LOCAL lock_timeout = '7s'").update();
            lock.exclusive("test", CompanyId.newId());
            assertThat(jdbc.sql("SELECT current_setting('lock_timeout')").query(String.class).single()).isEqualTo("7s");
        });
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
