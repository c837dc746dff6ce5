package ai.bookkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CompanyLockIntegrationTest extends DatabaseIntegrationTest {

    @Autowired CompanyLock lock;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void a_second_holder_of_the_same_company_waits_until_the_first_is_done_and_another_company_does_not() throws Exception {
        CompanyId company = CompanyId.newId();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> first = threads.submit(() -> lock.run("job", company, () -> {
            holding.countDown();
            release.await(30, TimeUnit.SECONDS);
            return "first";
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> second = new CompletableFuture<>();
        threads.submit(() -> second.complete(lock.run("job", company, () -> "second")));
        // while the first holds the company, the second must not get in
        assertThat(catchTimeout(second)).isTrue();
        // another company, or another purpose for this one, is not held up meanwhile
        assertThat(lock.run("job", CompanyId.newId(), () -> "other company")).isEqualTo("other company");
        assertThat(lock.run("export", company, () -> "other purpose")).isEqualTo("other purpose");

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
    }

    @Test
    void the_lock_is_released_when_the_work_fails() throws Exception {
        CompanyId company = CompanyId.newId();
        Future<?> failing = threads.submit(() -> lock.run("job", company, () -> {
            throw new IllegalStateException("boom");
        }));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> failing.get(10, TimeUnit.SECONDS)))
                .hasRootCauseMessage("boom");
        assertThat(threads.submit(() -> lock.run("job", company, () -> "next")).get(10, TimeUnit.SECONDS)).isEqualTo("next");
    }

    private static boolean catchTimeout(CompletableFuture<String> future) throws Exception {
        try {
            future.get(500, TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException e) {
            return true;
        }
    }
}
